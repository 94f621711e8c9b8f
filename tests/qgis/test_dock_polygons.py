"""The dock's grid step with polygon features to follow: the widgets built from dividegrids' own POLYGONS,
MANAGED_UNIT and OPEN_LAND_MAX definitions, and a run through them."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsDoubleSpinBox
from qgis.PyQt.QtWidgets import QLineEdit

from grid_plugin.gui.parameter_form import LayerChecklist
from tests.qgis.test_divide_grids import read_layer
from tests.qgis.test_divide_polygons import COMPOUND, grid_over, is_the_parcel, layers
from tests.qgis.test_dock import dock, run_and_wait  # noqa: F401 (the dock fixture)


@pytest.fixture()
def project_layers(tmp_path, qgis_new_project):
    """Communities, roads and parcels (a managed compound above the maximum area) in the project."""
    project = QgsProject.instance()
    sources = dict(zip(("communities", "roads", "parcels"), layers(tmp_path)))
    loaded = {name: QgsVectorLayer(source, name, "ogr") for name, source in sources.items()}
    assert all(layer.isValid() for layer in loaded.values())
    project.addMapLayers(list(loaded.values()))
    yield loaded
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()


def test_the_grid_step_follows_polygons_and_keeps_managed_units_whole(dock, project_layers):  # noqa: F811
    form = dock.grid_step.divide
    polygons = form.widgets["POLYGONS"]
    assert isinstance(polygons, LayerChecklist)
    polygons.refill()
    offered = {polygons.itemText(k) for k in range(polygons.count())}
    assert offered == {"communities", "parcels"}  # polygon layers only
    assert isinstance(form.widgets["MANAGED_UNIT"], QLineEdit)
    open_land = form.widgets["OPEN_LAND_MAX"]
    assert isinstance(open_land, QgsDoubleSpinBox) and open_land.value() == open_land.minimum()  # "Automatic"
    assert not {"POLYGONS", "MANAGED_UNIT", "OPEN_LAND_MAX"} & set(form.values())  # unset: left out

    form.set_value("INPUT", project_layers["communities"])
    form.set_value("COMMUNITY_CODE_FIELD", "code")
    form.set_value("MODE", 1)
    form.set_value("LINES", [project_layers["roads"]])
    form.set_value("POLYGONS", [project_layers["parcels"]])
    form.set_value("MANAGED_UNIT", "\"type\" IN ('小区','学校')")
    values = form.values()
    assert values["POLYGONS"] == [project_layers["parcels"].source()]
    assert values["MANAGED_UNIT"] == "\"type\" IN ('小区','学校')" and "OPEN_LAND_MAX" not in values
    form.set_value("OPEN_LAND_MAX", 40_000)
    assert form.values()["OPEN_LAND_MAX"] == "40000.0"

    run_and_wait(dock, dock.grid_step.run_divide)
    grids = dock.grid_step.last_grids
    assert grids is not None, dock.status.text()
    assert is_the_parcel(grid_over(read_layer(grids.source())[2], COMPOUND), COMPOUND)
