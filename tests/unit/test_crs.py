import pyproj
import pytest

from grid_plugin.core.errors import GridInputError
from grid_plugin.core.geodesy.crs import gk3_central_meridian, gk3_epsg, gk6_epsg


@pytest.mark.parametrize(
    ("longitude", "epsg", "cm"),
    [(116.40, 4548, 117), (115.6, 4548, 117), (118.49, 4548, 117), (118.51, 4549, 120),
     (121.47, 4549, 120), (104.06, 4544, 105), (99.2, 4542, 99), (75.9, 4534, 75), (134.9, 4554, 135)],
)
def test_gauss_kruger_3_degree_zone_matches_the_epsg_registry(longitude, epsg, cm):
    assert gk3_central_meridian(longitude) == cm
    assert gk3_epsg(longitude) == epsg
    crs = pyproj.CRS.from_epsg(epsg)
    assert "CGCS2000" in crs.name and "3-degree" in crs.name
    assert crs.to_dict()["lon_0"] == cm


@pytest.mark.parametrize(("longitude", "epsg", "cm"), [(116.4, 4509, 117), (113.2, 4508, 111), (120.1, 4510, 123)])
def test_gauss_kruger_6_degree_zone_matches_the_epsg_registry(longitude, epsg, cm):
    assert gk6_epsg(longitude) == epsg
    crs = pyproj.CRS.from_epsg(epsg)
    assert crs.name == f"CGCS2000 / Gauss-Kruger CM {cm}E" and crs.to_dict()["lon_0"] == cm


@pytest.mark.parametrize("longitude", [-74.0, 10.0, 140.0])
def test_longitudes_outside_china_need_an_explicit_crs(longitude):
    with pytest.raises(GridInputError, match="choose a working CRS"):
        gk3_epsg(longitude)
