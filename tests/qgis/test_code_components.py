"""gridplugin:codecomponents: standard IDs, BGID and BeiDou codes, stable across runs."""

from __future__ import annotations

import fiona
import numpy as np
import processing
import shapely

from grid_plugin.core.geodesy.beidou import decode
from tests.qgis.conftest import Messages
from tests.qgis.test_divide_grids import read_layer


def code(components, grids, out, feedback=None, **extra):
    return processing.run("gridplugin:codecomponents", {
        "INPUT": components, "CLASS_FIELD": "class_code", "GRIDS": grids, "GRID_CODE_FIELD": "grid_code",
        "EFFECTIVE_DATE": "2026-01-01", "OUTPUT": str(out), **extra}, feedback=feedback)


def test_sample_components_get_ids_grid_codes_and_beidou_codes(gridplugin, sample_gpkg, sample_grids, tmp_path):
    result = code(f"{sample_gpkg}|layername=components", sample_grids, tmp_path / "c.gpkg")
    crs, count, rows = read_layer(result["OUTPUT"])
    assert count == result["COMPONENT_COUNT"] == 433 and result["NEW_COUNT"] == 433
    ids = [r["component_id"] for r in rows]
    assert len(set(ids)) == 433 and all(len(i) == 17 and i.isdigit() for i in ids)
    assert all(r["component_id"][:6] == "990101" and r["component_id"][6:11] == r["class_code"] for r in rows)
    # serials count up per class from 000001
    for cls in {r["class_code"] for r in rows}:
        serials = sorted(int(r["component_id"][11:]) for r in rows if r["class_code"] == cls)
        assert serials == list(range(1, len(serials) + 1))
    # the BGID is the grid the point lies in, with its street and community
    _, _, grids = read_layer(sample_grids)
    by_code = {g["grid_code"]: g for g in grids}
    for r in rows:
        grid = by_code[r["bgid"]]
        assert grid["geometry"].intersects(r["geometry"])
        assert r["community_code"] == grid["community_code"] and r["community_name"] == grid["community_name"]
        assert r["grid_share"] == 1.0
    # BeiDou level 8 cells contain the points (CGCS2000 lon/lat of the sample)
    with fiona.open(sample_gpkg, layer="components") as source:
        lonlat = {f["properties"]["name"]: f["geometry"]["coordinates"] for f in source}
    for r in rows:
        assert len(r["beidou_code"]) == 16 and decode(r["beidou_code"]).contains(*lonlat[r["name"]])
    assert {r["obj_state"] for r in rows} == {"完好"}
    assert {r["init_date"].toString("yyyy-MM-dd") for r in rows} == {"2026-01-01"}


def test_recoding_keeps_ids_numbers_new_ones_after_and_tracks_moves(gridplugin, sample_gpkg, sample_grids, tmp_path):
    first = code(f"{sample_gpkg}|layername=components", sample_grids, tmp_path / "v1.gpkg")
    rows = read_layer(first["OUTPUT"])[2]
    # edit: move one component 300 m east, add a copy of another (no ID), then recode
    moved, copied = rows[0], rows[1]
    edited = tmp_path / "edited.gpkg"
    with fiona.open(first["OUTPUT"]) as source:
        schema, crs = source.schema, source.crs
        features = list(source)
    with fiona.open(edited, "w", driver="GPKG", schema=schema, crs=crs) as sink:
        for f in features:
            props = dict(f["properties"])
            geometry = f["geometry"]
            if props["component_id"] == moved["component_id"]:
                x, y = geometry["coordinates"]
                geometry = {"type": "Point", "coordinates": (x + 300, y)}
            sink.write({"geometry": geometry, "properties": props})
        props = {**dict(features[1]["properties"]), "component_id": None, "bgid": None}
        sink.write({"geometry": features[1]["geometry"], "properties": props})
    second = code(str(edited), sample_grids, tmp_path / "v2.gpkg", EFFECTIVE_DATE="2026-06-30")
    assert second["KEPT_COUNT"] == 433 and second["NEW_COUNT"] == 1
    after = {r["component_id"]: r for r in read_layer(second["OUTPUT"])[2]}
    assert set(r["component_id"] for r in rows) < set(after)
    new_id = (set(after) - {r["component_id"] for r in rows}).pop()
    same_class = [int(r["component_id"][11:]) for r in rows if r["class_code"] == copied["class_code"]]
    assert new_id[6:11] == copied["class_code"] and int(new_id[11:]) == max(same_class) + 1
    now = after[moved["component_id"]]
    assert now["bgid"] != moved["bgid"] and now["change_date"].toString("yyyy-MM-dd") == "2026-06-30"
    assert now["init_date"].toString("yyyy-MM-dd") == "2026-01-01"
    assert after[copied["component_id"]]["change_date"].isNull()


