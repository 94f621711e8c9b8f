"""What the component algorithms share: the coding-scheme parameters and class table, the
unit-grid layer, and locating components in it (codecomponents, validatecomponents), with the
warning when the components look like GCJ-02 or BD-09 read as WGS84."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from grid_plugin.core.cases.grid_assignment import GridAssignment, assign_to_grids
from grid_plugin.core.components.classes import ClassTable
from grid_plugin.core.geodesy.datum import DatumGuess
from grid_plugin.core.grids.codes import normalise_code
from grid_plugin.processing.datum import check_datum, polygons_contain, representative_lonlat
from grid_plugin.processing.features import read_geometries
from grid_plugin.toolbelt.i18n import tr
from grid_plugin.toolbelt.paths import resource

SCHEMES = ("gbt47678", "gbt30428")
GRID_ATTRIBUTES = ("street_code", "street_name", "community_code", "community_name")


class ComponentParameters:
    """Mixin for GridAlgorithm subclasses: scheme, own classes and unit-grid parameters."""

    SCHEME = "SCHEME"
    USER_CLASSES = "USER_CLASSES"
    GRIDS = "GRIDS"
    GRID_CODE_FIELD = "GRID_CODE_FIELD"

    def add_scheme_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterEnum(
            self.SCHEME, self.tr("Coding scheme"),
            [self.tr("GB/T 47678.5-2026: 5-digit classes, 17-digit IDs"),
             self.tr("GB/T 30428.2-2013: 4-digit classes, 16-digit IDs")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.USER_CLASSES, self.tr("Your own classes (CSV, extends or overrides the table; optional)"),
            extension="csv", optional=True))

    def add_grid_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.GRIDS, self.tr("Unit grids"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString(
            self.GRID_CODE_FIELD, self.tr("Grid code field of the unit grids"), defaultValue="grid_code"))

    def class_table(self, parameters, context, feedback) -> ClassTable:
        """The scheme's class table, extended by the user's CSV when one is given."""
        table = ClassTable.load(SCHEMES[self.parameterAsEnum(parameters, self.SCHEME, context)], resource("classes"))
        user_csv = self.parameterAsFile(parameters, self.USER_CLASSES, context)
        if user_csv:
            added = table.load_user_csv(user_csv)
            feedback.pushInfo(self.tr("{} classes added or overridden from {}.").format(len(added), user_csv))
        return table

    def grid_code_field(self, parameters, context, grids_source) -> str:
        name = self.parameterAsString(parameters, self.GRID_CODE_FIELD, context) or "grid_code"
        if name not in grids_source.fields().names():
            raise QgsProcessingException(self.tr(
                "The unit-grid layer has no field '{}'; its fields are: {}").format(
                    name, ", ".join(grids_source.fields().names())))
        return name


class GridLocation:
    """Components located in the unit grids: the grid of each and the grids' attributes."""

    def __init__(self, grids_source, grid_field: str, geometries, feedback):
        names = grids_source.fields().names()
        self.names = [grid_field] + [n for n in GRID_ATTRIBUTES if n in names and n != grid_field]
        self.crs = grids_source.sourceCrs()
        _, grid_geoms, self.rows = read_geometries(grids_source, QgsFeatureRequest(), self.names, feedback)
        self.grid_geometries = grid_geoms
        codes = np.array([normalise_code(r[0]) for r in self.rows], dtype=object)
        # a component on a shared edge goes to the lowest grid code, whatever the reading order
        priority = np.argsort(np.argsort(codes.astype(str), kind="stable"))
        self.assignment: GridAssignment = assign_to_grids(
            np.asarray(geometries, dtype=object), np.asarray(grid_geoms, dtype=object), priority)

    def column(self, name: str) -> list[str | None]:
        """A grid attribute for every component (None outside every grid), by indexing."""
        if name not in self.names:
            return [None] * len(self.assignment.grid)
        at = self.names.index(name)
        values = [None if r[at] is None else str(r[at]) for r in self.rows] + [None]
        return [values[g] for g in self.assignment.grid.tolist()]  # -1 picks the trailing None

    def check_datum(self, geometries, chosen: str, key: str, feedback) -> DatumGuess | None:
        """Warn when the components outside every grid would lie inside read in another datum (processing.datum);
        nothing to do (None) when no component is outside."""
        if not len(self.assignment.outside()):
            return None
        present = ~shapely.is_missing(np.asarray(geometries, dtype=object))
        lon, lat = representative_lonlat(np.asarray(geometries, dtype=object)[present], self.crs)
        return check_datum(feedback, lon, lat, polygons_contain(self.grid_geometries, self.crs), chosen,
                           tr("components"), key)

    def codes(self) -> list[str | None]:
        values = [normalise_code(r[0]) or None for r in self.rows] + [None]
        return [values[g] for g in self.assignment.grid.tolist()]
