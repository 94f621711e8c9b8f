"""The plugin follows the QGIS locale, and under zh_CN the dock shows no untranslated text.

The .ts test (tests/unit/test_i18n.py) checks that every tr() string has a Chinese translation;
this one catches text that never went through tr(): it walks every label, button, group, tab,
combo item, placeholder and special value of the real dock built under zh_CN.
"""

from __future__ import annotations

import re

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

import grid_plugin
from grid_plugin.gui.dock import GridDockWidget
from tests.qgis.conftest import ensure_provider
from tests.qgis.test_plugin_lifecycle import MenuRecorder

CJK = re.compile(r"[\u4e00-\u9fff]")
# text that is the same in every language: numbers, units, codes, paths, dashes
NEUTRAL = re.compile(r"^[\s\d.,:;%/\\()\[\]\-–—_+×·…#*]*(m|m²|ms|EPSG:\d+|[A-Za-z]:)?[\s\d.,:;%()\-–—…]*$")
# widgets made by QGIS whose own texts QGIS translates (its translator is not loaded in tests)
QGIS_COMPOSITES = ("QgsFileWidget", "QgsProjectionSelectionWidget", "QgsMapLayerComboBox", "QgsFieldComboBox")
NAMES = {"UTF-8", "GBK / GB18030"}  # encodings are called the same in every language
DATA_COMBOS = {"store_connection", "heat_classes", "heat_sources"}  # filled from the data


def inside_qgis_widget(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if type(parent).__name__ in QGIS_COMPOSITES:
            return True
        parent = parent.parentWidget()
    return type(widget).__name__ in QGIS_COMPOSITES


def visible_texts(dock: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every user-visible string the dock's own code put on screen."""
    found = [("title", dock.windowTitle())]
    for widget in dock.findChildren(QWidget):
        if inside_qgis_widget(widget):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}"
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, QTabWidget):
            found += [(where, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QComboBox) and widget.objectName() not in DATA_COMBOS:
            found += [(where, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            found.append((where, widget.placeholderText()))
        elif isinstance(widget, QAbstractSpinBox):
            found.append((where, widget.specialValueText()))
        if widget.toolTip():
            found.append((where + " tooltip", widget.toolTip()))
    return [(where, text) for where, text in found if text and text.strip()]


def untranslated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(where, text) for where, text in texts
            if not CJK.search(text) and not NEUTRAL.match(text) and text not in NAMES]


def test_under_zh_cn_the_dock_has_no_untranslated_text(qgis_iface, qgis_processing, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    registry = QgsApplication.processingRegistry()
    registry.removeProvider(registry.providerById("gridplugin"))  # rebuilt below in Chinese
    MenuRecorder(qgis_iface).install(monkeypatch)
    plugin = grid_plugin.classFactory(qgis_iface)  # the plugin reads the QGIS locale and loads zh_CN
    try:
        assert plugin.translator is not None
        plugin.initGui()
        dock = plugin.dock
        texts = visible_texts(dock)
        assert len(texts) > 60  # the walk really saw the dock
        assert ("QTabWidget steps", "网格划分") in texts
        assert any(text == "取消" for _where, text in texts)  # the Cancel button
        assert untranslated(texts) == [], "\n".join(map(str, untranslated(texts)))
        # the algorithms' own parameter labels are Chinese too
        algorithm = registry.algorithmById("gridplugin:dividegrids")
        assert CJK.search(algorithm.parameterDefinition("TARGET_AREA").description())
    finally:
        monkeypatch.setattr(qgis_iface, "removeDockWidget", lambda dock: None, raising=False)
        plugin.unload()
        settings.setValue("locale/overrideFlag", saved[0] if saved[0] is not None else False)
        settings.setValue("locale/userLocale", saved[1] or "")
        QgsApplication.processEvents()
        ensure_provider()


def test_the_walk_catches_a_string_that_skipped_tr(qgis_iface, qgis_processing, tmp_path, monkeypatch):
    """The check above can fail: an English label added without tr() is reported."""
    monkeypatch.setenv("HOME", str(tmp_path))
    ensure_provider()
    dock = GridDockWidget(qgis_iface, qgis_iface.mainWindow())
    try:
        QLabel("Untranslated label", dock.widget())
        found = untranslated(visible_texts(dock))
        assert ("QLabel ", "Untranslated label") in found
    finally:
        sip.delete(dock)
