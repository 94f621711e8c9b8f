"""GridPlugin: registers the Processing provider and the menu; wiring only."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon

from grid_plugin.gui.qt_compat import QAction
from grid_plugin.processing.provider import GridPluginProvider
from grid_plugin.toolbelt.i18n import install_translator, remove_translator, tr
from grid_plugin.toolbelt.paths import resource


class GridPlugin:
    def __init__(self, iface):
        # iface is None under qgis_process; only the provider is used there.
        self.iface = iface
        self.translator = install_translator()
        self.provider: GridPluginProvider | None = None
        self.actions: list[QAction] = []
        self.dock = None

    @property
    def menu_title(self) -> str:
        return tr("&Grid city management")

    def initProcessing(self) -> None:
        if self.provider is None:
            self.provider = GridPluginProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:
        self.initProcessing()
        icon = QIcon(str(resource("icons", "grid_plugin.svg")))
        action = QAction(icon, tr("Divide communities into unit grids…"), self.iface.mainWindow())
        action.triggered.connect(lambda: self.open_algorithm("gridplugin:dividegrids"))
        self.iface.addPluginToMenu(self.menu_title, action)
        self.iface.addToolBarIcon(action)
        self.actions.append(action)

        from grid_plugin.gui.dock import GridDockWidget  # widgets only in the desktop, never under qgis_process

        self.dock = GridDockWidget(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        dock_action = self.dock.toggleViewAction()
        dock_action.setIcon(icon)
        dock_action.setText(tr("Grid city management panel"))
        self.iface.addPluginToMenu(self.menu_title, dock_action)
        self.iface.addToolBarIcon(dock_action)
        self.dock_action = dock_action

    @staticmethod
    def open_algorithm(algorithm_id: str) -> None:
        import processing  # QGIS's Processing plugin: only present in the desktop

        processing.execAlgorithmDialog(algorithm_id, {})

    def unload(self) -> None:
        if self.dock is not None:
            self.dock.runner.cancel()
            self.dock.toggle_spot_tool(False)
            self.iface.removePluginMenu(self.menu_title, self.dock_action)
            self.iface.removeToolBarIcon(self.dock_action)
            self.iface.removeDockWidget(self.dock)
            # deleted now, not with deleteLater: deleteLater hands the widget to Python, and a garbage
            # collection before Qt's event loop deletes it would leave its signal connections to a
            # half-torn-down Python object (a crash on the next layer added to the project)
            sip.delete(self.dock)
            self.dock = None
        for action in self.actions:
            self.iface.removePluginMenu(self.menu_title, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
