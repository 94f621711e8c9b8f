"""The coordinate datum of an input layer, shared by every algorithm that reads points, lines or polygons from the
user (codecomponents, validatecomponents, importaddresses, reversegeocode, dividegrids): one parameter with the same
options everywhere, reading through core.geodesy.datum, and the warning when the grids say the layer is offset.

Layers from Chinese web maps hold GCJ-02 (Amap, Tencent, Google China) or BD-09 (Baidu) longitudes and latitudes,
tagged EPSG:4326 because nothing else describes them. With DATUM = GCJ-02 or BD-09 the layer is taken to EPSG:4326
as its CRS says (a no-op for such layers; for a web-mercator layer digitised over a GCJ-02 map it undoes the
projection), every vertex goes from GCJ-02 or BD-09 to WGS84 (core.geodesy.offsets), and then to the algorithm's
working CRS.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyproj
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterEnum,
)

from grid_plugin.core.cases.point_location import PointLocator
from grid_plugin.core.geodesy.datum import (
    Contains,
    DatumGuess,
    convert_geometries,
    guess_datum,
    map_coordinates,
    outside_china,
)
from grid_plugin.core.geodesy.offsets import BD09, CHINA_BOX, GCJ02, WGS84, from_wgs84
from grid_plugin.processing.features import read_geometries
from grid_plugin.toolbelt.i18n import tr

DATUM = "DATUM"
# the datum of each option of the parameter, in order
DATUM_SYSTEMS = (WGS84, GCJ02, BD09)
WGS84_CRS = "EPSG:4326"
_LISTED = 20
_BOX_TEXT = f"{CHINA_BOX[0]:g}–{CHINA_BOX[2]:g} E, {CHINA_BOX[1]:g}–{CHINA_BOX[3]:g} N"


def datum_options() -> list[str]:
    """The options of every datum parameter, translated (the same strings everywhere)."""
    return [tr("As the layer's CRS says"), tr("GCJ-02 (Amap/Tencent/Google China, tagged WGS84)"),
            tr("BD-09 (Baidu)")]


def datum_names() -> dict[str, str]:
    """Short names of the datums for messages."""
    return {WGS84: tr("WGS84"), GCJ02: tr("GCJ-02"), BD09: tr("BD-09")}


def add_datum_parameter(algorithm, key: str = DATUM, description: str | None = None) -> None:
    """The enum parameter `key` (default: "As the layer's CRS says") on `algorithm`."""
    algorithm.addParameter(QgsProcessingParameterEnum(
        key, description or tr("Coordinates of the input (Chinese web maps: GCJ-02 or BD-09)"), datum_options(),
        defaultValue=0))


def datum_of(algorithm, parameters, context: QgsProcessingContext, key: str = DATUM) -> str:
    """The datum chosen under `key`: "wgs84" (as the layer's CRS says), "gcj02" or "bd09"."""
    return DATUM_SYSTEMS[algorithm.parameterAsEnum(parameters, key, context)]


def pyproj_crs(crs: QgsCoordinateReferenceSystem) -> pyproj.CRS:
    """The same CRS for pyproj: by its EPSG code when it has one, else by its WKT."""
    authid = crs.authid()
    if authid.upper().startswith("EPSG:"):
        return pyproj.CRS.from_user_input(authid)
    return pyproj.CRS.from_wkt(crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED))


def _transformer(source: str | pyproj.CRS, target: str | pyproj.CRS) -> pyproj.Transformer:
    return pyproj.Transformer.from_crs(source, target, always_xy=True)


def read_in_datum(
    source: QgsFeatureSource, crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext,
    attributes: Sequence[str], system: str, feedback: QgsProcessingFeedback | None = None,
) -> tuple[list[int], np.ndarray, list[list[object]]]:
    """Feature ids, shapely geometries in `crs` and attributes, as `read_geometries` gives them, with the layer's
    coordinates taken to be in `system` ("wgs84": as its CRS says, the plain read; "gcj02" or "bd09": its
    EPSG:4326 longitudes and latitudes are offset ones and are converted to WGS84 first). Features outside China,
    where the offsets are not defined, are counted and named in a warning."""
    if system == WGS84:
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
        return read_geometries(source, request, attributes, feedback)
    wgs84 = QgsCoordinateReferenceSystem(WGS84_CRS)
    request = QgsFeatureRequest().setDestinationCrs(wgs84, context.transformContext())
    fids, geometries, rows = read_geometries(source, request, attributes, feedback)
    warn_outside_china(feedback, fids, geometries, source.sourceName())
    converted = convert_geometries(geometries, system, WGS84)
    return fids, wgs84_to_crs(converted, crs), rows


def wgs84_to_crs(geometries: np.ndarray, crs: QgsCoordinateReferenceSystem) -> np.ndarray:
    """Geometries in EPSG:4326 degrees taken to `crs` (Z kept); unchanged when `crs` is EPSG:4326."""
    if crs.authid() == WGS84_CRS:
        return geometries
    transformer = _transformer(WGS84_CRS, pyproj_crs(crs))
    return map_coordinates(geometries, transformer.transform)


