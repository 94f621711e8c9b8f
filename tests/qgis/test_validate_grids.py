"""gridplugin:validategrids with the plain-string parameters of qgis_process and models."""

from __future__ import annotations

import processing
import pytest
import shapely
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsProcessingException,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildDependency,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from grid_plugin.core.grids.validation import KINDS
from grid_plugin.toolbelt.paths import resource
from tests.qgis.conftest import square, write_gpkg
from tests.qgis.test_divide_grids import read_layer

# EPSG:4548 (CGCS2000 / 3-degree Gauss-Krüger CM 117E) coordinates on the 100 m lattice
X0, Y0 = 449_900.0, 4_420_000.0
A, B = "110101001001", "110101001002"
GRID_FIELDS = {"grid_code": "str", "end_date": "date"}


def run(parameters):
    return processing.run("gridplugin:validategrids", parameters)


def error_text(parameters) -> str:
    """The message of the QgsProcessingException the run raises; only the text is kept (a
    traceback holding the run's QGIS objects and outliving the test crashes the interpreter)."""
    try:
        run(parameters)
    except QgsProcessingException as error:
        return str(error)
    pytest.fail("the run succeeded; an error was expected")


def box(x0, y0, x1, y1) -> dict:
    return {"type": "Polygon", "coordinates": [[(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]]}


def cell(col, row, dx=0.0):
    """The 100 m cell (col, row) from (X0, Y0), optionally 10 m wider to the east."""
    return box(X0 + 100 * col, Y0 + 100 * row, X0 + 100 * (col + 1) + dx, Y0 + 100 * (row + 1))


def test_the_output_of_dividegrids_on_the_sample_passes(gridplugin, sample_gpkg, tmp_path):
    communities = f"{sample_gpkg}|layername=communities"
    divided = processing.run("gridplugin:dividegrids", {
        "INPUT": communities, "COMMUNITY_CODE_FIELD": "community_code", "CELL_SIZE": "100",
        "OUTPUT": str(tmp_path / "grids.gpkg")})
    report = tmp_path / "report.html"
    result = run({"INPUT": divided["OUTPUT"], "CODE_FIELD": "grid_code", "COMMUNITIES": communities,
                  "COMMUNITY_CODE_FIELD": "community_code", "MIN_AREA": "3000", "MAX_AREA": "25000",
                  "TOLERANCE": "1", "BAND": "100", "ORDER": "0", "OUTPUT": str(tmp_path / "errors.gpkg"),
                  "REPORT": str(report)})
    assert result["PASSED"] is True and result["PROBLEM_COUNT"] == 0
    assert result["GRID_COUNT"] == divided["GRID_COUNT"] > 1000
    crs, count, _ = read_layer(result["OUTPUT"])
    assert (crs, count) == ("EPSG:4548", 0)
    assert result["REPORT"] == str(report) and "No problems found." in report.read_text(encoding="utf-8")
    # without the communities the holes of the union are checked instead: none either
    plain = run({"INPUT": divided["OUTPUT"], "CODE_FIELD": "grid_code", "OUTPUT": str(tmp_path / "e2.gpkg")})
    assert plain["PASSED"] is True and plain["REPORT"] is None


@pytest.fixture()
def faulty(tmp_path):
    """Communities A and B (300 m × 200 m each) and their grids, with one error of each kind."""
    communities = write_gpkg(tmp_path / "communities.gpkg", "communities", "Polygon", [
        (box(X0, Y0, X0 + 300, Y0 + 200), {"code": A}),
        (box(X0 + 300, Y0, X0 + 600, Y0 + 200), {"code": B}),
    ], {"code": "str"}, crs="EPSG:4548")
    grids = [  # feature id = position + 1
        (cell(0, 1, dx=10), f"{A}001"),  # 1: 10 m into grid 2 -> overlap
        (cell(1, 1), f"{A}002"),  # 2
        (cell(2, 1), f"{A}003"),  # 3
        (cell(0, 0), f"{A}005"),  # 4: 004 and 005 swapped -> sequence_order
        (cell(1, 0), f"{A}004"),  # 5
        (cell(2, 0), "12345"),  # 6: malformed_code
        (cell(3, 1), f"{B}001"),  # 7
        (cell(4, 1), f"{B}002"),  # 8
        (cell(5, 1), f"{B}003"),  # 9
        (cell(3, 0), f"{B}004"),  # 10
        (cell(5, 0), f"{B}004"),  # 11: duplicate of 10; cell (4, 0) left empty -> gap
        (cell(7, 0), "110101001003001"),  # 12: no such community -> unknown_community
    ]
    source = write_gpkg(tmp_path / "grids.gpkg", "grids", "Polygon",
                        [(g, {"grid_code": code, "end_date": None}) for g, code in grids], GRID_FIELDS,
                        crs="EPSG:4548")
    return source, communities


def test_deliberate_errors_fail_with_an_error_layer_and_a_report(gridplugin, faulty, tmp_path):
    source, communities = faulty
    report = tmp_path / "report.html"
    result = run({"INPUT": source, "CODE_FIELD": "grid_code", "COMMUNITIES": communities,
                  "COMMUNITY_CODE_FIELD": "code", "OUTPUT": str(tmp_path / "errors.gpkg"), "REPORT": str(report)})
    assert result["PASSED"] is False
    crs, count, errors = read_layer(result["OUTPUT"])
    assert crs == "EPSG:4548" and count == result["PROBLEM_COUNT"]
    found = sorted((e["kind"], e["fids"]) for e in errors)
    assert found == [("duplicate_code", "10, 11"), ("gap", ""), ("malformed_code", "6"), ("overlap", "1, 2"),
                     ("sequence_order", "4"), ("sequence_order", "5"), ("unknown_community", "12")]
    by_kind = {e["kind"]: e for e in errors}
    assert by_kind["overlap"]["area_m2"] == pytest.approx(1_000)
    assert by_kind["overlap"]["grid_code"] == f"{A}001, {A}002"
    assert by_kind["gap"]["area_m2"] == pytest.approx(10_000)
    assert by_kind["gap"]["geometry"].equals(shapely.geometry.box(X0 + 400, Y0, X0 + 500, Y0 + 100))
    assert "in community 110101001002" in by_kind["gap"]["message"]
    assert all(e["geometry"].geom_type == "MultiPolygon" for e in errors)
    layer = QgsVectorLayer(result["OUTPUT"], "errors", "ogr")
    geometry_type = layer.wkbType()
    del layer
    assert QgsWkbTypes.flatType(geometry_type) == QgsWkbTypes.Type.MultiPolygon
    page = report.read_text(encoding="utf-8")
    assert "Failed" in page
    for kind in ("duplicate_code", "gap", "malformed_code", "overlap", "sequence_order", "unknown_community"):
        assert f"<td>{kind}</td>" in page
    assert "grid code &#x27;12345&#x27; must be 15 digits" in page


def test_retired_grids_are_skipped(gridplugin, tmp_path):
    grids = [
        (square(116.400, 39.920, 0.001), {"grid_code": f"{A}001", "end_date": None}),
        (square(116.401, 39.920, 0.001), {"grid_code": f"{A}002", "end_date": None}),
        # retired in 2024 and kept in the layer, where grid 2 took its place
        (square(116.4012, 39.9202, 0.001), {"grid_code": f"{A}003", "end_date": "2024-06-30"}),
    ]
    source = write_gpkg(tmp_path / "grids.gpkg", "grids", "Polygon", grids, GRID_FIELDS)  # EPSG:4490
    active = run({"INPUT": source, "CODE_FIELD": "grid_code", "OUTPUT": str(tmp_path / "a.gpkg")})
    assert active["PASSED"] is True and active["GRID_COUNT"] == 2
    every = run({"INPUT": source, "CODE_FIELD": "grid_code", "END_DATE_FIELD": "",
                 "OUTPUT": str(tmp_path / "b.gpkg")})
    assert every["PASSED"] is False and every["GRID_COUNT"] == 3
    crs, _, errors = read_layer(every["OUTPUT"])
    assert crs == "EPSG:4548"  # geographic input is checked in the Gauss-Krüger zone
    assert [(e["kind"], e["fids"]) for e in errors] == [("overlap", "2, 3")]


def test_layer_without_the_default_end_date_field_is_checked_whole(gridplugin, tmp_path):
    source = write_gpkg(tmp_path / "grids.gpkg", "grids", "Polygon", [
        (cell(0, 0), {"code": f"{A}001"}), (cell(0, 0), {"code": f"{A}002"})], {"code": "str"}, crs="EPSG:4548")
    result = run({"INPUT": source, "CODE_FIELD": "code", "OUTPUT": str(tmp_path / "e.gpkg")})
    assert result["PASSED"] is False and result["GRID_COUNT"] == 2


def test_bad_input_names_the_field_or_feature_and_the_fix(gridplugin, faulty, tmp_path):
    source, communities = faulty
    out = str(tmp_path / "e.gpkg")
    assert "'sqdm' does not exist in the unit grid layer" in error_text(
        {"INPUT": source, "CODE_FIELD": "sqdm", "OUTPUT": out})
    assert "'zzrq' does not exist in the unit grid layer" in error_text(
        {"INPUT": source, "CODE_FIELD": "grid_code", "END_DATE_FIELD": "zzrq", "OUTPUT": out})
    assert "'sqdm' does not exist in the community layer" in error_text(
        {"INPUT": source, "CODE_FIELD": "grid_code", "COMMUNITIES": communities, "COMMUNITY_CODE_FIELD": "sqdm",
         "OUTPUT": out})
    assert "larger than the maximum" in error_text(
        {"INPUT": source, "CODE_FIELD": "grid_code", "MIN_AREA": "50000", "OUTPUT": out})

    empty = write_gpkg(tmp_path / "empty.gpkg", "grids", "Polygon", [], GRID_FIELDS, crs="EPSG:4548")
    assert "no features" in error_text({"INPUT": empty, "CODE_FIELD": "grid_code", "OUTPUT": out})
    line = {"type": "LineString", "coordinates": [(X0, Y0), (X0 + 100, Y0)]}
    lines = write_gpkg(tmp_path / "lines.gpkg", "roads", "LineString", [(line, {"grid_code": "x", "end_date": None})],
                       GRID_FIELDS, crs="EPSG:4548")
    assert "must contain polygons" in error_text({"INPUT": lines, "CODE_FIELD": "grid_code", "OUTPUT": out})
    bad_codes = write_gpkg(tmp_path / "c.gpkg", "c", "Polygon", [(box(X0, Y0, X0 + 300, Y0 + 200), {"code": "1101"})],
                           {"code": "str"}, crs="EPSG:4548")
    assert "community feature 1: community code '1101' in field 'code' must be 12 digits" in error_text(
        {"INPUT": source, "CODE_FIELD": "grid_code", "COMMUNITIES": bad_codes, "COMMUNITY_CODE_FIELD": "code",
         "OUTPUT": out})
    assert not (tmp_path / "e.gpkg").exists(), "a failed run left output behind"


def test_a_model_branches_on_passed(gridplugin, faulty, sample_gpkg, tmp_path):
    """Validate, then a conditional branch on @Validate_unit_grids_PASSED runs one of two children."""
    model = QgsProcessingModelAlgorithm("check grids", "tests")
    model.addModelParameter(QgsProcessingParameterVectorLayer("grids", "Grids"), QgsProcessingModelParameter("grids"))
    validate = QgsProcessingModelChildAlgorithm("gridplugin:validategrids")
    validate.setChildId("validate")
    validate.setDescription("Validate unit grids")
    validate.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("grids")])
    validate.addParameterSources("CODE_FIELD", [QgsProcessingModelChildParameterSource.fromStaticValue("grid_code")])
    model.addChildAlgorithm(validate)
    branch = QgsProcessingModelChildAlgorithm("native:condition")
    branch.setChildId("branch")
    branch.setConfiguration({"conditions": [{"name": "passed", "expression": "@Validate_unit_grids_PASSED"},
                                            {"name": "failed", "expression": "NOT @Validate_unit_grids_PASSED"}]})
    branch.setDependencies([QgsProcessingModelChildDependency("validate")])
    model.addChildAlgorithm(branch)
    for name in ("passed", "failed"):
        child = QgsProcessingModelChildAlgorithm("native:extractbyexpression")
        child.setChildId(name)
        child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("grids")])
        child.addParameterSources("EXPRESSION", [QgsProcessingModelChildParameterSource.fromStaticValue("true")])
        output = QgsProcessingModelOutput(name)
        output.setChildId(name)
        output.setChildOutputName("OUTPUT")
        child.setModelOutputs({name: output})
        child.setDependencies([QgsProcessingModelChildDependency("branch", name)])
        model.addChildAlgorithm(child)
    path = tmp_path / "check.model3"
    assert model.toFile(str(path))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(path))

    good = processing.run("gridplugin:dividegrids", {
        "INPUT": f"{sample_gpkg}|layername=communities", "COMMUNITY_CODE_FIELD": "community_code",
        "OUTPUT": str(tmp_path / "good.gpkg")})["OUTPUT"]
    for grids, ran in ((good, "passed"), (faulty[0], "failed")):
        outputs = {f"{name}:{name}": str(tmp_path / f"{ran}_{name}.gpkg") for name in ("passed", "failed")}
        result = processing.run(loaded, {"grids": grids, **outputs})
        assert set(result["CHILD_RESULTS"]) == {"validate", "branch", ran}
        assert (tmp_path / f"{ran}_{ran}.gpkg").exists()


def test_the_error_style_has_a_category_for_every_kind(gridplugin, tmp_path):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4548&field=kind:string", "errors", "memory")
    message, ok = layer.loadNamedStyle(str(resource("styles", "grid_errors.qml")))
    renderer = layer.renderer()
    assert ok, message
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "kind"
    values = {c.value() for c in renderer.categories()}
    del renderer, layer
    assert values == set(KINDS)
