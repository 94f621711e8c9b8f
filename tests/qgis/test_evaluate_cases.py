"""gridplugin:evaluatecases (综合评价) on both stores: the SQL counts against a plain-Python count of messy
cases, the algorithm's outputs reopened, and bad input answered with a message or a documented result."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

import processing
import pytest
from qgis.core import QgsDataSourceUri, QgsProcessingException, QgsProject, QgsProviderRegistry, QgsVectorLayer

from grid_plugin.core.cases.evaluation import (
    AREA_LEVELS,
    COUNT_FIELDS,
    LEVELS,
    EvaluationOptions,
    area_units,
    evaluation_periods,
)
from grid_plugin.core.cases.evaluation_grades import evaluate
from grid_plugin.core.cases.evaluation_report import TABLE_FIELDS, table_row
from grid_plugin.store.base import ImportCounts, import_cases
from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.store.postgis import PostgisStore
from tests.conftest import read_postgis_env
from tests.qgis import evaluation_scenario as sc
from tests.qgis.conftest import Messages, ensure_provider
from tests.qgis.test_case_store import drop_schema, pg_parameters

MARCH = ("2025-03-01", "2025-04-01")


def fill(store, cases: list[dict]) -> None:
    store.write_grids(sc.grids())
    import_cases(store, sc.records(cases), ImportCounts(read=len(cases)), "test")


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return sc.scenario()


@pytest.fixture(scope="module")
def gpkg_store(cases, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("evaluation") / "cases.gpkg"
    with GpkgStore(path) as store:
        fill(store, cases)
    return path


@pytest.fixture(scope="module")
def postgis_store(cases, qgis_processing):
    """A QGIS connection to the test server and a schema t19eval_… holding the cases."""
    env = read_postgis_env()
    uri = QgsDataSourceUri()
    uri.setConnection(env["PGHOST"], env["PGPORT"], env["PGDATABASE"], env["PGUSER"], env["PGPASSWORD"])
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name, schema = f"gridplugin t19eval {uuid.uuid4().hex[:6]}", f"t19eval_{uuid.uuid4().hex[:10]}"
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {"saveUsername": True,
                                                                       "savePassword": True}), name)
    try:
        with PostgisStore(pg_parameters(), schema) as store:
            fill(store, cases)
        yield {"CONNECTION": name, "DB_SCHEMA": schema}
    finally:
        metadata.deleteConnection(name)
        drop_schema(schema)


@pytest.fixture(params=["gpkg", "postgis"])
def opened(request, gpkg_store, postgis_store):
    store = GpkgStore(gpkg_store) if request.param == "gpkg" else PostgisStore(pg_parameters(),
                                                                               postgis_store["DB_SCHEMA"])
    yield store
    store.close()


# ---- the SQL against plain Python ----------------------------------------------------------------------------
@pytest.mark.parametrize("level", LEVELS)
def test_the_store_counts_every_unit_of_both_periods_as_plain_python_does(opened, cases, level):
    periods = evaluation_periods(*MARCH, grace_days=2)
    for period, counted in zip(periods, opened.evaluation_counts(level, periods), strict=True):
        expected = sc.expected_counts(cases, level, period)
        assert set(counted) == set(expected), period.label
        for key, unit in counted.items():
            want = expected[key]
            assert (unit.invalid, unit.unfiled, unit.invalid_from_report) == (
                want.invalid, want.unfiled, want.invalid_from_report), (period.label, key)
            for name in COUNT_FIELDS:
                assert unit.valid[name] == pytest.approx(want.valid[name], abs=1e-6), (period.label, key, name)
            assert unit.median_hours == pytest.approx(want.median, abs=1e-6), (period.label, key)
    assert sum(u.valid["bad_order"] for u in counted.values()) > 0  # the scenario has every flaw it should
    assert sum(u.unfiled + u.valid["filed_from_report"] + u.valid["no_deadline"] for u in counted.values()) > 0


@pytest.fixture(params=["gpkg", "postgis"])
def fresh(request, tmp_path):
    """A function filling a new, empty store of the backend under test with the given cases."""
    schema = f"t19eval_{uuid.uuid4().hex[:10]}"
    opened_stores = []

    def make(cases: list[dict]):
        store = (GpkgStore(tmp_path / "案件 库#1.gpkg") if request.param == "gpkg"  # read again through a file URI
                 else PostgisStore(pg_parameters(), schema))
        opened_stores.append(store)
        fill(store, cases)
        return store

    yield make
    for store in opened_stores:
        store.close()
    if request.param == "postgis":
        drop_schema(schema)


def test_the_edges_of_the_period(fresh):
    """Filed at March's first instant: in March; at April's: not; closed exactly at the cut-off: still open;
    closed at the deadline: on time; filed and closed at once: 0 hours."""
    store = fresh(sc.boundary_cases())
    march, february = store.evaluation_counts("department", evaluation_periods(*MARCH))
    unit = march[sc.DEPARTMENTS[0]]
    assert february == {} and list(march) == [sc.DEPARTMENTS[0]]
    assert {name: unit.valid[name] for name in ("cases", "closed", "closed_intime", "closed_late", "open_overdue",
                                                "no_deadline", "handled", "reworked")} == {
        "cases": 3, "closed": 2, "closed_intime": 1, "closed_late": 0, "open_overdue": 1, "no_deadline": 1,
        "handled": 2, "reworked": 3}
    assert unit.valid["handled_hours"] == pytest.approx(5.0) and unit.median_hours == pytest.approx(2.5)
    april, _ = store.evaluation_counts("department", evaluation_periods("2025-04-01", "2025-05-01"))
    assert april[sc.DEPARTMENTS[0]].due == 1


def test_a_period_without_cases_has_no_units(opened):
    assert opened.evaluation_counts("grid", evaluation_periods("2024-03-01", "2024-04-01")) == [{}, {}]


def test_a_store_of_one_case(fresh):
    store = fresh([sc.boundary_cases()[0]])
    counted, before = store.evaluation_counts("street", evaluation_periods(*MARCH))
    assert list(counted) == [sc.STREETS[0]] and before == {}
    assert counted[sc.STREETS[0]].due == 1 and counted[sc.STREETS[0]].median_hours == pytest.approx(5.0)


# ---- the algorithm -------------------------------------------------------------------------------------------
def run(store: dict, out: Path, feedback=None, **extra) -> dict:
    ensure_provider()
    parameters = {"START": MARCH[0], "END": MARCH[1], "LEVEL": "0", "TIMEZONE": "Asia/Shanghai", "GRACE_DAYS": "2",
                  "REWORK_BASE": "0", "CLOSE_BASE": "0", "MIN_CASES": "1", "OUTPUT": str(out / "table.csv"),
                  "AREAS": str(out / "areas.gpkg"), "RANKING": str(out / "ranking.csv"),
                  "REPORT_HTML": str(out / "report.html"), **store, **extra}
    return processing.run("gridplugin:evaluatecases", parameters, feedback=feedback)


def read_csv(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def expected_evaluation(cases, level: str, **options):
    from grid_plugin.core.cases.evaluation import UnitCounts

    periods = evaluation_periods(*MARCH, grace_days=2)
    units = []
    for period in periods:
        made = {}
        for key, want in sc.expected_counts(cases, level, period).items():
            made[key] = UnitCounts(dict(want.valid), want.invalid, want.unfiled, want.invalid_from_report, want.median)
        units.append(made)
    known, names = None, {}
    if level in AREA_LEVELS:
        grids = sc.grids()
        known, names, _ = area_units(level, grids.grid_codes, {"community": grids.community_codes,
                                                               "street": grids.street_codes},
                                     {"community": grids.community_names, "street": grids.street_names},
                                     grids.geometries)
    return evaluate(level, *periods, *units, EvaluationOptions(**options), names, known)


def pdf_pages(path: str) -> int:
    """Pages of a PDF as GDAL reads them (a georeferenced PDF holds an incremental update: counting page
    objects in the bytes would count some twice)."""
    from osgeo import gdal

    assert Path(path).read_bytes().startswith(b"%PDF")
    dataset = gdal.Open(path)
    pages = len(dataset.GetSubDatasets()) or 1
    dataset = None
    return pages


def shown(value) -> str:
    return "" if value is None else str(value)


@pytest.fixture(scope="module")
def gpkg_run(gpkg_store, tmp_path_factory, qgis_processing):
    out = tmp_path_factory.mktemp("run")
    feedback = Messages()
    result = run({"STORE": str(gpkg_store)}, out, feedback, REPORT_PDF=str(out / "report.pdf"))
    return result, feedback


def test_the_table_holds_every_unit_with_the_values_of_a_plain_python_count(gpkg_run, cases):
    result, _ = gpkg_run
    rows = read_csv(result["OUTPUT"])
    expected = expected_evaluation(cases, "grid")
    assert [row["code"] for row in rows] == [unit.key for unit in expected.units]
    assert {sc.UNKNOWN_GRID, ""} <= {row["code"] for row in rows}  # the unknown grid and the grid-less cases
    names = [field.name for field in TABLE_FIELDS]
    for row, unit in zip(rows, expected.units, strict=True):
        want = table_row(expected, unit, lambda s: s)
        for name, value in zip(names, want, strict=True):
            if isinstance(value, float):
                assert float(row[name]) == pytest.approx(value, abs=0.0101), (unit.key, name)  # 2 decimals
            else:
                assert row[name] == shown(value), (unit.key, name)
    assert result["FILED_COUNT"] == expected.total.current["filed"]
    assert result["GRADED_COUNT"] == len(expected.ranked()) == 10  # the nine grids and the unknown one


def test_the_map_the_ranking_and_the_reports(gpkg_run, cases):
    result, feedback = gpkg_run
    layer = QgsVectorLayer(result["AREAS"], "areas", "ogr")
    assert layer.isValid() and layer.featureCount() == 9 and layer.crs().authid() == "EPSG:4490"
    grades = {f["code"]: f["grade"] for f in layer.getFeatures()}
    del layer
    assert set(grades) == set(sc.GRID_CODES)  # the unknown grid has no polygon
    ranking = read_csv(result["RANKING"])
    assert [int(row["rank"]) for row in ranking] == sorted(int(row["rank"]) for row in ranking)
    graded = {row["code"]: row["grade"] for row in ranking}
    assert graded.pop(sc.UNKNOWN_GRID) and graded == grades  # the unknown grid is ranked, without a polygon
    composites = [float(row["composite"]) for row in ranking]
    assert composites == sorted(composites, reverse=True)
    html = Path(result["REPORT_HTML"]).read_text(encoding="utf-8")
    assert "O&#x27;Brien 社区" in html and "<h2>Ranking and grades</h2>" in html
    assert "cases have no unit grid" in html and sc.UNKNOWN_GRID in html
    assert pdf_pages(result["REPORT_PDF"]) == 2  # the summary with the map, the ranking
    warnings = " ".join(feedback.warnings)
    assert "were not filed" in warnings and "have no deadline" in warnings and "closed before their filing" in warnings


def same_rows(these: list[dict], those: list[dict]) -> bool:
    """Equal, numbers to their last (second) decimal: the stores compute hours in other floating point."""
    def close(a: str, b: str) -> bool:
        try:
            return abs(float(a) - float(b)) <= 0.0101
        except ValueError:
            return a == b

    return len(these) == len(those) and all(
        row.keys() == other.keys() and all(close(row[k], other[k]) for k in row) for row, other in zip(these, those))


def test_postgis_gives_the_same_outputs(gpkg_run, postgis_store, tmp_path):
    result = run(postgis_store, tmp_path)
    assert same_rows(read_csv(result["OUTPUT"]), read_csv(gpkg_run[0]["OUTPUT"]))
    assert same_rows(read_csv(result["RANKING"]), read_csv(gpkg_run[0]["RANKING"]))


@pytest.mark.parametrize("level", ["1", "2"])
def test_communities_and_streets_are_the_grids_merged(gpkg_store, cases, tmp_path, level):
    result = run({"STORE": str(gpkg_store)}, tmp_path, LEVEL=level)
    name = LEVELS[int(level)]
    expected = expected_evaluation(cases, name)
    assert [row["code"] for row in read_csv(result["OUTPUT"])] == [unit.key for unit in expected.units]
    layer = QgsVectorLayer(result["AREAS"], "areas", "ogr")
    area = sum(f.geometry().area() for f in layer.getFeatures())
    count = layer.featureCount()
    del layer
    assert count == (3 if name == "community" else 2) and area == pytest.approx(9 * 0.002 ** 2)


def test_departments_with_the_other_denominators_and_weights(gpkg_store, cases, tmp_path):
    feedback = Messages()
    result = run({"STORE": str(gpkg_store)}, tmp_path, feedback, LEVEL="3", REWORK_BASE="1", CLOSE_BASE="1",
                 WEIGHTS="intime_close_rate=50, 返工率=50", MIN_CASES="30")
    assert "AREAS" not in result
    expected = expected_evaluation(cases, "department", rework_base="closed", close_base="closed",
                                   weights=(("intime_close_rate", 50.0), ("rework_rate", 50.0)), min_cases=30)
    rows = {row["code"]: row for row in read_csv(result["OUTPUT"])}
    assert set(rows) == {*sc.DEPARTMENTS, ""}
    assert rows[""]["name"] == "(no department)" and rows[""]["grade"] == ""
    for unit in expected.units:
        assert float(rows[unit.key]["rework_rate"]) == pytest.approx(unit.current["rework_rate"], abs=0.006)
        assert rows[unit.key]["grade"] == shown(unit.grade)
    assert any("cases have no department" in w and "(no department)" in w for w in feedback.warnings)
    assert any("Departments and sources have no polygons" in line for line in feedback.lines)


def test_a_period_without_cases_gives_zeros_and_says_so(gpkg_store, tmp_path):
    feedback = Messages()
    result = run({"STORE": str(gpkg_store)}, tmp_path, feedback, START="2024-03-01", END="2024-04-01",
                 REPORT_PDF=str(tmp_path / "empty.pdf"))
    rows = read_csv(result["OUTPUT"])
    assert [row["code"] for row in rows] == sc.GRID_CODES
    assert {row["filed"] for row in rows} == {"0"} and {row["close_rate"] for row in rows} == {""}
    assert result["FILED_COUNT"] == 0 and result["GRADED_COUNT"] == 0 and read_csv(result["RANKING"]) == []
    assert any("No case was filed in the period 2024-03-01 – 2024-03-31" in w for w in feedback.warnings)
    assert pdf_pages(result["REPORT_PDF"]) == 1  # no ranking: the summary alone


def test_a_store_without_unit_grids_evaluates_the_codes_of_its_cases(cases, tmp_path):
    path = tmp_path / "no_grids.gpkg"
    with GpkgStore(path) as store:
        import_cases(store, sc.records(cases), ImportCounts(read=len(cases)), "test")
    feedback = Messages()
    result = run({"STORE": str(path)}, tmp_path, feedback)
    assert "AREAS" not in result
    assert any("has no unit grids" in w for w in feedback.warnings)
    codes = [row["code"] for row in read_csv(result["OUTPUT"])]
    assert sorted(codes) == sorted(["", *sc.GRID_CODES, sc.UNKNOWN_GRID])  # all known only from the cases


@pytest.mark.parametrize(("extra", "named"), [
    ({"START": "2025-04-01", "END": "2025-03-01"}, "end 2025-03-01 is not after its start"),
    ({"START": "2025-02-30"}, "'2025-02-30' is not a date"),
    ({"WEIGHTS": "close_rate=1, speed=2"}, "speed=2"),
    ({"TIMEZONE": "Asia/Beijing"}, "Asia/Beijing"),
    ({"REPORT_HTML": "report.txt"}, "REPORT_HTML must be a .html"),
    ({"STORE": "missing.gpkg"}, "does not exist"),
])
def test_bad_parameters_are_refused_by_name_before_anything_is_written(gpkg_store, tmp_path, extra, named):
    store = {"STORE": str(tmp_path / extra.pop("STORE"))} if "STORE" in extra else {"STORE": str(gpkg_store)}
    if "REPORT_HTML" in extra:
        extra["REPORT_HTML"] = str(tmp_path / extra["REPORT_HTML"])
    with pytest.raises(QgsProcessingException, match=named.replace("(", r"\(")):
        run(store, tmp_path, **extra)
    assert not (tmp_path / "table.csv").exists() and not (tmp_path / "report.html").exists()


def test_the_loaded_map_is_coloured_by_grade(gpkg_store, tmp_path):
    project = QgsProject.instance()
    before = set(project.mapLayers())
    try:
        processing.runAndLoadResults("gridplugin:evaluatecases", {
            "STORE": str(gpkg_store), "START": MARCH[0], "END": MARCH[1], "OUTPUT": "TEMPORARY_OUTPUT",
            "AREAS": str(tmp_path / "areas.gpkg"), "RANKING": "TEMPORARY_OUTPUT",
            "REPORT_HTML": str(tmp_path / "report.html")})
        areas = [project.mapLayer(i) for i in set(project.mapLayers()) - before
                 if project.mapLayer(i).source().startswith(str(tmp_path / "areas.gpkg"))]
        assert len(areas) == 1
        renderer = areas[0].renderer()
        assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "grade"
        assert [c.value() for c in renderer.categories()] == ["A", "B", "C", "D", "E", ""]
        assert renderer.categories()[0].symbol().color().name() == "#1a9850"
    finally:
        project.removeMapLayers(list(set(project.mapLayers()) - before))


def test_a_model_runs_the_evaluation_from_its_model3_file(gpkg_store, tmp_path):
    """As a step of a graphical model, saved and run from the file, with the model's own period parameter."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterString,
    )

    ensure_provider()
    model = QgsProcessingModelAlgorithm("evaluate", "tests")
    model.addModelParameter(QgsProcessingParameterString("start", "Start"), QgsProcessingModelParameter("start"))
    child = QgsProcessingModelChildAlgorithm("gridplugin:evaluatecases")
    child.setChildId("evaluate")
    child.addParameterSources("START", [QgsProcessingModelChildParameterSource.fromModelParameter("start")])
    for key, value in (("STORE", str(gpkg_store)), ("END", MARCH[1]), ("LEVEL", 2),
                       ("REPORT_HTML", str(tmp_path / "model.html"))):
        child.addParameterSources(key, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    outputs = {}
    for name in ("OUTPUT", "RANKING"):
        output = QgsProcessingModelOutput(name.lower())
        output.setChildId("evaluate")
        output.setChildOutputName(name)
        outputs[name.lower()] = output
    child.setModelOutputs(outputs)
    model.addChildAlgorithm(child)
    path = tmp_path / "evaluate.model3"
    assert model.toFile(str(path))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(path)) and loaded.childAlgorithm("evaluate").algorithm() is not None
    result = processing.run(loaded, {"start": MARCH[0], "evaluate:output": str(tmp_path / "streets.csv"),
                                     "evaluate:ranking": str(tmp_path / "ranking.csv")})
    codes = [row["code"] for row in read_csv(result["evaluate:output"])]
    assert sorted(codes) == ["", *sc.STREETS, sc.UNKNOWN_GRID[:9]]  # the unknown grid's street has its code
    assert len(read_csv(result["evaluate:ranking"])) == 3