def test_names_unknown_classes_other_scheme_and_outside_components_are_reported(
        gridplugin, sample_gpkg, sample_grids, tmp_path):
    from tests.qgis.conftest import write_gpkg

    with fiona.open(sample_gpkg, layer="components") as source:
        first = next(iter(source))
    x, y = first["geometry"]["coordinates"]
    records = [
        ({"type": "Point", "coordinates": (x, y)}, {"cls": "供水井盖"}),  # a standard name: matched
        ({"type": "Point", "coordinates": (x, y)}, {"cls": "井盖子"}),  # unknown name: never guessed
        ({"type": "Point", "coordinates": (x, y)}, {"cls": ""}),  # empty class
        ({"type": "Point", "coordinates": (x, y)}, {"cls": "0101"}),  # a legacy 4-digit code
        ({"type": "Point", "coordinates": (x + 1.0, y)}, {"cls": "01001"}),  # far outside every grid
    ]
    components = write_gpkg(tmp_path / "in.gpkg", "c", "Point", records, {"cls": "str"})
    messages = Messages()
    result = processing.run("gridplugin:codecomponents", {
        "INPUT": components, "CLASS_FIELD": "cls", "GRIDS": sample_grids, "GRID_CODE_FIELD": "grid_code",
        "OUTPUT": str(tmp_path / "out.gpkg")}, feedback=messages)
    text = "\n".join(messages.lines)
    assert "Features 2: unknown class name" in text
    assert "Features 3: empty class" in text
    assert "Features 4: class code of the other coding scheme" in text
    assert "Features 5: outside every unit grid" in text
    rows = read_layer(result["OUTPUT"])[2]
    assert rows[0]["class_code"] == "01001" and rows[0]["component_id"].startswith("99010101001")
    assert all(r["component_id"] is None or r["component_id"] == "" or not r["component_id"] for r in rows[1:])
    assert result["PROBLEM_COUNT"] == 4


def test_legacy_scheme_gives_16_digit_ids(gridplugin, sample_gpkg, sample_grids, tmp_path):
    from tests.qgis.conftest import write_gpkg

    with fiona.open(sample_gpkg, layer="components") as source:
        points = [f["geometry"] for f in list(source)[:3]]
    components = write_gpkg(tmp_path / "legacy.gpkg", "c", "Point",
                            [(p, {"cls": "0101"}) for p in points], {"cls": "str"})
    result = processing.run("gridplugin:codecomponents", {
        "INPUT": components, "CLASS_FIELD": "cls", "SCHEME": "1", "GRIDS": sample_grids,
        "GRID_CODE_FIELD": "grid_code", "BEIDOU_LEVEL": "5", "OUTPUT": str(tmp_path / "out.gpkg")})
    rows = read_layer(result["OUTPUT"])[2]
    assert [r["component_id"] for r in rows] == ["9901010101000001", "9901010101000002", "9901010101000003"]
    assert all(len(r["beidou_code"]) == 11 for r in rows)
    assert np.all([shapely.get_type_id(r["geometry"]) == 0 for r in rows])


def validate(components, grids, out, **extra):
    return processing.run("gridplugin:validatecomponents", {
        "INPUT": components, "ID_FIELD": "component_id", "CLASS_FIELD": "class_code", "BGID_FIELD": "bgid",
        "GRIDS": grids, "GRID_CODE_FIELD": "grid_code", "OUTPUT": str(out), **extra})


