"""Exporting layers for planners: formats, target coordinate systems (with GCJ-02), Shapefile
field names and the checks that keep an export from losing anything silently.

Pure logic; the files are written by grid_plugin.io.export_files (fiona, and OGR for DXF text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pyproj
import shapely

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.geodesy import crs as core_crs
from grid_plugin.core.geodesy.offsets import gcj02_to_wgs84, wgs84_to_gcj02
from grid_plugin.core.geodesy.reprojection import repair_transformed, round_valid


@dataclass(frozen=True)
class ExportFormat:
    key: str
    driver: str  # the OGR driver that writes it
    suffix: str
    lonlat_only: bool = False  # the format's coordinates are always longitude/latitude (WGS84)
    encodings: tuple[str, ...] = ("utf-8",)  # text encodings the format can be written in
    decimals: int | None = None  # the coordinate decimals the writer rounds to (None: full precision)


FORMATS: dict[str, ExportFormat] = {f.key: f for f in (
    ExportFormat("gpkg", "GPKG", ".gpkg"),
    ExportFormat("shp", "ESRI Shapefile", ".shp", encodings=("utf-8", "gbk")),
    ExportFormat("geojson", "GeoJSON", ".geojson", lonlat_only=True, decimals=7),  # RFC 7946: GDAL writes 7
    ExportFormat("kml", "LIBKML", ".kml", lonlat_only=True),
    ExportFormat("dxf", "DXF", ".dxf"),
    ExportFormat("csv", "CSV", ".csv", encodings=("utf-8", "gbk")),
)}
FORMAT_KEYS = tuple(FORMATS)

# Target coordinate systems offered by name; "gk3"/"gk6" pick the zone of the data, "other" a CRS the user gives.
TARGETS = ("cgcs2000", "gk3", "gk6", "wgs84", "webmercator", "gcj02", "other")
GCJ02 = "gcj02"
_EPSG = {"cgcs2000": 4490, "wgs84": 4326, "webmercator": 3857}
DBF_FIELD_BYTES = 10
DBF_TEXT_BYTES = 254
# The plugin's own long field names, shortened the same way every time (Shapefile's 10 characters).
SHORT_NAMES = {
    "community_code": "comm_code", "community_name": "comm_name", "street_code": "strt_code",
    "street_name": "strt_name", "district_code": "dist_code", "initial_date": "init_date",
    "land_use": "land_use", "management_level": "mgmt_level", "responsible": "respons",
    "responsible_party": "resp_party", "perimeter_m": "perim_m", "component_id": "comp_id",
    "class_code": "class_code", "class_name": "class_name", "beidou_code": "beidou",
    "effective_date": "eff_date", "change_date": "chg_date", "data_source": "data_src",
    "grid_share": "grid_share", "density_10k": "dens_10k", "case_count": "case_count",
    "previous_code": "prev_code", "gi_z_score": "gi_z", "gi_p_value": "gi_p",
}


@dataclass(frozen=True)
class Target:
    """Where coordinates go: a pyproj CRS (EPSG:4326 for GCJ-02, which is written as WGS84
    longitude/latitude with the offset applied, as Chinese web maps expect)."""

    key: str
    crs: pyproj.CRS

    @property
    def is_gcj02(self) -> bool:
        return self.key == GCJ02

    @property
    def is_lonlat(self) -> bool:
        return self.crs.is_geographic

    @property
    def is_projected(self) -> bool:
        return self.crs.is_projected


def resolve_target(key: str, data_longitude: float | None = None, other: str | None = None) -> Target:
    """The target CRS for a choice; the Gauss-Krüger zones need the data's centre longitude."""
    if key not in TARGETS:
        raise GridInputError("Unknown target coordinate system '{key}'.", key=key)
    if key in _EPSG:
        return Target(key, pyproj.CRS.from_epsg(_EPSG[key]))
    if key == GCJ02:
        return Target(key, pyproj.CRS.from_epsg(4326))
    if key in ("gk3", "gk6"):
        if data_longitude is None:
            raise GridInputError("The layer has no geometries, so no Gauss-Krüger zone can be chosen for it.")
        epsg = core_crs.gk3_epsg(data_longitude) if key == "gk3" else core_crs.gk6_epsg(data_longitude)
        return Target(key, pyproj.CRS.from_epsg(epsg))
    if not other:
        raise GridInputError("Choose the coordinate system for 'Other' (TARGET_CRS).")
    return Target(key, pyproj.CRS.from_user_input(other))


def check_format_target(fmt: ExportFormat, target: Target) -> None:
    if fmt.lonlat_only and not target.is_lonlat:
        raise GridInputError(
            "{format} files hold longitude/latitude only (WGS84); choose WGS84, GCJ-02 or CGCS2000 geographic, "
            "or write GeoPackage, Shapefile, DXF or CSV for {crs}.", format=fmt.key.upper(), crs=target.crs.name)


