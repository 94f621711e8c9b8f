"""The store parameters and what they read, shared by the case, address and component algorithms:
the store (a GeoPackage file or a QGIS PostgreSQL connection), the case filter (time window, kind,
class, source, status, default-location piles), the unit grids (a layer or the store's) and the
codes of the grid each point stands in, the store's gazetteer, the CRS the algorithm measures in
and the CRS its outputs are tagged with."""

from __future__ import annotations

import dataclasses

import numpy as np
import pyproj
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from grid_plugin.core.addresses.addresses import AddressEntries
from grid_plugin.core.cases.point_location import PointLocator
from grid_plugin.core.cases.records import CaseFilter, filter_kinds, split_list
from grid_plugin.core.cases.times import DEFAULT_TIME_ZONE, parse_time, time_zone
from grid_plugin.core.errors import GridInputError
from grid_plugin.core.geodesy.crs import working_epsg
from grid_plugin.core.geodesy.reprojection import repair_transformed
from grid_plugin.core.grids.codes import normalise_code
from grid_plugin.core.grids.grid_extent import GridExtent
from grid_plugin.processing.features import read_geometries
from grid_plugin.store.base import CaseStore, StoredGrids, StoreFeedback, grids_datum
from grid_plugin.store.choice import CONNECTION, DB_SCHEMA, DEFAULT_SCHEMA, STORE, StoreChoice
from grid_plugin.store.schema import STORE_SRID

GRID_NAME_FIELDS = ("street_code", "street_name", "community_code", "community_name")


