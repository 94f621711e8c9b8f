"""The `gridplugin` Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from grid_plugin.processing.algorithms.archive_cases import ArchiveCasesAlgorithm
from grid_plugin.processing.algorithms.case_heatmap import CaseHeatmapAlgorithm
from grid_plugin.processing.algorithms.case_hotspots import CaseHotspotsAlgorithm
from grid_plugin.processing.algorithms.code_components import CodeComponentsAlgorithm
from grid_plugin.processing.algorithms.convert_coordinates import ConvertCoordinatesAlgorithm
from grid_plugin.processing.algorithms.divide_grids import DivideGridsAlgorithm
from grid_plugin.processing.algorithms.emerging_hotspots import EmergingHotspotsAlgorithm
from grid_plugin.processing.algorithms.evaluate_cases import EvaluateCasesAlgorithm
from grid_plugin.processing.algorithms.export_grids import ExportGridsAlgorithm
from grid_plugin.processing.algorithms.geocode_addresses import GeocodeAddressesAlgorithm
from grid_plugin.processing.algorithms.import_addresses import ImportAddressesAlgorithm
from grid_plugin.processing.algorithms.import_cases import ImportCasesAlgorithm
from grid_plugin.processing.algorithms.responsibility_maps import ResponsibilityMapsAlgorithm
from grid_plugin.processing.algorithms.reverse_geocode import ReverseGeocodeAlgorithm
from grid_plugin.processing.algorithms.validate_components import ValidateComponentsAlgorithm
from grid_plugin.processing.algorithms.validate_grids import ValidateGridsAlgorithm
from grid_plugin.toolbelt.i18n import tr
from grid_plugin.toolbelt.paths import plugin_version, resource

ALGORITHMS = (DivideGridsAlgorithm, ValidateGridsAlgorithm, CodeComponentsAlgorithm, ValidateComponentsAlgorithm,
              ImportCasesAlgorithm, CaseHeatmapAlgorithm, CaseHotspotsAlgorithm, ExportGridsAlgorithm,
              ResponsibilityMapsAlgorithm, ImportAddressesAlgorithm, GeocodeAddressesAlgorithm,
              ReverseGeocodeAlgorithm, EmergingHotspotsAlgorithm, ConvertCoordinatesAlgorithm, EvaluateCasesAlgorithm,
              ArchiveCasesAlgorithm)


class GridPluginProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "gridplugin"

    def name(self) -> str:
        return tr("Grid city management")

    def longName(self) -> str:
        return tr("Grid city management (网格化城市管理) {}").format(plugin_version())

    def icon(self) -> QIcon:
        return QIcon(str(resource("icons", "grid_plugin.svg")))

    def loadAlgorithms(self) -> None:
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
