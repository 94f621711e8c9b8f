"""The main job: `python resources/sample/demo.py --out out` (what `make demo` runs).

A script beside the sample it runs on, outside the plugin package (and its zip).

Runs the plugin's algorithms headless on the bundled fictional sample district and writes
  out/demo.gpkg        communities, roads, unit_grids and coded components (CGCS2000 GK CM 117E),
                       and the case heat per grid (case_heat) and the Gi* hot spots (case_hotspots)
  out/demo_map.png     a map of the unit grids over communities and roads
  out/cases.gpkg       the case store (GeoPackage): unit grids and the sample's 5,060 cases
  out/case_density.tif the kernel-density heatmap of the cases
  out/case_report.html the monthly top-10 grids and classes (also .csv)
  out/demo_heat.png    a map of the heat
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
           "case_report.html", "demo_heat.png")
WORKING_CRS = "EPSG:4548"


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


def copy_layer(uri: str, gpkg: Path, name: str, crs: QgsCoordinateReferenceSystem) -> QgsVectorLayer:
    """Copy a layer into the demo GeoPackage in the working CRS."""
    source = QgsVectorLayer(uri, name, "ogr")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
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


def render_map(layers: list[QgsVectorLayer], extent: QgsRectangle, path: Path, title: str, width: int = 1800) -> None:
    """Render the layers (first on top) with a title and a scale bar to a PNG."""
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
    painter.end()
    image.save(str(path))


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


def run(out_dir: Path) -> dict[str, object]:
    import processing

    from grid_plugin.processing.provider import GridPluginProvider

    provider = GridPluginProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    crs = QgsCoordinateReferenceSystem(WORKING_CRS)
    work = Path(tempfile.mkdtemp(prefix=".demo-", dir=out_dir))
    try:
        gpkg = work / "demo.gpkg"
        print("1/8 copying the sample district (fictional) into demo.gpkg")
        communities = copy_layer(f"{SAMPLE}|layername=communities", gpkg, "communities", crs)
        roads = copy_layer(f"{SAMPLE}|layername=roads", gpkg, "roads", crs)

        print("2/8 gridplugin:dividegrids (follow roads, target 10,000 m²)")
        result = processing.run("gridplugin:dividegrids", {
            "INPUT": f"{SAMPLE}|layername=communities",
            "MODE": 1,  # follow features
            "LINES": [f"{SAMPLE}|layername=roads"],
            "ROAD_CLASS_FIELD": "road_class",
            "COMMUNITY_CODE_FIELD": "community_code",
            "STREET_NAME_FIELD": "street_name",
            "COMMUNITY_NAME_FIELD": "community_name",
            "TARGET_AREA": 10_000.0,
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"unit_grids\" (geom)",
        }, feedback=PrintFeedback())
        grids = QgsVectorLayer(f"{gpkg}|layername=unit_grids", "unit_grids", "ogr")

        print("3/8 gridplugin:codecomponents (GB/T 47678.5 IDs, unit grid codes, BeiDou codes)")
        coded = processing.run("gridplugin:codecomponents", {
            "INPUT": f"{SAMPLE}|layername=components",
            "CLASS_FIELD": "class_code",
            "GRIDS": f"{gpkg}|layername=unit_grids",
            "GRID_CODE_FIELD": "grid_code",
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"components\" (geom)",
            "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin",  # and keep them in the case store
        }, feedback=PrintFeedback())

        print("4/8 gridplugin:importaddresses (the sample's standard addresses into the store's gazetteer)")
        processing.run("gridplugin:importaddresses", {
            "INPUT": f"{SAMPLE}|layername=addresses", "ADDRESS_FIELD": "full_address", "CODE_FIELD": "address_code",
            "KIND_FIELD": "kind", "NAME_FIELD": "name", "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin",
            "GRIDS": f"{gpkg}|layername=unit_grids",
        }, feedback=PrintFeedback())

        print("5/8 gridplugin:importcases (the sample's cases into the GeoPackage case store cases.gpkg)")
        imported = processing.run("gridplugin:importcases", {
            "INPUT": str(resource("sample", "sample_cases.csv")), "ENCODING": 0, "COORDINATES": 0,
            "TIMEZONE": "Asia/Shanghai", "SCHEME": 0, "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin",
            "GRIDS": f"{gpkg}|layername=unit_grids", "GEOCODE": True, "GEOCODE_CONFIDENCE": 0.8,
            "REJECTS": str(work / "case_rejects.csv"),
        }, feedback=PrintFeedback())

        print("6/8 gridplugin:caseheatmap (cases per grid, kernel density, radius 200 m)")
        heat = processing.run("gridplugin:caseheatmap", {
            "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai",
            "RADIUS": 200.0, "PIXEL_SIZE": 10.0, "KERNEL": 0, "OUTPUT_VALUES": 0, "LIVE_LAYER": False,
            "WORKING_CRS": WORKING_CRS,
            "GRID_COUNTS": f"ogr:dbname='{gpkg}' table=\"case_heat\" (geom)",
            "DENSITY": str(work / "case_density.tif"),
        }, feedback=PrintFeedback())

        print("7/8 gridplugin:casehotspots (Getis-Ord Gi*, monthly report)")
        hotspots = processing.run("gridplugin:casehotspots", {
            "STORE": str(work / "cases.gpkg"), "DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai",
            "CONTIGUITY": 0, "TOLERANCE": 0.5, "PERIOD": 2, "TOP_N": 10,
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"case_hotspots\" (geom)",
            "REPORT_CSV": str(work / "case_report.csv"), "REPORT_HTML": str(work / "case_report.html"),
        }, feedback=PrintFeedback())

        print("8/8 rendering demo_map.png and demo_heat.png")
        render_map(
            [styled(communities, "communities.qml"), styled(roads, "roads.qml"), styled(grids, "unit_grids.qml")],
            grids.extent(), work / "demo_map.png",
            f"示例区（虚构）单元网格划分 Unit grids · {result['GRID_COUNT']} 个网格 grids · 沿路划分 road-following",
        )
        render_heat(work, grids, roads, heat, hotspots)
        del communities, roads, grids  # close the GeoPackage before moving it
        outputs = {}
        for name in OUTPUTS:
            os.replace(work / name, out_dir / name)
            outputs[name] = out_dir / name
        return {"grid_count": result["GRID_COUNT"], "working_crs": result["WORKING_CRS"],
                "component_count": coded["COMPONENT_COUNT"], "case_count": imported["IMPORTED_COUNT"],
                "hot_count": hotspots["HOT_COUNT"], **outputs}
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
    print(f"unit grids: {summary['grid_count']} in {summary['working_crs']}")
    print(f"components coded: {summary['component_count']}")
    print(f"cases imported: {summary['case_count']}; hot-spot grids (Gi*, 90 %+): {summary['hot_count']}")
    for name in OUTPUTS:
        print(f"wrote {summary[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
