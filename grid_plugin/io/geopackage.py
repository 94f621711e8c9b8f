"""The GeoPackage format as the store and the feature-file writer write it, through sqlite3: the core
tables and SRSs, feature tables with the R-tree extension and its triggers, geometry blobs (encode and
decode, vectorised) and the ST_ functions the R-tree triggers call."""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Iterator, Sequence

import numpy as np
import pyproj
import shapely

from grid_plugin.core.geodesy.crs import CGCS2000_GEOGRAPHIC as STORE_SRID
from grid_plugin.io.names import quote_sqlite as q


def chunks(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


APPLICATION_ID = 0x47504B47  # "GPKG"
_USER_VERSION = 10300  # GeoPackage 1.3
_POINT_BLOB = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"),
                        ("byte_order", "u1"), ("wkb_type", "<u4"), ("x", "<f8"), ("y", "<f8")])
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}

_CORE_DDL = (
    """CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
        organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
        description TEXT)""",
    """CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
        identifier TEXT UNIQUE, description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
        geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
    """CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
        definition TEXT NOT NULL, scope TEXT NOT NULL,
        CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""",
)


# ---- GeoPackage structure (the store and io/feature_files.py) --------------------------------------------------
def create_geopackage(conn: sqlite3.Connection) -> None:
    """The GeoPackage core tables with the required and the usual SRSs, in an empty database."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {_USER_VERSION}")
    for ddl in _CORE_DDL:
        conn.execute(ddl)
    srs = [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
        ("WGS 84 geodetic", 4326, "EPSG", 4326, pyproj.CRS.from_epsg(4326).to_wkt("WKT1_GDAL"),
         "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
        ("China Geodetic Coordinate System 2000", STORE_SRID, "EPSG", STORE_SRID,
         pyproj.CRS.from_epsg(STORE_SRID).to_wkt("WKT1_GDAL"), "CGCS2000"),
    ]
    conn.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", srs)
    # GDAL's feature-count cache; without it GDAL 3.6 counts a filtered layer wrongly
    conn.execute("CREATE TABLE gpkg_ogr_contents (table_name TEXT NOT NULL PRIMARY KEY, "
                 "feature_count INTEGER DEFAULT NULL)")


def create_table(conn: sqlite3.Connection, name: str, geometry_type: str, srs_id: int, columns: list[str],
                 triggers: bool = True) -> None:
    """A feature table (or an attribute table when geometry_type is empty) registered in the
    GeoPackage, with its R-tree and, unless `triggers` is off (bulk writers add them after
    loading the R-tree themselves), the spec's R-tree triggers."""
    if geometry_type and not (geometry_type.isascii() and geometry_type.isalpha()):
        raise ValueError(f"not a GeoPackage geometry type: {geometry_type!r}")
    ddl = ['"fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL']
    if geometry_type:
        ddl.append(f'"geom" {geometry_type}')
    conn.execute(f"CREATE TABLE {q(name)} ({', '.join(ddl + columns)})")
    conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES (?, ?, ?, ?)",
                 (name, "features" if geometry_type else "attributes", name, srs_id if geometry_type else None))
    conn.execute("INSERT INTO gpkg_ogr_contents (table_name, feature_count) VALUES (?, 0)", (name,))
    if not geometry_type:
        return
    conn.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)", (name, geometry_type, srs_id))
    conn.execute(f"CREATE VIRTUAL TABLE {q(f'rtree_{name}_geom')} USING rtree(id, minx, maxx, miny, maxy)")
    if triggers:
        add_rtree_triggers(conn, name)
    conn.execute("INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
                 "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')", (name,))


def add_rtree_triggers(conn: sqlite3.Connection, name: str) -> None:
    for _trigger, sql in rtree_triggers(name, f"rtree_{name}_geom"):
        conn.execute(sql)


# ---- GeoPackage geometry blobs -----------------------------------------------------------------------------
def encode_points(x: np.ndarray, y: np.ndarray, srs_id: int = STORE_SRID) -> list[bytes]:
    """GeoPackage blobs of 2D points (little endian, no envelope, as GDAL writes points)."""
    packed = np.empty(len(x), dtype=_POINT_BLOB)
    packed["magic"], packed["version"], packed["flags"], packed["srs_id"] = b"GP", 0, 1, srs_id
    packed["byte_order"], packed["wkb_type"], packed["x"], packed["y"] = 1, 1, x, y
    raw, size = packed.tobytes(), _POINT_BLOB.itemsize
    return [raw[i:i + size] for i in range(0, len(raw), size)]