def test_coded_components_pass_and_each_kind_of_damage_is_found(gridplugin, sample_gpkg, sample_grids, tmp_path):
    coded = code(f"{sample_gpkg}|layername=components", sample_grids, tmp_path / "c.gpkg")["OUTPUT"]
    clean = validate(coded, sample_grids, tmp_path / "ok.gpkg", DISTRICT_CODE="990101")
    assert clean["PASSED"] is True and clean["PROBLEM_COUNT"] == 0

    with fiona.open(coded) as source:
        schema, crs = source.schema, source.crs
        features = [dict(f["properties"]) for f in source], [f["geometry"] for f in source]
    props, geometries = features
    first_id = props[0]["component_id"]
    props[1]["component_id"] = first_id  # duplicate (features 1 and 2)
    props[2]["component_id"] = "99010101001ABC123"  # malformed
    props[3]["component_id"] = "9901010101000001"  # 16 digits: the other scheme
    props[4]["component_id"] = "110101" + props[4]["component_id"][6:]  # another district
    props[5]["class_code"] = "01002" if props[5]["class_code"] != "01002" else "01003"  # class differs from ID
    props[6]["bgid"] = "990101001001999"  # not where it stands
    damaged = tmp_path / "damaged.gpkg"
    with fiona.open(damaged, "w", driver="GPKG", schema=schema, crs=crs) as sink:
        for p, g in zip(props, geometries):
            sink.write({"geometry": g, "properties": p})
    report = tmp_path / "report.html"
    result = validate(str(damaged), sample_grids, tmp_path / "errors.gpkg", DISTRICT_CODE="990101",
                      REPORT=str(report))
    assert result["PASSED"] is False
    rows = read_layer(result["OUTPUT"])[2]
    found = {(r["kind"], r["feature_id"]) for r in rows}
    assert found == {("duplicate_id", 1), ("duplicate_id", 2), ("malformed_id", 3), ("other_scheme", 4),
                     ("other_district", 5), ("class_mismatch", 6), ("grid_mismatch", 7)}
    assert result["PROBLEM_COUNT"] == 7
    text = report.read_text(encoding="utf-8")
    assert "grid_mismatch" in text and "990101001001999" in text


def test_a_geometry_type_the_class_does_not_allow_is_reported(gridplugin, sample_gpkg, sample_grids, tmp_path):
    from tests.qgis.conftest import write_gpkg

    with fiona.open(sample_gpkg, layer="components") as source:
        x, y = next(iter(source))["geometry"]["coordinates"]
    line = {"type": "LineString", "coordinates": [(x, y), (x + 0.0003, y)]}
    components = write_gpkg(tmp_path / "lines.gpkg", "c", "LineString", [(line, {"cls": "01001"})], {"cls": "str"})
    messages = Messages()
    result = processing.run("gridplugin:codecomponents", {
        "INPUT": components, "CLASS_FIELD": "cls", "GRIDS": sample_grids, "GRID_CODE_FIELD": "grid_code",
        "OUTPUT": str(tmp_path / "out.gpkg")}, feedback=messages)
    assert "Features 1: a line is not a geometry type their class allows" in "\n".join(messages.lines)
    assert result["PROBLEM_COUNT"] == 1
    rows = read_layer(result["OUTPUT"])[2]
    assert 0 < rows[0]["grid_share"] <= 1.0 and rows[0]["bgid"]  # a line takes the grid holding most of it


def test_coded_components_can_be_kept_in_the_case_store(gridplugin, sample_gpkg, sample_grids, tmp_path):
    from grid_plugin.store.gpkg import GpkgStore

    store = tmp_path / "store.gpkg"
    result = code(f"{sample_gpkg}|layername=components", sample_grids, tmp_path / "coded.gpkg", STORE=str(store),
                  DB_SCHEMA="gridplugin")
    with fiona.open(result["OUTPUT"]) as coded:
        expected = {f["properties"]["component_id"]: f["properties"]["bgid"] for f in coded}
    with GpkgStore(store) as opened:
        kept = opened.read_components()
    assert dict(zip(kept.component_ids, kept.grid_codes)) == expected
    assert all(-180 <= g.centroid.x <= 180 for g in kept.geometries)  # stored in CGCS2000 degrees


