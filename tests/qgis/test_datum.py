"""GCJ-02 / BD-09 layers tagged EPSG:4326, as Chinese web maps give them, on every input (issue 17 point 2):
the DATUM parameters of codecomponents, validatecomponents, importaddresses, reversegeocode and dividegrids,
COORDINATES of importcases on a point layer, the warnings when the grids say a layer is offset, and
gridplugin:convertcoordinates.

The offset layers are the sample district's own layers moved into GCJ-02 or BD-09 with core.geodesy.offsets and written
with fiona as EPSG:4326 (the sample is CGCS2000, whose degrees are WGS84's at this accuracy): read with the right
DATUM they must give what the sample itself gives."""

from __future__ import annotations

import csv

import fiona
import numpy as np
import processing
import pytest
import shapely
from qgis.core import QgsProcessingException
from shapely.geometry import mapping, shape

from grid_plugin.core.geodesy.offsets import gcj02_to_wgs84, wgs84_to_bd09, wgs84_to_gcj02
from grid_plugin.store.gpkg import GpkgStore
from tests.qgis.conftest import Messages
from tests.qgis.test_divide_grids import read_layer

GCJ, BD = "1", "2"  # the DATUM options, as qgis_process and models pass them


def offset_layer(sample_gpkg, layer: str, path, convert, crs: str = "EPSG:4326") -> str:
    """The sample's layer with every vertex moved by `convert` (wgs84_to_gcj02 or wgs84_to_bd09), tagged `crs`."""
    with fiona.open(sample_gpkg, layer=layer) as source:
        schema, features = source.schema, list(source)
    moved = shapely.transform(np.array([shape(f["geometry"]) for f in features], dtype=object),
                              lambda xy: np.column_stack(convert(xy[:, 0], xy[:, 1])))  # all vertices at once
    with fiona.open(path, "w", driver="GPKG", layer=layer, schema=schema, crs=crs) as sink:
        sink.writerecords([{"geometry": mapping(geometry), "properties": dict(feature["properties"])}
                           for geometry, feature in zip(moved, features)])  # one transaction
    return f"{path}|layername={layer}"


@pytest.fixture(scope="module")
def web_layers(sample_gpkg, tmp_path_factory):
    """The sample's components, addresses, communities and roads as an Amap (GCJ-02) download, and its
    components as a Baidu (BD-09) one; the file name has a space and Chinese characters, as downloads do."""
    folder = tmp_path_factory.mktemp("web maps")
    gcj = folder / "高德 sample.gpkg"
    bd = folder / "百度 sample.gpkg"
    layers = {name: offset_layer(sample_gpkg, name, gcj, wgs84_to_gcj02)
              for name in ("components", "addresses", "communities", "roads")}
    layers["bd_components"] = offset_layer(sample_gpkg, "components", bd, wgs84_to_bd09)
    return layers


def code(components, grids, out, feedback=None, **extra):
    return processing.run("gridplugin:codecomponents", {
        "INPUT": components, "CLASS_FIELD": "class_code", "GRIDS": grids, "GRID_CODE_FIELD": "grid_code",
        "EFFECTIVE_DATE": "2026-01-01", "OUTPUT": str(out), **extra}, feedback=feedback)


def by_name(path) -> dict[str, dict]:
    return {row["name"]: row for row in read_layer(path)[2]}


@pytest.fixture(scope="module")
def coded_sample(sample_gpkg, sample_grids, tmp_path_factory, qgis_processing):
    from tests.qgis.conftest import ensure_provider

    ensure_provider()
    out = tmp_path_factory.mktemp("coded") / "sample.gpkg"
    code(f"{sample_gpkg}|layername=components", sample_grids, out)
    return by_name(out)


