"""Styles of the case layers, built in code because they depend on the data (class breaks,
value ranges) or on parameters (heatmap radius): points, the live heatmap, per-grid counts,
the density raster, the Gi* hot spots and the emerging hot spot categories. Applied to outputs
through processing.outputs.style_output_with."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsClassificationJenks,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsHeatmapRenderer,
    QgsMarkerSymbol,
    QgsRasterBandStats,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

HEAT_COLOURS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
HOTSPOT_COLOURS = {3: "#d7191c", 2: "#ed6e50", 1: "#f7b89c", 0: "#f0f0f0", -1: "#a6c6e0", -2: "#5c9ccc",
                   -3: "#2c7bb6"}
# Emerging hot spot categories (core.cases.emerging), after ArcGIS Pro's palette: reds for the hot kinds from
# new (darkest) to historical (palest), the same blues for the cold ones; no pattern is left unfilled.
EMERGING_COLOURS = {1: "#7f0000", 2: "#b30000", 3: "#e31a1c", 4: "#fc4e2a", 5: "#fd8d3c", 6: "#feb24c",
                    7: "#fed976", 8: "#fbd3d3", 0: None, -1: "#08306b", -2: "#08519c", -3: "#2171b5",
                    -4: "#4292c6", -5: "#6baed6", -6: "#9ecae1", -7: "#c6dbef", -8: "#deebf7"}


def heat_ramp(transparent_low: bool = False) -> QgsGradientColorRamp:
    first = QColor(HEAT_COLOURS[0])
    if transparent_low:
        first.setAlpha(0)
    ramp = QgsGradientColorRamp(first, QColor(HEAT_COLOURS[-1]))
    ramp.setStops([QgsGradientStop(i / (len(HEAT_COLOURS) - 1), QColor(c)) for i, c in enumerate(HEAT_COLOURS)][1:-1])
    return ramp


def enable_time(layer: QgsVectorLayer, field: str = "reported_at") -> None:
    """Temporal properties on the report time, so QGIS's temporal controller animates the cases."""
    properties = layer.temporalProperties()
    properties.setMode(Qgis.VectorTemporalMode.FeatureDateTimeInstantFromField)
    properties.setStartField(field)
    properties.setIsActive(True)


def enable_time_span(layer: QgsVectorLayer, start: str, end: str) -> None:
    """Temporal properties from a start and an (exclusive) end field: each feature shows for its
    whole span, whatever the temporal controller's step."""
    properties = layer.temporalProperties()
    properties.setMode(Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromFields)
    properties.setStartField(start)
    properties.setEndField(end)
    properties.setIsActive(True)


def style_case_points(layer: QgsVectorLayer) -> None:
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#e31a1c", "size": "1.6",
                                           "outline_color": "#ffffff", "outline_width": "0.2"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    enable_time(layer)


def style_live_heatmap(layer: QgsVectorLayer, radius_m: float) -> None:
    """QGIS's own heatmap renderer, radius in map units (metres of the project's projected CRS)."""
    renderer = QgsHeatmapRenderer()
    renderer.setRadius(radius_m)
    renderer.setRadiusUnit(QgsUnitTypes.RenderUnit.RenderMapUnits)
    renderer.setColorRamp(heat_ramp(transparent_low=True))
    renderer.setRenderQuality(3)
    layer.setRenderer(renderer)
    enable_time(layer)


def style_grid_counts(layer: QgsVectorLayer, field: str, classes: int = 6) -> None:
    """Graduated fill by natural breaks; grids without cases stay visible in the lightest colour."""
    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setClassificationMethod(QgsClassificationJenks())
    renderer.setSourceSymbol(QgsFillSymbol.createSimple({"color": HEAT_COLOURS[0], "outline_color": "#7f7f7f",
                                                         "outline_width": "0.1"}))
    renderer.setSourceColorRamp(heat_ramp())
    renderer.updateClasses(layer, classes)
    layer.setRenderer(renderer)


def style_density_raster(layer: QgsRasterLayer) -> None:
    """Heat ramp from 0 (transparent) to the raster's maximum."""
    stats = layer.dataProvider().bandStatistics(1, QgsRasterBandStats.Stats.Max)
    maximum = stats.maximumValue if stats.maximumValue > 0 else 1.0
    ramp_shader = QgsColorRampShader(0.0, maximum)
    ramp_shader.setColorRampType(QgsColorRampShader.Type.Interpolated)
    items = []
    for i, colour in enumerate(HEAT_COLOURS):
        qcolour = QColor(colour)
        if i == 0:
            qcolour.setAlpha(0)
        items.append(QgsColorRampShader.ColorRampItem(maximum * i / (len(HEAT_COLOURS) - 1), qcolour,
                                                      f"{maximum * i / (len(HEAT_COLOURS) - 1):.3g}"))
    ramp_shader.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp_shader)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(maximum)
    layer.setRenderer(renderer)
    layer.renderer().setOpacity(0.8)


def style_hotspots(layer: QgsVectorLayer, field: str, labels: dict[int, str]) -> None:
    categories = []
    for value in sorted(HOTSPOT_COLOURS, reverse=True):
        symbol = QgsFillSymbol.createSimple({"color": HOTSPOT_COLOURS[value], "outline_color": "#7f7f7f",
                                             "outline_width": "0.1"})
        categories.append(QgsRendererCategory(value, symbol, labels[value]))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))


def style_emerging(layer: QgsVectorLayer, field: str, labels: dict[int, str]) -> None:
    """Categories of the emerging hot spot analysis (EMERGING_COLOURS): hot kinds, cold kinds, no pattern."""
    categories = []
    for value in sorted(EMERGING_COLOURS, key=lambda v: (v == 0, v < 0, abs(v))):
        colour = EMERGING_COLOURS[value]
        symbol = QgsFillSymbol.createSimple({"color": colour or "#00000000", "style": "solid" if colour else "no",
                                             "outline_color": "#7f7f7f", "outline_width": "0.1"})
        categories.append(QgsRendererCategory(value, symbol, labels[value]))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
