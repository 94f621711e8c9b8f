"""gridplugin:dividegrids run as qgis_process and models run it: plain-string parameters."""

from __future__ import annotations

import csv
import re
import sqlite3

import numpy as np
import processing
import pytest
import shapely
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from tests.conftest import EXPECTED
from tests.qgis.conftest import square, write_gpkg

COMMUNITY_FIELDS = {"code": "str", "name": "str"}


def run(parameters, feedback=None):
    return processing.run("gridplugin:dividegrids", parameters, feedback=feedback)


class Recorder(QgsProcessingFeedback):
    """A feedback keeping what the run reports, by kind: information, warnings, errors, progress."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings, self.errors, self.progress = [], [], [], []

    def pushInfo(self, info):
        self.infos.append(info)

    def pushWarning(self, warning):
        self.warnings.append(warning)

    def reportError(self, error, fatalError=False):
        self.errors.append(error)

    def setProgress(self, progress):
        self.progress.append(progress)
        super().setProgress(progress)


def read_layer(path):
    """(CRS authid, feature count, rows as dicts with a shapely 'geometry') of an output layer.

    Plain data only: no QGIS object may outlive the test (see error_text).
    """
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    names = [f.name() for f in layer.fields()][1:]
    rows = [dict(zip([*names, "geometry"], [*f.attributes()[1:], shapely.from_wkb(bytes(f.geometry().asWkb()))]))
            for f in layer.getFeatures()]
    return layer.crs().authid(), layer.featureCount(), rows


def test_sample_district_with_plain_string_parameters(gridplugin, sample_gpkg, tmp_path):
    out = tmp_path / "grids.gpkg"
    result = run({
        "INPUT": f"{sample_gpkg}|layername=communities",
        "MODE": "0",
        "CODE_SOURCE": "0",
        "COMMUNITY_CODE_FIELD": "community_code",
        "STREET_NAME_FIELD": "street_name",
        "COMMUNITY_NAME_FIELD": "community_name",
        "CELL_SIZE": "100",
        "OUTPUT": str(out),
    })
    assert result["WORKING_CRS"] == "EPSG:4548"  # sample is in EPSG:4490 around 116.4E
    crs, count, grids = read_layer(result["OUTPUT"])
    assert crs == "EPSG:4548"
    assert result["GRID_COUNT"] == len(grids) == count

    community_codes = {f["community_code"] for f in
                       QgsVectorLayer(f"{sample_gpkg}|layername=communities", "c", "ogr").getFeatures()}
    assert {g["community_code"] for g in grids} == community_codes
    codes = [g["grid_code"] for g in grids]
    assert len(set(codes)) == len(codes) and all(len(c) == 15 and c.isdigit() for c in codes)
    assert all(g["grid_code"].startswith(g["community_code"]) and int(g["grid_code"][-3:]) == g["seq"] for g in grids)
    assert all(g["street_name"] and g["community_name"] for g in grids)

    # compare with the expected output at 0.01 m²
    with open(EXPECTED / "sample_lattice_grids.csv", encoding="utf-8") as handle:
        expected = {row["grid_code"]: float(row["area_m2"]) for row in csv.DictReader(handle)}
    got = {g["grid_code"]: g["area_m2"] for g in grids}
    assert got.keys() == expected.keys()
    assert max(abs(got[k] - expected[k]) for k in got) <= 0.01
    geoms = np.array([g["geometry"] for g in grids])
    assert np.allclose(shapely.area(geoms), [g["area_m2"] for g in grids], atol=0.01)


def test_rerun_gives_identical_output(gridplugin, sample_gpkg, tmp_path):
    params = {"INPUT": f"{sample_gpkg}|layername=communities", "COMMUNITY_CODE_FIELD": "community_code"}
    first = read_layer(run({**params, "OUTPUT": str(tmp_path / "a.gpkg")})["OUTPUT"])[2]
    second = read_layer(run({**params, "OUTPUT": str(tmp_path / "b.gpkg")})["OUTPUT"])[2]
    assert [g["grid_code"] for g in first] == [g["grid_code"] for g in second]
    assert all(a["geometry"].equals_exact(b["geometry"], 0) for a, b in zip(first, second))


def test_the_plugins_writer_and_qgiss_writer_give_the_same_grids(gridplugin, sample_gpkg, tmp_path):
    """A new .gpkg is written by the plugin itself (io/feature_files.py); an existing one, which
    QGIS overwrites, goes through QGIS's sink. Both must hold the same features and attributes,
    dates included, and the GeoPackage of the plugin must be one GDAL and QGIS read as standard."""
    from osgeo import ogr

    params = {"INPUT": f"{sample_gpkg}|layername=communities", "COMMUNITY_CODE_FIELD": "community_code",
              "COMMUNITY_NAME_FIELD": "community_name", "EFFECTIVE_DATE": "2026-03-01"}
    existing = tmp_path / "by_qgis.gpkg"
    run({**params, "OUTPUT": str(existing)})  # now it exists: the next run overwrites it through QGIS
    by_qgis = read_layer(run({**params, "OUTPUT": str(existing)})["OUTPUT"])
    by_plugin = read_layer(run({**params, "OUTPUT": str(tmp_path / "by_plugin.gpkg")})["OUTPUT"])
    assert by_plugin[:2] == by_qgis[:2]
    for ours, theirs in zip(by_plugin[2], by_qgis[2], strict=True):
        assert {k: v for k, v in ours.items() if k != "geometry"} == {k: v for k, v in theirs.items()
                                                                      if k != "geometry"}
        assert ours["geometry"].equals_exact(theirs["geometry"], 1e-9)
    first = by_plugin[2][0]
    assert first["init_date"].toString("yyyy-MM-dd") == "2026-03-01" and first["end_date"].isNull()
    assert first["responsible"] == first["community_name"]  # the default responsible party
    source = ogr.Open(str(tmp_path / "by_plugin.gpkg"))
    assert source.GetLayer(0).GetFeatureCount() == by_plugin[1]
    assert source.ExecuteSQL("SELECT rtreecheck('rtree_by_plugin_geom')").GetNextFeature().GetField(0) == "ok"
    with sqlite3.connect(tmp_path / "by_plugin.gpkg") as connection:  # each blob names the layer's CRS
        column_srs = connection.execute("SELECT srs_id FROM gpkg_geometry_columns").fetchone()[0]
        blob_srs = {int.from_bytes(blob[4:8], "little") for (blob,) in connection.execute(
            'SELECT geom FROM "by_plugin"')}
    assert column_srs == 4548 and blob_srs == {4548}


def test_separate_code_fields_and_district_constant(gridplugin, tmp_path):
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon", [
        (square(116.400, 39.920, 0.004), {"jd": "001", "sq": "002"}),
        (square(116.404, 39.920, 0.004), {"jd": "110101001", "sq": "110101001003"}),
    ], {"jd": "str", "sq": "str"})
    result = run({"INPUT": source, "CODE_SOURCE": "1", "DISTRICT_CODE": "110101", "STREET_CODE_FIELD": "jd",
                  "COMMUNITY_CODE_FIELD": "sq", "OUTPUT": str(tmp_path / "out.gpkg")})
    _, _, grids = read_layer(result["OUTPUT"])
    assert {g["community_code"] for g in grids} == {"110101001002", "110101001003"}


def test_user_crs_is_used_and_reported(gridplugin, tmp_path):
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon",
                        [(square(116.400, 39.920, 0.004), {"code": "110101001001", "name": "甲"})], COMMUNITY_FIELDS)
    result = run({"INPUT": source, "COMMUNITY_CODE_FIELD": "code", "TARGET_CRS": "EPSG:32650",
                  "OUTPUT": str(tmp_path / "out.gpkg")})
    assert result["WORKING_CRS"] == "EPSG:32650"
    assert read_layer(result["OUTPUT"])[0] == "EPSG:32650"


def error_text(parameters, feedback=None) -> str:
    """The message of the QgsProcessingException the run raises.

    Only the text is kept: a traceback of a Processing error holds the QGIS layers of the run, and
    one that outlives the test is destroyed after QGIS has exited, crashing the interpreter.
    """
    try:
        run(parameters, feedback)
    except QgsProcessingException as error:
        return str(error)
    pytest.fail("the run succeeded; an error was expected")


def expect_error(parameters, out, *fragments):
    message = error_text({**parameters, "OUTPUT": str(out)})
    for fragment in fragments:
        assert fragment in message
    assert not out.exists(), "a failed run left output behind"


def test_empty_layer(gridplugin, tmp_path):
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon", [], COMMUNITY_FIELDS)
    expect_error({"INPUT": source, "COMMUNITY_CODE_FIELD": "code"}, tmp_path / "out.gpkg", "no features")


def test_layer_of_only_null_geometries(gridplugin, tmp_path):
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon", [(None, {"code": "110101001002", "name": "乙"})],
                        COMMUNITY_FIELDS)
    expect_error({"INPUT": source, "COMMUNITY_CODE_FIELD": "code"}, tmp_path / "out.gpkg", "no geometries")


def test_null_geometry_is_rejected_with_its_id(gridplugin, tmp_path):
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon", [
        (square(116.40, 39.92, 0.004), {"code": "110101001001", "name": "甲"}),
        (None, {"code": "110101001002", "name": "乙"}),
    ], COMMUNITY_FIELDS)
    expect_error({"INPUT": source, "COMMUNITY_CODE_FIELD": "code"}, tmp_path / "out.gpkg",
                 "feature 2 has no geometry")


def test_invalid_geometry_is_repaired_with_a_warning(gridplugin, tmp_path):
    bowtie = {"type": "Polygon", "coordinates": [[(116.40, 39.92), (116.41, 39.93), (116.41, 39.92),
                                                  (116.40, 39.93), (116.40, 39.92)]]}
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon",
                        [(bowtie, {"code": "110101001001", "name": "甲"})], COMMUNITY_FIELDS)
    feedback = Recorder()
    result = processing.run("gridplugin:dividegrids", {"INPUT": source, "COMMUNITY_CODE_FIELD": "code",
                                                       "OUTPUT": str(tmp_path / "out.gpkg")}, feedback=feedback)
    assert result["GRID_COUNT"] > 0
    assert any("feature 1: invalid geometry" in w for w in feedback.warnings)  # a warning, not an error
    assert feedback.errors == []


def test_overlapping_communities_list_the_pairs(gridplugin, tmp_path):
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon", [
        (square(116.400, 39.92, 0.004), {"code": "110101001001", "name": "甲"}),
        (square(116.403, 39.92, 0.004), {"code": "110101001002", "name": "乙"}),
        (square(116.420, 39.92, 0.004), {"code": "110101001003", "name": "丙"}),
    ], COMMUNITY_FIELDS)
    expect_error({"INPUT": source, "COMMUNITY_CODE_FIELD": "code"}, tmp_path / "out.gpkg",
                 "communities overlap", "#1 110101001001 & #2 110101001002")


@pytest.mark.parametrize(("value", "fragment"), [
    ("11010100100", "feature 1: community code '11010100100' in field 'code' must be 12 digits"),
    ("", "community code '' in field 'code'"),
])
def test_wrong_length_code_names_field_and_feature(gridplugin, tmp_path, value, fragment):
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon",
                        [(square(116.40, 39.92, 0.004), {"code": value, "name": "甲"})], COMMUNITY_FIELDS)
    expect_error({"INPUT": source, "COMMUNITY_CODE_FIELD": "code"}, tmp_path / "out.gpkg", fragment)


def test_missing_code_field(gridplugin, tmp_path):
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon",
                        [(square(116.40, 39.92, 0.004), {"code": "110101001001", "name": "甲"})], COMMUNITY_FIELDS)
    expect_error({"INPUT": source, "COMMUNITY_CODE_FIELD": "sqdm"}, tmp_path / "out.gpkg", "'sqdm' does not exist")
    expect_error({"INPUT": source, "CODE_SOURCE": "1", "COMMUNITY_CODE_FIELD": "code"}, tmp_path / "out.gpkg",
                 "street code field")


def test_non_polygon_layer(gridplugin, tmp_path):
    line = {"type": "LineString", "coordinates": [(116.4, 39.9), (116.5, 39.9)]}
    source = write_gpkg(tmp_path / "in.gpkg", "roads", "LineString", [(line, {"code": "x", "name": "y"})],
                        COMMUNITY_FIELDS)
    expect_error({"INPUT": source, "COMMUNITY_CODE_FIELD": "code"}, tmp_path / "out.gpkg", "polygon")


def test_web_mercator_input_is_worked_in_gauss_kruger(gridplugin, tmp_path):
    x, y = 12_957_900.0, 4_852_000.0  # ~116.40E 39.92N
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon",
                        [(square(x, y, 500), {"code": "110101001001", "name": "甲"})], COMMUNITY_FIELDS,
                        crs="EPSG:3857")
    result = run({"INPUT": source, "COMMUNITY_CODE_FIELD": "code", "OUTPUT": str(tmp_path / "out.gpkg")})
    assert result["WORKING_CRS"] == "EPSG:4548"


def test_error_messages_follow_the_chinese_locale(gridplugin, tmp_path):
    from grid_plugin.toolbelt.i18n import install_translator, remove_translator

    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon", [
        (None, {"code": "110101001002", "name": "乙"}),
        (square(116.40, 39.92, 0.004), {"code": "110101001001", "name": "甲"}),
    ], COMMUNITY_FIELDS)
    translator = install_translator("zh_CN")
    assert translator is not None, "grid_plugin_zh_CN.qm missing: run make translations"
    try:
        expect_error({"INPUT": source, "COMMUNITY_CODE_FIELD": "code"}, tmp_path / "out.gpkg", "要素 1 没有几何图形")
    finally:
        remove_translator(translator)


def test_real_neighbourhoods_outside_china_need_a_crs_and_overlaps_are_reported(
        gridplugin, manhattan_with_codes, tmp_path):
    params = {"INPUT": manhattan_with_codes, "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name"}
    expect_error(params, tmp_path / "a.gpkg", "outside China", "choose a working CRS")
    # the published neighbourhoods overlap in two places by 8.0 and 1.3 m²: beyond a tolerance of 1 m², and
    # repaired within the default one
    expect_error({**params, "TARGET_CRS": "EPSG:32618", "OVERLAP_TOLERANCE": "1"}, tmp_path / "b.gpkg",
                 "communities overlap", "(8.0 m²)", "(1.3 m²)")
    result = run({**params, "TARGET_CRS": "EPSG:32618", "OUTPUT": str(tmp_path / "c.gpkg")})
    _, _, grids = read_layer(result["OUTPUT"])
    area = sum(g["area_m2"] for g in grids)
    assert 58.5e6 < area < 59.5e6  # Manhattan's 59 km² (neighbourhoods)
    assert len({g["community_code"] for g in grids}) == 37


def test_a_failed_run_releases_its_sources_and_frames(gridplugin, tmp_path):
    """QGIS 3.22 keeps the exception a Python algorithm raises; the base class makes sure it
    pins nothing of the run (sources, layers, open files)."""
    import gc
    import types

    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon",
                        [(square(-74.0, 40.7, 0.004), {"code": "110101001001", "name": "甲"})], COMMUNITY_FIELDS)
    assert "outside China" in error_text({"INPUT": source, "COMMUNITY_CODE_FIELD": "code",
                                          "OUTPUT": str(tmp_path / "out.gpkg")})
    gc.collect()
    pinned = {o.f_code.co_name: set(o.f_locals) for o in gc.get_objects()
              if isinstance(o, types.FrameType) and "/grid_plugin/" in o.f_code.co_filename}
    # only the re-raising frame stays, holding the algorithm object and the message text
    assert pinned in ({}, {"processAlgorithm": {"self", "message"}})


def test_a_run_cancelled_while_writing_leaves_no_file(gridplugin, sample_gpkg, tmp_path, monkeypatch):
    """The cancel arrives after the division, while the plugin writes the GeoPackage: the run
    ends quietly with no result and the half-written file is gone."""
    from qgis.core import QgsProcessingFeedback

    from grid_plugin.io import feature_files as gpkg_files

    monkeypatch.setattr(gpkg_files, "_BATCH", 500)  # several batches, so the cancel lands mid-file

    class CancelWhileWriting(QgsProcessingFeedback):
        def setProgress(self, progress):  # the writer reports 80-100 %
            super().setProgress(progress)
            if progress > 80:
                self.cancel()

    feedback = CancelWhileWriting()
    out = tmp_path / "grids.gpkg"
    result = processing.run("gridplugin:dividegrids", {
        "INPUT": f"{sample_gpkg}|layername=communities", "COMMUNITY_CODE_FIELD": "community_code",
        "OUTPUT": str(out)}, feedback=feedback)
    assert feedback.isCanceled()
    assert "OUTPUT" not in result and "GRID_COUNT" not in result
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temporary part


def test_a_cancelled_run_writes_nothing(gridplugin, sample_gpkg, tmp_path):
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "grids.gpkg"
    result = processing.run("gridplugin:dividegrids", {
        "INPUT": f"{sample_gpkg}|layername=communities", "COMMUNITY_CODE_FIELD": "community_code",
        "OUTPUT": str(out)}, feedback=feedback)
    assert "OUTPUT" not in result and "GRID_COUNT" not in result
    assert not out.exists()


# --- communities too large, too small or overlapping, shaped like real data -------------------------


def ragged(x, y, radius, seed, vertices=120, aspect=1.0):
    """A ragged community outline (GeoJSON) around (x, y): radius in the layer's units; the
    boundary zigzags by about a tenth of the vertex spacing."""
    rng = np.random.default_rng(seed)
    angle = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    jitter = 0.6 / vertices
    r = radius * (1 + 0.15 * np.sin(3 * angle) + 0.08 * np.cos(7 * angle) + rng.uniform(-jitter, jitter, vertices))
    ring = np.c_[x + aspect * r * np.cos(angle), y + r * np.sin(angle)]
    return shapely.geometry.mapping(shapely.Polygon(ring))


def province_layer(tmp_path):
    """One community of about 1,000,000 km² in CGCS2000 longitude/latitude (EPSG:4490)."""
    return write_gpkg(tmp_path / "province.gpkg", "c", "Polygon", [
        (ragged(112.0, 38.0, 5.0, seed=1, vertices=2000, aspect=1.3), {"code": "150102001001", "name": "全省"}),
    ], COMMUNITY_FIELDS)


def forbid(monkeypatch, target):
    """Make `target` fail if called: the division must not start."""
    def entered(*args, **kwargs):
        raise AssertionError(f"{target} was called: the refusal came too late")

    monkeypatch.setattr(target, entered)


def test_a_province_sized_community_is_refused_before_the_lattice_is_made(gridplugin, tmp_path, monkeypatch):
    """It used to run out of memory (std::bad_alloc after 67 s at 8 GiB)."""
    forbid(monkeypatch, "grid_plugin.core.grids.lattice.lattice_pieces")
    feedback = Recorder()
    out = tmp_path / "out.gpkg"
    message = error_text({"INPUT": province_layer(tmp_path), "COMMUNITY_CODE_FIELD": "code",
                          "COMMUNITY_NAME_FIELD": "name", "OUTPUT": str(out)}, feedback)
    assert re.search(r"150102001001 全省 \(feature 1\): ≥ \d{2,3},\d{3},\d{3} grids", message), message
    size = int(re.search(r"raise the cell size CELL_SIZE to at least (\d+) m", message)[1])
    assert 31_500 < size < 40_000  # √(10¹² m² / 999) = 31.6 km, and the cells the outline cuts
    assert max(feedback.progress, default=0) == 0  # nothing divided
    assert not out.exists()


def four_too_large_and_one_fine(tmp_path):
    """In EPSG:4548 near Beijing: two ragged communities of about 30 km², two of 10.9 km² on the
    lattice (33 × 33 cells, near the limit) and a fine one of 0.7 km²."""
    records = [
        (ragged(450_000, 4_420_000, 3_100, seed=1), {"code": "110101001001", "name": "甲"}),
        (ragged(458_000, 4_420_000, 3_100, seed=2), {"code": "110101001002", "name": "乙"}),
        (shapely.geometry.mapping(shapely.box(462_000, 4_420_000, 465_300, 4_423_300)),
         {"code": "110101001003", "name": "丙"}),
        (shapely.geometry.mapping(shapely.box(466_000, 4_420_000, 469_300, 4_423_300)),
         {"code": "110101001004", "name": "丁"}),
        (ragged(472_000, 4_420_000, 470, seed=5), {"code": "110101001005", "name": "戊"}),
    ]
    return write_gpkg(tmp_path / "five.gpkg", "c", "Polygon", records, COMMUNITY_FIELDS, crs="EPSG:4548")


def test_every_community_over_the_limit_is_listed_before_dividing(gridplugin, tmp_path, monkeypatch):
    """It used to fail after the division, naming the first community only."""
    forbid(monkeypatch, "grid_plugin.core.grids.lattice._union_groups")
    params = {"INPUT": four_too_large_and_one_fine(tmp_path), "COMMUNITY_CODE_FIELD": "code",
              "COMMUNITY_NAME_FIELD": "name"}
    feedback = Recorder()
    message = error_text({**params, "OUTPUT": str(tmp_path / "a.gpkg")}, feedback)
    assert message.startswith("4 community(ies) would get more than the 999 grids")
    for listed in ("110101001001 甲 (feature 1): ≥ 2,", "110101001002 乙 (feature 2): ≥ 2,",
                   "110101001003 丙 (feature 3): 1,089 grids", "110101001004 丁 (feature 4): 1,089 grids"):
        assert listed in message
    assert "戊" not in message
    assert max(feedback.progress, default=0) == 0
    monkeypatch.undo()
    size = re.search(r"raise the cell size CELL_SIZE to at least (\d+) m", message)[1]
    result = run({**params, "CELL_SIZE": size, "OUTPUT": str(tmp_path / "b.gpkg")})  # the suggestion fits
    grids = read_layer(result["OUTPUT"])[2]
    assert max(g["seq"] for g in grids) <= 999 and {g["community_name"] for g in grids} == set("甲乙丙丁戊")


def test_a_sliver_community_is_named_in_a_warning_and_keeps_its_grid(gridplugin, tmp_path):
    """A 0.01 m² community (10 × 10 cm, near a real one) used to become a grid without a word."""
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon", [
        (ragged(450_000, 4_420_000, 400, seed=3), {"code": "110101001001", "name": "甲"}),
        (shapely.geometry.mapping(shapely.box(451_000, 4_420_000, 451_000.1, 4_420_000.1)),
         {"code": "110101001002", "name": "乙"}),
    ], COMMUNITY_FIELDS, crs="EPSG:4548")
    feedback = Recorder()
    result = run({"INPUT": source, "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name",
                  "OUTPUT": str(tmp_path / "out.gpkg")}, feedback)
    assert [w for w in feedback.warnings if "sliver" in w] == [
        "community 110101001002 乙 (feature 2) covers only 0.01 m², less than the minimum grid area of 3000 m², "
        "and becomes one grid that small; if it is a sliver left by digitising, merge it into its neighbour or "
        "delete it"]
    assert feedback.errors == []
    sliver = [g for g in read_layer(result["OUTPUT"])[2] if g["community_code"] == "110101001002"]
    assert len(sliver) == 1 and sliver[0]["grid_code"] == "110101001002001" and sliver[0]["area_m2"] == 0.01


def test_an_overlap_of_1_1_m2_names_the_tolerance_that_would_accept_it(gridplugin, tmp_path):
    """Neighbours digitised twice along a 100 m shared edge, 1.1 cm apart: 1.1 m² of overlap."""
    source = write_gpkg(tmp_path / "in.gpkg", "c", "Polygon", [
        (shapely.geometry.mapping(shapely.union(shapely.geometry.shape(ragged(449_850, 4_420_050, 60, seed=4)),
                                                shapely.box(449_900, 4_420_000, 450_000.011, 4_420_100))),
         {"code": "110101001001", "name": "甲"}),
        (shapely.geometry.mapping(shapely.box(450_000, 4_420_000, 450_100, 4_420_100)),
         {"code": "110101001002", "name": "乙"}),
    ], COMMUNITY_FIELDS, crs="EPSG:4548")
    params = {"INPUT": source, "COMMUNITY_CODE_FIELD": "code", "COMMUNITY_NAME_FIELD": "name"}
    message = error_text({**params, "OVERLAP_TOLERANCE": "1", "OUTPUT": str(tmp_path / "a.gpkg")})
    assert "#1 110101001001 甲 & #2 110101001002 乙 (1.1 m²)" in message
    found = re.search(r"raise the overlap tolerance OVERLAP_TOLERANCE from 1 to ([\d.]+) m²", message)
    assert found, message
    result = run({**params, "OVERLAP_TOLERANCE": found[1], "OUTPUT": str(tmp_path / "b.gpkg")})
    assert result["GRID_COUNT"] >= 2


def test_the_limit_error_follows_the_chinese_locale(gridplugin, tmp_path):
    from grid_plugin.toolbelt.i18n import install_translator, remove_translator

    translator = install_translator("zh_CN")
    assert translator is not None, "grid_plugin_zh_CN.qm missing: run make translations"
    try:
        message = error_text({"INPUT": four_too_large_and_one_fine(tmp_path), "COMMUNITY_CODE_FIELD": "code",
                              "COMMUNITY_NAME_FIELD": "name", "OUTPUT": str(tmp_path / "out.gpkg")})
    finally:
        remove_translator(translator)
    assert message.startswith("4 个社区的网格数将超过 3 位顺序号允许的 999 个：110101001001 甲（要素 1）：≥ 2,")
    assert "110101001003 丙（要素 3）：1,089 个网格" in message
    assert "。请拆分这些社区，或将网格尺寸 CELL_SIZE 增大到至少 " in message