def test_a_new_geopackage_output_is_written_directly_and_equals_qgis_writer_output(
        gridplugin, sample_gpkg, sample_grids, tmp_path):
    """A new .gpkg destination is written by the plugin itself (sqlite3, bulk R-tree); any other
    destination goes through QGIS's sink. Both give the same layer."""
    import sqlite3

    from osgeo import ogr

    direct = tmp_path / "direct.gpkg"
    code(f"{sample_gpkg}|layername=components", sample_grids, direct)
    through_qgis = f"ogr:dbname='{tmp_path / 'qgis.gpkg'}' table=\"coded\" (geom)"
    code(f"{sample_gpkg}|layername=components", sample_grids, through_qgis)

    def features(path, layer):
        with fiona.open(path, layer=layer) as opened:
            return opened.crs.to_epsg(), {f.id: (dict(f["properties"]), f["geometry"]["coordinates"]) for f in opened}

    assert features(direct, "direct") == features(tmp_path / "qgis.gpkg", "coded")  # fids kept from the input
    with sqlite3.connect(direct) as conn:
        assert conn.execute("SELECT rtreecheck('rtree_direct_geom')").fetchone()[0] == "ok"
    source = ogr.Open(str(direct))
    layer = source.GetLayerByName("direct")
    minx, maxx, miny, maxy = layer.GetExtent()
    layer.SetSpatialFilterRect(minx, miny, (minx + maxx) / 2, (miny + maxy) / 2)
    inside = {feature.GetFID() for feature in layer}
    assert 0 < len(inside) < 433
    layer = source = None
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]  # no temporary file left


def test_date_and_datetime_fields_of_the_input_survive_the_direct_writer(gridplugin, sample_grids, tmp_path):
    from tests.qgis.conftest import write_gpkg

    with fiona.open(sample_grids) as grids:
        first = next(iter(grids))
    inside = shapely.geometry.shape(first["geometry"]).representative_point()
    source = write_gpkg(tmp_path / "dated.gpkg", "components", "Point", [
        ({"type": "Point", "coordinates": (inside.x, inside.y)},
         {"class_code": "01001", "installed": "2024-05-06", "checked": "2025-01-02T03:04:05"}),
    ], {"class_code": "str", "installed": "date", "checked": "datetime"}, crs="EPSG:4548")
    out = tmp_path / "coded_dated.gpkg"
    code(source, sample_grids, out)
    with fiona.open(out) as coded:
        feature = next(iter(coded))
    assert str(feature["properties"]["installed"]) == "2024-05-06"
    assert str(feature["properties"]["checked"]).startswith("2025-01-02T03:04:05")
    assert feature["properties"]["component_id"]


def test_a_run_cancelled_while_writing_leaves_no_file(gridplugin, sample_gpkg, sample_grids, tmp_path, monkeypatch):
    """A cancel while the plugin writes the GeoPackage (70-100 %) ends the run quietly, with no file."""
    from qgis.core import QgsProcessingFeedback

    from grid_plugin.io import feature_files as gpkg_files

    monkeypatch.setattr(gpkg_files, "_BATCH", 100)  # several batches, so the cancel lands mid-file

    class CancelWhileWriting(QgsProcessingFeedback):
        def setProgress(self, progress):
            super().setProgress(progress)
            if progress > 70:
                self.cancel()

    feedback = CancelWhileWriting()
    out = tmp_path / "out" / "c.gpkg"
    out.parent.mkdir()
    result = code(f"{sample_gpkg}|layername=components", sample_grids, out, feedback)
    assert feedback.isCanceled()
    assert "OUTPUT" not in result and "COMPONENT_COUNT" not in result
    assert list(out.parent.iterdir()) == []
