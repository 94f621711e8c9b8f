"""Working coordinate systems: CGCS2000 Gauss-Krüger zones chosen from longitude (WGS 84 UTM zones and
the WGS 84 datum for data outside China).

EPSG numbers come from the EPSG registry (checked against PROJ's proj.db in the tests):
- 3-degree zones without zone prefix, CM 75E..135E: EPSG:4534..4554 (4548 = CM 117E, Beijing);
- 6-degree zones without zone prefix, CM 75E..135E: EPSG:4502..4512 (4509 = CM 117E).
"""

from __future__ import annotations

import numpy as np

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.geodesy.offsets import in_china

CGCS2000_GEOGRAPHIC = 4490
_GK3_FIRST_EPSG, _GK3_FIRST_CM, _GK3_LAST_CM = 4534, 75, 135
_GK6_FIRST_EPSG, _GK6_FIRST_CM, _GK6_LAST_CM = 4502, 75, 135


def gk3_central_meridian(longitude: float) -> int:
    """Central meridian of the 3-degree zone holding the longitude (zones span CM ± 1.5°)."""
    return 3 * round(longitude / 3.0)


def gk6_central_meridian(longitude: float) -> int:
    """Central meridian of the 6-degree zone holding the longitude (zones span CM ± 3°)."""
    return 6 * int(longitude // 6) + 3


def gk3_epsg(longitude: float) -> int:
    """EPSG code of the CGCS2000 3-degree Gauss-Krüger zone (CM form) for a longitude."""
    cm = gk3_central_meridian(longitude)
    if not _GK3_FIRST_CM <= cm <= _GK3_LAST_CM:
        raise GridInputError(
            "longitude {longitude:.4f} is outside China's CGCS2000 3-degree zones "
            "(73.5E-136.5E); choose a working CRS explicitly",
            longitude=longitude,
        )
    return _GK3_FIRST_EPSG + (cm - _GK3_FIRST_CM) // 3


def gk6_epsg(longitude: float) -> int:
    """EPSG code of the CGCS2000 6-degree Gauss-Krüger zone (CM form) for a longitude."""
    cm = gk6_central_meridian(longitude)
    if not _GK6_FIRST_CM <= cm <= _GK6_LAST_CM:
        raise GridInputError(
            "longitude {longitude:.4f} is outside China's CGCS2000 6-degree zones "
            "(72E-138E); choose a working CRS explicitly",
            longitude=longitude,
        )
    return _GK6_FIRST_EPSG + (cm - _GK6_FIRST_CM) // 6


def lonlat_cgcs2000(xy: np.ndarray, source_crs_wkt: str) -> tuple[np.ndarray, np.ndarray]:
    """Longitude and latitude in CGCS2000 (EPSG:4490) of points (n × 2) in the given CRS, vectorised
    (a million points in a fraction of a second); used for BeiDou grid codes."""
    from pyproj import CRS, Transformer

    transformer = Transformer.from_crs(CRS.from_wkt(source_crs_wkt), CRS.from_epsg(CGCS2000_GEOGRAPHIC), always_xy=True)
    lon, lat = transformer.transform(xy[:, 0], xy[:, 1])
    return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)


# ---- data outside China -------------------------------------------------------------------------------
WGS84_GEOGRAPHIC = 4326


def utm_epsg(longitude: float, latitude: float) -> int:
    """EPSG code of the WGS 84 / UTM zone holding a point (326zz north of the equator, 327zz south;
    the Norway and Svalbard exceptions are not made)."""
    zone = int((longitude + 180.0) // 6.0) % 60 + 1
    return (32600 if latitude >= 0 else 32700) + zone


def working_epsg(longitude: float, latitude: float) -> int:
    """The projected CRS an algorithm measures in around a point when none is given: the CGCS2000
    3-degree Gauss-Krüger zone in China (offsets.in_china's box), the WGS 84 UTM zone elsewhere."""
    if bool(in_china(longitude, latitude)) and _GK3_FIRST_CM <= gk3_central_meridian(longitude) <= _GK3_LAST_CM:
        return gk3_epsg(longitude)
    return utm_epsg(longitude, latitude)


def datum_epsg(longitude: float, latitude: float) -> int:
    """The geographic CRS of the datum family of data at a point: CGCS2000 (EPSG:4490) in China
    (offsets.in_china's box), WGS 84 (EPSG:4326) elsewhere. The store keeps degrees that are both
    (PROJ converts between the two without a shift), and outputs are tagged with this one."""
    return CGCS2000_GEOGRAPHIC if bool(in_china(longitude, latitude)) else WGS84_GEOGRAPHIC
