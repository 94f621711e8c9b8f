"""Polygons after a reprojection: valid in the CRS they are written to.

A transform moves every vertex by its own rounding error. A polygon with a vertex within a few
micrometres of another edge of its own ring (grids made before core.grids.precision, or any layer drawn
elsewhere) can come out of EPSG:4548 → 4490 self-intersecting, although it was valid before.
Grids made by dividegrids now keep every vertex at least the precision (1 mm) from the edges of their
own ring, so they stay valid; what writes reprojected polygons still passes them through
repair_transformed, which repairs deterministically only those the transform made invalid.

- reproject: pyproj (always_xy), and GCJ-02 (WGS84 with the offset of core.geodesy.offsets, to_gcj02) as a target;
- repair_transformed: invalid polygons made valid (GEOS MakeValid, the "structure" method where
  shapely ≥ 2.1 and GEOS ≥ 3.10 offer it, else "linework"), polygonal parts only; every polygonal
  geometry comes back as a MultiPolygon, other geometries as they are; with the count repaired;
- round_valid: coordinates rounded to a number of decimals (GeoJSON's 7), invalid polygons repaired;
- invalid_in: which polygons are invalid, and why (GEOS's reason), in a CRS.
"""

from __future__ import annotations

import inspect

import numpy as np
import pyproj
import shapely

from grid_plugin.core.geodesy.offsets import wgs84_to_gcj02
from grid_plugin.core.grids.shapes import POLYGONS, simple_parts

GCJ02 = "GCJ02"
_GCJ02_NAMES = {"GCJ02", "GCJ-02", "GCJ_02"}
_POLYGONAL = (3, 6)  # Polygon, MultiPolygon
# make_valid's "structure" method (shells unioned, holes subtracted: no tiny inverted lobes kept) needs
# shapely 2.1 (Debian 13) and GEOS 3.10; shapely 2.0 (Debian 12) has "linework" only.
STRUCTURE_METHOD = "method" in inspect.signature(shapely.make_valid).parameters and shapely.geos_version >= (3, 10, 0)


def is_gcj02(name: str) -> bool:
    """True for the names GCJ-02 goes by (it is no CRS: WGS84 with an offset)."""
    return name.strip().upper() in _GCJ02_NAMES


def reproject(geometries: np.ndarray, source: str, target: str) -> np.ndarray:
    """The geometries from the source CRS to the target: anything pyproj reads (EPSG:4490, WKT), or
    GCJ02 (to WGS84, then the offset)."""
    gcj = is_gcj02(target)
    transformer = pyproj.Transformer.from_crs(
        pyproj.CRS.from_user_input(source), pyproj.CRS.from_epsg(4326) if gcj else pyproj.CRS.from_user_input(target),
        always_xy=True)

    def project(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))

    moved = shapely.transform(np.asarray(geometries, dtype=object), project)
    return to_gcj02(moved) if gcj else moved


def to_gcj02(geometries: np.ndarray) -> np.ndarray:
    """WGS84 longitude/latitude geometries with the GCJ-02 offset applied (core.geodesy.offsets)."""
    return shapely.transform(np.asarray(geometries, dtype=object),
                             lambda xy: np.column_stack(wgs84_to_gcj02(xy[:, 0], xy[:, 1])))


def invalid_in(geometries: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Indices of the polygonal geometries that are invalid, and GEOS's reason for each."""
    geometries = np.asarray(geometries, dtype=object)
    polygonal = np.isin(shapely.get_type_id(geometries), _POLYGONAL)
    bad = np.flatnonzero(polygonal & ~shapely.is_valid(geometries))
    return bad, [str(r) for r in shapely.is_valid_reason(geometries[bad])]


def make_valid_polygonal(geometries: np.ndarray) -> np.ndarray:
    """Each geometry made valid (deterministic for a given GEOS) and reduced to its polygonal parts, as
    a MultiPolygon (empty when nothing polygonal is left)."""
    geometries = np.asarray(geometries, dtype=object)
    if STRUCTURE_METHOD:
        fixed = shapely.make_valid(geometries, method="structure", keep_collapsed=False)
    else:
        fixed = shapely.make_valid(geometries)
    parts, index = simple_parts(fixed, POLYGONS)
    out = np.empty(len(geometries), dtype=object)
    out[:] = [shapely.MultiPolygon()] * len(geometries)
    if len(parts):
        filled = np.unique(index)
        out[filled] = shapely.multipolygons(parts, indices=np.searchsorted(filled, index))
    return out


def round_valid(geometries: np.ndarray, decimals: int) -> tuple[np.ndarray, int]:
    """Coordinates rounded to `decimals` places, as a format that writes that many (GeoJSON, RFC 7946:
    7) would round them, with the polygons the rounding made invalid repaired (make_valid_polygonal),
    so the writer gets coordinates it keeps as they are. Returns the geometries and how many were
    repaired."""
    rounded = shapely.transform(np.asarray(geometries, dtype=object), lambda xy: np.round(xy, decimals))
    return repair_transformed(rounded)


def repair_transformed(geometries: np.ndarray) -> tuple[np.ndarray, int]:
    """Geometries just reprojected, with the polygons the transform made invalid repaired
    (make_valid_polygonal); every polygonal geometry as a MultiPolygon, others as they are. Returns the
    geometries and how many were repaired."""
    geometries = np.asarray(geometries, dtype=object)
    out = geometries.copy()
    kind = shapely.get_type_id(geometries)
    bad, _ = invalid_in(geometries)
    if len(bad):
        out[bad] = make_valid_polygonal(geometries[bad])
    single = np.flatnonzero((kind == 3) & ~shapely.is_empty(geometries))
    single = single[~np.isin(single, bad)]
    if len(single):
        out[single] = shapely.multipolygons(geometries[single], indices=np.arange(len(single)))
    return out, len(bad)
