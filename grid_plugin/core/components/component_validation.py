"""Checks of a coded component layer (gridplugin:validatecomponents), as problems per feature.

- `missing_id`, `malformed_id`, `other_scheme`, `other_district`: the ID against the scheme's
  structure (district 6 + class 5 or 4 + serial 6, ASCII digits) and the expected district;
- `id_class_unknown`: the class part of the ID is not in the class table;
- `class_mismatch`: the class part of the ID differs from the feature's class field;
- `unknown_class`: the class field is empty or names no class of the table;
- `duplicate_id`: the same ID on several features (every one of them is listed);
- `outside_grids`: the component stands in no unit grid;
- `grid_mismatch`: the recorded grid code (BGID) is not the grid the component stands in.

Pure logic over plain lists; processing reads the layers and writes the error layer and report.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from grid_plugin.core.components.classes import ClassTable
from grid_plugin.core.components.component_ids import (
    EMPTY,
    MALFORMED,
    OTHER_DISTRICT,
    OTHER_SCHEME,
    UNKNOWN_CLASS,
    check_component_id,
)
from grid_plugin.core.errors import Message, message

KINDS = ("missing_id", "malformed_id", "other_scheme", "other_district", "id_class_unknown", "class_mismatch",
         "unknown_class", "duplicate_id", "outside_grids", "grid_mismatch")
_STATUS_KIND = {EMPTY: "missing_id", MALFORMED: "malformed_id", OTHER_SCHEME: "other_scheme",
                OTHER_DISTRICT: "other_district", UNKNOWN_CLASS: "id_class_unknown"}


@dataclass(frozen=True)
class ComponentProblem:
    kind: str
    fid: int
    component_id: str
    message: Message


@dataclass
class ComponentValidation:
    count: int
    problems: list[ComponentProblem]

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(p.kind for p in self.problems)
        return {kind: found.get(kind, 0) for kind in KINDS}


def validate_components(
    fids: Sequence[int], ids: Sequence[object], classes: Sequence[object], recorded_grids: Sequence[object],
    located_grids: Sequence[str | None], table: ClassTable, district: str | None = None,
) -> ComponentValidation:
    """Check every component; `located_grids[i]` is the grid code where component i stands
    (None outside every grid), `recorded_grids[i]` its BGID field."""
    problems: list[ComponentProblem] = []
    holders: dict[str, list[int]] = defaultdict(list)
    for fid, value, cls, recorded, located in zip(fids, ids, classes, recorded_grids, located_grids):
        checked = check_component_id(value, table, district)
        text = checked.text
        if checked.status in _STATUS_KIND:
            assert checked.message is not None
            problems.append(ComponentProblem(_STATUS_KIND[checked.status], fid, text, checked.message))
        else:
            holders[text].append(fid)
        found = table.lookup(cls)
        if not found.found:
            problems.append(ComponentProblem("unknown_class", fid, text, message(
                "class '{value}' is empty or not in the {scheme} class table", value=found.value,
                scheme=table.scheme.title)))
        elif checked.parsed is not None and checked.status not in (EMPTY, MALFORMED, OTHER_SCHEME) \
                and found.entry is not None and checked.parsed.class_code != found.entry.code:
            problems.append(ComponentProblem("class_mismatch", fid, text, message(
                "the ID's class {id_class} differs from the class field's {field_class} ({name})",
                id_class=checked.parsed.class_code, field_class=found.entry.code, name=found.entry.name_zh)))
        recorded_code = "" if recorded is None else str(recorded).strip()
        if located is None:
            problems.append(ComponentProblem("outside_grids", fid, text, message(
                "the component stands in no unit grid")))
        elif recorded_code != located:
            problems.append(ComponentProblem("grid_mismatch", fid, text, message(
                "the recorded grid code '{recorded}' is not the grid it stands in, {located}",
                recorded=recorded_code, located=located)))
    for value, holding in holders.items():
        if len(holding) > 1:
            listing = ", ".join(map(str, holding[:20])) + (" …" if len(holding) > 20 else "")
            problems.extend(ComponentProblem("duplicate_id", fid, value, message(
                "ID {value} is held by {count} components: features {listing}", value=value,
                count=len(holding), listing=listing)) for fid in holding)
    problems.sort(key=lambda p: (KINDS.index(p.kind), p.fid))
    return ComponentValidation(len(fids), problems)


_TITLE = message("Component validation report")
_RESULT = message("Result")
_PASSED = message("Passed")
_FAILED = message("Failed")
_CHECKED = message("Components checked")
_KIND = message("Kind")
_COUNT = message("Count")
_FEATURE = message("Feature")
_ID = message("Component ID")
_MESSAGE = message("Message")


def write_report(path: str | Path, validation: ComponentValidation, input_name: str,
                 translate: Callable[[str], str] = lambda text: text, max_rows: int = 10_000) -> None:
    """An HTML report: result, counts per kind, and the problems (escaped; at most max_rows)."""
    def t(label: Message) -> str:
        return html.escape(label.render(translate))

    rows = "".join(
        f"<tr><td>{html.escape(p.kind)}</td><td>{p.fid}</td><td>{html.escape(p.component_id)}</td>"
        f"<td>{html.escape(p.message.render(translate))}</td></tr>" for p in validation.problems[:max_rows])
    counts = "".join(f"<tr><td>{html.escape(kind)}</td><td>{count}</td></tr>"
                     for kind, count in validation.counts.items() if count)
    result = t(_PASSED) if validation.passed else t(_FAILED)
    Path(path).write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{t(_TITLE)}</title></head><body>"
        f"<h1>{t(_TITLE)}</h1><p>{html.escape(input_name)}</p>"
        f"<p>{t(_RESULT)}: <b>{result}</b>; {t(_CHECKED)}: {validation.count}</p>"
        f"<table border='1'><tr><th>{t(_KIND)}</th><th>{t(_COUNT)}</th></tr>{counts}</table>"
        f"<table border='1'><tr><th>{t(_KIND)}</th><th>{t(_FEATURE)}</th><th>{t(_ID)}</th>"
        f"<th>{t(_MESSAGE)}</th></tr>{rows}</table></body></html>", encoding="utf-8")
