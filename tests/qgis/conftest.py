"""Fixtures for tests that run inside QGIS (pytest-qgis starts the QgsApplication)."""

from __future__ import annotations

from pathlib import Path

import fiona
import pytest
from qgis.core import QgsApplication


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