# ---- codecomponents and validatecomponents ------------------------------------------------------------------
def test_gcj02_components_without_datum_are_off_and_the_warning_names_gcj02(gridplugin, web_layers, sample_grids,
                                                                           coded_sample, tmp_path):
    feedback = Messages()
    result = code(web_layers["components"], sample_grids, tmp_path / "as_tagged.gpkg", feedback)
    rows = by_name(result["OUTPUT"])
    outside = [name for name, row in rows.items() if not row["bgid"]]
    # the district's eastern and northern strips fall outside: about an eighth of the sample's components
    assert len(outside) >= 40 and result["PROBLEM_COUNT"] >= len(outside)
    moved = sum(1 for name, row in rows.items() if row["bgid"] and row["bgid"] != coded_sample[name]["bgid"])
    assert moved > 100  # and most of the others got a wrong grid
    hint = [w for w in feedback.warnings if "DATUM" in w]
    assert len(hint) == 1
    assert f"{len(outside)} of 433 components lie outside every unit grid" in hint[0]
    assert "'GCJ-02 (Amap/Tencent/Google China, tagged WGS84)', 433 would lie inside" in hint[0]
    assert "look like GCJ-02" in hint[0]


def test_components_genuinely_outside_get_no_datum_hint(gridplugin, sample_gpkg, sample_grids, tmp_path):
    """The sample's components plus 40 of the neighbouring district (6 km east): outside, but no datum puts them
    inside, so the run names them without blaming the coordinates."""
    ours = offset_layer(sample_gpkg, "components", tmp_path / "with neighbours.gpkg", lambda x, y: (x, y),
                        crs="EPSG:4490")
    with fiona.open(sample_gpkg, layer="components") as source:
        neighbours = [{"geometry": {"type": "Point", "coordinates": (x + 0.07, y)},
                       "properties": dict(f["properties"], name=f"邻区-{k}")}
                      for k, f in enumerate(list(source)[:40]) for x, y in [f["geometry"]["coordinates"]]]
    with fiona.open(tmp_path / "with neighbours.gpkg", "a", layer="components") as sink:
        sink.writerecords(neighbours)
    feedback = Messages()
    result = code(ours, sample_grids, tmp_path / "coded.gpkg", feedback)
    rows = by_name(result["OUTPUT"])
    assert sum(1 for row in rows.values() if not row["bgid"]) == 40
    assert any("outside every unit grid" in w for w in feedback.warnings)
    assert not any("DATUM" in w for w in feedback.warnings)


@pytest.mark.parametrize(("layer", "datum"), [("components", GCJ), ("bd_components", BD)])
def test_with_the_datum_offset_components_get_the_ids_and_grids_of_the_true_ones(
        gridplugin, web_layers, sample_grids, coded_sample, tmp_path, layer, datum):
    feedback = Messages()
    result = code(web_layers[layer], sample_grids, tmp_path / "converted.gpkg", feedback, DATUM=datum)
    assert result["PROBLEM_COUNT"] == 0 and not any("DATUM" in w for w in feedback.warnings)
    crs, count, _ = read_layer(result["OUTPUT"])
    assert crs == "EPSG:4548" and count == 433
    rows = by_name(result["OUTPUT"])
    for name, expected in coded_sample.items():
        row = rows[name]
        for field in ("component_id", "bgid", "street_code", "community_code", "class_code", "beidou_code"):
            assert row[field] == expected[field], (name, field)
        assert row["geometry"].distance(expected["geometry"]) < 0.5  # metres, in the grids' EPSG:4548


