"""classFactory → initGui → unload leaves QGIS as it found it."""

import gc

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt import sip

import grid_plugin
from tests.qgis.conftest import ensure_provider


class MenuRecorder:
    """pytest-qgis's iface lacks the plugin-menu and toolbar methods; record them here."""

    def __init__(self, iface):
        self.iface = iface
        self.menu: list = []
        self.toolbar: list = []

    def install(self, monkeypatch):
        patch = {
            "addPluginToMenu": lambda title, a: self.menu.append((title, a)),
            "removePluginMenu": lambda title, a: self.menu.remove((title, a)),
        }
        for name, method in patch.items():
            monkeypatch.setattr(self.iface, name, method, raising=False)
        monkeypatch.setattr(self.iface, "addToolBarIcon", lambda a: self.toolbar.append(a), raising=False)
        monkeypatch.setattr(self.iface, "removeToolBarIcon", lambda a: self.toolbar.remove(a), raising=False)
        self.docks: list = []
        monkeypatch.setattr(self.iface, "addDockWidget", lambda area, dock: self.docks.append(dock), raising=False)
        monkeypatch.setattr(self.iface, "removeDockWidget", lambda dock: self.docks.remove(dock), raising=False)


def test_init_gui_and_unload_leave_nothing_behind(qgis_iface, qgis_processing, monkeypatch):
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("gridplugin")
    if existing is not None:  # registered by other tests: start from a clean registry
        registry.removeProvider(existing)
    recorder = MenuRecorder(qgis_iface)
    recorder.install(monkeypatch)
    try:
        plugin = grid_plugin.classFactory(qgis_iface)
        plugin.initGui()
        plugin.initProcessing()  # idempotent: no second provider
        assert registry.providerById("gridplugin") is plugin.provider
        assert [p.id() for p in registry.providers()].count("gridplugin") == 1
        # the dividegrids dialog and the panel's toggle, in the menu and on the toolbar
        assert len(recorder.menu) == 2 and len(recorder.toolbar) == 2
        assert recorder.docks == [plugin.dock] and plugin.dock.objectName() == "GridPluginDock"
        assert recorder.menu[1][1] is plugin.dock.toggleViewAction()

        dock = plugin.dock
        plugin.unload()
        assert recorder.docks == [] and plugin.dock is None
        assert sip.isdeleted(dock)  # gone now, so no signal reaches a half torn-down panel
        gc.collect()
        layer = QgsVectorLayer("Polygon?crs=EPSG:4490&field=name:string", "after unload", "memory")
        QgsProject.instance().addMapLayer(layer)  # crashed QGIS when the panel was left to deleteLater
        QgsProject.instance().removeMapLayer(layer.id())
        assert registry.providerById("gridplugin") is None
        assert recorder.menu == [] and recorder.toolbar == []
        assert plugin.actions == [] and plugin.translator is None
    finally:
        ensure_provider()


def test_processing_only_start_without_gui(qgis_processing):
    """Under qgis_process QGIS calls initProcessing with iface None."""
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("gridplugin")
    if existing is not None:
        registry.removeProvider(existing)
    try:
        plugin = grid_plugin.classFactory(None)
        plugin.initProcessing()
        assert registry.providerById("gridplugin") is not None
        plugin.unload()
        assert registry.providerById("gridplugin") is None
    finally:
        ensure_provider()


def test_missing_shapely_2_gives_an_explanation_not_a_traceback(qgis_iface, monkeypatch):
    from grid_plugin.toolbelt import dependencies

    monkeypatch.setattr(dependencies.metadata, "version", lambda name: "1.8.5" if name == "shapely" else "1.24.2")
    assert dependencies.missing_dependencies() == ["shapely >= 2.0 (found 1.8.5)"]
    messages = []

    class MessageBar:
        def pushCritical(self, title, text):
            messages.append(text)

    monkeypatch.setattr(qgis_iface, "messageBar", MessageBar, raising=False)
    plugin = grid_plugin.classFactory(qgis_iface)
    plugin.initGui()
    assert "shapely >= 2.0 (found 1.8.5)" in messages[0] and "pip install" in messages[0]
    plugin.unload()
