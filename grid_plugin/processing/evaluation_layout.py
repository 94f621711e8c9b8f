"""The evaluation's (gridplugin:evaluatecases) grade style and its PDF, made through a QGIS print layout.

The PDF: page 1 holds the title, the run's settings, the notes on the data and the totals of the period
and the one before, with a map of the units coloured by grade for the area levels; the ranking follows
on as many pages as it needs (a manual table repeated until finished). A layout is a Qt graphics scene,
so the PDF is made on the main thread (the algorithm's postProcessAlgorithm), in a project of its own:
the user's project is never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProject,
    QgsRendererCategory,
    QgsTableCell,
    QgsTextFormat,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from grid_plugin.core.cases.evaluation import INDICATORS
from grid_plugin.core.cases.evaluation_grades import GRADE_BANDS, Evaluation
from grid_plugin.core.cases.evaluation_report import GRADE_COLOURS, number_text, rounded, unit_name
from grid_plugin.core.errors import Message, message

FONT = "Noto Sans CJK SC"
_WIDTH, _HEIGHT, _MARGIN = 297.0, 210.0, 10.0  # A4 landscape, mm
_RANKED_RATES = ("close_rate", "intime_close_rate", "intime_dispose_rate", "rework_rate", "postpone_rate",
                 "mean_hours")


def grade_labels(translate: Callable[[str], str]) -> dict[str | None, str]:
    bands = {letter: f"{letter} (≥ {floor:g})" for letter, floor in GRADE_BANDS[:-1]}
    bands[GRADE_BANDS[-1][0]] = f"{GRADE_BANDS[-1][0]} (< {GRADE_BANDS[-2][1]:g})"
    bands[None] = message("Not graded").render(translate)
    return bands


def style_grades(layer: QgsVectorLayer, translate: Callable[[str], str], field: str = "grade") -> None:
    """Categories A–E in GRADE_COLOURS; units without a grade grey (the "all other values" category)."""
    labels = grade_labels(translate)
    categories = []
    for letter in (*(letter for letter, _ in GRADE_BANDS), None):
        symbol = QgsFillSymbol.createSimple({"color": GRADE_COLOURS[letter], "outline_color": "#6f6f6f",
                                             "outline_width": "0.15"})
        categories.append(QgsRendererCategory(letter if letter else "", symbol, labels[letter]))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))


def _label(layout: QgsPrintLayout, text: str, size: float, box: tuple[float, float, float, float],
           bold: bool = False, page: int = 0) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setFont(QFont(FONT, int(size), QFont.Weight.Bold if bold else QFont.Weight.Normal))
    label.setHAlign(Qt.AlignmentFlag.AlignLeft)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    layout.addLayoutItem(label)
    label.attemptResize(QgsLayoutSize(box[2], box[3]))
    label.attemptMove(QgsLayoutPoint(box[0], box[1]), page=page)
    return label


def _text_format(size: float, bold: bool = False) -> QgsTextFormat:
    text_format = QgsTextFormat()
    text_format.setFont(QFont(FONT, int(size), QFont.Weight.Bold if bold else QFont.Weight.Normal))
    text_format.setSize(size)
    return text_format


def _table(layout: QgsPrintLayout, headers: Sequence[str], rows: Sequence[Sequence[QgsTableCell]],
           box: tuple[float, float, float, float], page: int, repeat: bool) -> QgsLayoutItemManualTable:
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table.setHeaders([QgsLayoutTableColumn(text) for text in headers])
    table.setIncludeTableHeader(True)
    table.setContentTextFormat(_text_format(7))
    table.setHeaderTextFormat(_text_format(7, bold=True))
    table.setTableContents([list(row) for row in rows])
    frame = QgsLayoutFrame(layout, table)
    frame.attemptResize(QgsLayoutSize(box[2], box[3]))
    frame.attemptMove(QgsLayoutPoint(box[0], box[1]), page=page)
    table.addFrame(frame)
    if repeat:
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
    return table


def _cell(text: str, colour: str | None = None) -> QgsTableCell:
    cell = QgsTableCell(text)
    if colour:
        cell.setBackgroundColor(QColor(colour))
    return cell


def _areas_layer(evaluation: Evaluation, polygons: dict[str, object], crs: QgsCoordinateReferenceSystem,
                 translate: Callable[[str], str]) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}&field=code:string&field=grade:string",
                           message("Grade").render(translate), "memory")
    features = []
    for unit in evaluation.units:
        polygon = polygons.get(unit.key)
        if polygon is None:
            continue
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry()
        geometry.fromWkb(polygon.wkb)
        feature.setGeometry(geometry)
        feature.setAttributes([unit.key, unit.grade])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    style_grades(layer, translate)
    return layer


def write_evaluation_pdf(path: str, title: str, evaluation: Evaluation, settings: Sequence[tuple[Message, str]],
                         polygons: dict[str, object] | None, crs: QgsCoordinateReferenceSystem,
                         translate: Callable[[str], str]) -> None:
    """The PDF report (see the module docstring); raises RuntimeError with QGIS's reason when it cannot
    be written. `polygons`: unit key -> shapely polygon for the map (None: no map)."""
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(title)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(_WIDTH, _HEIGHT))
    _label(layout, title, 14, (_MARGIN, 7, _WIDTH - 2 * _MARGIN, 10), bold=True)
    lines = [f"{message('Period').render(translate)}: {evaluation.period.label}",
             f"{message('Previous period').render(translate)}: {evaluation.previous_period.label}",
             *(f"{label.render(translate)}: {value}" for label, value in settings)]
    _label(layout, "\n".join(lines), 8, (_MARGIN, 19, 135, 40))
    notes = [note.render(translate) for note in evaluation.notes]
    _label(layout, "\n".join(notes) or message("The data lack nothing the indicators need.").render(translate), 7,
           (_MARGIN, 61, 135, 48))
    total = evaluation.total
    rows = [[_cell(f"{item.zh} {item.name.render(translate)}"),
             _cell(number_text(rounded(total.current[item.id]), item.kind)),
             _cell(number_text(rounded(total.previous[item.id]), item.kind)),
             _cell(number_text(rounded(total.change(item.id)), "count" if item.kind == "count" else "rate"))]
            for item in INDICATORS if item.id != "median_hours"]
    heads = (message("Indicator"), message("Period"), message("Previous period"), message("Change"))
    box = (_MARGIN, 111, 135, 90) if polygons else (152, 19, _WIDTH - 152 - _MARGIN, 120)  # beside, without a map
    _table(layout, [head.render(translate) for head in heads], rows, box, page=0, repeat=False)
    if polygons:
        layer = _areas_layer(evaluation, polygons, crs, translate)
        project.addMapLayer(layer)
        map_item = QgsLayoutItemMap(layout)
        map_item.attemptMove(QgsLayoutPoint(152, 19))
        map_item.attemptResize(QgsLayoutSize(_WIDTH - 152 - _MARGIN, 150))
        map_item.setCrs(crs)
        map_item.setLayers([layer])
        extent = layer.extent()
        extent.scale(1.05)
        map_item.setExtent(extent)
        map_item.setFrameEnabled(True)
        layout.addLayoutItem(map_item)
        legend = QgsLayoutItemLegend(layout)
        legend.setTitle("")  # the layer's name, "Grade", heads the classes
        legend.setLinkedMap(map_item)
        legend.setColumnCount(3)
        legend.setSplitLayer(True)  # the classes of the one layer in three columns
        layout.addLayoutItem(legend)
        legend.attemptMove(QgsLayoutPoint(152, 172))
    ranked = evaluation.ranked()
    if ranked:
        page = QgsLayoutItemPage(layout)
        page.setPageSize(QgsLayoutSize(_WIDTH, _HEIGHT))
        layout.pageCollection().addPage(page)
        _label(layout, message("Ranking and grades").render(translate), 12, (_MARGIN, 7, 200, 9), bold=True,
               page=1)
        heads = (message("Rank"), message("Code"), message("Name"), message("Grade"), message("Composite"),
                 message("Due cases"))
        headers = [*(head.render(translate) for head in heads),
                   *(item.zh for item in INDICATORS if item.id in _RANKED_RATES),
                   message("Previous rank").render(translate)]
        rows = [[_cell(str(unit.rank)), _cell(unit.key), _cell(unit_name(evaluation, unit, translate)),
                 _cell(unit.grade or "", GRADE_COLOURS[unit.grade]), _cell(number_text(rounded(unit.composite))),
                 _cell(number_text(unit.current["due"], "count")),
                 *(_cell(number_text(rounded(unit.current[item.id]), item.kind)) for item in INDICATORS
                   if item.id in _RANKED_RATES),
                 _cell("—" if unit.previous_rank is None else str(unit.previous_rank))] for unit in ranked]
        _table(layout, headers, rows, (_MARGIN, 18, _WIDTH - 2 * _MARGIN, _HEIGHT - 18 - _MARGIN), page=1,
               repeat=True)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    settings_pdf = QgsLayoutExporter.PdfExportSettings()
    settings_pdf.rasterizeWholeImage = False
    result = QgsLayoutExporter(layout).exportToPdf(path, settings_pdf)
    if result != QgsLayoutExporter.ExportResult.Success:
        Path(path).unlink(missing_ok=True)
        raise RuntimeError(f"QgsLayoutExporter: {result}")