def test_validatecomponents_catches_a_layer_coded_without_the_datum(gridplugin, web_layers, sample_grids, tmp_path):
    wrong = code(web_layers["components"], sample_grids, tmp_path / "wrong.gpkg")["OUTPUT"]
    right = code(web_layers["components"], sample_grids, tmp_path / "right.gpkg", DATUM=GCJ)["OUTPUT"]

    def validate(layer, feedback=None, **extra):
        return processing.run("gridplugin:validatecomponents", {
            "INPUT": layer, "ID_FIELD": "component_id", "CLASS_FIELD": "class_code", "BGID_FIELD": "bgid",
            "GRIDS": sample_grids, "OUTPUT": "TEMPORARY_OUTPUT", **extra}, feedback=feedback)

    # as tagged: the grid codes agree with the offset positions, but the grids say the layer is offset
    feedback = Messages()
    as_tagged = validate(wrong, feedback)
    assert not as_tagged["PASSED"]
    assert any("look like GCJ-02" in w and "DATUM" in w for w in feedback.warnings)
    # read as GCJ-02 (the layer is EPSG:4548 now, made from GCJ-02 degrees): the codes taken from the offset
    # positions no longer match where the components stand
    problems = validate(wrong, DATUM=GCJ)
    layer = problems["OUTPUT"]
    kinds = [f["kind"] for f in layer.getFeatures()]
    assert kinds.count("grid_mismatch") > 100
    # the layer coded with the datum passes as it is
    feedback = Messages()
    assert validate(right, feedback)["PASSED"] and not any("DATUM" in w for w in feedback.warnings)


# ---- importaddresses and reversegeocode ---------------------------------------------------------------------
def import_addresses(layer, grids, store, feedback=None, **extra):
    return processing.run("gridplugin:importaddresses", {
        "INPUT": layer, "ADDRESS_FIELD": "full_address", "CODE_FIELD": "address_code", "KIND_FIELD": "kind",
        "NAME_FIELD": "name", "GRIDS": grids, "STORE": str(store), **extra}, feedback=feedback)


def stored_addresses(store) -> dict[str, tuple]:
    with GpkgStore(store, create=False) as opened:
        entries = opened.read_addresses()
    return {code: (grid, lon, lat, beidou) for code, grid, lon, lat, beidou in zip(
        entries.codes, entries.grid_codes, entries.lon, entries.lat, entries.beidou_codes, strict=True)}


def test_gcj02_addresses_are_placed_like_the_true_ones_with_the_datum(gridplugin, sample_gpkg, web_layers,
                                                                      sample_grids, tmp_path):
    import_addresses(f"{sample_gpkg}|layername=addresses", sample_grids, tmp_path / "true.gpkg")
    expected = stored_addresses(tmp_path / "true.gpkg")

    feedback = Messages()
    wrong = import_addresses(web_layers["addresses"], sample_grids, tmp_path / "wrong.gpkg", feedback)
    assert wrong["OUTSIDE_COUNT"] > 2000
    hint = [w for w in feedback.warnings if "DATUM" in w]
    assert len(hint) == 1 and "look like GCJ-02" in hint[0]
    assert f"{wrong['OUTSIDE_COUNT']:,} of 27,112 addresses lie outside every unit grid" in hint[0]

    feedback = Messages()
    right = import_addresses(web_layers["addresses"], sample_grids, tmp_path / "right.gpkg", feedback, DATUM=GCJ)
    assert right["OUTSIDE_COUNT"] == 0 and right["IMPORTED_COUNT"] == 27112
    assert not any("DATUM" in w for w in feedback.warnings)
    stored = stored_addresses(tmp_path / "right.gpkg")
    assert stored.keys() == expected.keys()
    grid, lon, lat, beidou = (np.array(v) for v in zip(*(stored[c] for c in expected)))
    true_grid, true_lon, true_lat, true_beidou = (np.array(v) for v in zip(*expected.values()))
    assert (grid == true_grid).all()
    assert np.abs(lon - true_lon).max() < 5e-6 and np.abs(lat - true_lat).max() < 5e-6  # < 0.5 m
    assert (beidou == true_beidou).mean() > 0.99  # level 8 cells are ~1 m: a few on a cell edge may differ


