"""Fixtures for tests that run inside QGIS (pytest-qgis starts the QgsApplication)."""

from __future__ import annotations

from pathlib import Path

import fiona
import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback


def ensure_provider():
    """Register the gridplugin provider once; the lifecycle test removes and restores it."""
    from grid_plugin.processing.provider import GridPluginProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("gridplugin") is None:
        provider = GridPluginProvider()
        assert registry.addProvider(provider)
        _keep.append(provider)  # the registry holds a raw pointer; keep the Python wrapper alive
    return registry.providerById("gridplugin")


_keep: list = []


@pytest.fixture()
def gridplugin(qgis_processing):
    return ensure_provider()


@pytest.fixture(autouse=True)
def layer_tree_view(qgis_iface, monkeypatch):
    """QGIS 3.40's Processing loads results (runAndLoadResults, as the toolbox does) through
    iface.layerTreeView(), which pytest-qgis's iface lacks: a view of the project's tree, made when asked."""
    if hasattr(qgis_iface, "layerTreeView"):
        yield None
        return
    made: list = []

    def view():
        if not made:
            from qgis.core import QgsLayerTreeModel, QgsProject
            from qgis.gui import QgsLayerTreeView

            model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
            made.append(QgsLayerTreeView())
            made[0].setModel(model)
            made.append(model)
        return made[0]

    monkeypatch.setattr(qgis_iface, "layerTreeView", view, raising=False)
    yield view
    while made:  # the view before its model
        made.pop(0)


@pytest.fixture(scope="session")
def sample_grids(tmp_path_factory, sample_gpkg, qgis_processing):
    """The sample district divided along its roads (made once per test session)."""
    import processing

    ensure_provider()
    out = tmp_path_factory.mktemp("grids") / "grids.gpkg"
    processing.run("gridplugin:dividegrids", {
        "INPUT": f"{sample_gpkg}|layername=communities", "MODE": "1", "LINES": f"{sample_gpkg}|layername=roads",
        "COMMUNITY_CODE_FIELD": "community_code", "STREET_NAME_FIELD": "street_name",
        "COMMUNITY_NAME_FIELD": "community_name", "OUTPUT": str(out)})
    return str(out)


def write_gpkg(path: Path, layer: str, geometry_type: str, records: list[tuple[dict | None, dict]],
               properties: dict[str, str], crs: str = "EPSG:4490") -> str:
    """Write a small GeoPackage layer with fiona; returns the 'path|layername=' source string."""
    schema = {"geometry": geometry_type, "properties": properties}
    with fiona.open(path, "w", driver="GPKG", layer=layer, schema=schema, crs=crs) as sink:
        for geometry, attributes in records:
            sink.write({"geometry": geometry, "properties": attributes})
    return f"{path}|layername={layer}"


def square(x0: float, y0: float, size: float) -> dict:
    return {"type": "Polygon",
            "coordinates": [[(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)]]}


@pytest.fixture()
def manhattan_with_codes(tmp_path):
    """The real Manhattan neighbourhoods (OSM/NYC data, ../shared) with made-up community codes."""
    import fiona

    from tests.conftest import SHARED_DATA

    source = SHARED_DATA / "manhattan" / "manhattan_boundaries.gpkg"
    assert source.exists(), f"{source} missing (CI clones the repo with shared/ beside it)"
    records = []
    with fiona.open(source, layer="manhattan_neighborhoods") as neighbourhoods:
        for k, feature in enumerate(neighbourhoods):
            attributes = {"code": f"990101001{k + 1:03d}", "name": feature["properties"]["name"]}
            records.append((dict(feature["geometry"]), attributes))
    return write_gpkg(tmp_path / "manhattan.gpkg", "neighbourhoods", "MultiPolygon", records,
                      {"code": "str", "name": "str"}, crs="EPSG:4326")


class Messages(QgsProcessingFeedback):
    """A feedback that keeps every message and warning, for tests to read."""

    def __init__(self):
        super().__init__()
        self.lines = []
        self.warnings = []

    def reportError(self, error, fatalError=False):
        self.lines.append(error)

    def pushInfo(self, info):
        self.lines.append(info)

    def pushWarning(self, warning):
        self.lines.append(warning)
        self.warnings.append(warning)
