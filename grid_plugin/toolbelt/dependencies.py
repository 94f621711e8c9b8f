"""Python packages the plugin needs beyond what QGIS ships, checked before anything imports them.

QGIS 3.22 on Debian 12 and older OSGeo4W installs come with shapely 1.8 or none; the plugin's
core needs shapely 2 (vectorised GEOS). Without it the plugin explains how to install it
instead of failing with a traceback.
"""

from __future__ import annotations

from importlib import metadata

REQUIRED = (("shapely", (2, 0)), ("numpy", (1, 21)))
INSTALL_HINT = 'python3 -m pip install --user "shapely>=2,<3"'


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def missing_dependencies() -> list[str]:
    """'name >= x.y (found z)' for each requirement that is absent or too old."""
    problems = []
    for name, minimum in REQUIRED:
        wanted = ".".join(map(str, minimum))
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            problems.append(f"{name} >= {wanted} (not installed)")
            continue
        if _version_tuple(found) < minimum:
            problems.append(f"{name} >= {wanted} (found {found})")
    return problems
