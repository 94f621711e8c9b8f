"""The inputs of division: dividegrids' parameters read once into a DivisionRequest, and the readers
that turn its layers into core objects: community codes, and the optional lines and polygon features to
follow (with the managed units), workload points and previous grid layer, all in the working CRS."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExpression,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from grid_plugin.core.errors import Cancelled, GridInputError, message
from grid_plugin.core.geodesy.offsets import WGS84
from grid_plugin.core.grids.codes import CommunityCode, community_code_from_parts, normalise_code, parse_community_code
from grid_plugin.core.grids.containers import polygonal_part
from grid_plugin.core.grids.follow import (
    BARRIER_RANK,
    DEFAULT_POLYGON_RANK,
    DEFAULT_ROAD_RANK,
    KIND_FEATURE,
    KIND_ROAD,
    AreaSettings,
    FollowLines,
    WeightPoints,
    road_class_rank,
)
from grid_plugin.core.grids.lattice import DEFAULT_MIN_AREA_FRACTION
from grid_plugin.core.grids.merging import STRIP_WIDTH_M
from grid_plugin.core.grids.parcel_edges import DEFAULT_EDGE_TO_LINE_M, edges_onto_lines
from grid_plugin.core.grids.precision import snap_coverage
from grid_plugin.core.grids.shapes import LINES, POLYGONS, simple_parts
from grid_plugin.core.grids.snapping import DEFAULT_SNAP_TOLERANCE_M
from grid_plugin.core.grids.stability import PreviousGrid
from grid_plugin.core.grids.units import OPEN_LAND_FRACTION, ManagedUnits, repair_polygons, unit_flag
from grid_plugin.core.schema import CARRIED_GRID_FIELDS
from grid_plugin.processing.datum import read_in_datum
from grid_plugin.processing.features import iso_date, read_geometries
from grid_plugin.toolbelt.i18n import tr

_MAX_REPORTED = 20
POLYGONS_KEY, POLYGON_RANK, POLYGON_CLASS_FIELD = "POLYGONS", "POLYGON_RANK", "POLYGON_CLASS_FIELD"
MANAGED_UNIT, OPEN_LAND_MAX, EDGE_TO_LINE = "MANAGED_UNIT", "OPEN_LAND_MAX", "EDGE_TO_LINE"


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
    max_area: float | None  # m², follow features; None: MAX_AREA_FRACTION × target
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
    polygon_layers: list[QgsVectorLayer] = field(default_factory=list)  # polygon features to follow
    polygon_rank: int = DEFAULT_POLYGON_RANK
    polygon_class_field: str = ""
    managed_unit: str = ""  # expression; "" for none
    open_land_max: float | None = None  # m²; None: OPEN_LAND_FRACTION × target
    snap_tolerance: float = DEFAULT_SNAP_TOLERANCE_M  # m: line ends this close to another line are joined to it
    edge_to_line: float = DEFAULT_EDGE_TO_LINE_M  # m: polygon edges this close to a line are taken as the line

    def area_settings(self) -> AreaSettings:
        """Target, minimum and maximum areas of follow features (the bounds not given follow the target)."""
        return AreaSettings(target=self.target_area, minimum=self.min_area, maximum=self.max_area,
                            open_land=self.open_land_max)

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

    Layers with the road-class field rank their lines by it (roads); layers without it (rivers, walls)
    are barriers, of the other kind. Unknown class names get the rank of a minor road, with a warning
    listing them.
    """
    geometries, ranks, kinds = [], [], []
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
            layer_ranks, unknown = _class_ranks([row[0] for keep, row in zip(present.tolist(), values) if keep],
                                                DEFAULT_ROAD_RANK)
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
        kinds.append(np.full(len(simple), KIND_ROAD if has_class else KIND_FEATURE, dtype=np.int64))
    if not geometries:
        return FollowLines(np.empty(0, dtype=object), np.empty(0, dtype=np.int64))
    return FollowLines(np.concatenate(geometries), np.concatenate(ranks), np.concatenate(kinds))


