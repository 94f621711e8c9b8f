"""gridplugin:responsibilitymaps: one responsibility map (责任图) per community, an atlas of a QGIS
print layout written to one PDF, with PNG previews: the community's unit grids labelled with their
codes, roads, legend, scale bar, north arrow, and a title with the community's name and code and the
date."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProject,
    QgsScaleBarSettings,
    QgsSymbolLayerUtils,
    QgsUnitTypes,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from grid_plugin.processing.base import GridAlgorithm
from grid_plugin.toolbelt.paths import resource

PAGE_SIZES = ("A4", "A3")
NORTH_ARROW = "arrows/NorthArrow_02.svg"
PREVIEW_DPI = 60


class ResponsibilityMapsAlgorithm(GridAlgorithm):
    GRIDS = "GRIDS"
    COMMUNITIES = "COMMUNITIES"
    CODE_FIELD = "CODE_FIELD"
    NAME_FIELD = "NAME_FIELD"
    ROADS = "ROADS"
    TITLE = "TITLE"
    PAGE_SIZE = "PAGE_SIZE"
    OUTPUT = "OUTPUT"
    PREVIEWS = "PREVIEWS"
    PAGE_COUNT = "PAGE_COUNT"

    def name(self) -> str:
        return "responsibilitymaps"

    def displayName(self) -> str:
        return self.tr("Responsibility maps (atlas)")

    def groupId(self) -> str:
        return "export"

    def flags(self):
        # a print layout is a Qt graphics scene: QGIS renders layouts on the main thread
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def shortHelpString(self) -> str:
        return self.tr(
            "One page per community in one PDF (a QGIS print layout atlas over the communities), plus a PNG "
            "preview of each page: the community's unit grids labelled with their codes and its roads (the map "
            "is clipped to the community), a legend, a scale bar, a north arrow, and a title with the "
            "community's name and code and today's date.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.GRIDS, self.tr("Unit grids"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.COMMUNITIES, self.tr("Communities (one page each)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr("Community code field"), defaultValue="community_code",
            parentLayerParameterName=self.COMMUNITIES))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Community name field"), defaultValue="community_name",
            parentLayerParameterName=self.COMMUNITIES))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr("Roads (optional)"), [QgsProcessing.SourceType.TypeVectorLine], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Title"), defaultValue=self.tr("Unit-grid responsibility map")))
        self.addParameter(QgsProcessingParameterEnum(
            self.PAGE_SIZE, self.tr("Page size (landscape)"), list(PAGE_SIZES), defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Responsibility maps (PDF)"), self.tr("PDF files (*.pdf)")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.PREVIEWS, self.tr("PNG previews (one per page)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, self.tr("Pages")))

    def process(self, parameters, context, feedback):
        project = QgsProject()  # the layout's own project: the user's project is never touched
        layers = {}
        for key, style in ((self.COMMUNITIES, "communities.qml"), (self.ROADS, "roads.qml"),
                           (self.GRIDS, "unit_grids.qml")):
            source = self.parameterAsSource(parameters, key, context)
            if source is None:
                if key == self.ROADS:
                    continue
                raise QgsProcessingException(self.invalidSourceError(parameters, key))
            layer = source.materialize(QgsFeatureRequest(), feedback)
            layer.setName({self.COMMUNITIES: self.tr("Community"), self.ROADS: self.tr("Roads"),
                           self.GRIDS: self.tr("Unit grids")}[key])
            layer.loadNamedStyle(str(resource("styles", style)))
            project.addMapLayer(layer)
            layers[key] = layer
        communities, grids = layers[self.COMMUNITIES], layers[self.GRIDS]
        if communities.featureCount() == 0:
            raise QgsProcessingException(self.tr("The community layer has no features: there is no page to make."))
        _labels_at_every_scale(grids)
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        title = self.parameterAsString(parameters, self.TITLE, context)
        page_size = PAGE_SIZES[self.parameterAsEnum(parameters, self.PAGE_SIZE, context)]
        layout = self.build_layout(project, layers, code_field, name_field, title, page_size)
        atlas = layout.atlas()
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled."))
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        Path(pdf).parent.mkdir(parents=True, exist_ok=True)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = True
        result, error = QgsLayoutExporter.exportToPdf(atlas, pdf, settings)
        if result != QgsLayoutExporter.ExportResult.Success:
            Path(pdf).unlink(missing_ok=True)
            raise QgsProcessingException(self.tr("The PDF could not be written: {}").format(error))
        feedback.setProgress(70)
        pages = atlas.count()
        results = {self.OUTPUT: pdf, self.PAGE_COUNT: pages}
        previews = self.parameterAsString(parameters, self.PREVIEWS, context)
        if previews:
            Path(previews).mkdir(parents=True, exist_ok=True)
            image = QgsLayoutExporter.ImageExportSettings()
            image.dpi = PREVIEW_DPI
            result, error = QgsLayoutExporter.exportToImage(atlas, str(Path(previews) / "page"), "png", image)
            if result != QgsLayoutExporter.ExportResult.Success:
                raise QgsProcessingException(self.tr("The PNG previews could not be written: {}").format(error))
            results[self.PREVIEWS] = previews
        feedback.pushInfo(self.tr("{} pages written to {}.").format(pages, pdf))
        return results

    def build_layout(self, project: QgsProject, layers: dict, code_field: str, name_field: str, title: str,
                     page_size: str) -> QgsPrintLayout:
        communities, grids = layers[self.COMMUNITIES], layers[self.GRIDS]
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()
        layout.setName(title)
        page = layout.pageCollection().page(0)
        page.setPageSize(page_size, QgsLayoutItemPage.Orientation.Landscape)
        width, height = page.pageSize().width(), page.pageSize().height()
        margin = 10.0
        legend_width = 62.0

        heading = QgsLayoutItemLabel(layout)
        heading.setText(f'{title}: [% "{name_field}" %]（[% "{code_field}" %]）')
        heading.setFont(QFont("Noto Sans CJK SC", 16, QFont.Weight.Bold))
        heading.attemptMove(QgsLayoutPoint(margin, margin - 2))
        heading.attemptResize(QgsLayoutSize(width - 2 * margin, 12))
        layout.addLayoutItem(heading)

        map_item = QgsLayoutItemMap(layout)
        map_item.attemptMove(QgsLayoutPoint(margin, margin + 12))
        map_item.attemptResize(QgsLayoutSize(width - 3 * margin - legend_width, height - 2 * margin - 12))
        map_item.setCrs(grids.crs())
        map_item.setLayers([layer for layer in (grids, layers.get(self.ROADS), communities) if layer is not None])
        map_item.setExtent(communities.extent())
        map_item.setAtlasDriven(True)
        map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
        map_item.setAtlasMargin(0.08)
        map_item.setFrameEnabled(True)
        clipping = map_item.atlasClippingSettings()  # only the community's own grids and roads
        clipping.setEnabled(True)
        clipping.setRestrictToLayers(True)
        clipping.setLayersToClip([layer for layer in (grids, layers.get(self.ROADS)) if layer is not None])
        layout.addLayoutItem(map_item)

        side = width - margin - legend_width
        legend = QgsLayoutItemLegend(layout)
        legend.setTitle(self.tr("Legend"))
        legend.setLinkedMap(map_item)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.clear()
        for layer in (grids, layers.get(self.ROADS), communities):
            if layer is not None:
                root.addLayer(layer)
        legend.setStyleFont(QgsLegendStyle.Style.Title, QFont("Noto Sans CJK SC", 11, QFont.Weight.Bold))
        legend.setStyleFont(QgsLegendStyle.Style.Subgroup, QFont("Noto Sans CJK SC", 9, QFont.Weight.Bold))
        legend.setStyleFont(QgsLegendStyle.Style.SymbolLabel, QFont("Noto Sans CJK SC", 7))
        legend.attemptMove(QgsLayoutPoint(side, margin + 40))
        layout.addLayoutItem(legend)

        arrow = QgsLayoutItemPicture(layout)
        arrow.setPicturePath(QgsSymbolLayerUtils.svgSymbolNameToPath(NORTH_ARROW, project.pathResolver()))
        arrow.attemptMove(QgsLayoutPoint(side + legend_width / 2 - 10, margin + 14))
        arrow.attemptResize(QgsLayoutSize(20, 22))
        arrow.setLinkedMap(map_item)
        layout.addLayoutItem(arrow)

        scale_bar = QgsLayoutItemScaleBar(layout)
        scale_bar.setStyle("Single Box")
        scale_bar.setLinkedMap(map_item)
        scale_bar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
        scale_bar.setNumberOfSegments(2)
        scale_bar.setNumberOfSegmentsLeft(0)
        scale_bar.setUnitsPerSegment(50)
        # fit segment width: keeps the bar a sensible length at any scale (an enum of Qgis from QGIS 3.30 on)
        scale_bar.setSegmentSizeMode(getattr(getattr(Qgis, "ScaleBarSegmentSizeMode", None), "FitWidth", None)
                                     or QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
        scale_bar.setMinimumBarWidth(25)
        scale_bar.setMaximumBarWidth(legend_width - 5)
        scale_bar.setUnitLabel("m")
        scale_bar.attemptMove(QgsLayoutPoint(side, height - margin - 30))
        layout.addLayoutItem(scale_bar)

        date = QgsLayoutItemLabel(layout)
        date.setText(self.tr("Date") + ": [% format_date(now(), 'yyyy-MM-dd') %]")
        date.setFont(QFont("Noto Sans CJK SC", 9))
        date.setFontColor(QColor("#333333"))
        date.attemptMove(QgsLayoutPoint(side, height - margin - 10))
        date.attemptResize(QgsLayoutSize(legend_width, 8))
        layout.addLayoutItem(date)

        atlas = layout.atlas()
        atlas.setCoverageLayer(communities)
        atlas.setPageNameExpression(f'"{code_field}"')
        atlas.setSortFeatures(True)
        atlas.setSortExpression(f'"{code_field}"')
        atlas.setFilenameExpression(f"'page_' || lpad(@atlas_featurenumber, 3, '0') || '_' || \"{code_field}\"")
        atlas.setEnabled(True)
        return layout


def _labels_at_every_scale(layer) -> None:
    """Grid codes are the point of a responsibility map: label them whatever the page's scale."""
    labeling = layer.labeling()
    if isinstance(labeling, QgsVectorLayerSimpleLabeling):
        settings = labeling.settings()
        settings.scaleVisibility = False
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)
