"""Collect the plugin's user-visible strings into the Qt .ts files, keeping translations.

Strings are found with `ast`, not pylupdate5, because core messages are not tr() calls: core has
no Qt, so its errors and warnings carry English templates (GridInputError("...", ...),
message("...", ...)) that processing translates. Collected:
  tr("...") / self.tr("...")           QCoreApplication.translate(CONTEXT, "...")
  GridInputError("...") / BeiDouCodeError("...") / StoreError("...") / message("...") / Message("...")

All strings live in one context, GridPlugin. English (en) translations equal the source; Chinese
(zh_CN) ones are written by translators (Qt Linguist or by hand) and kept across runs; new
strings are added as unfinished. `python update_ts.py --check` exits 1 when a .ts file is out of
date or a Chinese translation is missing. `--add FILE.tsv ...` merges Chinese translations from
tab-separated files (source, translation; a newline written as \\n), newer ones winning.
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent.parent / "grid_plugin"
CONTEXT = "GridPlugin"
LANGUAGES = {"zh_CN": "zh_CN", "en": "en"}
_TEMPLATE_CALLS = {"GridInputError", "BeiDouCodeError", "StoreError", "message", "Message"}


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def collect_strings(package: Path = PACKAGE) -> dict[str, str]:
    """Source string -> file of its first use, in a stable order (no line numbers, so the .ts
    files change only when strings change)."""
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _call_name(node)
            text = None
            if name == "tr":
                text = _literal(node.args[0])
            elif name == "translate" and len(node.args) >= 2:
                text = _literal(node.args[1])
            elif name in _TEMPLATE_CALLS:
                text = _literal(node.args[0])
            if text and text not in found:
                found[text] = str(path.relative_to(package.parent))
    return found


def ts_path(language: str) -> Path:
    return HERE / f"grid_plugin_{language}.ts"


def read_translations(path: Path) -> dict[str, str]:
    """Finished translations in a .ts file (unfinished ones are not translations yet)."""
    if not path.exists():
        return {}
    out = {}
    for msg in ET.parse(path).getroot().iter("message"):
        source = msg.findtext("source") or ""
        tnode = msg.find("translation")
        if tnode is not None and tnode.get("type") not in ("unfinished", "obsolete") and tnode.text:
            out[source] = tnode.text
    return out


def read_tsv(path: Path) -> dict[str, str]:
    """source -> Chinese translation from a two-column tab-separated file (\\n stands for a newline)."""
    out = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[1].strip():
            raise SystemExit(f"{path}:{number}: want 'source<TAB>translation'")
        out[parts[0].replace("\\n", "\n")] = parts[1].replace("\\n", "\n")
    return out


def render_ts(language: str, strings: dict[str, str], translations: dict[str, str]) -> str:
    root = ET.Element("TS", version="2.1", language=LANGUAGES[language])
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source, where in strings.items():
        msg = ET.SubElement(context, "message")
        ET.SubElement(msg, "location", filename=f"../../{where}")
        ET.SubElement(msg, "source").text = source
        text = source if language == "en" else translations.get(source)
        tnode = ET.SubElement(msg, "translation")
        if text:
            tnode.text = text
        else:
            tnode.set("type", "unfinished")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if anything is out of date")
    parser.add_argument("--add", nargs="+", type=Path, default=[], metavar="FILE.tsv",
                        help="merge Chinese translations from tab-separated files")
    args = parser.parse_args()
    strings = collect_strings()
    added: dict[str, str] = {}
    for tsv in args.add:
        added.update(read_tsv(tsv))
    status = 0
    for language in LANGUAGES:
        path = ts_path(language)
        translations = read_translations(path)
        if language != "en":
            translations.update(added)
        text = render_ts(language, strings, translations)
        missing = [s for s in strings if language != "en" and s not in translations]
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path.name} is out of date: run make translations", file=sys.stderr)
                status = 1
            if missing:
                print(f"{path.name}: {len(missing)} untranslated: {missing[:5]}", file=sys.stderr)
                status = 1
        else:
            path.write_text(text, encoding="utf-8")
            if missing:
                print(f"{path.name}: {len(missing)} strings need a translation", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