def test_reversegeocode_reads_gcj02_points_with_the_datum(gridplugin, sample_gpkg, web_layers, sample_grids,
                                                          tmp_path):
    store = tmp_path / "store.gpkg"
    import_addresses(f"{sample_gpkg}|layername=addresses", sample_grids, store)

    def reverse(layer, out, feedback=None, **extra):
        processing.run("gridplugin:reversegeocode", {"INPUT": layer, "STORE": str(store), "MAX_DISTANCE": 100,
                                                     "OUTPUT": str(out), **extra}, feedback=feedback)
        return by_name(out)

    expected = reverse(f"{sample_gpkg}|layername=components", tmp_path / "true.gpkg")
    feedback = Messages()
    got = reverse(web_layers["components"], tmp_path / "gcj.gpkg", feedback, DATUM=GCJ)
    assert not any("DATUM" in w for w in feedback.warnings)
    for name, row in expected.items():
        assert got[name]["grid_code"] == row["grid_code"] and got[name]["address_code"] == row["address_code"]
        assert got[name]["geometry"].distance(row["geometry"]) < 5e-6
    feedback = Messages()
    reverse(web_layers["components"], tmp_path / "tagged.gpkg", feedback)
    assert any("433 points" in w and "look like GCJ-02" in w for w in feedback.warnings)


# ---- dividegrids ----------------------------------------------------------------------------------------------
def divide(communities, roads, out, **extra):
    return processing.run("gridplugin:dividegrids", {
        "INPUT": communities, "MODE": "1", **({"LINES": roads} if roads else {}),
        "COMMUNITY_CODE_FIELD": "community_code", "STREET_NAME_FIELD": "street_name",
        "COMMUNITY_NAME_FIELD": "community_name", "OUTPUT": str(out), **extra})


def grid_table(path) -> dict[str, tuple[float, object]]:
    return {row["grid_code"]: (row["area_m2"], row["geometry"]) for row in read_layer(path)[2]}


def test_gcj02_communities_divide_into_the_grids_of_the_true_ones(gridplugin, web_layers, sample_gpkg, tmp_path):
    lattice = {"MODE": "0", "CELL_SIZE": 100}
    expected = divide(f"{sample_gpkg}|layername=communities", None, tmp_path / "true.gpkg", **lattice)
    result = divide(web_layers["communities"], None, tmp_path / "converted.gpkg", DATUM=GCJ, **lattice)
    assert result["WORKING_CRS"] == expected["WORKING_CRS"] == "EPSG:4548"
    want, got = grid_table(expected["OUTPUT"]), grid_table(result["OUTPUT"])
    assert got.keys() == want.keys() and len(got) > 2000
    for grid_code, (area, geometry) in want.items():
        assert got[grid_code][0] == pytest.approx(area, abs=0.01)
        assert shapely.hausdorff_distance(got[grid_code][1], geometry) < 0.01  # metres
    # as tagged, the same communities are divided 550 m away from where they are
    tagged = grid_table(divide(web_layers["communities"], None, tmp_path / "tagged.gpkg", **lattice)["OUTPUT"])
    shift = shapely.distance(shapely.centroid(tagged[next(iter(want))][1]), shapely.centroid(want[next(iter(want))][1]))
    assert 450 < shift < 650


def on_true_roads(grids_path, roads: np.ndarray) -> float:
    """Share of the grids' boundary length within 2 m of the true roads (EPSG:4548)."""
    boundaries = shapely.union_all(shapely.boundary(np.array([g for _, g in grid_table(grids_path).values()])))
    near = shapely.buffer(shapely.union_all(roads), 2.0)
    return shapely.length(shapely.intersection(boundaries, near)) / shapely.length(boundaries)


