"""Qt classes that moved between Qt5 and Qt6: the dock and the plugin import them from here."""

from __future__ import annotations

try:  # Qt6 (QGIS 4): actions are a QtGui class
    from qgis.PyQt.QtGui import QAction
except ImportError:  # Qt5 (QGIS 3)
    from qgis.PyQt.QtWidgets import QAction

__all__ = ["QAction"]
