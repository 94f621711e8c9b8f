"""The dock's map tool: click the map to see what the plugin knows about that spot: the unit grid
with its community and street, the BeiDou grid code, the components nearby, the grid's recent
cases from the store, and its indicators and emerging hot spot category from the Evaluation step's
last runs (spot_evaluation)."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas, QgsMapToolEmitPoint
from qgis.PyQt.QtCore import pyqtSignal

from grid_plugin.core.addresses.addresses import NearestAddress
from grid_plugin.core.cases.times import UTC_FORMAT
from grid_plugin.core.geodesy import beidou
from grid_plugin.gui.spot_evaluation import evaluation_html, grid_emerging, grid_evaluation
from grid_plugin.store.base import CaseStore
from grid_plugin.store.schema import STORE_SRID
from grid_plugin.toolbelt.i18n import tr

GRID_FIELDS = ("grid_code", "street_code", "street_name", "community_code", "community_name")
NEARBY_M = 50.0
BEIDOU_LEVEL = 8


@dataclass
class SpotInfo:
    longitude: float
    latitude: float
    beidou_code: str = ""
    grid: dict[str, str] = field(default_factory=dict)  # GRID_FIELDS present in the grid layer
    components: list[tuple[str, str, float]] = field(default_factory=list)  # (id, class, metres)
    cases: list[tuple] = field(default_factory=list)  # CaseStore.recent_cases rows
    address: str = ""  # the nearest standard address of the store's gazetteer
    address_code: str = ""
    address_metres: float | None = None
    evaluation: dict[str, object] = field(default_factory=dict)  # the last evaluation's row (spot_evaluation)
    emerging: dict[str, object] = field(default_factory=dict)  # the last emerging hot spots' row
    notes: list[str] = field(default_factory=list)


class SpotInfoTool(QgsMapToolEmitPoint):
    """Emits the clicked point with the canvas CRS."""

    spotClicked = pyqtSignal(QgsPointXY, QgsCoordinateReferenceSystem)

    def __init__(self, canvas: QgsMapCanvas):
        super().__init__(canvas)
        self.canvas_ = canvas

    def canvasReleaseEvent(self, event) -> None:
        point = self.toMapCoordinates(event.pos())
        self.spotClicked.emit(point, self.canvas_.mapSettings().destinationCrs())


def describe_spot(point: QgsPointXY, crs: QgsCoordinateReferenceSystem, grids: QgsVectorLayer | None,
                  components: QgsVectorLayer | None, store: CaseStore | None, recent_days: int = 90,
                  component_id_field: str = "component_id", class_field: str = "class_code",
                  addresses: NearestAddress | None = None, evaluation: QgsVectorLayer | None = None,
                  emerging: QgsVectorLayer | None = None) -> SpotInfo:
    project = QgsProject.instance()
    geographic = QgsCoordinateReferenceSystem(f"EPSG:{STORE_SRID}")
    lonlat = QgsCoordinateTransform(crs, geographic, project).transform(point)
    info = SpotInfo(lonlat.x(), lonlat.y())
    try:
        info.beidou_code = beidou.encode(lonlat.x(), lonlat.y(), BEIDOU_LEVEL)
    except beidou.BeiDouCodeError as err:
        info.notes.append(err.message.render(tr))
    if grids is not None and grids.isValid():
        at = _in_layer_crs(point, crs, grids)
        request = QgsFeatureRequest().setFilterRect(QgsRectangle(at, at)).setLimit(20)
        names = grids.fields().names()
        spot = QgsGeometry.fromPointXY(at)
        for feature in grids.getFeatures(request):
            if feature.hasGeometry() and feature.geometry().intersects(spot):
                if "end_date" in names and feature["end_date"] not in (None, ""):
                    continue  # a retired grid: its successor holds the spot
                info.grid = {name: _text(feature[name]) for name in GRID_FIELDS if name in names}
                break
        if not info.grid:
            info.notes.append(tr("The spot is outside every unit grid of {}.").format(grids.name()))
    if components is not None and components.isValid():
        info.components = _nearby(point, crs, components, component_id_field, class_field)
    if addresses is not None and len(addresses.entries):  # reverse geocoding, as gridplugin:reversegeocode
        index, metres = addresses.nearest(np.array([info.longitude]), np.array([info.latitude]))
        if index[0] >= 0:
            entries = addresses.entries
            info.address = entries.full_addresses[index[0]] or entries.names[index[0]] or ""
            info.address_code = entries.codes[index[0]]
            info.address_metres = float(metres[0])
    info.evaluation = grid_evaluation(evaluation, info.grid)
    info.emerging = grid_emerging(emerging, info.grid.get("grid_code", ""))
    if store is not None and info.grid.get("grid_code"):
        since = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=recent_days)).strftime(UTC_FORMAT)
        info.cases = store.recent_cases(info.grid["grid_code"], since, 10)
    return info


def _in_layer_crs(point: QgsPointXY, crs: QgsCoordinateReferenceSystem, layer: QgsVectorLayer) -> QgsPointXY:
    return QgsCoordinateTransform(crs, layer.crs(), QgsProject.instance()).transform(point)


def _nearby(point: QgsPointXY, crs: QgsCoordinateReferenceSystem, layer: QgsVectorLayer, id_field: str,
            class_field: str) -> list[tuple[str, str, float]]:
    """Components within NEARBY_M metres (on the ellipsoid), nearest first, at most 10."""
    at = _in_layer_crs(point, crs, layer)
    measure = QgsDistanceArea()
    measure.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    measure.setEllipsoid("GRS80")
    # search box: NEARBY_M in layer units (degrees: 1e-5 ° ≈ 1.1 m, so 1/80,000 per metre covers any latitude < 60°)
    reach = NEARBY_M / 50_000.0 if layer.crs().isGeographic() else NEARBY_M
    request = QgsFeatureRequest().setFilterRect(QgsRectangle(at.x() - reach, at.y() - reach,
                                                             at.x() + reach, at.y() + reach))
    names = layer.fields().names()
    found = []
    spot = QgsGeometry.fromPointXY(at)
    for feature in layer.getFeatures(request):
        if not feature.hasGeometry():
            continue
        nearest = feature.geometry().nearestPoint(spot).asPoint()
        metres = measure.measureLine(at, nearest)
        if metres <= NEARBY_M:
            found.append((_text(feature[id_field]) if id_field in names else str(feature.id()),
                          _text(feature[class_field]) if class_field in names else "", metres))
    return sorted(found, key=lambda item: item[2])[:10]


def _text(value: object) -> str:
    return "" if value is None or str(value) == "NULL" else str(value)


def spot_html(info: SpotInfo) -> str:
    """The spot as a small HTML page for the dock's text browser."""
    e = html.escape
    rows = [(tr("Position (CGCS2000)"), f"{info.longitude:.6f}, {info.latitude:.6f}"),
            (tr("BeiDou grid code"), info.beidou_code)]
    labels = {"grid_code": tr("Unit grid"), "community_code": tr("Community"), "street_code": tr("Street")}
    grid = info.grid
    for key, label in labels.items():
        if key in grid:
            name = grid.get(key.replace("_code", "_name"), "")
            rows.append((label, f"{grid[key]} {name}".strip()))
    if info.address:
        rows.append((tr("Nearest address"), tr("{} ({:.0f} m, code {})").format(
            info.address, info.address_metres or 0.0, info.address_code)))
    parts = ["<table>"] + [f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows] + ["</table>"]
    parts.append(f"<p><b>{e(tr('Components within {} m').format(int(NEARBY_M)))}</b></p>")
    if info.components:
        parts.append("<ul>" + "".join(f"<li>{e(cid)} ({e(cls)}), {metres:.1f} m</li>"
                                      for cid, cls, metres in info.components) + "</ul>")
    else:
        parts.append(f"<p>{e(tr('None'))}</p>")
    parts.append(f"<p><b>{e(tr('Recent cases in this grid'))}</b></p>")
    if info.cases:
        parts.append("<ul>" + "".join(
            f"<li>{e(str(row[0]))} · {e(str(row[1])[:16].replace('T', ' '))} UTC · {e(str(row[3] or ''))} · "
            f"{e(str(row[4] or ''))}</li>" for row in info.cases) + "</ul>")
    else:
        parts.append(f"<p>{e(tr('None'))}</p>")
    parts.append(evaluation_html(info.evaluation, info.emerging))
    parts.extend(f"<p><i>{e(note)}</i></p>" for note in info.notes)
    return "".join(parts)