def add_polygon_parameters(algorithm) -> None:
    """POLYGONS, MANAGED_UNIT and OPEN_LAND_MAX, and the advanced POLYGON_RANK and POLYGON_CLASS_FIELD."""
    algorithm.addParameter(QgsProcessingParameterMultipleLayers(
        POLYGONS_KEY, tr("Polygon features to follow (parcels, compounds, water bodies; optional)"),
        QgsProcessing.SourceType.TypeVectorPolygon, optional=True))
    algorithm.addParameter(QgsProcessingParameterExpression(
        MANAGED_UNIT, tr("Managed units among the polygon features (expression or field; true = one unit)"),
        optional=True))
    algorithm.addParameter(QgsProcessingParameterNumber(
        OPEN_LAND_MAX, tr("Largest managed unit kept as one grid (m²; empty = 4 × target)"),
        QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0.0))
    advanced = [
        QgsProcessingParameterNumber(
            POLYGON_RANK, tr("Crossing rank of polygon boundaries (1 = alley … 6 = expressway, 9 = barrier)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=DEFAULT_POLYGON_RANK, minValue=1),
        QgsProcessingParameterString(
            POLYGON_CLASS_FIELD, tr("Rank field of the polygon layers (a rank or road class per polygon)"),
            optional=True),
        QgsProcessingParameterNumber(
            EDGE_TO_LINE, tr("Polygon edges this close to a line to follow are taken as the line (m; 0 = off)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DEFAULT_EDGE_TO_LINE_M, minValue=0.0),
    ]
    for parameter in advanced:
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        algorithm.addParameter(parameter)


def polygon_help() -> str:
    """The paragraph on the polygon features for dividegrids' shortHelpString."""
    return tr(
        "Polygon features (POLYGONS: land-use parcels, building blocks, compounds, water bodies): their boundaries "
        "bound blocks like lines, so land is divided along parcel edges first, then along dead ends extended to a "
        "block's edge, and only then by straight cuts. Merging crosses them at POLYGON_RANK (default 1, as an "
        "alley; where a boundary runs on a road or wall, that line's rank counts) or at the rank in "
        "POLYGON_CLASS_FIELD (e.g. 9 for water). Their coordinates are read as LINES_DATUM says. MANAGED_UNIT (an "
        "expression or a field name, e.g. \"type\" IN ('小区','学校')) marks the polygons managed as one unit "
        "(现状管理): each one up to OPEN_LAND_MAX (empty = {} × the target area) is one grid, even above the "
        "maximum area, and takes in a small neighbouring block only when that block has no other neighbour or is a "
        "strip narrower than {} m (the land between its wall and a road's centre line; a strip along several units, "
        "such as an unmapped lane between two compounds, is shared among them, each part going to the nearest); a "
        "larger one is divided "
        "like other land, with a warning naming it. The quality figures give the shares of interior grid boundaries "
        "on roads (BOUNDARY_ON_ROADS), on other followed features (BOUNDARY_ON_FEATURES) and on neither "
        "(BOUNDARY_STRAIGHT). Polygon edges within EDGE_TO_LINE (default {} m) of a line to follow are taken as "
        "that line: a compound's wall beside the centre line of the road outside it is dropped there and the walls "
        "that meet it are continued to the centre line, so each compound's grid reaches the road's centre line and "
        "no strip of road runs on round several compounds.").format(
            f"{OPEN_LAND_FRACTION:g}", f"{STRIP_WIDTH_M:g}", f"{DEFAULT_EDGE_TO_LINE_M:g}")


def polygon_edges_onto_lines(polygons: FollowLines, lines: FollowLines, distance: float,
                             feedback: QgsProcessingFeedback) -> FollowLines:
    """The polygon boundaries with their stretches beside the lines taken as the lines
    (core.grids.parcel_edges), ranks and kinds carried along, logged."""
    moved = edges_onto_lines(polygons.geometries, lines.geometries, distance)
    if not moved.changed:
        return polygons
    feedback.pushInfo(tr("Polygon edges within {} m of a line to follow taken as the line: {:.0f} m of edges.").format(
        f"{distance:g}", moved.dropped_m))
    return FollowLines(moved.parts, polygons.ranks[moved.source], polygons.kinds[moved.source], polygons.units)


def read_follow_polygons(
    layers: Sequence[QgsVectorLayer], rank: int, class_field: str, unit_expression: str,
    crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext, feedback: QgsProcessingFeedback,
    datum: str = WGS84,
) -> FollowLines:
    """The boundaries of every polygon of every layer as lines to follow (of the other kind than roads) with
    their crossing rank, and the polygons `unit_expression` marks as managed units. `datum` as for
    read_follow_lines. Invalid polygons are repaired with make_valid, with a warning naming them."""
    lines = FollowLines(np.empty(0, dtype=object), np.empty(0, dtype=np.int64))
    for layer in layers:
        if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise QgsProcessingException(tr(
                "Layer '{}' of the polygon features to follow does not contain polygons; choose parcel, "
                "compound or water layers.").format(layer.name()))
        flags = _unit_flags(layer, unit_expression, feedback) if unit_expression.strip() else {}
        has_class = bool(class_field) and class_field in layer.fields().names()
        if class_field and not has_class:
            feedback.pushInfo(tr("Layer '{}' has no rank field '{}': its polygon boundaries rank {}.").format(
                layer.name(), class_field, rank))
        fids, shapes, values = read_in_datum(layer, crs, context, [class_field] if has_class else [], datum, feedback)
        shapes, repaired = repair_polygons(shapes)
        if repaired:
            feedback.pushWarning(tr(
                "Layer '{}': {} invalid polygon(s) repaired with make_valid (feature: reason, area change): {}. "
                "Check them.").format(layer.name(), len(repaired), "; ".join(
                    f"{fids[k]}: {reason}, {change:.1f} m²" for k, reason, change in repaired[:_MAX_REPORTED])
                    + (" …" if len(repaired) > _MAX_REPORTED else "")))
        layer_ranks = _polygon_ranks(layer, values, rank, has_class, feedback)
        polygons, owner = simple_parts(shapes[~shapely.is_missing(shapes)], POLYGONS)
        owner = np.flatnonzero(~shapely.is_missing(shapes))[owner]
        edges, edge_owner = simple_parts(shapely.boundary(polygons), LINES)
        unit = np.array([flags.get(fids[k], False) for k in owner.tolist()], dtype=bool)
        names = [message("layer '{layer}', feature {fid}", layer=layer.name(), fid=fids[k])
                 for k in owner[unit].tolist()]
        lines = lines.joined(FollowLines(
            edges, layer_ranks[owner[edge_owner]], np.full(len(edges), KIND_FEATURE, dtype=np.int64),
            ManagedUnits(polygons[unit], names)))
    return lines


def request_polygons(request: DivisionRequest, context: QgsProcessingContext,
                     feedback: QgsProcessingFeedback) -> FollowLines:
    """read_follow_polygons with the request's layers and parameters, logged."""
    polygons = read_follow_polygons(request.polygon_layers, request.polygon_rank, request.polygon_class_field,
                                    request.managed_unit, request.working_crs, context, feedback, request.lines_datum)
    feedback.pushInfo(tr("Following {} polygon boundary lines from {} layer(s); {} managed unit(s).").format(
        len(polygons.geometries), len(request.polygon_layers), len(polygons.units or ())))
    return polygons


def _polygon_ranks(layer: QgsVectorLayer, values: list[list[object]], rank: int, has_class: bool,
                   feedback: QgsProcessingFeedback) -> np.ndarray:
    """The crossing rank of every feature: from the class field where it names one, else `rank`."""
    if not has_class:
        return np.full(len(values), rank, dtype=np.int64)
    ranks, unknown = _class_ranks([row[0] for row in values], rank)
    if unknown:
        feedback.pushWarning(tr(
            "Layer '{}': polygon ranks not known to the plugin were given the polygon rank {}: {}. Give whole "
            "numbers (1 = alley … 6 = expressway, 9 = barrier) or road classes.").format(
                layer.name(), rank, ", ".join(f"{k} ({n})" for k, n in sorted(unknown.items()))))
    return np.asarray(ranks, dtype=np.int64)


def _class_ranks(values: Sequence[object], default: int) -> tuple[list[int], dict[str, int]]:
    """The crossing rank of each class value (road_class_rank; `default` for an empty one and for a name not
    known, which are counted)."""
    ranks, unknown = [], {}
    for value in values:
        rank = default if value is None or str(value).strip().upper() in ("", "NULL") else road_class_rank(value)
        if rank is None:
            unknown[str(value)] = unknown.get(str(value), 0) + 1
            rank = default
        ranks.append(rank)
    return ranks, unknown


def _unit_flags(layer: QgsVectorLayer, text: str, feedback: QgsProcessingFeedback) -> dict[int, bool]:
    """Whether each feature of the layer is a managed unit, by the expression `text` (a bare field name is
    one too); errors name the layer and the expression."""
    names = layer.fields().names()
    expression = QgsExpression(QgsExpression.quotedColumnRef(text.strip()) if text.strip() in names else text)
    if expression.hasParserError():
        raise QgsProcessingException(tr(
            "The managed-unit expression (MANAGED_UNIT: {}) cannot be read for layer '{}': {}").format(
                text, layer.name(), expression.parserErrorString()))
    missing = sorted(set(expression.referencedColumns()) - set(names) - {QgsFeatureRequest.ALL_ATTRIBUTES})
    if missing:
        raise QgsProcessingException(tr(
            "The managed-unit expression (MANAGED_UNIT: {}) uses field(s) {} that layer '{}' does not have; its "
            "fields are: {}").format(text, ", ".join(missing), layer.name(), ", ".join(names)))
    scope = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    expression.prepare(scope)
    request = QgsFeatureRequest()
    if not expression.needsGeometry():
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    if QgsFeatureRequest.ALL_ATTRIBUTES not in expression.referencedColumns():
        request.setSubsetOfAttributes(expression.referencedColumns(), layer.fields())
    flags: dict[int, bool] = {}
    unclear: list[str] = []
    for feature in layer.getFeatures(request):
        if len(flags) % 1000 == 0 and feedback.isCanceled():
            raise Cancelled()
        scope.setFeature(feature)
        value = expression.evaluate(scope)
        if expression.hasEvalError():
            raise QgsProcessingException(tr(
                "The managed-unit expression (MANAGED_UNIT: {}) fails on feature {} of layer '{}': {}").format(
                    text, feature.id(), layer.name(), expression.evalErrorString()))
        flag = unit_flag(None if isinstance(value, QVariant) and value.isNull() else value)
        if flag is None:
            unclear.append(f"{feature.id()}: {value}")
        flags[feature.id()] = bool(flag)
    if unclear:
        raise QgsProcessingException(tr(
            "The managed-unit expression (MANAGED_UNIT: {}) gives values that are neither true nor false on layer "
            "'{}' (feature: value): {}. Write a condition such as \"type\" IN ('小区','学校'), or use a yes/no "
            "field.").format(text, layer.name(), "; ".join(unclear[:_MAX_REPORTED])
                             + (" …" if len(unclear) > _MAX_REPORTED else "")))
    return flags


def _lines_with_index(parts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """LineString parts with length, and the index of the part each came from."""
    keep = np.unique(simple_parts(parts, LINES)[1])  # the parts with a linear part of some length, in order
    return parts[keep], keep.astype(np.int64)


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