# ---- coordinates ---------------------------------------------------------------------------------------
def transform_geometries(geometries: np.ndarray, source_wkt: str, target: Target,
                         decimals: int | None = None) -> tuple[np.ndarray, int]:
    """Shapely geometries from the source CRS to the target (GCJ-02: via WGS84, then the offset), with
    the polygons the transform made invalid repaired (core.geodesy.reprojection.repair_transformed; polygons come
    back as MultiPolygons). With `decimals` (the format's, e.g. GeoJSON's 7) the coordinates are rounded
    here and what the rounding made invalid is repaired too, so the writer's own rounding changes
    nothing. Returns the geometries and how many were repaired, for the caller to log."""
    moved, repaired = repair_transformed(_moved(geometries, source_wkt, target))
    if decimals is None:
        return moved, repaired
    rounded, rounding_repaired = round_valid(moved, decimals)
    return rounded, repaired + rounding_repaired


def _moved(geometries: np.ndarray, source_wkt: str, target: Target) -> np.ndarray:
    """The geometries as the transform leaves them, coordinate for coordinate."""
    transformer = pyproj.Transformer.from_crs(pyproj.CRS.from_wkt(source_wkt), target.crs, always_xy=True)

    def project(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        if target.is_gcj02:
            x, y = wgs84_to_gcj02(x, y)
        return np.column_stack([x, y])

    return shapely.transform(geometries, project)


def unrepresentable(geometries: np.ndarray, source_wkt: str, target: Target, fids: Sequence[int],
                    tolerance_m: float = 0.01) -> GridInputError | None:
    """An error naming the first feature the target cannot hold: coordinates that do not exist
    there (inf/NaN), that do not come back to where they were (within 1 cm), or, for a
    Gauss-Krüger zone, that lie outside the zone (where its scale error grows quickly)."""
    source = pyproj.CRS.from_wkt(source_wkt)
    start, owner = shapely.get_coordinates(geometries, return_index=True)
    end = shapely.get_coordinates(_moved(geometries, source_wkt, target))
    if not len(start):
        return None
    bad = ~np.isfinite(end).all(axis=1)
    x, y = end[:, 0].copy(), end[:, 1].copy()
    if target.is_gcj02:
        x, y = gcj02_to_wgs84(x, y)
    with np.errstate(invalid="ignore"):
        bx, by = pyproj.Transformer.from_crs(target.crs, source, always_xy=True).transform(x, y)
        metres_per_unit = 1.0 if source.is_projected else 111_320.0
        error = np.hypot(np.asarray(bx) - start[:, 0], np.asarray(by) - start[:, 1]) * metres_per_unit
    bad |= ~np.isfinite(error) | (error > tolerance_m)
    if bad.any():
        return _cannot_hold(fids[owner[np.argmax(bad)]], target)
    if not target.crs.is_projected:
        return None  # longitude/latitude hold any place on Earth
    lon, lat = (np.asarray(a) for a in pyproj.Transformer.from_crs(
        source, pyproj.CRS.from_epsg(4490), always_xy=True).transform(start[:, 0], start[:, 1]))
    area = target.crs.area_of_use
    if area is not None:  # a projection is made for its area: Web Mercator stops at ±85°
        outside = ((lon < area.west - 1) | (lon > area.east + 1) | (lat < area.south - 1) | (lat > area.north + 1))
        if outside.any():
            return GridInputError(
                "feature {fid} lies outside the area {crs} is made for ({area}); choose another coordinate system.",
                fid=fids[owner[np.argmax(outside)]], crs=target.crs.name, area=area.name)
    zone_half_width = _zone_half_width(target)
    if zone_half_width is not None:
        central = _central_meridian(target)
        outside = np.abs(np.asarray(lon) - central) > zone_half_width + 0.5
        if outside.any():
            return GridInputError(
                "feature {fid} lies outside {crs} (central meridian {central}°E); choose the zone of the data, "
                "the 6-degree zone or a geographic coordinate system.",
                fid=fids[owner[np.argmax(outside)]], crs=target.crs.name, central=central)
    return None


def _cannot_hold(fid: int, target: Target) -> GridInputError:
    return GridInputError("feature {fid} cannot be represented in {crs}; choose another coordinate system.",
                          fid=fid, crs=target.crs.name)


def _zone_half_width(target: Target) -> float | None:
    """Half the width of a Gauss-Krüger / transverse Mercator zone in degrees (None: not one)."""
    if target.key == "gk3":
        return 1.5
    if target.key == "gk6":
        return 3.0
    operation = target.crs.coordinate_operation if target.crs.is_projected else None
    if operation is None or "transverse mercator" not in operation.method_name.lower():
        return None
    code = target.crs.to_epsg() or 0
    return 1.5 if 4534 <= code <= 4554 or 4513 <= code <= 4533 else 3.0  # 3-degree zones, else 6-degree width


def _central_meridian(target: Target) -> float:
    operation = target.crs.coordinate_operation
    for parameter in operation.params if operation is not None else ():
        if "longitude of natural origin" in parameter.name.lower() or "central meridian" in parameter.name.lower():
            return float(parameter.value)
    raise ValueError(f"{target.crs.name} has no central meridian")


# ---- Shapefile field names and DBF text ------------------------------------------------------------
def shapefile_field_names(names: Sequence[str], renames: Mapping[str, str] | None = None) -> dict[str, str]:
    """Long field name -> DBF field name (≤ 10 bytes): the user's renames first, then the plugin's
    own short names, then the name cut to 10 bytes. Two fields that end up with one name are an
    error naming both and the fix; nothing is renamed silently."""
    renames = dict(renames or {})
    unknown = [name for name in renames if name not in names]
    if unknown:
        raise GridInputError("Field names to rename are not in the layer: {names}. Its fields are: {fields}.",
                             names=", ".join(unknown), fields=", ".join(names))
    mapping: dict[str, str] = {}
    for name in names:
        short = renames.get(name) or SHORT_NAMES.get(name) or _cut(name, DBF_FIELD_BYTES)
        if len(short.encode("utf-8")) > DBF_FIELD_BYTES:
            raise GridInputError("The Shapefile field name '{short}' for '{name}' is longer than 10 bytes; "
                                 "give a shorter one in FIELD_NAMES.", short=short, name=name)
        mapping[name] = short
    seen: dict[str, str] = {}
    for name, short in mapping.items():
        other = seen.get(short.lower())
        if other is not None:
            raise GridInputError(
                "Fields '{first}' and '{second}' would both be called '{short}' in the Shapefile (10 characters at "
                "most); rename one in FIELD_NAMES, e.g. {second}={suggestion}.",
                first=other, second=name, short=short, suggestion=_cut(name, DBF_FIELD_BYTES - 2) + "_2")
        seen[short.lower()] = name
    return mapping


def _cut(name: str, limit: int) -> str:
    encoded = name.encode("utf-8")[:limit]
    return encoded.decode("utf-8", errors="ignore")


def parse_renames(text: str | None) -> dict[str, str]:
    """'community_code=comm; street_name=strt' -> {'community_code': 'comm', 'street_name': 'strt'}."""
    out: dict[str, str] = {}
    for part in (text or "").replace("；", ";").replace("\n", ";").split(";"):
        if not part.strip():
            continue
        if "=" not in part:
            raise GridInputError("'{part}' is not a rename; write long_name=short_name.", part=part.strip())
        long_name, short = (p.strip() for p in part.split("=", 1))
        out[long_name] = short
    return out


def text_problem(fids: Sequence[int], columns: Mapping[str, Sequence[object]], encoding: str,
                 limit: int | None) -> GridInputError | None:
    """The first text that the encoding cannot hold, or (DBF) that is longer than `limit` bytes."""
    for field, values in columns.items():
        for fid, value in zip(fids, values, strict=True):
            if not isinstance(value, str):
                continue
            try:
                size = len(value.encode(encoding))
            except UnicodeEncodeError as err:
                return GridInputError(
                    "feature {fid}, field {field}: '{char}' cannot be written in {encoding}; choose UTF-8.",
                    fid=fid, field=field, char=value[err.start:err.end], encoding=encoding.upper())
            if limit is not None and size > limit:
                return GridInputError(
                    "feature {fid}, field {field}: the text is {size} bytes in {encoding}, more than a Shapefile "
                    "(DBF) field holds ({limit}); shorten it or export to GeoPackage.",
                    fid=fid, field=field, size=size, encoding=encoding.upper(), limit=limit)
    return None


def field_map_csv(mapping: Mapping[str, str]) -> str:
    """The mapping file written beside a Shapefile: which DBF field holds which layer field."""
    lines = ["layer_field,shapefile_field"]
    lines += [f"{name},{short}" for name, short in mapping.items()]
    return "\n".join(lines) + "\n"


def label_height(geometries: np.ndarray) -> float:
    """DXF text height in target units: an eighth of the typical feature's size."""
    areas = shapely.area(geometries[~shapely.is_missing(geometries)])
    areas = areas[areas > 0]
    if not len(areas):
        lengths = shapely.length(geometries[~shapely.is_missing(geometries)])
        lengths = lengths[lengths > 0]
        return float(np.median(lengths)) / 20.0 if len(lengths) else 1.0
    return float(np.sqrt(np.median(areas))) / 8.0
