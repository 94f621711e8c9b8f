"""Runs inside the real QGIS desktop (qgis --code): drive the installed plugin and report.

Reads GRID_E2E_OUT (a folder), GRID_E2E_SAMPLE (the sample GeoPackage) and GRID_E2E_CASES (the
sample cases CSV). First the Processing route (runAndLoadResults of dividegrids), then the whole
workflow through the dock, step by step, each started by pressing the step's button and the next
one started when the background task reports back: divide, validate, code components, import
cases (the live heat loads), move the heat slider, heat maps, export, responsibility maps, then
a click of the map tool. Writes result.json and screenshots (qgis_window.png, dock_*.png) there, then quits QGIS.
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject, QgsRenderContext, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

OUT = os.environ["GRID_E2E_OUT"]
SAMPLE = os.environ["GRID_E2E_SAMPLE"]
CASES = os.environ["GRID_E2E_CASES"]
result = {"dock_steps": []}
state = {}


def drive():
    try:
        import processing

        iface.mainWindow().showMaximized()
        # Xvfb has no window manager to maximise it: QGIS 3.40 would stay at its first size (1028 × 373)
        iface.mainWindow().setGeometry(iface.mainWindow().screen().availableGeometry())
        result["plugin_loaded"] = "grid_plugin" in plugins
        result["provider"] = QgsApplication.processingRegistry().providerById("gridplugin") is not None
        result["menu_actions"] = [a.text() for m in iface.pluginMenu().actions() if m.menu()
                                  for a in m.menu().actions()]
        communities = QgsVectorLayer(f"{SAMPLE}|layername=communities", "communities", "ogr")
        import grid_plugin
        from grid_plugin.toolbelt.paths import resource

        result["plugin_file"] = grid_plugin.__file__  # must be the installed copy, not the checkout
        communities.loadNamedStyle(str(resource("styles", "communities.qml")))
        QgsProject.instance().addMapLayer(communities)
        run = processing.runAndLoadResults("gridplugin:dividegrids", {
            "INPUT": f"{SAMPLE}|layername=communities",
            "COMMUNITY_CODE_FIELD": "community_code",
            "STREET_NAME_FIELD": "street_name",
            "COMMUNITY_NAME_FIELD": "community_name",
            "OUTPUT": os.path.join(OUT, "grids.gpkg"),
        })
        result["grid_count"] = run["GRID_COUNT"]
        layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() != "communities"]
        result["loaded_layers"] = [lyr.name() for lyr in layers]
        grids = layers[0]
        result["loaded_feature_count"] = grids.featureCount()
        result["crs"] = grids.crs().authid()
        # the first rule of the style draws active grids (the second, retired ones)
        result["stroke_color"] = grids.renderer().symbols(QgsRenderContext())[0].symbolLayer(0).strokeColor().name()
        canvas = iface.mapCanvas()
        canvas.setDestinationCrs(grids.crs())
        canvas.setExtent(grids.extent())
        canvas.refresh()
        # grab the window once the canvas has drawn the grids, then go on with the dock
        state["first_draw"] = lambda: (grab("qgis_window.png"), QTimer.singleShot(0, start_dock))
        canvas.mapCanvasRefreshed.connect(on_canvas_drawn)
    except Exception:  # reported to the test through result.json
        fail()
    QTimer.singleShot(240_000, finish)  # never hang: report whatever is there after four minutes


def on_canvas_drawn():
    step = state.pop("first_draw", None)
    if step is not None:
        QTimer.singleShot(500, step)


def grab(name: str) -> bool:
    return iface.mainWindow().grab().save(os.path.join(OUT, name))


def fail():
    result["error"] = result.get("error", "") + traceback.format_exc()
    QTimer.singleShot(0, finish)


# ---- the dock ------------------------------------------------------------------------------------------
def start_dock():
    try:
        plugin = plugins["grid_plugin"]
        dock = state["dock"] = plugin.dock
        plugin.dock_action.trigger()  # the panel's menu/toolbar action opens it
        result["dock_visible"] = dock.isVisible()
        result["dock_tabs"] = [dock.tabs.tabText(i) for i in range(dock.tabs.count())]
        project = QgsProject.instance()
        for name in ("roads", "components"):
            layer = QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
            project.addMapLayer(layer)
            state[name] = layer
        state["communities"] = project.mapLayersByName("communities")[0]
        dock.output_folder.setFilePath(os.path.join(OUT, "dock"))
        from grid_plugin.store.choice import StoreChoice

        dock.store.set_choice(StoreChoice.geopackage(os.path.join(OUT, "dock", "cases.gpkg")))
        dock.runner.finished.connect(on_step_finished)
        dock.runner.failed.connect(on_step_failed)
        dock.case_step.heat_controls.loaded.connect(lambda *_: QTimer.singleShot(200, after_live_heat))
        progress_seen = state["progress"] = []
        dock.runner.progress.connect(lambda value: progress_seen.append(value))
        dock.tabs.setCurrentIndex(0)
        form = dock.grid_step.divide
        form.set_value("INPUT", state["communities"])
        form.set_value("MODE", 1)
        form.set_value("LINES", [state["roads"]])
        dock.grid_step.buttons["divide"].click()
        result["cancel_enabled_while_running"] = dock.cancel_button.isEnabled()
    except Exception:
        fail()


NEXT = {}


def on_step_failed(algorithm_id, message):
    result["dock_steps"].append({"algorithm": algorithm_id, "error": message})
    QTimer.singleShot(0, finish)


def on_step_finished(algorithm_id, results, layers):
    try:
        dock = state["dock"]
        result["dock_steps"].append({"algorithm": algorithm_id, "layers": [lyr.name() for lyr in layers],
                                     "status": dock.status.text(),
                                     "numbers": {k: v for k, v in results.items() if isinstance(v, (int, float))}})
        follow_up = NEXT.get(algorithm_id)
        if follow_up is not None:
            QTimer.singleShot(300, follow_up)
    except Exception:
        fail()


def after_divide():
    dock = state["dock"]
    grids = dock.grid_step.last_grids
    result["dock_grid_count"] = grids.featureCount()
    result["dock_grid_stroke"] = grids.renderer().symbols(QgsRenderContext())[0].symbolLayer(0).strokeColor().name()
    dock.grid_step.buttons["validate_grids"].click()


def after_validate():
    dock = state["dock"]
    dock.tabs.setCurrentIndex(1)
    dock.component_step.code.set_value("INPUT", state["components"])
    dock.component_step.keep_in_store.setChecked(True)
    dock.component_step.buttons["code"].click()


def after_code():
    dock = state["dock"]
    result["coded_components"] = dock.component_step.last_components.featureCount()
    dock.tabs.setCurrentIndex(2)
    dock.case_step.import_form.set_value("INPUT", CASES)
    dock.case_step.buttons["import_cases"].click()


def after_live_heat():
    try:
        dock = state["dock"]
        controls = dock.case_step.heat_controls
        layer = dock.case_step.live_layer
        result["live_total"] = sum(f["case_count"] for f in layer.getFeatures())
        controls.slider.setLowerValue(90)
        controls.slider.setUpperValue(180)
        result["live_window_total"] = sum(f["case_count"] for f in layer.getFeatures())
        result["live_window_label"] = controls.window_label.text()
        result["live_redraw_ms"] = controls.last_redraw_ms
        canvas = iface.mapCanvas()
        canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent()))
        canvas.refresh()
        state["first_draw"] = lambda: (grab("dock_live_heat.png"), dock.case_step.buttons["heatmap"].click())
    except Exception:
        fail()


def after_heatmap():
    dock = state["dock"]
    dock.tabs.setCurrentIndex(3)  # 评价: March 2025 per unit grid, then the emerging hot spots
    form = dock.evaluation_step.evaluate_form
    form.set_value("START", "2025-03-01")
    form.set_value("END", "2025-04-01")
    dock.evaluation_step.buttons["evaluate"].click()


def after_evaluate():
    dock = state["dock"]
    result["evaluation_report"] = os.path.exists(dock.evaluation_step.report_path)
    result["open_report_enabled"] = dock.evaluation_step.buttons["open_report"].isEnabled()
    dock.evaluation_step.buttons["emerging"].click()


def after_emerging():
    dock = state["dock"]
    dock.tabs.setCurrentIndex(4)
    step = dock.export_step
    step.export.set_value("INPUT", dock.grid_step.last_grids)
    step.export.set_value("FORMAT", 2)  # GeoJSON (RFC 7946)
    step.export.set_value("TARGET", 3)  # WGS84
    step.export.set_value("OUTPUT", os.path.join(OUT, "dock", "grids_wgs84.geojson"))
    step.buttons["export"].click()


def after_export_file():
    dock = state["dock"]
    exported = QgsVectorLayer(os.path.join(OUT, "dock", "grids_wgs84.geojson"), "check", "ogr")
    result["exported_count"] = exported.featureCount()
    result["exported_crs"] = exported.crs().authid()
    dock.export_step.buttons["responsibility_maps"].click()


def after_maps():
    try:
        dock = state["dock"]
        result["atlas_pages"] = result["dock_steps"][-1]["numbers"].get("PAGE_COUNT")
        component = next(dock.component_step.last_components.getFeatures())
        dock.spot_button.click()  # the map tool
        result["spot_tool_active"] = iface.mapCanvas().mapTool() is dock.spot_tool
        dock.settings.recent_case_days = 100_000
        dock.show_spot(component.geometry().asPoint(), dock.component_step.last_components.crs())
        result["spot_grid"] = dock.last_spot.grid.get("grid_code")
        result["spot_bgid"] = component["bgid"]
        result["spot_beidou"] = dock.last_spot.beidou_code
        result["spot_components"] = [c[0] for c in dock.last_spot.components]
        result["spot_component_id"] = component["component_id"]
        result["spot_evaluation_code"] = dock.last_spot.evaluation.get("code")
        result["spot_emerging_category"] = dock.last_spot.emerging.get("category")
        result["spot_text"] = dock.spot_text.toPlainText()
        result["progress_values"] = len(state["progress"])
        result["dock_groups"] = [g.name() for g in QgsProject.instance().layerTreeRoot().children()
                                 if hasattr(g, "addGroup")]
        dock.tabs.setCurrentIndex(2)
        QTimer.singleShot(800, lambda: (grab("dock_workflow.png"), finish()))
    except Exception:
        fail()


NEXT.update({"gridplugin:dividegrids": after_divide, "gridplugin:validategrids": after_validate,
             "gridplugin:codecomponents": after_code, "gridplugin:caseheatmap": after_heatmap,
             "gridplugin:evaluatecases": after_evaluate, "gridplugin:emerginghotspots": after_emerging,
             "gridplugin:exportgrids": after_export_file, "gridplugin:responsibilitymaps": after_maps})


def finish():
    if "finished" in result:
        return
    result["finished"] = True
    try:
        result["screenshot"] = os.path.exists(os.path.join(OUT, "qgis_window.png")) or grab("qgis_window.png")
    except Exception:
        result["error"] = result.get("error", "") + traceback.format_exc()
    with open(os.path.join(OUT, "result.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)
    QgsApplication.exit(0)


# --code runs while QGIS is still starting; drive once the event loop runs.
QTimer.singleShot(2000, drive)