def test_gcj02_roads_are_followed_with_lines_datum(gridplugin, web_layers, sample_gpkg, tmp_path):
    """Amap roads over the surveyed (CGCS2000) communities: LINES_DATUM converts the lines only. Road-following
    division is not compared grid by grid: it changes with nanometre moves of the roads (see the report of
    issue 17), and a GCJ-02 round trip moves them by up to 6e-9 m; where the boundaries run is compared instead."""
    import pyproj

    with fiona.open(sample_gpkg, layer="roads") as source:
        lines = np.array([shape(f["geometry"]) for f in source], dtype=object)
    to_gk = pyproj.Transformer.from_crs("EPSG:4490", "EPSG:4548", always_xy=True)
    roads = shapely.transform(lines, lambda xy: np.column_stack(to_gk.transform(xy[:, 0], xy[:, 1])))
    communities = f"{sample_gpkg}|layername=communities"
    expected = divide(communities, f"{sample_gpkg}|layername=roads", tmp_path / "true.gpkg")
    converted = divide(communities, web_layers["roads"], tmp_path / "converted.gpkg", LINES_DATUM=GCJ)
    as_tagged = divide(communities, web_layers["roads"], tmp_path / "tagged.gpkg")
    both = divide(web_layers["communities"], web_layers["roads"], tmp_path / "both.gpkg", DATUM=GCJ, LINES_DATUM=GCJ)
    share = on_true_roads(expected["OUTPUT"], roads)
    assert share > 0.5
    for result in (converted, both):
        assert result["GRID_COUNT"] == pytest.approx(expected["GRID_COUNT"], rel=0.01)
        assert on_true_roads(result["OUTPUT"], roads) == pytest.approx(share, abs=0.02)
    # as tagged, the grids follow roads that are 550 m off
    assert on_true_roads(as_tagged["OUTPUT"], roads) < share - 0.1


# ---- importcases on a point layer ---------------------------------------------------------------------------
def test_importcases_converts_a_gcj02_point_layer_and_warns_when_coordinates_are_not_set(
        gridplugin, sample_gpkg, sample_grids, tmp_path):
    from tests.qgis.test_case_algorithms import decode_points

    source = tmp_path / "amap cases.gpkg"
    with fiona.open(sample_gpkg, layer="cases") as cases:
        schema, features = cases.schema, list(cases)[:300]
    with fiona.open(source, "w", driver="GPKG", layer="cases", schema=schema, crs="EPSG:4326") as sink:
        for feature in features:
            x, y = wgs84_to_gcj02(*feature["geometry"]["coordinates"])
            sink.write({"geometry": {"type": "Point", "coordinates": (float(x), float(y))},
                        "properties": dict(feature["properties"])})
    true = {f["properties"]["case_id"]: f["geometry"]["coordinates"] for f in features}

    def run(store, feedback=None, **extra):
        return processing.run("gridplugin:importcases", {
            "INPUT": str(source), "FIELD_MAP": "x=(geometry x); y=(geometry y)", "TIMEZONE": "Asia/Shanghai",
            "SCHEME": 0, "STORE": str(store),
            "GRIDS": sample_grids, "REJECTS": str(tmp_path / f"{store.stem}_rejects.csv"), **extra},
            feedback=feedback)

    converted = run(tmp_path / "converted.gpkg", COORDINATES=2)
    assert converted["IMPORTED_COUNT"] == 300
    with GpkgStore(tmp_path / "converted.gpkg", create=False) as opened:
        stored = {r[0]: r[1] for r in opened.query('SELECT case_id, geom FROM "cases"')}
    x, y = decode_points(list(stored.values()))
    expected = np.array([true[case_id] for case_id in stored])
    assert np.abs(x - expected[:, 0]).max() < 1e-7 and np.abs(y - expected[:, 1]).max() < 1e-7

    feedback = Messages()
    as_tagged = run(tmp_path / "tagged.gpkg", feedback)
    with open(tmp_path / "tagged_rejects.csv", encoding="utf-8-sig") as handle:
        outside = sum(1 for row in csv.DictReader(handle) if "outside every unit grid" in row["reason"])
    assert outside > 10 and as_tagged["IMPORTED_COUNT"] == 300 - outside
    hint = [w for w in feedback.warnings if "COORDINATES" in w]
    assert len(hint) == 1 and "'GCJ-02 (Amap, Tencent)'" in hint[0] and f"{outside} of 300 cases" in hint[0]


