"""What the plugin remembers: user preferences in QgsSettings (under grid_plugin/, kept between
sessions) and the choices that belong to one project in the project file (read/writeEntry).

Never a password: a PostGIS store is remembered by the name of a QGIS connection.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from qgis.core import QgsProject, QgsSettings

SETTINGS_GROUP = "grid_plugin"
PROJECT_SCOPE = "grid_plugin"


@dataclass
class PluginSettings:
    """User preferences, the same in every project. (The dock also keeps each step's key
    parameters under grid_plugin/forms/<algorithm>/<PARAMETER>.)"""

    output_folder: str = str(Path.home() / "grid_plugin")
    store_kind: str = "gpkg"  # "gpkg" or "postgis"
    store_path: str = ""  # GeoPackage store when store_kind == "gpkg"
    connection: str = ""  # QGIS PostgreSQL connection name when store_kind == "postgis"
    db_schema: str = ""  # empty: the store's default schema (grid_plugin.store.choice)
    time_zone: str = ""  # empty: the plugin's default zone (grid_plugin.core.cases.times)
    recent_case_days: int = 90  # the map tool lists a grid's cases of these last days
    last_step: int = 0

    @classmethod
    def load(cls, settings: QgsSettings | None = None) -> PluginSettings:
        settings = settings or QgsSettings()
        values = {}
        for field in fields(cls):
            default = getattr(cls(), field.name)
            stored = settings.value(f"{SETTINGS_GROUP}/{field.name}", default)
            values[field.name] = _as_type(stored, default)
        return cls(**values)

    def save(self, settings: QgsSettings | None = None) -> None:
        settings = settings or QgsSettings()
        for field in fields(self):
            settings.setValue(f"{SETTINGS_GROUP}/{field.name}", getattr(self, field.name))


def _as_type(value: object, default: object) -> object:
    """QgsSettings hands back text from an .ini file; turn it into the default's type."""
    try:
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
    except (TypeError, ValueError):
        return default
    return "" if value is None else str(value)


def project_choice(key: str, default: str = "", project: QgsProject | None = None) -> str:
    """A choice kept in the project (a layer id, a store): empty when the project has none."""
    value, found = (project or QgsProject.instance()).readEntry(PROJECT_SCOPE, key, default)
    return value if found else default


def set_project_choice(key: str, value: str, project: QgsProject | None = None) -> None:
    (project or QgsProject.instance()).writeEntry(PROJECT_SCOPE, key, value)
