"""Features between QGIS and core: reading a source into shapely geometries and plain Python
values, and writing shapely geometries with core's attribute values (ISO dates) to a sink."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QVariant

from grid_plugin.core.errors import Cancelled

_WRITE_BATCH = 10_000


def read_geometries(
    source: QgsFeatureSource, request: QgsFeatureRequest, attributes: Sequence[str],
    feedback: QgsProcessingFeedback | None = None,
) -> tuple[list[int], np.ndarray, list[list[object]]]:
    """Feature ids, shapely geometries (None where missing) and the named attribute values.

    Processing's own invalid-geometry check is skipped: core repairs invalid geometries and
    names each repaired feature, which is more useful than stopping at the first one.
    """
    fids, wkbs, values = [], [], []
    features = (source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
                if isinstance(source, QgsProcessingFeatureSource) else source.getFeatures(request))
    positions = [source.fields().indexOf(name) for name in attributes]
    for feature in features:
        if feedback is not None and len(fids) % 1000 == 0 and feedback.isCanceled():
            raise Cancelled()
        fids.append(feature.id())
        geometry = feature.geometry()
        wkbs.append(None if geometry.isNull() or geometry.isEmpty() else bytes(geometry.asWkb()))
        row = feature.attributes()  # one call per feature, not one per field
        values.append([_plain(row[at]) for at in positions])
    return fids, shapely.from_wkb(np.array(wkbs, dtype=object)), values


def _plain(value: object) -> object:
    """QVariant NULL -> None; everything else as Python gives it."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    return value


def write_features(
    sink: QgsFeatureSink, geometries: Sequence, rows: Callable[[int, int], Sequence[Sequence[object]]],
    feedback: QgsProcessingFeedback | None = None, convert: bool = True, multipolygons: bool = False,
) -> None:
    """Write shapely geometries (None: a feature without geometry) with their attribute rows, in
    batches, checking `feedback` for cancel between batches.

    `rows(start, stop)` gives the attributes of geometries[start:stop]; WKB, rows and features
    exist for one batch at a time, so memory stays flat however many features are written.
    With `multipolygons` every (polygonal) geometry is written as a MultiPolygon, otherwise as it
    is. With convert=False the rows already hold QGIS values (dates as QDate), which saves a call
    per value."""
    for start in range(0, len(geometries), _WRITE_BATCH):
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()
        stop = min(start + _WRITE_BATCH, len(geometries))
        batch = np.asarray(geometries[start:stop], dtype=object)
        if multipolygons:
            parts, index = shapely.get_parts(batch, return_index=True)
            batch = shapely.multipolygons(parts, indices=index)
        wkbs = shapely.to_wkb(batch)
        features = []
        for wkb, row in zip(wkbs, rows(start, stop)):
            feature = QgsFeature()
            if wkb is not None:
                geometry = QgsGeometry()
                geometry.fromWkb(wkb)
                feature.setGeometry(geometry)
            feature.setAttributes([_qt_value(v) for v in row] if convert else row)
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)


class IsoDate(str):
    """An ISO date text ("2026-11-23", or "" for none) that write_features stores as a date."""


def iso_date(value: object) -> str:
    """A date attribute (QDate, QDateTime or text) as ISO text; "" for none."""
    if isinstance(value, QDateTime):
        value = value.date()
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else ""
    text = str(value or "").strip()
    return text[:10] if text and text.upper() != "NULL" else ""


def _qt_value(value: object) -> object:
    """Core values for a QGIS attribute: ISO dates (core keeps dates as text) become QDates."""
    if isinstance(value, IsoDate):
        return QDate.fromString(value, Qt.DateFormat.ISODate) if value else None
    return value