def warn_outside_china(feedback: QgsProcessingFeedback | None, fids: Sequence[int], geometries: np.ndarray,
                       layer_name: str) -> int:
    """Warn with a count and the first feature ids when geometries lie (partly) outside China; returns the count."""
    outside = np.flatnonzero(outside_china(geometries))
    if len(outside) and feedback is not None:
        listing = ", ".join(str(fids[k]) for k in outside[:_LISTED]) + (" …" if len(outside) > _LISTED else "")
        feedback.pushWarning(tr(
            "{count} features of {layer} lie wholly or partly outside China ({box}), where GCJ-02 is not defined: "
            "there the GCJ-02 step leaves coordinates unchanged, as the map services do (the BD-09 step applies "
            "everywhere). Check them: features {features}.").format(
                count=len(outside), layer=layer_name, features=listing,
                box=_BOX_TEXT))
    return int(len(outside))


# ---- is the layer offset? -----------------------------------------------------------------------------------
def representative_lonlat(geometries: np.ndarray, crs: QgsCoordinateReferenceSystem | None) -> tuple[np.ndarray,
                                                                                                      np.ndarray]:
    """EPSG:4326 degrees of one point per geometry (the point itself, else a point on its surface; NaN where there
    is no geometry); `crs` None means the geometries are in degrees already."""
    array = np.asarray(geometries, dtype=object)
    x = np.full(len(array), np.nan)
    y = np.full(len(array), np.nan)
    present = ~shapely.is_missing(array) & ~shapely.is_empty(array)
    if present.any():
        where = array[present]
        is_point = shapely.get_type_id(where) == 0
        points = np.empty((len(where), 2))
        points[is_point] = shapely.get_coordinates(where[is_point])
        if (~is_point).any():
            points[~is_point] = shapely.get_coordinates(shapely.point_on_surface(where[~is_point]))
        x[present], y[present] = points[:, 0], points[:, 1]
    if crs is not None and crs.authid() != WGS84_CRS:
        x, y = (np.asarray(v, dtype=float) for v in _transformer(pyproj_crs(crs), WGS84_CRS).transform(x, y))
    return x, y


def polygons_contain(polygons: np.ndarray, crs: QgsCoordinateReferenceSystem | None) -> Contains:
    """The containment test for `guess_datum`: WGS84 degrees in, True where inside one of the polygons (in `crs`;
    None: in degrees, as the store's EPSG:4490 grids)."""
    locator = PointLocator(np.asarray(polygons, dtype=object))
    transformer = None if crs is None or crs.authid() == WGS84_CRS else _transformer(WGS84_CRS, pyproj_crs(crs))

    def contains(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        if transformer is not None:
            lon, lat = (np.asarray(v, dtype=float) for v in transformer.transform(lon, lat))
        found: np.ndarray = locator.locate(np.asarray(lon, float), np.asarray(lat, float)) >= 0
        return found

    return contains


def check_datum(feedback: QgsProcessingFeedback, lon: np.ndarray, lat: np.ndarray, contains: Contains, chosen: str,
                what: str, key: str, labels: dict[str, str] | None = None) -> DatumGuess:
    """Warn when another datum would put many more points inside the unit grids.

    `lon`, `lat`: WGS84 degrees of the points as the run placed them (after its own conversion from `chosen`);
    they are turned back into the layer's own degrees and tried as WGS84, GCJ-02 and BD-09
    (core.geodesy.datum.guess_datum).
    `what` names the points in the message ("components"), `key` the parameter to change and `labels` its option
    per datum (default: the DATUM options)."""
    return warn_datum(feedback, datum_guess(lon, lat, contains, chosen), what, key, labels)


def datum_guess(lon: np.ndarray, lat: np.ndarray, contains: Contains, chosen: str) -> DatumGuess:
    """check_datum's counts without its warning (points that come in chunks: core.geodesy.datum.combine_guesses)."""
    raw_lon, raw_lat = from_wgs84(lon, lat, chosen)
    return guess_datum(raw_lon, raw_lat, contains, chosen)


def warn_datum(feedback: QgsProcessingFeedback, guess: DatumGuess, what: str, key: str,
               labels: dict[str, str] | None = None) -> DatumGuess:
    """check_datum's warning from counts made beforehand."""
    better = guess.suggested
    if better is not None:
        options = labels or dict(zip(DATUM_SYSTEMS, datum_options()))
        feedback.pushWarning(tr(
            "{outside} of {total} {what} lie outside every unit grid; with {key} set to '{label}', {inside} would "
            "lie inside: the coordinates look like {datum}. Choose that option and run again.").format(
                outside=f"{guess.outside:,}", total=f"{guess.total:,}", what=what, key=key, label=options[better],
                inside=f"{guess.inside[better]:,}", datum=datum_names()[better]))
    return guess


def datum_help(keys: str = DATUM, warns: bool = True) -> str:
    """The paragraph on the datum parameter(s) `keys` for a shortHelpString (the same text everywhere)."""
    text = "\n\n" + tr(
        "{keys}: coordinates from Chinese web maps (Amap, Tencent, Google China: GCJ-02; Baidu: BD-09) are usually "
        "tagged WGS84 (EPSG:4326) but lie several hundred metres off. Choose GCJ-02 or BD-09 and they are converted "
        "to WGS84 before use (the layer itself is not changed); the default takes them as the layer's CRS says. "
        "CGCS2000 and WGS84 coordinates need no conversion.").format(keys=keys)
    if warns:
        text += " " + tr("When many points lie outside every unit grid and another choice would put most of them "
                         "inside, a warning names it.")
    return text
