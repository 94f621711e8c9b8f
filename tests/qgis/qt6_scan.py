"""Find Python code that QGIS 4 (PyQt6) no longer accepts, by introspection in the running QGIS.

Each module is parsed with `ast`. Names imported from `qgis.*` and `PyQt*` are resolved to the
objects the running QGIS really has, and every attribute chain built on them (`Qt.AlignLeft`,
`QgsTask.Flag.CanCancel`, `QVariant.String`) is walked with `getattr`:

- an enum member reached through a class that is not its enum (`Qt.AlignLeft`, `QgsTask.CanCancel`)
  is unscoped: PyQt6 and QGIS 4 only know `Qt.AlignmentFlag.AlignLeft`;
- `QVariant.<type>` outside the field-type helper: QGIS 4 wants `QMetaType` field types;
- a chain that does not resolve at all names something this QGIS does not have;
- APIs that Qt6 removed or moved: `exec_`, `QRegExp`, `QDesktopWidget`/`desktop()`, `qApp`,
  `QFontMetrics.width`, `activated[str]`, `qgis.PyQt.Qt`, compiled resources, `QAction` and its
  siblings imported from QtWidgets (they live in QtGui in Qt6), `QDateTime` built from a bare `QDate`
  or eight numbers.

The check depends on no list of enum names: the running QGIS says what is an enum and where it lives,
so the same scan in QGIS 3.22 and 3.40 checks against both versions' bindings.
"""

from __future__ import annotations

import ast
import enum
import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

# The two modules that bridge Qt5 and Qt6 are the only places allowed to name the Qt5 spelling.
FIELD_TYPE_HELPER = Path("grid_plugin") / "toolbelt" / "field_types.py"
QT_COMPAT = Path("grid_plugin") / "gui" / "qt_compat.py"
BINDING_ROOTS = ("qgis", "PyQt5", "PyQt6")
REMOVED_NAMES = {
    "QRegExp": "QRegExp is gone in Qt6; use QRegularExpression",
    "QRegExpValidator": "QRegExpValidator is gone in Qt6; use QRegularExpressionValidator",
    "QDesktopWidget": "QDesktopWidget is gone in Qt6; use QScreen (QGuiApplication.screens())",
    "qApp": "qApp is gone in Qt6; use QApplication.instance()",
    "QTextCodec": "QTextCodec is gone from Qt6 core; decode with Python's codecs",
}
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoStack", "QFileSystemModel"}
REMOVED_METHODS = {"exec_": "exec()", "print_": "print()"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    text: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.text} -> {self.fix}"


def is_enum_type(obj) -> bool:
    """A sip enum (PyQt5, QGIS 3 unscoped enums) or a Python enum (PyQt6, QGIS scoped enums)."""
    return isinstance(obj, type) and (type(obj).__name__ == "enumtype" or issubclass(obj, enum.Enum))


def is_enum_member(obj) -> bool:
    return not isinstance(obj, type) and is_enum_type(type(obj))


def scoped_spelling(owner_text: str, owner, name: str, member) -> str:
    """A fully scoped spelling of `owner.name` that resolves to `member` in this QGIS.

    Usually the owner holds the enum (`QgsTask.CanCancel` -> `QgsTask.Flag.CanCancel`). Enums that QGIS
    moved into the `Qgis` namespace keep the old member names on the owner only, so there the new
    spelling is the one that works (`Qgis.VectorTemporalMode.FeatureDateTimeInstantFromField`).
    """
    enum_type = type(member)
    for attribute in dir(owner):
        try:
            # sip makes a new object on every access to an enum member: compare by type and value
            found = getattr(enum_type, name) if getattr(owner, attribute) is enum_type else None
            if type(found) is enum_type and found == member:
                return f"{owner_text}.{attribute}.{name}"
        except AttributeError:
            continue
    from qgis.core import Qgis

    member_name = getattr(member, "name", name)
    if getattr(Qgis, enum_type.__name__, None) is enum_type:
        return f"Qgis.{enum_type.__name__}.{member_name}"
    return f"{enum_type.__qualname__}.{member_name}"


def _chain(node: ast.Attribute) -> tuple[ast.Name, list[str]] | None:
    names = []
    current: ast.expr = node
    while isinstance(current, ast.Attribute):
        names.append(current.attr)
        current = current.value
    if not isinstance(current, ast.Name):
        return None
    return current, names[::-1]