def test_importcases_refuses_gcj02_on_a_projected_layer(gridplugin, sample_grids, tmp_path):
    from tests.qgis.conftest import write_gpkg

    layer = write_gpkg(tmp_path / "projected.gpkg", "cases", "Point",
                       [({"type": "Point", "coordinates": (448700.0, 4418600.0)},
                         {"case_id": "A1", "reported_at": "2026-03-01 08:00", "class_code": "01"})],
                       {"case_id": "str", "reported_at": "str", "class_code": "str"}, crs="EPSG:4548")
    with pytest.raises(QgsProcessingException, match="projected.*convertcoordinates"):
        processing.run("gridplugin:importcases", {
            "INPUT": layer.split("|")[0], "FIELD_MAP": "x=(geometry x); y=(geometry y)", "COORDINATES": 2,
            "TIMEZONE": "Asia/Shanghai", "SCHEME": 0,
            "STORE": str(tmp_path / "store.gpkg"), "GRIDS": sample_grids, "REJECTS": str(tmp_path / "r.csv")})


# ---- convertcoordinates ---------------------------------------------------------------------------------------
def convert(layer, out, source: int, target: int, feedback=None):
    return processing.run("gridplugin:convertcoordinates", {"INPUT": layer, "FROM": source, "TO": target,
                                                            "OUTPUT": str(out)}, feedback=feedback)


WGS, CGCS, GCJ_OPTION, BD_OPTION = 0, 1, 2, 3


def features_of(path) -> list[dict]:
    with fiona.open(path) as source:
        return [{"geometry": shape(f["geometry"]) if f["geometry"] else None, **dict(f["properties"])}
                for f in source]


@pytest.mark.parametrize("layer", ["components", "roads", "communities"])
def test_gcj02_to_wgs84_gives_the_true_layer_back_and_keeps_vertices_and_attributes(
        gridplugin, sample_gpkg, web_layers, tmp_path, layer):
    result = convert(web_layers[layer], tmp_path / "wgs84.gpkg", GCJ_OPTION, WGS)
    assert read_layer(result["OUTPUT"])[0] == "EPSG:4326"
    with fiona.open(sample_gpkg, layer=layer) as source:
        true = [{"geometry": shape(f["geometry"]), **dict(f["properties"])} for f in source]
    got = features_of(result["OUTPUT"])
    assert len(got) == len(true) == result["FEATURE_COUNT"] and result["OUTSIDE_CHINA_COUNT"] == 0
    for a, b in zip(got, true):
        assert {k: v for k, v in a.items() if k != "geometry"} == {k: v for k, v in b.items() if k != "geometry"}
        assert shapely.get_num_coordinates(a["geometry"]) == shapely.get_num_coordinates(b["geometry"])
        assert np.abs(shapely.get_coordinates(a["geometry"]) - shapely.get_coordinates(b["geometry"])).max() < 1e-9


