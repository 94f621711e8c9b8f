"""Runs inside the real QGIS desktop (qgis --code), started by docs/tools/screenshots.py.

Runs the end-to-end driver tests/e2e/drive_qgis.py unchanged (the whole workflow through the dock,
each step started by its button) and grabs the window at the steps the getting-started page shows.
Each grab waits for the map canvas to finish drawing. GRID_DOCS_DRIVER names the driver; the
driver's own environment (GRID_E2E_OUT, ...) comes from screenshots.py.
"""

import os

from qgis.core import QgsRectangle
from qgis.utils import iface

DRIVER = os.environ["GRID_DOCS_DRIVER"]
driver = {"__name__": "drive_qgis", "__file__": DRIVER}
with open(DRIVER, encoding="utf-8") as handle:
    exec(compile(handle.read(), DRIVER, "exec"), driver)  # schedules the driver's drive()


def grab_then(name, follow_up, zoom=None):
    """After the canvas's next complete draw: grab the window as `name`, then run `follow_up`."""

    def step():
        if zoom is not None:
            extent = iface.mapCanvas().extent()
            x, y, part = zoom
            width, height = extent.width() * part, extent.height() * part
            left, top = extent.xMinimum() + extent.width() * x, extent.yMaximum() - extent.height() * y
            iface.mapCanvas().setExtent(QgsRectangle(left, top - height, left + width, top))
        driver["state"]["first_draw"] = lambda: (driver["grab"](name), follow_up())
        iface.mapCanvas().refresh()

    return step


NEXT = driver["NEXT"]
NEXT["gridplugin:validategrids"] = grab_then("docs_grids.png", NEXT["gridplugin:validategrids"])
NEXT["gridplugin:codecomponents"] = grab_then("docs_components.png", NEXT["gridplugin:codecomponents"],
                                              zoom=(0.3, 0.3, 0.35))
NEXT["gridplugin:caseheatmap"] = grab_then("docs_heat.png", NEXT["gridplugin:caseheatmap"])
