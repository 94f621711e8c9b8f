"""The bulk data the PostGIS store sends with COPY: points as hex EWKB, rows as CSV text."""

from __future__ import annotations

import csv
import io
import itertools

import numpy as np

from grid_plugin.store.schema import STORE_SRID

_EWKB_POINT = np.dtype([("order", "u1"), ("type", "<u4"), ("srid", "<u4"), ("x", "<f8"), ("y", "<f8")])


def hex_ewkb_points(x: np.ndarray, y: np.ndarray) -> list[str]:
    """Hex EWKB of 2D points with the store's SRID (what PostGIS reads fastest in COPY)."""
    packed = np.empty(len(x), dtype=_EWKB_POINT)
    packed["order"], packed["type"], packed["srid"] = 1, 0x20000001, STORE_SRID
    packed["x"], packed["y"] = x, y
    text = packed.tobytes().hex()
    size = 2 * _EWKB_POINT.itemsize
    return [text[i:i + size] for i in range(0, len(text), size)]


def csv_stream(rows) -> io.StringIO:
    """The rows as CSV text for COPY. Written a few thousand rows per call: one call holds the GIL
    throughout, and a thread copying the previous chunk needs it now and then to go on."""
    buffer = io.StringIO()
    write = csv.writer(buffer, lineterminator="\n").writerows
    rows = iter(rows)
    while True:
        part = list(itertools.islice(rows, 2_000))
        if not part:
            break
        write(part)
    buffer.seek(0)
    return buffer
