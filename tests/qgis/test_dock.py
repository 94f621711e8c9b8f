"""The dock, driven as a user drives it: pick layers, press a step's button, wait for the background
task, find the styled results in the layer tree (pytest-qgis's iface and canvas)."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRenderContext,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QLineEdit

from grid_plugin.core.cases.records import CaseFilter
from grid_plugin.core.geodesy import beidou
from grid_plugin.store.choice import StoreChoice
from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.toolbelt.settings import PluginSettings, project_choice
from tests.qgis.conftest import ensure_provider

SAMPLE_CASES = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample_cases.csv"
SAMPLE_GPKG = SAMPLE_CASES.with_name("sample_district.gpkg")


def wait_for(condition, timeout: float = 180.0) -> None:
    """Let the event loop run (tasks report on the main thread) until `condition()` holds."""
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out waiting for the dock"
        QgsApplication.processEvents()
        time.sleep(0.01)


@pytest.fixture()
def project_layers(sample_gpkg, qgis_new_project):
    project = QgsProject.instance()
    layers = {name: QgsVectorLayer(f"{sample_gpkg}|layername={name}", name, "ogr")
              for name in ("communities", "roads", "components")}
    for layer in layers.values():
        assert layer.isValid()
    project.addMapLayers(list(layers.values()))
    yield layers
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()


@pytest.fixture()
def dock(qgis_iface, qgis_processing, project_layers, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # settings defaults under a temporary home
    QgsSettings().remove("grid_plugin")  # every test starts from the algorithms' defaults
    ensure_provider()
    from grid_plugin.gui.dock import GridDockWidget

    widget = GridDockWidget(qgis_iface, qgis_iface.mainWindow())
    widget.output_folder.setFilePath(str(tmp_path / "out"))
    widget.store.set_choice(StoreChoice.geopackage(tmp_path / "out" / "cases.gpkg"))
    yield widget
    widget.runner.cancel()
    wait_for(lambda: not widget.runner.running)
    wait_for(lambda: QgsApplication.taskManager().countActiveTasks() == 0)
    QgsApplication.processEvents()  # queued task signals reach the dock before it goes
    sip.delete(widget)  # now, not deleteLater: no event loop runs between tests to delete it


def run_and_wait(dock, start) -> None:
    assert start() is True
    assert dock.cancel_button.isEnabled() and not dock.grid_step.isEnabled()  # busy while it runs
    wait_for(lambda: not dock.runner.running)


def divide(dock, layers) -> QgsVectorLayer:
    form = dock.grid_step.divide
    form.set_value("INPUT", layers["communities"])
    form.set_value("MODE", 1)
    form.set_value("LINES", [layers["roads"]])
    run_and_wait(dock, dock.grid_step.run_divide)
    grids = dock.grid_step.last_grids
    assert grids is not None, dock.status.text()
    return grids


def test_steps_offer_layers_of_the_right_geometry_with_the_algorithms_defaults(dock, project_layers):
    divide_form = dock.grid_step.divide
    communities_choices = _layer_names(divide_form.widgets["INPUT"])
    assert "communities" in communities_choices and "roads" not in communities_choices
    assert "components" not in communities_choices
    lines = divide_form.widgets["LINES"]
    assert [lines.itemText(i) for i in range(lines.count())] == ["roads"]
    assert _layer_names(dock.component_step.code.widgets["INPUT"]) >= {"components"}
    assert "roads" not in _layer_names(dock.component_step.code.widgets["GRIDS"])
    values = divide_form.values()
    algorithm = QgsApplication.processingRegistry().algorithmById("gridplugin:dividegrids")
    for key in ("TARGET_AREA", "CELL_SIZE"):
        assert float(values[key]) == algorithm.parameterDefinition(key).defaultValue()
    assert "MIN_AREA" not in values and "MAX_AREA" not in values  # optional, unset: they follow the target
    divide_form.set_value("INPUT", project_layers["communities"])
    values = divide_form.values()
    assert values["COMMUNITY_CODE_FIELD"] == "community_code"  # the algorithm's default field
    assert values["STREET_NAME_FIELD"] == "street_name"  # picked by name when the layer has it
    assert values["OUTPUT"].endswith("unit_grids.gpkg")


def test_grid_step_divides_in_the_background_and_adds_the_styled_grids_to_a_group(dock, project_layers,
                                                                                   qgis_iface):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    grids = divide(dock, project_layers)
    timer.stop()
    # QGIS stayed responsive: the main thread's event loop kept running while the task worked
    took = time.monotonic() - started
    assert len(ticks) > took / 0.02 * 0.5, (len(ticks), took)
    assert max(np.diff([started, *ticks, time.monotonic()])) < 0.5
    project = QgsProject.instance()
    group = project.layerTreeRoot().findGroup("Unit grids")
    assert group is not None and grids.id() in group.findLayerIds()
    assert grids.featureCount() > 1000 and grids.crs().authid() == "EPSG:4548"
    symbol = grids.renderer().symbols(QgsRenderContext())[0]
    assert symbol.symbolLayer(0).strokeColor().name() == "#e4007f"  # the magenta unit-grid style
    assert dock.progress.value() == 100 and dock.cancel_button.isEnabled() is False
    successes = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert any(str(grids.featureCount()) in m for m in successes)
    # the new grids feed the next steps
    assert dock.component_step.code.layer("GRIDS") is grids
    assert dock.case_step.import_form.layer("GRIDS") is grids
    # a second run never overwrites the first output
    assert dock.grid_step.divide.values()["OUTPUT"].endswith("unit_grids_2.gpkg")

    run_and_wait(dock, dock.grid_step.run_validate)
    errors = [layer for layer in project.mapLayers().values() if layer.name() == "Grid errors"]
    assert len(errors) == 1 and errors[0].featureCount() == 0, dock.status.text()
    assert "Validate unit grids" in dock.status.text()


def test_a_cancelled_run_leaves_no_output_and_says_so(dock, project_layers, qgis_iface):
    form = dock.grid_step.divide
    form.set_value("INPUT", project_layers["communities"])
    form.set_value("MODE", 1)
    form.set_value("LINES", [project_layers["roads"]])
    output = form.values()["OUTPUT"]
    assert dock.grid_step.run_divide()
    dock.cancel_button.click()
    wait_for(lambda: not dock.runner.running)
    assert not Path(output).exists()
    assert sorted(layer.name() for layer in QgsProject.instance().mapLayers().values()) == [
        "communities", "components", "roads"]
    messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert messages and messages[-1].endswith("Cancelled; nothing was written.")
    assert dock.grid_step.isEnabled() and not dock.cancel_button.isEnabled()


def test_an_algorithm_error_reaches_the_message_bar_with_its_message(dock, project_layers, qgis_iface, tmp_path):
    # communities without code field: the algorithm names the problem
    bare = QgsVectorLayer("Polygon?crs=EPSG:4548&field=name:string", "bare", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    feature = QgsFeature(bare.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((500000 4400000, 500300 4400000, 500300 4400300, "
                                            "500000 4400300, 500000 4400000))"))
    feature.setAttributes(["x"])
    bare.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(bare)
    dock.grid_step.divide.set_value("INPUT", bare)
    run_and_wait(dock, dock.grid_step.run_divide)
    message = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)[-1]
    assert "community" in message.lower(), message
    assert dock.status.text() in message


def test_component_step_codes_components_and_keeps_them_in_the_store(dock, project_layers, tmp_path):
    grids = divide(dock, project_layers)
    step = dock.component_step
    step.code.set_value("INPUT", project_layers["components"])
    step.keep_in_store.setChecked(True)
    run_and_wait(dock, step.run_code)
    coded = step.last_components
    assert coded is not None and coded.featureCount() == 433, dock.status.text()
    ids = [f["component_id"] for f in coded.getFeatures()]
    assert len(set(ids)) == 433 and all(len(i) == 17 for i in ids)
    grid_codes = {f["grid_code"] for f in grids.getFeatures()}
    assert {f["bgid"] for f in coded.getFeatures()} <= grid_codes
    with GpkgStore(tmp_path / "out" / "cases.gpkg", create=False) as store:
        assert sorted(store.read_components().component_ids) == sorted(ids)
    run_and_wait(dock, step.run_validate)
    assert "Validate components" in dock.status.text()


def test_case_step_imports_then_the_live_heat_follows_the_slider_and_filters(dock, project_layers, tmp_path):
    grids = divide(dock, project_layers)
    step = dock.case_step
    step.import_form.set_value("INPUT", str(SAMPLE_CASES))
    run_and_wait(dock, step.run_import)
    assert "Cases imported 5355" in dock.status.text().replace(",", ""), dock.status.text()  # 3 of 5,358 rejected
    controls = step.heat_controls
    wait_for(lambda: controls.heat is not None and step.live_layer is not None)
    layer = step.live_layer
    assert QgsProject.instance().layerTreeRoot().findGroup("Cases").findLayer(layer.id()) is not None
    assert layer.featureCount() == grids.featureCount()
    assert sum(f["case_count"] for f in layer.getFeatures()) == 5355

    store_path = tmp_path / "out" / "cases.gpkg"
    daily = controls.daily
    # a window of days: the layer shows what the store counts for the same local days
    controls.slider.setLowerValue(31)
    controls.slider.setUpperValue(58)
    start = daily.date_of(31).isoformat() + "T00:00:00+08:00"
    end = daily.date_of(59).isoformat() + "T00:00:00+08:00"
    from grid_plugin.core.cases.times import parse_time, time_zone

    zone = time_zone("Asia/Shanghai")
    window = CaseFilter(start=parse_time(start, zone), end=parse_time(end, zone))
    with GpkgStore(store_path, create=False) as store:
        expected = store.counts_per_grid(window)
        sources = store.distinct_values("source")
    shown = {f["grid_code"]: f["case_count"] for f in layer.getFeatures() if f["case_count"]}
    assert shown == expected and sum(shown.values()) > 0
    # one source unchecked
    controls.sources.setItemCheckState(0, 0)
    kept = [s for s in sources if s != controls.sources.itemData(0)]
    with GpkgStore(store_path, create=False) as store:
        expected = store.counts_per_grid(CaseFilter(start=window.start, end=window.end, sources=tuple(kept)))
    shown = {f["grid_code"]: f["case_count"] for f in layer.getFeatures() if f["case_count"]}
    assert shown == expected
    assert controls.last_redraw_ms > 0 and "ms" in controls.status.text()

    # the heat maps follow the same filter
    run_and_wait(dock, step.run_heatmap)
    loaded = {lyr.name(): lyr for lyr in QgsProject.instance().mapLayers().values()}
    assert sum(f["case_count"] for f in loaded["Cases per unit grid"].getFeatures()) == sum(expected.values())
    assert isinstance(loaded["Kernel density"], QgsRasterLayer) and loaded["Kernel density"].isValid()
    run_and_wait(dock, step.run_hotspots)
    assert "Hot spots (Gi*)" in {lyr.name() for lyr in QgsProject.instance().mapLayers().values()}
    assert list(Path(tmp_path / "out").glob("case_report*.html"))


def test_map_tool_tells_grid_codes_beidou_code_components_and_recent_cases(dock, project_layers, tmp_path):
    grids = divide(dock, project_layers)
    dock.component_step.code.set_value("INPUT", project_layers["components"])
    run_and_wait(dock, dock.component_step.run_code)
    dock.case_step.import_form.set_value("INPUT", str(SAMPLE_CASES))
    run_and_wait(dock, dock.case_step.run_import)
    wait_for(lambda: dock.case_step.live_layer is not None)
    # the spot: the component whose grid has the most cases
    with GpkgStore(tmp_path / "out" / "cases.gpkg", create=False) as store:
        counts = store.counts_per_grid()
    component = max(dock.component_step.last_components.getFeatures(), key=lambda f: counts.get(f["bgid"], 0))
    point = component.geometry().asPoint()
    crs = dock.component_step.last_components.crs()
    import processing

    processing.run("gridplugin:importaddresses", {  # the gazetteer, for the nearest address
        "INPUT": f"{SAMPLE_GPKG}|layername=addresses", "ADDRESS_FIELD": "full_address",
        "CODE_FIELD": "address_code", "KIND_FIELD": "kind", "NAME_FIELD": "name", **dock.store.parameters()})
    dock.spot_button.setChecked(True)
    assert dock.iface.mapCanvas().mapTool() is dock.spot_tool
    dock.settings.recent_case_days = 100_000  # the sample cases are from 2025
    dock.show_spot(QgsPointXY(point), crs)
    info = dock.last_spot
    assert info.grid["grid_code"] == component["bgid"]
    assert info.grid["community_code"] == component["community_code"]
    assert info.beidou_code == beidou.encode(info.longitude, info.latitude, 8)
    assert info.components[0][0] == component["component_id"] and info.components[0][2] < 0.01
    assert info.cases and len(info.cases) <= 10
    times = [row[1] for row in info.cases]
    assert times == sorted(times, reverse=True)
    with GpkgStore(tmp_path / "out" / "cases.gpkg", create=False) as store:
        entries = store.read_addresses()
    import pyproj

    metres = pyproj.Geod(ellps="GRS80").inv([info.longitude] * len(entries), [info.latitude] * len(entries),
                                            entries.lon, entries.lat)[2]
    assert info.address_code == entries.codes[int(np.argmin(metres))]  # reverse geocoding: the nearest one
    assert info.address_metres == pytest.approx(metres.min(), abs=0.01)
    html = dock.spot_text.toPlainText()
    assert info.address in html
    assert component["component_id"] in html and info.grid["grid_code"] in html
    dock.spot_button.setChecked(False)
    assert dock.iface.mapCanvas().mapTool() is not dock.spot_tool
    del grids


def test_export_step_writes_the_chosen_format_and_crs(dock, project_layers, tmp_path):
    grids = divide(dock, project_layers)
    step = dock.export_step
    step.export.set_value("INPUT", grids)
    assert not step.export.widgets["TARGET_CRS"].isEnabled()  # only for "Other"
    step.export.set_value("FORMAT", 2)  # GeoJSON
    assert step.export.values()["OUTPUT"].endswith("export.geojson")  # the file name follows the format
    step.export.set_value("TARGET", 3)  # WGS84
    run_and_wait(dock, step.run_export)
    target = tmp_path / "out" / "export.geojson"
    exported = QgsVectorLayer(str(target), "exported", "ogr")
    assert exported.isValid() and exported.featureCount() == grids.featureCount(), dock.status.text()
    assert exported.crs().authid() == "EPSG:4326"
    loaded = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(str(target))]
    assert len(loaded) == 1  # added to the project, drawn like the layer it came from
    assert loaded[0].renderer().symbols(QgsRenderContext())[0].symbolLayer(0).strokeColor().name() == "#e4007f"
    codes = sorted(f["grid_code"] for f in exported.getFeatures())
    assert codes == sorted(f["grid_code"] for f in grids.getFeatures())
    assert step.export.values()["OUTPUT"].endswith("export_2.geojson")

    # the responsibility maps of the Grids step's communities (a print layout: run on the main thread)
    run_and_wait(dock, step.run_maps)
    pdfs = list((tmp_path / "out").glob("responsibility_maps*.pdf"))
    assert len(pdfs) == 1, dock.status.text()
    assert len(list((tmp_path / "out").glob("responsibility_maps_png*/*.png"))) == \
        project_layers["communities"].featureCount()


def test_settings_are_remembered_and_the_project_keeps_its_own_choices(dock, qgis_iface, tmp_path, project_layers):
    dock.output_folder.setFilePath(str(tmp_path / "elsewhere"))
    dock.store.set_choice(StoreChoice.geopackage(tmp_path / "elsewhere" / "store.gpkg"))
    dock.tabs.setCurrentIndex(2)
    dock.remember()
    settings = PluginSettings.load()
    assert settings.output_folder == str(tmp_path / "elsewhere") and settings.last_step == 2
    assert project_choice("store_path") == str(tmp_path / "elsewhere" / "store.gpkg")
    from grid_plugin.gui.dock import GridDockWidget

    # a key parameter of a step, used for a run, is remembered too; layer choices stay with the project
    dock.grid_step.divide.set_value("TARGET_AREA", 12345)
    dock.grid_step.divide.set_value("MODE", 1)
    dock.grid_step.divide.set_value("INPUT", project_layers["communities"])
    dock.remember_forms()
    again = GridDockWidget(qgis_iface, qgis_iface.mainWindow())
    assert again.output_folder.filePath() == str(tmp_path / "elsewhere")
    assert again.grid_step.divide.values()["TARGET_AREA"] == "12345.0"
    assert again.grid_step.divide.values()["MODE"] == "1"
    assert again.grid_step.divide.layer("INPUT") is project_layers["communities"]
    assert "MIN_AREA" not in again.grid_step.divide.values()  # "automatic" stays automatic
    assert again.store.parameters() == {"STORE": str(tmp_path / "elsewhere" / "store.gpkg")}
    assert again.tabs.currentIndex() == 2
    # a project with its own store wins over the user's last choice
    QgsProject.instance().writeEntry("grid_plugin", "store_path", str(tmp_path / "project_store.gpkg"))
    again.restore()
    assert again.store.parameters() == {"STORE": str(tmp_path / "project_store.gpkg")}
    sip.delete(again)


def test_store_picker_lists_postgis_connections_by_name_and_has_no_password_field(dock):
    from qgis.core import QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.createConnection("host=localhost dbname=nowhere", {})
    metadata.saveConnection(connection, "dock test connection")
    try:
        dock.store.set_choice(StoreChoice.postgis("dock test connection", "cases_a"))
        assert dock.store.parameters() == {"CONNECTION": "dock test connection", "DB_SCHEMA": "cases_a"}
        listed = [dock.store.connection.itemText(i) for i in range(dock.store.connection.count())]
        assert "dock test connection" in listed
        assert all(edit.echoMode() == QLineEdit.EchoMode.Normal for edit in dock.findChildren(QLineEdit))
    finally:
        metadata.deleteConnection("dock test connection")


def _layer_names(combo: QgsMapLayerComboBox) -> set[str]:
    model = combo.model()
    return {model.data(model.index(i, 0)) for i in range(model.rowCount())} - {None, ""}


def test_daily_counts_of_the_store_match_the_store(tmp_path, sample_grids, qgis_processing):
    """The pre-aggregation the heat controls use equals per-grid counts for random windows."""
    import processing

    ensure_provider()
    store_path = tmp_path / "cases.gpkg"
    processing.run("gridplugin:importcases", {
        "INPUT": str(SAMPLE_CASES), "STORE": str(store_path), "GRIDS": sample_grids,
        "TIMEZONE": "Asia/Shanghai", "REJECTS": str(tmp_path / "rejects.csv")})
    from grid_plugin.core.cases.daily_counts import DailyCaseCounts
    from grid_plugin.core.cases.times import parse_time, time_zone

    zone = time_zone("Asia/Shanghai")
    with GpkgStore(store_path, create=False) as store:
        grids = store.read_grids()
        daily = DailyCaseCounts.from_hourly(grids.grid_codes, store.hourly_counts(), "Asia/Shanghai")
        classes = store.distinct_values("class_code")
        rng = np.random.default_rng(7)
        for _ in range(5):
            first, last = sorted(rng.integers(0, daily.day_count, 2))
            chosen = list(rng.choice(classes, 5, replace=False))
            case_filter = CaseFilter(start=parse_time(daily.date_of(first).isoformat(), zone),
                                     end=parse_time(daily.date_of(last + 1).isoformat(), zone),
                                     class_codes=tuple(chosen))
            expected = store.counts_per_grid(case_filter)
            counts = daily.counts(int(first), int(last), chosen, None)
            got = {code: int(c) for code, c in zip(daily.grid_codes, counts, strict=True) if c}
            assert got == expected
    with open(SAMPLE_CASES, encoding="utf-8") as handle:  # but the 3 rows closed before their report
        rows = list(csv.DictReader(handle))
    assert daily.total == sum(not r["结案时间"] or r["结案时间"] >= r["reported_at"] for r in rows)


def test_the_dock_works_on_a_postgis_store_chosen_by_connection_name(dock, project_layers, tmp_path):
    """Import through the dock into PostGIS (a saved QGIS connection, no password in the dock),
    then the live heat comes from the server and matches its own counts."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    from tests.conftest import read_postgis_env
    from tests.qgis.test_case_store import drop_schema

    env = read_postgis_env()
    uri = QgsDataSourceUri()
    uri.setConnection(env["PGHOST"], env["PGPORT"], env["PGDATABASE"], env["PGUSER"], env["PGPASSWORD"])
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name, schema = "dock postgis test", f"dock_{int(time.time() * 1000) % 10**9}"
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {"saveUsername": True,
                                                                       "savePassword": True}), name)
    try:
        divide(dock, project_layers)
        dock.store.set_choice(StoreChoice.postgis(name, schema))
        step = dock.case_step
        step.import_form.set_value("INPUT", str(SAMPLE_CASES))
        run_and_wait(dock, step.run_import)
        assert "Cases imported 5355" in dock.status.text().replace(",", ""), dock.status.text()
        wait_for(lambda: step.live_layer is not None)
        controls = step.heat_controls
        controls.slider.setLowerValue(100)
        controls.slider.setUpperValue(130)
        from grid_plugin.core.cases.times import parse_time, time_zone
        from grid_plugin.store.postgis import PostgisStore

        zone = time_zone("Asia/Shanghai")
        window = CaseFilter(start=parse_time(controls.daily.date_of(100).isoformat(), zone),
                            end=parse_time(controls.daily.date_of(131).isoformat(), zone))
        with PostgisStore.from_connection(name, schema) as store:
            expected = store.counts_per_grid(window)
        shown = {f["grid_code"]: f["case_count"] for f in step.live_layer.getFeatures() if f["case_count"]}
        assert shown == expected and sum(shown.values()) > 0
    finally:
        metadata.deleteConnection(name)
        drop_schema(schema)
