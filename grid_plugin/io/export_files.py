"""Write an exported layer to a file: GeoPackage, Shapefile, GeoJSON (RFC 7946), KML and CSV
through fiona; DXF through OGR, because only OGR's style strings turn codes into DXF TEXT.

Everything is written into a temporary folder beside the target and moved into place at the end,
so a failed or cancelled export leaves no partial file and an existing file is only replaced
when asked to.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import fiona
import numpy as np
import shapely
import shapely.geometry
from osgeo import ogr, osr

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.export import DBF_TEXT_BYTES, ExportFormat, Target, field_map_csv, label_height, text_problem
from grid_plugin.core.progress import Progress

SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
_FIONA_TYPES = {"str": "str", "int": "int", "float": "float", "date": "date"}
_BATCH = 5_000


@dataclass
class ExportLayer:
    """What to write: geometries already in the target CRS, attribute columns in field order."""

    name: str
    fids: Sequence[int]
    geometries: np.ndarray
    fields: list[tuple[str, str]]  # (name, 'str' | 'int' | 'float' | 'date')
    columns: dict[str, list[object]]
    code_field: str | None = None  # the code written as the DXF text and the KML placemark name


def target_files(path: Path, fmt: ExportFormat) -> list[Path]:
    """The files an export writes (a Shapefile is several, plus its field-name map)."""
    if fmt.key == "shp":
        return [path.with_suffix(s) for s in SHAPEFILE_PARTS] + [field_map_path(path)]
    if fmt.key == "csv":  # OGR writes the column types and the CRS beside it
        return [path, path.with_suffix(".csvt"), path.with_suffix(".prj")]
    return [path]


def field_map_path(path: Path) -> Path:
    return path.with_name(path.stem + ".fields.csv")


def check_destination(path: str | Path, fmt: ExportFormat, overwrite: bool) -> Path:
    """The file to write, or an error a user can act on: wrong extension, no folder, no write
    permission, or an existing file without OVERWRITE."""
    path = Path(path)
    if path.suffix.lower() != fmt.suffix:
        if path.suffix:
            raise GridInputError("The file name {path} ends in {suffix}, but the format is {format} ({wanted}); "
                                 "change the name or the format.", path=str(path), suffix=path.suffix,
                                 format=fmt.key.upper(), wanted=fmt.suffix)
        path = path.with_suffix(fmt.suffix)
    folder = path.parent
    if not folder.is_dir():
        raise GridInputError("The folder {folder} does not exist; create it or choose another.", folder=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise GridInputError("The folder {folder} cannot be written to; choose another.", folder=str(folder))
    existing = [p for p in target_files(path, fmt) if p.exists()]
    if existing and not overwrite:
        raise GridInputError("{path} already exists; turn on OVERWRITE to replace it, or choose another name.",
                             path=str(existing[0]))
    return path


def export_layer(path: str | Path, fmt: ExportFormat, layer: ExportLayer, target: Target, encoding: str = "utf-8",
                 shapefile_names: Mapping[str, str] | None = None, overwrite: bool = False,
                 progress: Progress | None = None) -> list[Path]:
    """Write the layer; returns the files written. Raises GridInputError (nothing written) for
    text the format cannot hold, Cancelled when progress is cancelled (nothing written)."""
    progress = progress or Progress()
    path = check_destination(path, fmt, overwrite)
    encoding = encoding.lower()
    if encoding not in fmt.encodings:
        raise GridInputError("{format} files are written in UTF-8 only; choose UTF-8.", format=fmt.key.upper())
    text_columns = {name: layer.columns[name] for name, kind in layer.fields if kind == "str"}
    problem = text_problem(layer.fids, text_columns, encoding, DBF_TEXT_BYTES if fmt.key == "shp" else None)
    if problem is not None:
        raise problem
    try:
        scratch = Path(tempfile.mkdtemp(prefix=f".{path.stem}-", dir=path.parent))
    except OSError as err:
        raise GridInputError("The folder {folder} cannot be written to ({error}); choose another.",
                             folder=str(path.parent), error=err.strerror or str(err)) from err
    try:
        staged = scratch / path.name
        if fmt.key == "dxf":
            _write_dxf(staged, layer, target, progress)
        else:
            _write_fiona(staged, fmt, layer, target, encoding, shapefile_names, progress)
        if fmt.key == "shp":
            field_map_path(staged).write_text(field_map_csv(shapefile_names or {}), encoding="utf-8")
        written = []
        for staged_file in sorted(scratch.iterdir()):
            final = path.parent / staged_file.name
            os.replace(staged_file, final)
            written.append(final)
        if overwrite:  # an old export's sidecar that this one does not have must not stay behind
            for stale in target_files(path, fmt):
                if stale.exists() and stale not in written:
                    stale.unlink()
        return written
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _fiona_schema(fmt: ExportFormat, layer: ExportLayer, names: Mapping[str, str]) -> dict:
    geometry_types = set(shapely.get_type_id(layer.geometries[~shapely.is_missing(layer.geometries)]).tolist())
    geometry = _geometry_name(geometry_types)
    properties = {}
    for name, kind in layer.fields:
        if kind == "date" and fmt.key not in ("gpkg", "shp"):
            kind = "str"
        properties[names.get(name, name)] = _FIONA_TYPES[kind]
    return {"geometry": geometry, "properties": properties}


def _geometry_name(type_ids: set[int]) -> str:
    if type_ids <= {0, 4}:
        return "MultiPoint" if 4 in type_ids else "Point"
    if type_ids <= {1, 2, 5}:
        return "MultiLineString"
    if type_ids <= {3, 6}:
        return "MultiPolygon"
    return "Unknown"


def _write_fiona(staged: Path, fmt: ExportFormat, layer: ExportLayer, target: Target, encoding: str,
                 shapefile_names: Mapping[str, str] | None, progress: Progress) -> None:
    names = dict(shapefile_names or {}) if fmt.key == "shp" else {}
    schema = _fiona_schema(fmt, layer, names)
    options: dict[str, object] = {}
    # KML placemarks are named from a field called "name", LIBKML's default: GDAL 3.10 no longer writes a
    # name from LIBKML_NAME_FIELD and drops that field instead, so the code goes into "name" and stays as data
    kml_name = fmt.key == "kml" and layer.code_field is not None and "name" not in schema["properties"]
    if kml_name:
        schema["properties"] = {"name": "str", **schema["properties"]}
    if fmt.key == "geojson":  # coordinates come rounded to fmt.decimals (core.export.transform_geometries)
        options.update(RFC7946="YES", COORDINATE_PRECISION=fmt.decimals)
    elif fmt.key == "csv":
        options.update(GEOMETRY="AS_WKT", CREATE_CSVT="YES")
        if encoding == "utf-8":
            options["WRITE_BOM"] = "YES"  # so Excel reads the Chinese text
    if fmt.driver not in fiona.supported_drivers:
        fiona.supported_drivers[fmt.driver] = "raw"
    multi = schema["geometry"].startswith("Multi")
    with fiona.open(staged, "w", driver=fmt.driver, schema=schema, crs_wkt=target.crs.to_wkt(),
                                      encoding=encoding if fmt.key in ("shp", "csv") else None,
                                      layer=layer.name if fmt.key in ("gpkg", "kml") else None, **options) as sink:
        field_names = [name for name, _kind in layer.fields]
        for start in range(0, len(layer.geometries), _BATCH):
            stop = min(len(layer.geometries), start + _BATCH)
            geometries = layer.geometries[start:stop]
            if multi:
                geometries = _as_multi(geometries)
            records = []
            for offset, geometry in enumerate(geometries):
                values = {names.get(n, n): layer.columns[n][start + offset] for n in field_names}
                if kml_name:
                    values["name"] = values[layer.code_field]
                records.append({"geometry": None if geometry is None else shapely.geometry.mapping(geometry),
                                "properties": values})
            sink.writerecords(records)
            progress.step(stop, len(layer.geometries))  # raises Cancelled: the scratch folder goes


def _as_multi(geometries: np.ndarray) -> np.ndarray:
    parts, index = shapely.get_parts(geometries, return_index=True)
    out = np.array(geometries, dtype=object)
    kinds = shapely.get_type_id(parts)
    present = ~shapely.is_missing(geometries)
    for i in np.flatnonzero(present):
        own = parts[index == i]
        if not len(own):
            continue
        kind = kinds[index == i][0]
        out[i] = (shapely.multipolygons(own) if kind == 3 else shapely.multilinestrings(own) if kind == 1
                  else shapely.multipoints(own))
    return out


def _write_dxf(staged: Path, layer: ExportLayer, target: Target, progress: Progress) -> None:
    """Boundaries as closed polylines on DXF layer 'features', each code as TEXT at the
    feature's representative point on layer 'codes' (height from the typical feature size)."""
    driver = ogr.GetDriverByName("DXF")
    dataset = driver.CreateDataSource(str(staged))
    if dataset is None:
        raise GridInputError("The DXF file {path} cannot be created.", path=str(staged))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(target.crs.to_wkt())
    sink = dataset.CreateLayer("entities", srs)
    definition = sink.GetLayerDefn()
    height = label_height(layer.geometries)
    codes = layer.columns.get(layer.code_field or "", [None] * len(layer.geometries))
    boundaries = shapely.boundary(layer.geometries)
    for i, geometry in enumerate(layer.geometries):
        if i % 1000 == 0:
            progress.step(i, len(layer.geometries))
        if geometry is None:
            continue
        drawn = boundaries[i] if shapely.get_type_id(geometry) in (3, 6) else geometry
        feature = ogr.Feature(definition)
        feature.SetField("Layer", "features")
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(drawn)))
        sink.CreateFeature(feature)
        if codes[i] not in (None, ""):
            text = str(codes[i]).replace('"', "'")
            label = ogr.Feature(definition)
            label.SetField("Layer", "codes")
            label.SetStyleString(f'LABEL(f:"SimSun",t:"{text}",s:{height:.6g}g,p:5)')
            label.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(shapely.point_on_surface(geometry))))
            sink.CreateFeature(label)
    dataset = None
