"""The main job: `python resources/sample/demo.py --out out` (what `make demo` runs).

A script beside the sample it runs on, outside the plugin package (and its zip).

Runs the plugin's algorithms headless on the bundled fictional sample district and writes
  out/demo.gpkg        communities, roads, parcels, unit_grids (following the roads and the parcels, each managed
                       compound, school and institution up to OPEN_LAND_MAX one grid) and coded components
                       (CGCS2000 GK CM 117E),
                       the case heat per grid (case_heat), the Gi* hot spots (case_hotspots), the
                       emerging hot spots per grid (emerging_hotspots), and the evaluation of case
                       handling per community (evaluation_communities, its map and ranking) and per
                       department (evaluation_departments, its ranking)
  out/demo_map.png     a map of the unit grids over communities, parcels and roads
  out/cases.gpkg       the case store (GeoPackage): unit grids and the sample's 5,355 importable cases
                       with their handling (the rows importcases rejects in case_rejects.csv)
  out/case_density.tif the kernel-density heatmap of the cases
  out/case_report.html the monthly top-10 grids and classes (also .csv)
  out/demo_heat.png    a map of the heat
  out/demo_emerging.png a map of the emerging hot spots (weekly): the sample's planted parcel station
  out/evaluation_communities.html  the evaluation (综合评价) of the fourth quarter of 2025 against the
                       third, per community (also .pdf), and per department (evaluation_departments.html)
Everything is built in a temporary folder and moved into place at the end, so an interrupted
run never leaves half-written results.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
sys.path.append("/usr/share/qgis/python/plugins")  # QGIS's Processing framework
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository: grid_plugin

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen

from grid_plugin.toolbelt.paths import resource

SAMPLE = resource("sample", "sample_district.gpkg")
OUTPUTS = ("demo.gpkg", "demo_map.png", "cases.gpkg", "case_rejects.csv", "case_density.tif", "case_report.csv",
           "case_report.html", "demo_heat.png", "demo_emerging.png", "evaluation_communities.html",
           "evaluation_communities.pdf", "evaluation_departments.html")
WORKING_CRS = "EPSG:4548"
# dividegrids' shares of the interior grid boundaries, as the demo prints them
SHARES = {"BOUNDARY_ON_ROADS": "on roads", "BOUNDARY_ON_FEATURES": "on parcel edges", "BOUNDARY_STRAIGHT": "straight"}
PERIOD = ("2025-10-01", "2026-01-01")  # the evaluation's quarter, compared with the one before


class PrintFeedback(QgsProcessingFeedback):
    def pushInfo(self, info):
        print(f"  {info}")

    def reportError(self, error, fatalError=False):
        print(f"  ! {error}")

    def pushWarning(self, warning):
        print(f"  warning: {warning}")


def start_qgis() -> QgsApplication:
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


def copy_layer(uri: str | QgsVectorLayer, gpkg: Path, name: str,
               crs: QgsCoordinateReferenceSystem | None = None) -> QgsVectorLayer:
    """Copy a layer (a source or a result's memory layer) into the demo GeoPackage, in `crs` when given.
    Tables without geometry take this way: QGIS's sink into a GeoPackage table logs a GDAL error for them."""
    source = uri if isinstance(uri, QgsVectorLayer) else QgsVectorLayer(uri, name, "ogr")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    if crs is not None:
        options.ct = QgsCoordinateTransform(source.crs(), crs, QgsCoordinateTransformContext())
    options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer if gpkg.exists()
                                    else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        source, str(gpkg), QgsCoordinateTransformContext(), options)
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise RuntimeError(f"copying {name}: {message}")
    return QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")


def styled(layer: QgsVectorLayer, qml: str) -> QgsVectorLayer:
    layer.loadNamedStyle(str(resource("styles", qml)))
    return layer


