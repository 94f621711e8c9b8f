"""GridPlugin: registers the Processing provider and the menu; wiring only."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

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

    @staticmethod
    def open_algorithm(algorithm_id: str) -> None:
        import processing  # QGIS's Processing plugin: only present in the desktop

        processing.execAlgorithmDialog(algorithm_id, {})

    def unload(self) -> None:
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
