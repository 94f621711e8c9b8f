"""The house layering rule, checked on every module with ast (STYLE.md)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "grid_plugin"

# top-level import names each layer may use, besides the standard library
ALLOWED = {
    "core": {"numpy", "shapely", "pyproj", "grid_plugin.core"},
    # file formats and writers: below the store, above core (the store writes GeoPackage through them)
    "io": {"numpy", "shapely", "pyproj", "grid_plugin.core", "grid_plugin.io", "osgeo", "fiona", "sqlite3"},
    "store": {"numpy", "shapely", "pyproj", "grid_plugin.core", "grid_plugin.io", "grid_plugin.store",
              "grid_plugin.toolbelt",
              "qgis.core",
              "qgis.PyQt.QtCore", "osgeo", "fiona", "sqlite3", "psycopg2"},
    "processing": {"numpy", "shapely", "pyproj", "grid_plugin.core", "grid_plugin.io", "grid_plugin.store",
                   "grid_plugin.toolbelt", "grid_plugin.processing", "qgis.core", "qgis.PyQt.QtCore",
                   "qgis.PyQt.QtGui", "qgis.PyQt.sip"},
    "toolbelt": {"grid_plugin.toolbelt", "qgis.core", "qgis.PyQt.QtCore"},
}
FORBIDDEN_EVERYWHERE_BUT_GUI = ("qgis.gui", "qgis.PyQt.QtWidgets", "qgis.utils", "iface")


def imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import; use absolute grid_plugin.… imports"
            names.append(node.module or "")
    return names


def is_stdlib(name: str) -> bool:
    import sys

    return name.split(".")[0] in sys.stdlib_module_names or name == "__future__"


def allowed(name: str, prefixes: set[str]) -> bool:
    return is_stdlib(name) or any(name == p or name.startswith(p + ".") for p in prefixes)


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_respect_its_layer(path):
    layer = path.relative_to(PACKAGE).parts[0]
    names = imports(path)
    if layer in ALLOWED:
        bad = [n for n in names if not allowed(n, ALLOWED[layer])]
        assert not bad, f"{path.relative_to(PACKAGE)} ({layer}) imports {bad}"
    if layer != "gui" and path.name not in ("plugin.py", "__init__.py"):
        bad = [n for n in names if n.startswith(FORBIDDEN_EVERYWHERE_BUT_GUI)]
        assert not bad, f"{path.relative_to(PACKAGE)} imports GUI modules {bad}"


def test_the_rule_catches_a_forbidden_import(tmp_path):
    bad = tmp_path / "core_mod.py"
    bad.write_text("from qgis.core import QgsGeometry\n")
    assert not all(allowed(n, ALLOWED["core"]) for n in imports(bad))


def test_core_modules_exist_to_be_checked():
    assert any(p.parts[-2] == "core" for p in MODULES)
