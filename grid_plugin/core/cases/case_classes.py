"""Kinds and classes of imported cases: normalised once per distinct value, never guessed.

- kind: 部件/事件 (or component/event, ...); another value is rejected. When empty, it follows the
  table the class is found in (events first), and stays unknown for a case without a class.
- class: a code or an exact name of the scheme's event table (then its component table); an
  unknown one is rejected, and counted per value for one summary warning (`classify_columns`).
- no class at all (code and name empty): the case is imported unclassified, class code NULL.
  Filters by class leave such cases out; period reports rank them under "(not assigned)".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from grid_plugin.core.components.classes import ClassTable, normalise_name
from grid_plugin.core.errors import Message, message

KIND_VALUES = {
    "部件": "部件", "部件问题": "部件", "部件类": "部件", "component": "部件", "components": "部件",
    "事件": "事件", "事件问题": "事件", "事件类": "事件", "event": "事件", "events": "事件",
}

UNKNOWN_CLASSES_LISTED = 10  # values named in the summary warning; the others are counted


def classify_columns(values: dict[str, list], events: ClassTable | None, components: ClassTable | None,
                     add: Callable[[int, Message], None]) -> dict[str, int]:
    """Normalise the kind, class_code and class_name columns in place; `add(index, reason)` gets the
    reasons of rows to reject. Each distinct (kind, code, name) is looked up once. Returns the rows per
    unknown class value (as written), in the order first met (chunks of one import add up in file order)."""
    outcome: dict[tuple, tuple[list[Message], str | None, str | None, str | None, str | None]] = {}
    kinds, codes, names = values["kind"], values["class_code"], values["class_name"]
    unknown: Counter[str] = Counter()
    for i, key in enumerate(zip(kinds, codes, names)):
        found = outcome.get(key)
        if found is None:
            case = {"kind": key[0], "class_code": key[1], "class_name": key[2]}
            reasons, bad_class = classify(case, events, components)
            found = outcome[key] = (reasons, case["kind"], case["class_code"], case["class_name"], bad_class)
        for reason in found[0]:
            add(i, reason)
        if found[4] is not None:
            unknown[found[4]] += 1
        kinds[i], codes[i], names[i] = found[1], found[2], found[3]
    return dict(unknown)


def classify(case: dict, events: ClassTable | None, components: ClassTable | None
             ) -> tuple[list[Message], str | None]:
    """Normalise kind and class of one case in place: (reasons to reject it, the class value as written
    when it is unknown). Without tables (`events` None) codes stay as given."""
    reasons: list[Message] = []
    raw_kind = case["kind"]
    kind = KIND_VALUES.get(normalise_name(raw_kind).lower()) if raw_kind else None
    if raw_kind and kind is None:
        reasons.append(message("kind '{value}' is neither 部件 (component) nor 事件 (event)", value=raw_kind))
    case["kind"] = kind
    value = case["class_code"] or case["class_name"]
    if events is None or not value:  # no class: unclassified, kind as given (or unknown)
        return reasons, None
    found = events.lookup(value)
    entry = found.entry
    if entry is None and kind != "事件" and components is not None:
        entry = components.lookup(value).entry
        if entry is not None and kind is None:
            kind = "部件"
    if entry is None:
        assert found.message is not None
        reasons.append(found.message)
        return reasons, str(value)
    case["class_code"] = entry.code
    case["class_name"] = case["class_name"] or entry.name
    case["kind"] = kind or "事件"
    return reasons, None


def unknown_classes_warning(unknown: dict[str, int], scheme: str) -> Message | None:
    """One warning naming the unknown class values with their row counts, most rows first (first met first
    among equal counts)."""
    if not unknown:
        return None
    unknown = dict(Counter(unknown).most_common())
    listed = [message("'{value}' ({count:,} rows)", value=value, count=count)
              for value, count in list(unknown.items())[:UNKNOWN_CLASSES_LISTED]]
    rest = len(unknown) - len(listed)
    more = [message("and {count:,} more values ({rows:,} rows)", count=rest,
                    rows=sum(list(unknown.values())[UNKNOWN_CLASSES_LISTED:]))] if rest else []
    return message(
        "{count:,} rows have a class that is not in the class table {scheme}, and are rejected: {values}. Add "
        "these classes in a CSV of your own classes (USER_CLASSES; columns class_code and name_en or name_zh, "
        "the name as written here), or correct the class column.", count=sum(unknown.values()), scheme=scheme,
        values=[*listed, *more])
