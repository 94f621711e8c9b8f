"""Translations: English source strings, Chinese (zh_CN) and English .qm files.

`tr()` is given string literals only (resources/i18n/update_ts.py collects them); placeholders
are filled with .format() after translation.
"""

from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from grid_plugin.toolbelt.paths import resource

CONTEXT = "GridPlugin"
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def locale_candidates(locale: str) -> list[str]:
    """Names to try for a QGIS locale, most specific first: zh_CN -> [zh_CN, zh]."""
    name = locale.replace("-", "_")
    if name.lower() in ("zh_hans", "zh_hans_cn", "zh_sg"):
        name = "zh_CN"
    out = [name]
    if "_" in name:
        out.append(name.split("_")[0])
    return out


def qgis_locale() -> str:
    """The locale QGIS runs in: the user's override if set, else the system locale."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return settings.value("locale/userLocale", "en_US") or "en_US"
    return settings.value("locale/userLocale", "") or QLocale.system().name()


def install_translator(locale: str | None = None) -> QTranslator | None:
    """Load grid_plugin_<locale>.qm into the application; returns the translator or None."""
    for name in locale_candidates(locale or qgis_locale()):
        path = resource("i18n", f"grid_plugin_{name}.qm")
        translator = QTranslator()
        if path.exists() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            return translator
    return None


def remove_translator(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
        if translator in _installed:
            _installed.remove(translator)