class StoreParameters:
    """Mixin for GridAlgorithm subclasses: where the cases live, and which of them to use."""

    STORE, CONNECTION, DB_SCHEMA = STORE, CONNECTION, DB_SCHEMA
    GRIDS = "GRIDS"
    CONTIGUITY = "CONTIGUITY"
    TOLERANCE = "TOLERANCE"
    START = "START"
    END = "END"
    KINDS = "KINDS"
    CLASSES = "CLASSES"
    SOURCES = "SOURCES"
    STATUSES = "STATUSES"
    INCLUDE_PILES = "INCLUDE_PILES"
    TIMEZONE = "TIMEZONE"
    WORKING_CRS = "WORKING_CRS"

    def add_store_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.STORE, self.tr("Case store: GeoPackage file (a new name creates it)"),
            extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.CONNECTION, self.tr("Or a PostGIS store: QGIS PostgreSQL connection"), "postgres", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DB_SCHEMA, self.tr("PostGIS schema of the store"), defaultValue=DEFAULT_SCHEMA, optional=True))

    def add_grid_source_parameter(self, description: str) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.GRIDS, description, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))

    def add_filter_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            self.START, self.tr("From (report time, inclusive; e.g. 2025-03-01 or 2025-03-01 08:00)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.END, self.tr("Until (report time, exclusive)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.KINDS, self.tr("Kinds (部件 / 事件; comma separated, empty for all)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CLASSES, self.tr("Class codes (comma separated, empty for all)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SOURCES, self.tr("Sources (comma separated, empty for all)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.STATUSES, self.tr("Statuses (comma separated, empty for all)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCLUDE_PILES, self.tr("Include cases on default-location piles (location_quality 'pile')"),
            defaultValue=False))
        self.add_timezone_parameter()

    def add_neighbour_parameters(self) -> None:
        """Which grids are neighbours (casehotspots, emerginghotspots): contiguity, gap tolerance, working CRS."""
        self.addParameter(QgsProcessingParameterEnum(
            self.CONTIGUITY, self.tr("Neighbours"), [self.tr("Queen (sharing a point)"),
                                                    self.tr("Rook (sharing an edge)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr("Gap tolerance between neighbouring grids (m)"),
            QgsProcessingParameterNumber.Type.Double, 0.5, minValue=0.0))
        self.add_working_crs_parameter(self.tr(
            "CRS the gap tolerance is measured in (empty: the grids' Gauss-Krüger zone in China, their UTM zone "
            "elsewhere)"))

    def add_working_crs_parameter(self, description: str) -> None:
        self.addParameter(QgsProcessingParameterCrs(self.WORKING_CRS, description, optional=True))

    def filter_help(self) -> str:
        """The paragraph on INCLUDE_PILES and WORKING_CRS of the algorithms that have them."""
        return self.tr(
            "Cases that importcases found on a default-location pile (one exact point holding far more cases than "
            "any real place, such as a street office where unlocatable cases are put; location_quality 'pile') "
            "are left out unless INCLUDE_PILES is set. WORKING_CRS is the projected CRS in metres the algorithm "
            "measures in; empty: the CGCS2000 3-degree Gauss-Krüger zone of the grids in China, the WGS 84 UTM "
            "zone elsewhere. Outputs are in the grids' geographic CRS: CGCS2000 (EPSG:4490) in China, WGS 84 "
            "(EPSG:4326) elsewhere.")

    def add_timezone_parameter(self) -> None:
        self.addParameter(QgsProcessingParameterString(
            self.TIMEZONE, self.tr("Time zone of times without one"), defaultValue=DEFAULT_TIME_ZONE))

    # ---- reading the parameters ----------------------------------------------------------------------
    def open_case_store(self, parameters, context, create: bool, feedback=None) -> CaseStore:
        """The chosen store; with `feedback`, a store that waits for another import says so there
        and stops waiting on cancel."""
        path = self.parameterAsFile(parameters, self.STORE, context)
        connection = self.parameterAsConnectionName(parameters, self.CONNECTION, context)
        schema = self.parameterAsString(parameters, self.DB_SCHEMA, context)
        choice = StoreChoice.from_parameters({STORE: path, CONNECTION: connection, DB_SCHEMA: schema})
        hooks = None if feedback is None else StoreFeedback(lambda text: feedback.pushInfo(self.render(text)),
                                                            feedback.isCanceled)
        try:
            return choice.open(create=create, feedback=hooks)
        except GridInputError as err:
            raise self.input_error(err) from err

    def zone_name(self, parameters, context) -> str:
        name = (self.parameterAsString(parameters, self.TIMEZONE, context) or DEFAULT_TIME_ZONE).strip()
        try:
            time_zone(name)
        except GridInputError as err:
            raise self.input_error(err) from err
        return name

    def case_filter(self, parameters, context) -> CaseFilter:
        zone = time_zone(self.zone_name(parameters, context))
        bounds = []
        for key in (self.START, self.END):
            text = (self.parameterAsString(parameters, key, context) or "").strip()
            try:
                bounds.append(parse_time(text, zone))
            except (ValueError, OverflowError) as err:
                raise QgsProcessingException(self.tr(
                    "'{}' is not a date or time; write it as 2025-03-01 or 2025-03-01 08:00.").format(text)) from err
        if bounds[0] and bounds[1] and bounds[0] >= bounds[1]:
            raise QgsProcessingException(self.tr("The time window is empty: 'From' must come before 'Until'."))
        try:
            kinds = filter_kinds(split_list(self.parameterAsString(parameters, self.KINDS, context)))
        except GridInputError as err:
            raise self.input_error(err) from err
        return CaseFilter(
            start=bounds[0], end=bounds[1], kinds=kinds,
            class_codes=split_list(self.parameterAsString(parameters, self.CLASSES, context)),
            sources=split_list(self.parameterAsString(parameters, self.SOURCES, context)),
            statuses=split_list(self.parameterAsString(parameters, self.STATUSES, context)),
            include_piles=self.parameterAsBoolean(parameters, self.INCLUDE_PILES, context))

    def report_piles_left_out(self, store: CaseStore, case_filter: CaseFilter, feedback) -> int:
        """Say how many cases of the filter lie on default-location piles and are left out."""
        if case_filter.include_piles:
            return 0
        left_out = store.count_cases(dataclasses.replace(case_filter, include_piles=True)) - store.count_cases(
            case_filter)
        if left_out:
            feedback.pushInfo(self.tr(
                "{} cases on default-location piles are left out (location_quality 'pile'); INCLUDE_PILES counts "
                "them.").format(left_out))
        return left_out

    # ---- coordinate systems -----------------------------------------------------------------------------
    def measuring_crs(self, parameters, context, grids: StoredGrids) -> QgsCoordinateReferenceSystem:
        """WORKING_CRS when given (a projected CRS in ground metres), else the grids' Gauss-Krüger zone
        in China or their UTM zone elsewhere (core.geodesy.crs.working_epsg)."""
        given = self.given_working_crs(parameters, self.WORKING_CRS, context)
        if given is not None:
            return given
        if not len(grids):
            raise QgsProcessingException(self.tr("There are no unit grids to place the raster."))
        minx, miny, maxx, maxy = shapely.total_bounds(grids.geometries)
        return QgsCoordinateReferenceSystem(f"EPSG:{working_epsg((minx + maxx) / 2, (miny + maxy) / 2)}")

    @staticmethod
    def grids_extent(grids: StoredGrids) -> GridExtent:
        """Where cases given in an explicit CRS may lie (core.grids.grid_extent)."""
        return GridExtent.of(shapely.total_bounds(grids.geometries))

    @staticmethod
    def output_crs(grids: StoredGrids) -> QgsCoordinateReferenceSystem:
        """The geographic CRS outputs over these grids are tagged with (store.base.grids_datum)."""
        return QgsCoordinateReferenceSystem(f"EPSG:{grids_datum(grids)}")

    def grids_from_layer(self, parameters, context, feedback) -> StoredGrids | None:
        """The GRIDS layer as store grids (EPSG:4490), active grids only; None when not given."""
        source = self.parameterAsSource(parameters, self.GRIDS, context)
        if source is None:
            return None
        names = source.fields().names()
        if "grid_code" not in names:
            raise QgsProcessingException(self.tr(
                "The unit-grid layer has no field 'grid_code'; use the output of Divide communities into unit grids. "
                "Its fields are: {}").format(", ".join(names)))
        wanted = ["grid_code", *[n for n in (*GRID_NAME_FIELDS, "area_m2", "change") if n in names]]
        request = QgsFeatureRequest()
        store_crs = QgsCoordinateReferenceSystem(f"EPSG:{STORE_SRID}")
        request.setDestinationCrs(store_crs, context.transformContext())
        _, geometries, rows = read_geometries(source, request, wanted, feedback)
        active = [i for i, row in enumerate(rows)
                  if geometries[i] is not None and (dict(zip(wanted, row)).get("change") or "") != "retired"]
        if not active:
            raise QgsProcessingException(self.tr("The unit-grid layer has no active grids with a geometry."))
        columns = {name: [rows[i][wanted.index(name)] if name in wanted else None for i in active]
                   for name in (*GRID_NAME_FIELDS, "area_m2")}
        geoms, repaired = repair_transformed(np.asarray(geometries, dtype=object)[active])
        if repaired:  # grids written before the division snapped its output, or by other software
            feedback.pushWarning(self.tr(
                "{} unit grids became invalid when taken to EPSG:{} and were repaired; run Validate unit grids on "
                "the layer.").format(repaired, STORE_SRID))
        area = np.array([a if a is not None else np.nan for a in columns["area_m2"]], dtype=float)
        if np.isnan(area).any():
            area = np.where(np.isnan(area), _ground_area(geoms), area)
        return StoredGrids([normalise_code(rows[i][0]) for i in active],
                           *(_texts(columns[n]) for n in GRID_NAME_FIELDS[:2]),
                           *(_texts(columns[n]) for n in GRID_NAME_FIELDS[2:]), area, geoms)

    def store_grids(self, store: CaseStore, parameters, context, feedback, write: bool) -> StoredGrids:
        """The GRIDS layer when given (saved into the store when `write`), else the store's grids."""
        grids = self.grids_from_layer(parameters, context, feedback)
        if grids is not None:
            if write:
                store.write_grids(grids)
            return grids
        grids = store.read_grids()
        if not len(grids):
            raise QgsProcessingException(self.tr(
                "The store {} has no unit grids yet; give the unit-grid layer (GRIDS) once and it is saved "
                "into the store.").format(store.label))
        return grids


def _texts(values) -> list[str | None]:
    return [None if v is None else str(v) for v in values]


def _ground_area(geometries: np.ndarray) -> np.ndarray:
    """Areas in m² on the CGCS2000 ellipsoid (GRS80 to 0.1 mm), for grid layers without area_m2."""
    geod = pyproj.Geod(ellps="GRS80")
    return np.array([abs(geod.geometry_area_perimeter(g)[0]) for g in geometries], dtype=float)


@dataclasses.dataclass
class GridCodes:
    """Codes and names of the grid each point stands in (None outside every grid)."""

    grid_codes: list[str | None]
    street_codes: list[str | None]
    street_names: list[str | None]
    community_codes: list[str | None]
    community_names: list[str | None]

    def district_codes(self) -> list[str | None]:
        return [code[:6] if code else None for code in self.grid_codes]


def grid_codes_at(grids: StoredGrids, lon: np.ndarray, lat: np.ndarray) -> GridCodes:
    """Point in polygon through the raster locator, EPSG:4490 on both sides; ties go to the lowest code."""
    return GridCodeLocator(grids)(lon, lat)


class GridCodeLocator:
    """grid_codes_at with the locator built once, for points that come in chunks."""

    def __init__(self, grids: StoredGrids):
        self.grids = grids
        self._locator: PointLocator | None = None
        if len(grids):
            codes = np.asarray(grids.grid_codes, dtype=object)
            priority = np.argsort(np.argsort(codes.astype(str), kind="stable"))
            self._locator = PointLocator(grids.geometries, priority)

    def __call__(self, lon: np.ndarray, lat: np.ndarray) -> GridCodes:
        grids = self.grids
        if self._locator is None or not len(lon):
            empty = [None] * len(lon)
            return GridCodes(empty, empty, empty, empty, empty)
        index = self._locator.locate(np.asarray(lon, float), np.asarray(lat, float)).tolist()

        def pick(values):
            padded = [*values, None]
            return [padded[g] for g in index]

        return GridCodes(pick(grids.grid_codes), pick(grids.street_codes), pick(grids.street_names),
                         pick(grids.community_codes), pick(grids.community_names))

    def contains(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """True where a point lies in some grid (processing.datum's Contains, for degrees as the grids')."""
        if self._locator is None:
            return np.zeros(len(lon), dtype=bool)
        found: np.ndarray = self._locator.locate(np.asarray(lon, float), np.asarray(lat, float)) >= 0
        return found


def store_gazetteer(algorithm, store: CaseStore) -> AddressEntries:
    entries = store.read_addresses()
    if not len(entries):
        raise QgsProcessingException(algorithm.tr(
            "The store {} has no standard addresses yet; import them first with Import standard addresses "
            "(importaddresses).").format(store.label))
    return entries