def decode_points(blobs: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """x and y of GeoPackage point blobs; a vectorised path for the plain 29-byte form."""
    if not blobs:
        return np.empty(0), np.empty(0)
    if all(len(b) == _POINT_BLOB.itemsize for b in blobs):
        packed = np.frombuffer(b"".join(blobs), dtype=_POINT_BLOB)
        if (packed["byte_order"] == 1).all() and (packed["wkb_type"] == 1).all():
            return packed["x"].astype(float), packed["y"].astype(float)
    geometries = decode_geometries(blobs)
    return shapely.get_x(geometries), shapely.get_y(geometries)


def encode_geometries(geometries: np.ndarray, srs_id: int = STORE_SRID, declared: str = "") -> list[bytes]:
    """GeoPackage blobs with an xy envelope (what readers use to skip geometries cheaply).

    With `declared` MULTIPOLYGON, MULTILINESTRING or MULTIPOINT, single parts are written as
    one-part multi-geometries, as the column declares: their WKB with the multi header in front,
    which costs nothing next to making shapely multi-geometries first."""
    wkb = shapely.to_wkb(geometries, byte_order=1, output_dimension=2)
    if declared in _MULTI_HEADERS:
        single, prefix = _MULTI_HEADERS[declared]
        lone = np.flatnonzero(shapely.get_type_id(geometries) == single)
        wkb[lone] = [prefix + w for w in wkb[lone]]
    bounds = shapely.bounds(geometries)
    header = np.zeros(len(wkb), dtype=_GPKG_HEADER)  # all headers at once, then one slice each
    header["magic"], header["flags"], header["srs_id"] = b"GP", 3, srs_id
    header["envelope"] = bounds[:, [0, 2, 1, 3]]  # minx, maxx, miny, maxy
    raw, size = header.tobytes(), _GPKG_HEADER.itemsize
    return [raw[at:at + size] + w for at, w in zip(range(0, len(raw), size), wkb, strict=True)]


# multi type -> (type id of its single part, little-endian WKB header of a one-part multi-geometry)
_MULTI_HEADERS = {name: (single, b"\x01" + multi.to_bytes(4, "little") + (1).to_bytes(4, "little"))
                  for name, single, multi in (("MULTIPOINT", 0, 4), ("MULTILINESTRING", 1, 5), ("MULTIPOLYGON", 3, 6))}

# "GP", version 0, flags: little-endian with an xy envelope (3), SRS id, envelope
_GPKG_HEADER = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"),
                         ("envelope", "<f8", (4,))])


def decode_geometries(blobs: Sequence[bytes]) -> np.ndarray:
    wkb = [blob[8 + _ENVELOPE_BYTES[(blob[3] >> 1) & 7]:] for blob in blobs]
    return shapely.from_wkb(wkb) if wkb else np.empty(0, dtype=object)


def _envelope(blob: bytes | None) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of a blob, None when empty or missing."""
    if blob is None or len(blob) < 8:
        return None
    flags = blob[3]
    if flags & 0x10:  # the empty-geometry flag
        return None
    envelope = (flags >> 1) & 7
    order = "<" if flags & 1 else ">"
    if envelope:
        return struct.unpack_from(order + "4d", blob, 8)
    start = 8
    wkb_order = "<" if blob[start] == 1 else ">"
    if struct.unpack_from(wkb_order + "I", blob, start + 1)[0] == 1:
        x, y = struct.unpack_from(wkb_order + "2d", blob, start + 5)
        return x, x, y, y
    minx, miny, maxx, maxy = shapely.from_wkb(blob[start:]).bounds
    return minx, maxx, miny, maxy


def register_functions(conn: sqlite3.Connection) -> None:
    """ST_IsEmpty, ST_MinX, ... for the R-tree triggers, in this connection."""
    last: list = [None, None]

    def envelope(blob: bytes | None):  # the triggers call four functions on the same blob in a row
        if blob != last[0]:
            last[0], last[1] = blob, _envelope(blob)
        return last[1]

    def part(index: int):
        def value(blob: bytes | None) -> float | None:
            found = envelope(blob)
            return None if found is None else found[index]
        return value

    conn.create_function("ST_IsEmpty", 1, lambda blob: int(envelope(blob) is None), deterministic=True)
    for index, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        conn.create_function(name, 1, part(index), deterministic=True)


def rtree_triggers(table: str, rtree: str) -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER statement) of the R-tree triggers of the GeoPackage 1.3 spec (extension F.3)."""
    values = '(NEW."fid", ST_MinX(NEW."geom"), ST_MaxX(NEW."geom"), ST_MinY(NEW."geom"), ST_MaxY(NEW."geom"))'
    t, r = q(table), q(rtree)
    bodies = {
        "insert": f'AFTER INSERT ON {t} WHEN (new."geom" NOT NULL AND NOT ST_IsEmpty(NEW."geom")) '
                  f"BEGIN INSERT OR REPLACE INTO {r} VALUES {values}; END",
        "update1": f'AFTER UPDATE OF "geom" ON {t} WHEN OLD."fid" = NEW."fid" AND '
                   f'(NEW."geom" NOTNULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN INSERT OR REPLACE INTO {r} VALUES '
                   f"{values}; END",
        "update2": f'AFTER UPDATE OF "geom" ON {t} WHEN OLD."fid" = NEW."fid" AND '
                   f'(NEW."geom" ISNULL OR ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM {r} WHERE id = OLD."fid"; END',
        "update3": f'AFTER UPDATE ON {t} WHEN OLD."fid" != NEW."fid" AND '
                   f'(NEW."geom" NOTNULL AND NOT ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM {r} WHERE id = OLD."fid"; '
                   f"INSERT OR REPLACE INTO {r} VALUES {values}; END",
        "update4": f'AFTER UPDATE ON {t} WHEN OLD."fid" != NEW."fid" AND '
                   f'(NEW."geom" ISNULL OR ST_IsEmpty(NEW."geom")) BEGIN DELETE FROM {r} WHERE id IN (OLD."fid", '
                   'NEW."fid"); END',
        "delete": f'AFTER DELETE ON {t} WHEN old."geom" NOT NULL BEGIN DELETE FROM {r} WHERE id = OLD."fid"; END',
    }
    return [(f"{rtree}_{event}", f"CREATE TRIGGER {q(f'{rtree}_{event}')} {body}") for event, body in bodies.items()]
