"""Runs inside the real QGIS desktop (qgis --code): drive the installed plugin and report.

Reads GRID_E2E_OUT (a folder) and GRID_E2E_SAMPLE (the sample GeoPackage); writes result.json and
qgis_window.png there, then quits QGIS.
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject, QgsRenderContext, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

OUT = os.environ["GRID_E2E_OUT"]
SAMPLE = os.environ["GRID_E2E_SAMPLE"]
result = {}


def drive():
    try:
        import processing

        iface.mainWindow().showMaximized()
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
        # grab the window once the canvas has drawn the grids (a slow machine may take a while)
        canvas.mapCanvasRefreshed.connect(lambda: QTimer.singleShot(500, finish))
        canvas.setDestinationCrs(grids.crs())
        canvas.setExtent(grids.extent())
        canvas.refresh()
    except Exception:  # reported to the test through result.json
        result["error"] = traceback.format_exc()
        QTimer.singleShot(0, finish)
    QTimer.singleShot(60_000, finish)  # never hang: report whatever is there after a minute


def finish():
    if "finished" in result:
        return
    result["finished"] = True
    try:
        result["screenshot"] = iface.mainWindow().grab().save(os.path.join(OUT, "qgis_window.png"))
    except Exception:
        result["error"] = result.get("error", "") + traceback.format_exc()
    with open(os.path.join(OUT, "result.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)
    QgsApplication.exit(0)


# --code runs while QGIS is still starting; drive once the event loop runs.
QTimer.singleShot(2000, drive)
