"""The dock's live per-grid heat: a memory layer of the store's unit grids whose case counts are
rewritten in place when the heat controls change (no store query, no new layer), then redrawn.

Class breaks follow the counts shown (quantiles of the grids with cases), so a narrow time window
still spreads over the whole ramp. Cases on default-location piles are not among the counts: the
store's hourly_counts leaves them out, as every heat does by default (core.cases.piles). The layer is in
the grids' geographic CRS: CGCS2000 in China, WGS 84 elsewhere (store.base.grids_datum). Kept apart
from the widgets so bench/ can time a redraw.
"""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from grid_plugin.core.cases.daily_counts import DailyCaseCounts
from grid_plugin.processing.case_styles import HEAT_COLOURS
from grid_plugin.store.base import StoredGrids, grids_datum
from grid_plugin.toolbelt import field_types

COUNT_FIELD = "case_count"
DENSITY_FIELD = "density_10k"


def count_breaks(counts: np.ndarray, classes: int = len(HEAT_COLOURS)) -> list[float]:
    """Upper bounds of up to `classes` classes over the grids with cases (quantiles, deduplicated);
    a first class [0, 0] holds the grids without cases."""
    positive = counts[counts > 0]
    if not len(positive):
        return [0.0]
    quantiles = np.quantile(positive, np.linspace(0, 1, classes + 1)[1:], method="higher")
    return [0.0, *sorted({float(q) for q in quantiles})]


class LiveGridHeat:
    """One memory layer, feature i = grid i of `grids` (the order of DailyCaseCounts.grid_codes)."""

    def __init__(self, grids: StoredGrids, name: str):
        self.grids = grids
        self.area_m2 = np.where(np.asarray(grids.area_m2, dtype=float) > 0, grids.area_m2, np.nan)
        self.layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:{grids_datum(grids)}", name, "memory")
        fields = QgsFields()
        for field in (QgsField("grid_code", field_types.STRING), QgsField("street_name", field_types.STRING),
                      QgsField("community_name", field_types.STRING), QgsField(COUNT_FIELD, field_types.INT),
                      QgsField(DENSITY_FIELD, field_types.DOUBLE)):
            fields.append(field)
        provider = self.layer.dataProvider()
        provider.addAttributes(fields.toList())
        self.layer.updateFields()
        features = []
        for i, geometry in enumerate(grids.geometries):
            feature = QgsFeature(self.layer.fields())
            shape = QgsGeometry()
            shape.fromWkb(geometry.wkb)
            feature.setGeometry(shape)
            feature.setAttributes([grids.grid_codes[i], grids.street_names[i], grids.community_names[i], 0, 0.0])
            features.append(feature)
        provider.addFeatures(features)
        self.feature_ids = [f.id() for f in provider.getFeatures()]
        self.count_index = self.layer.fields().indexOf(COUNT_FIELD)
        self.density_index = self.layer.fields().indexOf(DENSITY_FIELD)
        self.counts = np.zeros(len(grids), dtype=np.int64)
        self._style(count_breaks(self.counts))

    def show(self, counts: np.ndarray) -> None:
        """Write per-grid counts (grid order) into the layer and restyle it; the caller repaints."""
        self.counts = np.asarray(counts, dtype=np.int64)
        density = np.nan_to_num(self.counts / self.area_m2 * 10_000.0)
        changes = {fid: {self.count_index: int(c), self.density_index: float(d)}
                   for fid, c, d in zip(self.feature_ids, self.counts.tolist(), density.tolist(), strict=True)}
        self.layer.dataProvider().changeAttributeValues(changes)
        self._style(count_breaks(self.counts))
        self.layer.triggerRepaint()

    def show_filtered(self, daily: DailyCaseCounts, first_day: int, last_day: int, class_codes, sources) -> int:
        counts = daily.counts(first_day, last_day, class_codes, sources)
        self.show(counts)
        return int(counts.sum())

    def _style(self, breaks: list[float]) -> None:
        ranges = []
        lower = 0.0
        colours = HEAT_COLOURS if len(breaks) > 1 else HEAT_COLOURS[:1]
        for i, upper in enumerate(breaks):
            colour = QColor("#f4f4f4") if i == 0 else QColor(colours[min(i - 1, len(colours) - 1)])
            symbol = QgsFillSymbol.createSimple({"color": colour.name(), "outline_color": "#7f7f7f",
                                                 "outline_width": "0.1"})
            label = "0" if i == 0 else (f"{lower + 1:g} – {upper:g}" if upper > lower + 1 else f"{upper:g}")
            ranges.append(QgsRendererRange(lower, upper, symbol, label))
            lower = upper
        renderer = QgsGraduatedSymbolRenderer(COUNT_FIELD, ranges)
        self.layer.setRenderer(renderer)
