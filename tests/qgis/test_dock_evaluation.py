"""The dock's Evaluation step (评价) and what the map tool shows from it: evaluatecases and
emerginghotspots run from the dock as background tasks, their layers land styled in the Evaluation
group, the HTML report opens from the step, and a click on a grid shows its indicators, grade and
emerging hot spot category."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import Qgis, QgsFeature, QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt import sip

from grid_plugin.core.cases.emerging import EMERGING_CATEGORY_LABELS
from grid_plugin.gui.spot_info import spot_html
from tests.qgis import test_dock
from tests.qgis.test_dock import SAMPLE_CASES, divide, run_and_wait, wait_for

dock, project_layers = test_dock.dock, test_dock.project_layers  # the dock tests' fixtures

MARCH = ("2025-03-01", "2025-04-01")


def import_sample(dock, layers) -> QgsVectorLayer:
    grids = divide(dock, layers)
    dock.case_step.import_form.set_value("INPUT", str(SAMPLE_CASES))
    run_and_wait(dock, dock.case_step.run_import)
    wait_for(lambda: dock.case_step.live_layer is not None)  # the import's follow-up read of the store
    return grids


@pytest.fixture()
def evaluated(dock, project_layers, monkeypatch):
    """The sample divided and imported, evaluated per grid for March 2025 with 结案数 as the rework
    denominator, and its emerging hot spots found, all from the dock; the parameters each run got."""
    grids = import_sample(dock, project_layers)
    sent: list[tuple[str, dict, str]] = []
    real_run = dock.runner.run
    monkeypatch.setattr(dock.runner, "run", lambda *args: sent.append(args) or real_run(*args))
    step = dock.evaluation_step
    form = step.evaluate_form
    form.set_value("START", MARCH[0])
    form.set_value("END", MARCH[1])
    form.set_value("LEVEL", 0)  # per unit grid
    form.set_value("REWORK_BASE", 1)  # 结案数
    run_and_wait(dock, step.run_evaluate)
    run_and_wait(dock, step.run_emerging)
    return grids, sent


def test_the_evaluation_step_comes_after_the_cases_and_offers_both_algorithms(dock):
    assert [dock.tabs.tabText(i) for i in range(dock.tabs.count())] == [
        "Grids", "Component coding", "Cases & heat", "Evaluation", "Export"]
    step = dock.evaluation_step
    values = step.evaluate_form.values()
    assert {"LEVEL", "START", "END", "REWORK_BASE", "CLOSE_BASE", "MIN_CASES", "REPORT_HTML"} <= set(values)
    assert Path(values["REPORT_HTML"]).parent == Path(dock.output_folder.filePath())
    assert values["REPORT_HTML"].endswith("evaluation_report.html")
    assert "REPORT_PDF" not in values  # optional and off by default
    assert values["START"] < values["END"]  # a whole month until the user picks a period
    assert step.emerging_form.values()["OUTPUT"].endswith("emerging_hotspots.gpkg")
    assert not step.buttons["open_report"].isEnabled()  # nothing to open yet


def test_evaluation_step_runs_both_in_the_background_and_adds_styled_layers_and_the_report(
        dock, evaluated, tmp_path, monkeypatch, qgis_iface):
    grids, sent = evaluated
    evaluate = next(parameters for algorithm, parameters, _group in sent if algorithm == "gridplugin:evaluatecases")
    assert (evaluate["START"], evaluate["END"], evaluate["REWORK_BASE"]) == (*MARCH, "1")
    assert evaluate["STORE"] == str(tmp_path / "out" / "cases.gpkg") and evaluate["TIMEZONE"] == "Asia/Shanghai"
    assert all(group == "Evaluation" for _algorithm, _parameters, group in sent)
    assert dock.progress.value() == 100 and not dock.cancel_button.isEnabled()

    out = tmp_path / "out"
    report = out / "evaluation_report.html"
    assert report.exists() and "2025-03" in report.read_text(encoding="utf-8")
    group = QgsProject.instance().layerTreeRoot().findGroup("Evaluation")
    assert group is not None
    in_group = {QgsProject.instance().mapLayer(i).name(): QgsProject.instance().mapLayer(i)
                for i in group.findLayerIds()}
    areas = in_group["Evaluation map (grids, communities or streets)"]
    assert areas.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
    assert areas.renderer().type() == "categorizedSymbol" and areas.renderer().classAttribute() == "grade"
    grid_codes = {f["grid_code"] for f in grids.getFeatures()}
    area_codes = {f["code"] for f in areas.getFeatures()}
    assert area_codes and area_codes <= grid_codes
    table = QgsVectorLayer(str(out / "evaluation.gpkg"), "table", "ogr")
    filed = sum(f["filed"] for f in table.getFeatures())
    successes = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert filed > 0 and any(f"Cases filed in the period {filed}" in m for m in successes)  # the run's summary
    emerging = in_group["Emerging hot spots"]
    assert emerging.renderer().classAttribute() == "category"
    assert {f["grid_code"] for f in emerging.getFeatures()} == grid_codes
    assert (out / "emerging_hotspots.gpkg").exists() and (out / "emerging_hotspot_bins.gpkg").exists()
    assert "Gi* per grid and time bin" in in_group
    # the next run writes new files
    assert dock.evaluation_step.evaluate_form.values()["REPORT_HTML"].endswith("evaluation_report_2.html")
    assert dock.evaluation_step.emerging_form.values()["OUTPUT"].endswith("emerging_hotspots_2.gpkg")

    opened = []
    monkeypatch.setattr("grid_plugin.gui.evaluation_step.open_file", lambda path: opened.append(path) or True)
    button = dock.evaluation_step.buttons["open_report"]
    assert button.isEnabled()
    button.click()
    assert opened == [str(report)]

    # the choices of a run are remembered for the next session
    from grid_plugin.gui.dock import GridDockWidget

    again = GridDockWidget(qgis_iface, qgis_iface.mainWindow())
    try:
        values = again.evaluation_step.evaluate_form.values()
        assert (values["START"], values["END"], values["REWORK_BASE"]) == (*MARCH, "1")
    finally:
        sip.delete(again)


def _plain(page: str) -> str:
    from qgis.PyQt.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(page)
    return document.toPlainText()


def _row(layer: QgsVectorLayer, field: str, code: str) -> QgsFeature:
    return next(f for f in layer.getFeatures() if f[field] == code)


def test_map_tool_shows_the_grids_indicators_grade_and_emerging_hot_spot_category(dock, evaluated, tmp_path):
    grids, _sent = evaluated
    out = tmp_path / "out"
    table = QgsVectorLayer(str(out / "evaluation.gpkg"), "table", "ogr")
    hot = QgsVectorLayer(str(out / "emerging_hotspots.gpkg"), "emerging", "ogr")
    # the grid with the most cases filed in March
    best = max((f for f in table.getFeatures() if f["level"] == "grid"), key=lambda f: f["filed"])
    code = best["code"]
    grid = _row(grids, "grid_code", code)
    point = grid.geometry().pointOnSurface().asPoint()
    dock.show_spot(point, grids.crs())
    info = dock.last_spot
    assert info.grid["grid_code"] == code
    assert info.evaluation["code"] == code and info.evaluation["filed"] == best["filed"]
    category = _row(hot, "grid_code", code)
    assert info.emerging["category"] == category["category"]
    page = spot_html(info)
    assert dock.spot_text.toPlainText() == _plain(page)  # what the dock shows

    def cell(label: str) -> str:
        return page.split(f"<th align='left'>{label}</th><td>", 1)[1].split("</td>", 1)[0]

    assert f"<b>Evaluation {best['period']}</b>" in page
    assert cell("Cases filed").startswith(str(best["filed"]))
    assert cell("Closing rate").startswith(f"{best['close_rate']:.1f} %")
    assert cell("On-time closing rate").startswith(f"{best['intime_close_rate']:.1f} %")
    assert cell("Overdue open cases").startswith(str(best["open_overdue"]))
    assert cell("Grade").startswith(best["grade"]) and f"rank {best['rank']}" in cell("Grade")
    assert "<b>Emerging hot spot</b>" in page
    assert cell("Category") == EMERGING_CATEGORY_LABELS[category["category"]].render()
    assert cell("Trend of the hot spot z-scores") == f"z = {category['trend_z']:.2f}, p = {category['trend_p']:.3f}"

    # evaluated per community: the click shows the grid's community
    form = dock.evaluation_step.evaluate_form
    form.set_value("LEVEL", 1)
    run_and_wait(dock, dock.evaluation_step.run_evaluate)
    dock.show_spot(point, grids.crs())
    assert dock.last_spot.evaluation["level"] == "community"
    assert dock.last_spot.evaluation["code"] == grid["community_code"]
    assert grid["community_name"] in dock.spot_text.toPlainText()

    # layers the user removed are no longer read; no evaluation section then
    project = QgsProject.instance()
    for layer_id in dock.evaluation_step.evaluation_layers + dock.evaluation_step.emerging_layers:
        project.removeMapLayer(layer_id)
    dock.show_spot(point, grids.crs())
    assert dock.last_spot.evaluation == {} and dock.last_spot.emerging == {}
    assert "Emerging hot spot" not in dock.spot_text.toPlainText()
    assert dock.last_spot.grid["grid_code"] == code  # the rest of the spot as before


def _memory_table(uri: str, rows: list[list]) -> QgsVectorLayer:
    layer = QgsVectorLayer(uri, "results", "memory")
    features = []
    for values in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(values)
        features.append(feature)
    assert layer.isValid() and layer.dataProvider().addFeatures(features)[0]
    return layer


def test_spot_lines_match_quoted_codes_show_missing_values_and_follow_the_language(qgis_new_project):
    from grid_plugin.gui.spot_evaluation import evaluation_html, grid_emerging, grid_evaluation
    from grid_plugin.toolbelt.i18n import install_translator, remove_translator

    code = 'SQ\'01 "东"'  # a community code with both quotes: matched as a value, never as SQL
    table = _memory_table(
        "None?field=level:string&field=code:string&field=name:string&field=period:string&field=filed:integer"
        "&field=filed_chg:double&field=due:integer&field=close_rate:double&field=close_rate_chg:double"
        "&field=intime_close_rate:double&field=open_overdue:integer&field=grade:string&field=composite:double"
        "&field=rank:integer",
        [["department", code, "城管", "2025-03", 99, None, 99, 50.0, None, 50.0, 9, "E", 30.0, 9],
         ["community", code, '枫林"东"社区', "2025-03", 12, -3.0, 0, None, None, None, 0, None, None, None]])
    grid = {"grid_code": "990101001005005", "community_code": code, "street_code": "990101001"}
    row = grid_evaluation(table, grid)
    assert (row["level"], row["filed"], row["close_rate"], row["grade"]) == ("community", 12, None, None)
    assert grid_evaluation(table, {"grid_code": "990101001005006", "community_code": "SQ'02"}) == {}
    emerging = _memory_table("None?field=grid_code:string&field=category:integer&field=trend_z:double"
                             "&field=trend_p:double", [["990101001005005", 3, 2.5, None]])
    hot = grid_emerging(emerging, "990101001005005")
    assert hot == {"category": 3, "trend_z": 2.5, "trend_p": None}
    page = evaluation_html(row, hot)
    assert "<td>12 (-3 vs the previous period)</td>" in page
    assert "<th align='left'>Closing rate</th><td>–</td>" in page  # no due cases: no rate
    assert "<th align='left'>Grade</th><td>not graded</td>" in page
    assert "枫林&quot;东&quot;社区" in page  # escaped
    assert f"<td>{EMERGING_CATEGORY_LABELS[3].render()}</td>" in page and "z = 2.50, p = –" in page

    translator = install_translator("zh_CN")
    assert translator is not None
    try:
        chinese = evaluation_html(row, hot)
    finally:
        remove_translator(translator)
    for text in ("立案数", "结案率", "按期结案率", "超期未结案数", "等级", "新兴热点", "社区"):
        assert text in chinese, text
    assert "Closing rate" not in chinese and "Grade" not in chinese