@pytest.mark.parametrize(("offset", "option"), [(wgs84_to_gcj02, GCJ_OPTION), (wgs84_to_bd09, BD_OPTION)])
def test_round_trips_through_wgs84_and_cgcs2000_keep_multiparts_z_and_attributes(
        gridplugin, tmp_path, offset, option):
    from tests.qgis.conftest import write_gpkg

    ring = [(116.38, 39.90), (116.42, 39.90), (116.42, 39.93), (116.38, 39.93), (116.38, 39.90)]
    hole = [(116.39, 39.91), (116.40, 39.91), (116.40, 39.92), (116.39, 39.91)]
    records = [
        ({"type": "MultiPolygon", "coordinates": [[ring, hole], [[(121.47, 31.23), (121.48, 31.23),
                                                                  (121.48, 31.24), (121.47, 31.23)]]]},
         {"name": 'the "east" gate, 东门', "opened": "2024-05-01", "height": 12.5}),
        ({"type": "MultiPolygon", "coordinates": [[ring]]}, {"name": None, "opened": None, "height": None}),
        (None, {"name": "no geometry", "opened": None, "height": 0.0}),
    ]
    source = write_gpkg(tmp_path / "web.gpkg", "areas", "MultiPolygon", records,
                        {"name": "str", "opened": "date", "height": "float"}, crs="EPSG:4326")
    wgs = convert(source, tmp_path / "wgs.gpkg", option, WGS)["OUTPUT"]
    cgcs = convert(wgs, tmp_path / "cgcs.gpkg", WGS, CGCS)["OUTPUT"]
    with fiona.open(cgcs) as opened:
        assert opened.crs.to_epsg() == 4490
    back = convert(cgcs, tmp_path / "back.gpkg", CGCS, option)["OUTPUT"]
    before, moved, after = features_of(source.split("|")[0]), features_of(wgs), features_of(back)
    for a, m, b in zip(before, moved, after, strict=True):
        assert {k: v for k, v in a.items() if k != "geometry"} == {k: v for k, v in b.items() if k != "geometry"}
        if a["geometry"] is None:
            assert m["geometry"] is None and b["geometry"] is None
            continue
        assert len(b["geometry"].geoms) == len(a["geometry"].geoms)
        assert shapely.get_num_coordinates(b["geometry"]) == shapely.get_num_coordinates(a["geometry"])
        assert np.abs(shapely.get_coordinates(b["geometry"]) - shapely.get_coordinates(a["geometry"])).max() < 1e-6
        # and the WGS84 step is the true position, hundreds of metres from the web map's
        xy = shapely.get_coordinates(m["geometry"])
        assert np.abs(np.column_stack(offset(xy[:, 0], xy[:, 1])) - shapely.get_coordinates(a["geometry"])).max() \
            < 1e-9
        assert shapely.hausdorff_distance(m["geometry"], a["geometry"]) > 0.004


def test_z_values_outside_china_and_same_systems(gridplugin, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

    layer = QgsVectorLayer("LineStringZ?crs=EPSG:4326&field=id:integer", "lines z", "memory")
    features = []
    for k, wkt in enumerate(("LineStringZ (116.40 39.90 43.5, 116.41 39.91 44.0)",
                             "LineStringZ (2.35 48.86 35, 2.36 48.87 36)",
                             "LineStringZ (116.40 39.90 1, 140.0 39.9 2)")):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([k])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    try:
        feedback = Messages()
        result = processing.run("gridplugin:convertcoordinates", {
            "INPUT": layer.id(), "FROM": GCJ_OPTION, "TO": WGS, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
        out = result["OUTPUT"]
        assert result["OUTSIDE_CHINA_COUNT"] == 2
        warning = next(w for w in feedback.warnings if "outside China" in w)
        assert warning.startswith("2 features of") and "features 2, 3" in warning
        got = {f["id"]: shapely.from_wkb(bytes(f.geometry().asWkb())) for f in out.getFeatures()}
        assert shapely.get_coordinates(got[0], include_z=True)[:, 2].tolist() == [43.5, 44.0]
        expected = gcj02_to_wgs84([116.40, 116.41], [39.90, 39.91])
        assert np.abs(shapely.get_coordinates(got[0]) - np.column_stack(expected)).max() < 1e-12
        assert shapely.get_coordinates(got[1], include_z=True).tolist() == [[2.35, 48.86, 35], [2.36, 48.87, 36]]
        with pytest.raises(QgsProcessingException, match="nothing to convert"):
            processing.run("gridplugin:convertcoordinates", {
                "INPUT": layer.id(), "FROM": GCJ_OPTION, "TO": GCJ_OPTION, "OUTPUT": "TEMPORARY_OUTPUT"})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
