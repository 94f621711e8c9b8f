"""The inputs of division: dividegrids' parameters read once into a DivisionRequest, and the readers
that turn its layers into core objects: community codes, and the optional lines to follow,
workload points and previous grid layer, all in the working CRS."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
    QgsWkbTypes,
)

from grid_plugin.core.errors import GridInputError, message
from grid_plugin.core.geodesy.offsets import WGS84
from grid_plugin.core.grids.blocks import linear_parts
from grid_plugin.core.grids.codes import CommunityCode, community_code_from_parts, normalise_code, parse_community_code
from grid_plugin.core.grids.containers import polygonal_part
from grid_plugin.core.grids.follow import (
    BARRIER_RANK,
    DEFAULT_MIN_AREA_M2,
    DEFAULT_ROAD_RANK,
    AreaSettings,
    FollowLines,
    WeightPoints,
    road_class_rank,
)
from grid_plugin.core.grids.lattice import DEFAULT_MIN_AREA_FRACTION
from grid_plugin.core.grids.precision import snap_coverage
from grid_plugin.core.grids.stability import PreviousGrid
from grid_plugin.core.schema import CARRIED_GRID_FIELDS
from grid_plugin.processing.datum import read_in_datum
from grid_plugin.processing.features import iso_date, read_geometries
from grid_plugin.toolbelt.i18n import tr

_MAX_REPORTED = 20


@dataclass(frozen=True)
class DivisionRequest:
    """The parameters of one dividegrids run, read and checked once."""

    source: QgsFeatureSource  # the communities
    datum: str  # of the communities: "wgs84" (as the layer's CRS says), "gcj02" or "bd09"
    working_crs: QgsCoordinateReferenceSystem
    code_fields: dict[str, str]  # community, street, district, street_name, community_name: a field or ""
    code_parts: bool  # district, street and community codes in separate fields
    district_code: str  # the district of all features when there is no district field
    overlap_tolerance: float  # m² two communities may overlap
    follow: bool  # follow features; else a regular lattice
    line_layers: list[QgsVectorLayer]  # the lines to follow
    lines_datum: str
    road_class_field: str
    target_area: float  # m², follow features
    max_area: float  # m², follow features
    min_area: float | None  # m²; None: the mode's default
    cell_size: float  # m, regular lattice
    weights: QgsFeatureSource | None  # workload points
    weight_field: str
    order: str  # numbering.ORDERS
    precision: float  # m, the grid of the vertices
    previous: QgsFeatureSource | None  # previous unit grids, whose codes are kept
    previous_code_field: str
    match_overlap: float  # share, both ways
    effective_date: str  # ISO
    line_tolerance: float  # m
    change_report: str  # CSV path; "" for none

    def area_settings(self) -> AreaSettings:
        """Target, minimum and maximum areas of follow features."""
        minimum = DEFAULT_MIN_AREA_M2 if self.min_area is None else self.min_area
        return AreaSettings(target=self.target_area, minimum=minimum, maximum=self.max_area)

    def lattice_min_area(self) -> float:
        """The area below which a lattice piece joins a neighbour."""
        if self.min_area is None:
            return DEFAULT_MIN_AREA_FRACTION * self.cell_size * self.cell_size
        return self.min_area


def read_community_codes(
    fids: Sequence[int], rows: Sequence[dict[str, object]], fields: dict[str, str], parts_mode: bool,
    district_constant: str,
) -> list[CommunityCode]:
    """The community code of every feature, from one 12-digit field or from district, street and
    community parts (`fields` names them); every malformed code is reported in one error."""
    codes, problems = [], []
    for fid, row in zip(fids, rows):
        where = message("feature {fid}", fid=fid)
        try:
            if parts_mode:
                district = row[fields["district"]] if fields["district"] else district_constant
                codes.append(community_code_from_parts(
                    district, row[fields["street"]], row[fields["community"]], where,
                    (fields["district"], fields["street"], fields["community"])))
            else:
                codes.append(parse_community_code(row[fields["community"]], where, fields["community"]))
        except GridInputError as err:
            problems.append(err.message.render(tr))
    if problems:
        more = len(problems) - _MAX_REPORTED
        raise QgsProcessingException(
            tr("Community codes are missing or malformed: ") + "; ".join(problems[:_MAX_REPORTED])
            + (tr(" (and {} more)").format(more) if more > 0 else ""))
    return codes


def _request(crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext) -> QgsFeatureRequest:
    return QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())


def read_follow_lines(
    layers: Sequence[QgsVectorLayer], class_field: str, crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext, feedback: QgsProcessingFeedback, datum: str = WGS84,
) -> FollowLines:
    """Every line of every layer with its crossing rank; `datum` says whether the layers' coordinates are GCJ-02
    or BD-09 ones (processing.datum).

    Layers with the road-class field rank their lines by it; layers without it (rivers, walls)
    are barriers. Unknown class names get the rank of a minor road, with a warning listing them.
    """
    geometries, ranks = [], []
    for layer in layers:
        if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.GeometryType.LineGeometry:
            raise QgsProcessingException(tr(
                "Layer '{}' to follow does not contain lines; choose road, river or wall line layers.").format(
                    layer.name()))
        has_class = bool(class_field) and class_field in layer.fields().names()
        _, shapes, values = read_in_datum(layer, crs, context, [class_field] if has_class else [], datum, feedback)
        present = np.array([g is not None for g in shapes], dtype=bool)
        shapes = shapes[present]
        if has_class:
            unknown: dict[str, int] = {}
            layer_ranks = []
            for keep, row in zip(present.tolist(), values):
                if not keep:
                    continue
                rank = road_class_rank(row[0])
                if rank is None:
                    unknown[str(row[0])] = unknown.get(str(row[0]), 0) + 1
                    rank = DEFAULT_ROAD_RANK
                layer_ranks.append(rank)
            if unknown:
                feedback.pushWarning(tr(
                    "Layer '{}': road classes not known to the plugin were ranked as minor roads: {}. "
                    "Give numeric ranks (1 = alley … 6 = expressway) to control merging.").format(
                        layer.name(), ", ".join(f"{k} ({n})" for k, n in sorted(unknown.items()))))
        else:
            layer_ranks = [BARRIER_RANK] * len(shapes)
            feedback.pushInfo(tr("Layer '{}' has no road-class field '{}': its lines are barriers "
                                  "(rivers, walls) that merging crosses last.").format(layer.name(), class_field))
        parts, index = shapely.get_parts(shapes, return_index=True)
        simple, simple_index = _lines_with_index(parts)
        geometries.append(simple)
        ranks.append(np.asarray(layer_ranks, dtype=np.int64)[index[simple_index]] if len(simple) else
                     np.empty(0, dtype=np.int64))
    if not geometries:
        return FollowLines(np.empty(0, dtype=object), np.empty(0, dtype=np.int64))
    return FollowLines(np.concatenate(geometries), np.concatenate(ranks))


def _lines_with_index(parts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """LineString parts with length, and the index of the part each came from."""
    keep = [k for k, part in enumerate(parts) if len(linear_parts(np.array([part], dtype=object)))]
    return parts[keep], np.asarray(keep, dtype=np.int64)


def read_weight_points(
    source: QgsFeatureSource, weight_field: str, crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext, feedback: QgsProcessingFeedback,
) -> WeightPoints:
    """Workload points (every part of a multipoint counts) with their weights (1 by default)."""
    if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.GeometryType.PointGeometry:
        raise QgsProcessingException(tr(
            "The workload layer must contain points (components or past cases)."))
    fids, shapes, values = read_geometries(source, _request(crs, context), [weight_field] if weight_field else [],
                                           feedback)
    weights = []
    for fid, row in zip(fids, values):
        value = row[0] if weight_field else 1.0
        try:
            weight = 0.0 if value is None else float(value)
        except (TypeError, ValueError):
            raise QgsProcessingException(tr(
                "Workload feature {}: weight '{}' in field '{}' is not a number; fix the value or "
                "choose another field.").format(fid, value, weight_field)) from None
        if weight < 0:
            raise QgsProcessingException(tr(
                "Workload feature {}: weight {} is negative; weights count workload and must be ≥ 0.").format(
                    fid, weight))
        weights.append(weight)
    present = np.array([g is not None for g in shapes], dtype=bool)
    points, index = shapely.get_parts(shapes[present], return_index=True)
    xy = shapely.get_coordinates(points)
    return WeightPoints(xy, np.asarray(weights)[present][index])


def read_previous_grids(
    source: QgsFeatureSource, code_field: str, crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext, feedback: QgsProcessingFeedback, precision: float | None = None,
) -> list[PreviousGrid]:
    """The previous grid layer: codes, geometries, dates and the attributes a kept grid keeps. With a
    precision, the geometries are put on that grid as one coverage (core.grids.precision), as new grids are:
    retired ones are written again and must stay valid in every CRS."""
    names = source.fields().names()
    if code_field not in names:
        raise QgsProcessingException(tr(
            "The previous grid layer has no field '{}'; its fields are: {}").format(code_field, ", ".join(names)))
    extra = [name for name in CARRIED_GRID_FIELDS if name in names]
    wanted = [code_field] + [n for n in ("init_date", "end_date") if n in names] + extra
    fids, shapes, values = read_geometries(source, _request(crs, context), wanted, feedback)
    if precision:
        present = np.flatnonzero(~shapely.is_missing(shapes) & ~shapely.is_empty(shapes))
        valid = np.array([g if g.is_valid else polygonal_part(shapely.make_valid(g)) for g in shapes[present]],
                         dtype=object)
        snapped = snap_coverage(valid, precision, fragment_m2=0.0).geometries
        kept = ~shapely.is_missing(snapped)  # a grid narrower than the precision keeps its shape
        shapes = shapes.copy()
        shapes[present[kept]] = snapped[kept]
    grids = []
    for fid, shape, row in zip(fids, shapes, values):
        record = dict(zip(wanted, row))
        if shape is None or shape.is_empty:
            raise QgsProcessingException(tr(
                "Previous grid feature {} has no geometry; delete it or draw its polygon.").format(fid))
        grids.append(PreviousGrid(
            fid=fid, code=normalise_code(record[code_field]),
            geometry=shape if shape.is_valid else shapely.make_valid(shape),
            init_date=iso_date(record.get("init_date")), end_date=iso_date(record.get("end_date")),
            extra={name: record.get(name) for name in extra},
        ))
    return grids
