"""Stands in for the plugin when a required Python package is missing: says what to install."""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog

from grid_plugin.toolbelt.dependencies import INSTALL_HINT
from grid_plugin.toolbelt.i18n import install_translator, remove_translator, tr


class MissingDependencyPlugin:
    def __init__(self, iface, problems: list[str]):
        self.iface = iface
        self.problems = problems
        self.translator = install_translator()

    def text(self) -> str:
        return tr("Grid city management needs {}. Install it into QGIS's Python, e.g.: {}").format(
            ", ".join(self.problems), INSTALL_HINT)

    def initProcessing(self) -> None:
        QgsMessageLog.logMessage(self.text(), "Grid city management", Qgis.MessageLevel.Critical)

    def initGui(self) -> None:
        self.initProcessing()
        self.iface.messageBar().pushCritical("Grid city management", self.text())

    def unload(self) -> None:
        remove_translator(self.translator)