def _binding_imports(tree: ast.Module) -> dict[str, object]:
    """Local name -> object, for every import from qgis or PyQt in the module (at any depth)."""
    bound: dict[str, object] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in BINDING_ROOTS:
            try:
                module = importlib.import_module(node.module)
            except ImportError:
                continue
            for alias in node.names:
                if hasattr(module, alias.name):
                    bound[alias.asname or alias.name] = getattr(module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in BINDING_ROOTS:
                    try:
                        module = importlib.import_module(alias.name)
                    except ImportError:
                        continue
                    if alias.asname:
                        bound[alias.asname] = module
                    else:
                        bound[alias.name.split(".")[0]] = importlib.import_module(alias.name.split(".")[0])
    return bound


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str, bound: dict[str, object], helper: bool, compat: bool):
        self.path, self.bound, self.helper, self.compat = path, bound, helper, compat
        self.findings: list[Finding] = []
        self._inner: set[int] = set()

    def report(self, node: ast.AST, text: str, fix: str) -> None:
        self.findings.append(Finding(self.path, node.lineno, node.col_offset, text, fix))

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if id(node) not in self._inner:
            self._check_chain(node)
            inner = node.value
            while isinstance(inner, ast.Attribute):
                self._inner.add(id(inner))
                inner = inner.value
        if node.attr in REMOVED_METHODS:
            self.report(node, f".{node.attr}", f"{REMOVED_METHODS[node.attr]} (Qt6 removed {node.attr})")
        if node.attr == "width" and isinstance(node.value, ast.Call):
            func = node.value.func
            if (isinstance(func, ast.Attribute) and func.attr == "fontMetrics") or (
                    isinstance(func, ast.Name) and func.id in ("QFontMetrics", "QFontMetricsF")):
                self.report(node, "QFontMetrics.width()", "horizontalAdvance() (Qt6 removed width)")
        self.generic_visit(node)

    def _check_chain(self, node: ast.Attribute) -> None:
        found = _chain(node)
        if found is None or found[0].id not in self.bound:
            return
        root, names = found
        owner_text, obj = root.id, self.bound[root.id]
        qvariant = getattr(importlib.import_module("qgis.PyQt.QtCore"), "QVariant", None)
        for name in names:
            owner = obj
            if not isinstance(owner, (type, ModuleType)):
                return  # an instance (iface, a layer): its attributes are not bindings to judge
            try:
                obj = getattr(owner, name)
            except AttributeError:
                self.report(node, f"{owner_text}.{name}", "this QGIS has no such attribute")
                return
            if owner is qvariant and (is_enum_member(obj) or is_enum_type(obj)) and not self.helper:
                self.report(node, f"QVariant.{name}",
                            "a field type from grid_plugin.toolbelt.field_types (QMetaType on QGIS >= 3.38)")
                return
            if is_enum_member(obj) and not is_enum_type(owner):
                scoped = scoped_spelling(owner_text, owner, name, obj)
                self.report(node, f"{owner_text}.{name}", f"{scoped} (unscoped enum)")
                return
            owner_text = f"{owner_text}.{name}"

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in REMOVED_NAMES:
            self.report(node, node.id, REMOVED_NAMES[node.id])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        for alias in node.names:
            if alias.name in REMOVED_NAMES:
                self.report(node, f"import {alias.name}", REMOVED_NAMES[alias.name])
            if alias.name in MOVED_TO_QTGUI and module.endswith("QtWidgets") and not self.compat:
                self.report(node, f"{alias.name} from {module}",
                            "grid_plugin.gui.qt_compat (QtGui in Qt6, QtWidgets in Qt5)")
            if alias.name == "resources_rc" or module.endswith("resources_rc"):
                self.report(node, "compiled resources", "load icons by file path (Qt6 has no pyrcc)")
        if module == "qgis.PyQt.Qt":
            self.report(node, "qgis.PyQt.Qt", "qgis.PyQt.QtCore (qgis.PyQt.Qt is gone in QGIS 4)")

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "desktop" and not node.args:
            self.report(node, "desktop()", "QGuiApplication.screens() (QDesktopWidget is gone in Qt6)")
        if isinstance(func, ast.Name) and func.id == "QDateTime":
            first = node.args[0] if node.args else None
            if len(node.args) == 8 or (len(node.args) == 1 and isinstance(first, ast.Call)
                                       and isinstance(first.func, ast.Name) and first.func.id == "QDate"):
                self.report(node, "QDateTime(...)", "QDateTime(QDate(...), QTime(...)) (Qt6 dropped this form)")
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if (isinstance(node.value, ast.Attribute) and node.value.attr == "activated"
                and isinstance(node.slice, ast.Name) and node.slice.id == "str"):
            self.report(node, "activated[str]", "textActivated (Qt6 removed the overload)")
        self.generic_visit(node)


def scan_source(source: str, path: str = "<string>", helper: bool = False, compat: bool = False) -> list[Finding]:
    """Findings in one module's text; `helper`/`compat` mark the two bridge modules."""
    tree = ast.parse(source)
    scanner = _Scanner(path, _binding_imports(tree), helper, compat)
    scanner.visit(tree)
    return scanner.findings


def scan_tree(root: Path, folders: tuple[str, ...]) -> list[Finding]:
    findings: list[Finding] = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root)
            findings += scan_source(path.read_text(encoding="utf-8"), str(relative),
                                    helper=relative == FIELD_TYPE_HELPER, compat=relative == QT_COMPAT)
    return findings