def render_map(layers: list[QgsVectorLayer], extent: QgsRectangle, path: Path, title: str, width: int = 1800,
               legend: list[tuple[str, str]] = ()) -> None:
    """Render the layers (first on top) with a title, a scale bar and a legend ((colour, text) rows) to a PNG."""
    extent = QgsRectangle(extent)
    extent.scale(1.04)
    height = int(width * extent.height() / extent.width()) + 90
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[0].crs())
    settings.setOutputSize(QSize(width, height - 90))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    settings.setFlag(QgsMapSettings.Flag.Antialiasing, True)
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(0, 90)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.translate(0, -90)
    painter.setPen(QColor(30, 30, 30))
    painter.setFont(QFont("WenQuanYi Micro Hei", 22))
    painter.drawText(QRectF(24, 10, width - 48, 44), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(QFont("WenQuanYi Micro Hei", 12))
    painter.drawText(QRectF(24, 52, width - 48, 30), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     "虚构示例数据 Fictional sample data · CGCS2000 / 3-degree Gauss-Krüger CM 117E (EPSG:4548)")
    # scale bar of 1 km at the bottom left
    metres_per_pixel = settings.mapUnitsPerPixel()
    bar = 1000.0 / metres_per_pixel
    y = height - 30
    painter.setPen(QPen(QColor(20, 20, 20), 4))
    painter.drawLine(QPointF(30, y), QPointF(30 + bar, y))
    painter.setFont(QFont("WenQuanYi Micro Hei", 11))
    painter.drawText(QPointF(30, y - 10), "0")
    painter.drawText(QPointF(30 + bar - 30, y - 10), "1 km")
    draw_legend(painter, legend, width, height)
    painter.end()
    image.save(str(path))


def draw_legend(painter: QPainter, rows: list[tuple[str, str]], width: int, height: int) -> None:
    """Colour boxes and their texts in a white box at the bottom right."""
    if not rows:
        return
    painter.setFont(QFont("WenQuanYi Micro Hei", 12))
    line, box = 30, 18
    text_width = max(painter.fontMetrics().horizontalAdvance(text) for _, text in rows)
    frame = QRectF(width - text_width - 80, height - 30 - line * len(rows) - 20, text_width + 56, line * len(rows) + 20)
    painter.setPen(QPen(QColor(120, 120, 120), 1))
    painter.setBrush(QColor(255, 255, 255, 230))
    painter.drawRect(frame)
    for k, (colour, text) in enumerate(rows):
        top = frame.top() + 10 + k * line
        painter.setBrush(QColor(colour))
        painter.drawRect(QRectF(frame.left() + 12, top + (line - box) / 2, box, box))
        painter.setPen(QColor(30, 30, 30))
        painter.drawText(QRectF(frame.left() + 12 + box + 10, top, text_width + 10, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(QPen(QColor(120, 120, 120), 1))


def bilingual(labels: dict) -> dict:
    """Chinese and English of core message labels ('加强热点 Intensifying hot spot'); English alone when the
    Chinese translation is not built (make translations)."""
    from qgis.PyQt.QtCore import QTranslator

    from grid_plugin.toolbelt.i18n import CONTEXT

    translator = QTranslator()
    loaded = translator.load(str(resource("i18n", "grid_plugin_zh_CN.qm")))
    out = {}
    for key, label in labels.items():
        english = str(label)
        chinese = translator.translate(CONTEXT, label.template) if loaded else ""
        out[key] = f"{chinese} {english}" if chinese and chinese != english else english
    return out


def render_emerging(work: Path, grids: QgsVectorLayer, roads: QgsVectorLayer, emerging: dict) -> None:
    """The grids coloured by emerging hot spot category over the roads, with a legend of the categories found."""
    from grid_plugin.core.cases.emerging import EMERGING_CATEGORY_LABELS
    from grid_plugin.processing.case_styles import EMERGING_COLOURS, style_emerging

    spots = QgsVectorLayer(emerging["OUTPUT"], "emerging", "ogr")
    labels = bilingual(EMERGING_CATEGORY_LABELS)
    style_emerging(spots, "category", labels)
    found = {}
    for feature in spots.getFeatures():
        found[feature["category"]] = found.get(feature["category"], 0) + 1
    legend = [(EMERGING_COLOURS[c], f"{labels[c]} ({found[c]})")
              for c in sorted(found, key=lambda v: (v < 0, abs(v))) if c != 0]
    render_map([styled(roads, "roads.qml"), spots], grids.extent(), work / "demo_emerging.png",
               f"示例区（虚构）新兴热点 Emerging hot spots · {emerging['BIN_COUNT']} 周 weeks · "
               f"{emerging['HOT_COUNT']} 个热点网格 hot spot grids", legend=legend)


def render_heat(work: Path, grids: QgsVectorLayer, roads: QgsVectorLayer, heat: dict, hotspots: dict) -> None:
    """The density raster over the grids, with the grids outlined by hot-spot class."""
    from qgis.core import QgsRasterLayer

    from grid_plugin.core.cases.hotspots import HOTSPOT_CLASS_LABELS
    from grid_plugin.processing.case_styles import style_density_raster, style_hotspots

    density = QgsRasterLayer(str(work / "case_density.tif"), "density")
    style_density_raster(density)
    spots = QgsVectorLayer(hotspots["OUTPUT"], "hotspots", "ogr")
    style_hotspots(spots, "gi_bin", {k: str(v) for k, v in HOTSPOT_CLASS_LABELS.items()})
    spots.setOpacity(0.35)
    render_map([styled(roads, "roads.qml"), density, spots], grids.extent(), work / "demo_heat.png",
               f"示例区（虚构）案件热力 Case heat · {heat['CASE_COUNT']} 件 cases · 核密度 kernel density "
               "200 m · Gi* 热点 hot spots")


def division_parameters(output: str) -> dict[str, object]:
    """gridplugin:dividegrids as the demo runs it: follow the roads and the parcels' edges; the parcels marked
    `managed` (the walled compounds, schools and institutions) are one grid each up to OPEN_LAND_MAX (empty:
    4 × the target area); target 10,000 m², the minimum and maximum areas their defaults."""
    return {
        "INPUT": f"{SAMPLE}|layername=communities",
        "MODE": 1,  # follow features
        "LINES": [f"{SAMPLE}|layername=roads"],
        "ROAD_CLASS_FIELD": "road_class",
        "POLYGONS": [f"{SAMPLE}|layername=parcels"],
        "MANAGED_UNIT": '"managed"',
        "COMMUNITY_CODE_FIELD": "community_code",
        "STREET_NAME_FIELD": "street_name",
        "COMMUNITY_NAME_FIELD": "community_name",
        "TARGET_AREA": 10_000.0,
        "OUTPUT": output,
    }


def parcel_style(parcels: QgsVectorLayer) -> QgsVectorLayer:
    """The parcels drawn under the grids: a pale fill, the managed units a little darker, grey edges."""
    from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer

    root = QgsRuleBasedRenderer.Rule(None)
    for expression, colour in (('"managed" = 1', "#f3dfc1"), ('"managed" <> 1', "#e3efd8")):
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#9a9a9a", "outline_width": "0.2"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, filterExp=expression))
    parcels.setRenderer(QgsRuleBasedRenderer(root))
    return parcels


def run(out_dir: Path) -> dict[str, object]:
    import processing

    from grid_plugin.processing.provider import GridPluginProvider

    provider = GridPluginProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    crs = QgsCoordinateReferenceSystem(WORKING_CRS)
    work = Path(tempfile.mkdtemp(prefix=".demo-", dir=out_dir))
    try:
        gpkg = work / "demo.gpkg"
        print("1/10 copying the sample district (fictional) into demo.gpkg")
        communities = copy_layer(f"{SAMPLE}|layername=communities", gpkg, "communities", crs)
        roads = copy_layer(f"{SAMPLE}|layername=roads", gpkg, "roads", crs)
        parcels = copy_layer(f"{SAMPLE}|layername=parcels", gpkg, "parcels", crs)

        print("2/10 gridplugin:dividegrids (follow roads and parcels, managed units whole, target 10,000 m²)")
        result = processing.run("gridplugin:dividegrids", division_parameters(
            f"ogr:dbname='{gpkg}' table=\"unit_grids\" (geom)"), feedback=PrintFeedback())
        grids = QgsVectorLayer(f"{gpkg}|layername=unit_grids", "unit_grids", "ogr")

        print("3/10 gridplugin:codecomponents (GB/T 47678.5 IDs, unit grid codes, BeiDou codes)")
        coded = processing.run("gridplugin:codecomponents", {
            "INPUT": f"{SAMPLE}|layername=components",
            "CLASS_FIELD": "class_code",
            "GRIDS": f"{gpkg}|layername=unit_grids",
            "GRID_CODE_FIELD": "grid_code",
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"components\" (geom)",
            "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin",  # and keep them in the case store
        }, feedback=PrintFeedback())

        print("4/10 gridplugin:importaddresses (the sample's standard addresses into the store's gazetteer)")
        processing.run("gridplugin:importaddresses", {
            "INPUT": f"{SAMPLE}|layername=addresses", "ADDRESS_FIELD": "full_address", "CODE_FIELD": "address_code",
            "KIND_FIELD": "kind", "NAME_FIELD": "name", "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin",
            "GRIDS": f"{gpkg}|layername=unit_grids",
        }, feedback=PrintFeedback())

        print("5/10 gridplugin:importcases (the sample's cases and their handling into the case store cases.gpkg)")
        imported = processing.run("gridplugin:importcases", {
            "INPUT": str(resource("sample", "sample_cases.csv")), "ENCODING": 0, "COORDINATES": 0,
            "TIMEZONE": "Asia/Shanghai", "SCHEME": 0, "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin",
            "GRIDS": f"{gpkg}|layername=unit_grids", "GEOCODE": True, "GEOCODE_CONFIDENCE": 0.8,
            "REJECTS": str(work / "case_rejects.csv"),
        }, feedback=PrintFeedback())

        print("6/10 gridplugin:caseheatmap (cases per grid, kernel density, radius 200 m)")
        heat = processing.run("gridplugin:caseheatmap", {
            "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai",
            "RADIUS": 200.0, "PIXEL_SIZE": 10.0, "KERNEL": 0, "OUTPUT_VALUES": 0, "LIVE_LAYER": False,
            "WORKING_CRS": WORKING_CRS,
            "GRID_COUNTS": f"ogr:dbname='{gpkg}' table=\"case_heat\" (geom)",
            "DENSITY": str(work / "case_density.tif"),
        }, feedback=PrintFeedback())

        print("7/10 gridplugin:casehotspots (Getis-Ord Gi*, monthly report)")
        hotspots = processing.run("gridplugin:casehotspots", {
            "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai",
            "CONTIGUITY": 0, "TOLERANCE": 0.5, "PERIOD": 2, "TOP_N": 10,
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"case_hotspots\" (geom)",
            "REPORT_CSV": str(work / "case_report.csv"), "REPORT_HTML": str(work / "case_report.html"),
        }, feedback=PrintFeedback())

        print("8/10 gridplugin:emerginghotspots (space-time Gi* per week, Mann-Kendall trend)")
        emerging = processing.run("gridplugin:emerginghotspots", {
            "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai",
            "TIME_STEP": 1, "CONTIGUITY": 0, "TOLERANCE": 0.5, "WORKING_CRS": WORKING_CRS,
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"emerging_hotspots\" (geom)", "BINS": None,
        }, feedback=PrintFeedback())

        print(f"9/10 gridplugin:evaluatecases ({PERIOD[0]} to {PERIOD[1]} against the quarter before, "
              "per community and per department)")
        evaluated = {}
        for level, name in ((1, "communities"), (3, "departments")):
            evaluated[name] = processing.run("gridplugin:evaluatecases", {
                "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai",
                "LEVEL": level, "START": PERIOD[0], "END": PERIOD[1], "MIN_CASES": 10,
                "OUTPUT": "TEMPORARY_OUTPUT", "RANKING": "TEMPORARY_OUTPUT",
                "REPORT_HTML": str(work / f"evaluation_{name}.html"),
                **({"AREAS": f"ogr:dbname='{gpkg}' table=\"evaluation_{name}_map\" (geom)",
                    "REPORT_PDF": str(work / f"evaluation_{name}.pdf")} if name == "communities" else {}),
            }, feedback=PrintFeedback())
            copy_layer(evaluated[name]["OUTPUT"], gpkg, f"evaluation_{name}")
            copy_layer(evaluated[name]["RANKING"], gpkg, f"evaluation_{name}_ranking")

        print("10/10 rendering demo_map.png, demo_heat.png and demo_emerging.png")
        render_map(
            [styled(communities, "communities.qml"), styled(roads, "roads.qml"), styled(grids, "unit_grids.qml"),
             parcel_style(parcels)],
            grids.extent(), work / "demo_map.png",
            f"示例区（虚构）单元网格划分 Unit grids · {result['GRID_COUNT']} 个网格 grids · 沿道路和地块划分 "
            "following roads and parcels",
        )
        render_heat(work, grids, roads, heat, hotspots)
        render_emerging(work, grids, roads, emerging)
        del communities, roads, parcels, grids  # close the GeoPackage before moving it
        outputs = {}
        for name in OUTPUTS:
            os.replace(work / name, out_dir / name)
            outputs[name] = out_dir / name
        return {"grid_count": result["GRID_COUNT"], "working_crs": result["WORKING_CRS"],
                "shares": {key: result[key] for key in SHARES},
                "component_count": coded["COMPONENT_COUNT"], "case_count": imported["IMPORTED_COUNT"],
                "hot_count": hotspots["HOT_COUNT"], "rejected_count": imported["REJECTED_COUNT"],
                "emerging_hot_count": emerging["HOT_COUNT"], "filed_count": evaluated["communities"]["FILED_COUNT"],
                **outputs}
    finally:
        shutil.rmtree(work, ignore_errors=True)
        QgsApplication.processingRegistry().removeProvider(provider)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the plugin on the bundled sample district.")
    parser.add_argument("--out", default="out", help="output folder (default: out)")
    args = parser.parse_args(argv)
    out_dir = Path(args.out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    app = start_qgis()
    try:
        summary = run(out_dir)
    finally:
        app.exitQgis()
    print(f"unit grids: {summary['grid_count']} in {summary['working_crs']}; interior boundaries "
          + ", ".join(f"{label} {summary['shares'][key]:.1%}" for key, label in SHARES.items()))
    print(f"components coded: {summary['component_count']}")
    print(f"cases imported: {summary['case_count']} ({summary['rejected_count']} rows rejected: see "
          f"case_rejects.csv); hot-spot grids (Gi*, 90 %+): {summary['hot_count']}")
    print(f"emerging hot-spot grids (weekly): {summary['emerging_hot_count']}; cases filed in the evaluated quarter: "
          f"{summary['filed_count']}")
    for name in OUTPUTS:
        print(f"wrote {summary[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
