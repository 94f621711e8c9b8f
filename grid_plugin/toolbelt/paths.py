"""Where metadata.txt and resources/ are, both in a git checkout and in an installed plugin.

In a checkout they sit beside the package (repo/metadata.txt, repo/resources); `make package`
copies them into the plugin folder (grid_plugin/metadata.txt, grid_plugin/resources).
"""

from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _beside_or_inside(name: str) -> Path:
    inside = PACKAGE_DIR / name
    return inside if inside.exists() else PACKAGE_DIR.parent / name


def metadata_path() -> Path:
    return _beside_or_inside("metadata.txt")


def resources_dir() -> Path:
    return _beside_or_inside("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@lru_cache(maxsize=1)
def plugin_metadata() -> dict[str, str]:
    """The [general] section of metadata.txt, the single source of name and version."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata_path(), encoding="utf-8")
    return dict(parser["general"])


def plugin_version() -> str:
    return plugin_metadata()["version"]
