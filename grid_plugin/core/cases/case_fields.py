"""Case fields and how an input's columns map to them (FIELD_MAP, or the names found in real exports)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from grid_plugin.core.components.tables import clean_name
from grid_plugin.core.errors import GridInputError

CASE_TEXT_FIELDS = ("case_id", "source", "kind", "class_code", "class_name", "description", "address", "status")
CASE_TIME_FIELDS = ("reported_at", "filed_at", "dispatched_at", "disposed_at", "closed_at", "deadline")
# For the evaluation (综合评价, standards digest §4.3): the handling department (处置部门) as given, the
# counts of reworks (返工) and postponements (延期), and the invalid flag (作废: 1, valid: 0); None is unknown.
CASE_LIFECYCLE_FIELDS = ("department", "rework_count", "postpone_count", "invalid")
CASE_CODE_FIELDS = ("grid_code", "street_code", "community_code")
COORDINATE_FIELDS = ("x", "y")
REQUIRED_FIELDS = ("case_id", "reported_at", "x", "y")
MAPPABLE_FIELDS = CASE_TEXT_FIELDS + CASE_TIME_FIELDS + CASE_LIFECYCLE_FIELDS + COORDINATE_FIELDS
# FIELD_MAP targets that may be written shorter
TARGET_SYNONYMS = {"lon": "x", "longitude": "x", "lat": "y", "latitude": "y", "dept": "department",
                   "rework": "rework_count", "postpone": "postpone_count", "cancelled": "invalid"}

# Names found in real exports (eGova, 12345 platforms, the sample), tried when FIELD_MAP is silent.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "case_id": ("case_id", "案件编号", "案卷编号", "案卷号", "任务号", "工单编号", "工单号", "编号", "id"),
    "source": ("source", "案件来源", "问题来源", "来源"),
    "kind": ("kind", "案件类型", "问题类型", "类型"),
    "class_code": ("class_code", "小类代码", "类别代码", "小类编码", "class"),
    "class_name": ("class_name", "小类名称", "小类", "类别名称"),
    "description": ("description", "问题描述", "描述", "内容"),
    "address": ("address", "地址", "位置描述", "事发位置", "发生地址"),
    "status": ("status", "状态", "案件状态", "办理状态"),
    "reported_at": ("reported_at", "上报时间", "report_time", "受理时间", "发现时间"),
    "filed_at": ("filed_at", "立案时间", "inst_time"),
    "dispatched_at": ("dispatched_at", "派遣时间", "dispatch_time"),
    "disposed_at": ("disposed_at", "处置时间", "处置完成时间", "dispose_time"),
    "closed_at": ("closed_at", "结案时间", "archive_time"),
    "deadline": ("deadline", "处置时限", "截止时间"),
    "department": ("department", "处置部门", "责任部门", "处置单位", "责任单位", "dept"),
    "rework_count": ("rework_count", "返工次数", "rework"),
    "postpone_count": ("postpone_count", "延期次数", "postpone"),
    "invalid": ("invalid", "作废", "是否作废", "cancelled"),
    "x": ("lon", "x", "经度", "longitude", "lng", "X坐标", "横坐标"),
    "y": ("lat", "y", "纬度", "latitude", "Y坐标", "纵坐标"),
}


# ---- field mapping -------------------------------------------------------------------------------
def parse_field_map(text: str) -> dict[str, str]:
    """'case_id=编号; x=经度; y=纬度' -> {"case_id": "编号", ...}. Targets must be case fields."""
    mapping: dict[str, str] = {}
    for part in re.split(r"[;\n，,；]", text or ""):
        if not part.strip():
            continue
        target, sep, source = part.partition("=")
        target, source = target.strip(), source.strip()
        target = TARGET_SYNONYMS.get(target, target)
        if not sep or not source or target not in MAPPABLE_FIELDS:
            raise GridInputError(
                "FIELD_MAP entry '{entry}' is not 'case field=input field'; case fields are {fields}.",
                entry=part.strip(), fields=", ".join(MAPPABLE_FIELDS))
        mapping[target] = source
    return mapping


def resolve_field_map(input_fields: Sequence[str], given: Mapping[str, str]) -> dict[str, str]:
    """Case field -> input field: the given mapping, else an input field with a known alias.

    Raises when a given input field does not exist or a required case field has no input field.
    """
    available = {clean_name(name).lower(): name for name in input_fields}
    mapping: dict[str, str] = {}
    for target, source in given.items():
        if clean_name(source).lower() not in available:
            raise GridInputError(
                "FIELD_MAP maps {target} to '{source}', but the input has no such field; its fields are {fields}.",
                target=target, source=source, fields=", ".join(input_fields))
        mapping[target] = available[clean_name(source).lower()]
    for target in MAPPABLE_FIELDS:
        if target in mapping:
            continue
        for alias in FIELD_ALIASES.get(target, (target,)):
            if alias.lower() in available:
                mapping[target] = available[alias.lower()]
                break
    missing = [target for target in REQUIRED_FIELDS if target not in mapping]
    if missing:
        raise GridInputError(
            "The input has no field for {missing}; map it in FIELD_MAP, e.g. '{example}'. Input fields: {fields}.",
            missing=", ".join(missing), example="; ".join(f"{m}=…" for m in missing), fields=", ".join(input_fields))
    return mapping


def names_the_cases(names: Sequence[str], given: Mapping[str, str]) -> bool:
    """Whether a row of names is a header the import can use: every required field is found."""
    try:
        resolve_field_map([n for n in names if n], given)
    except GridInputError:
        return False
    return True


def header_row_hint(rows: Sequence[tuple[int, Sequence[object]]], header_row: int,
                    given: Mapping[str, str]) -> tuple[int, list[str]] | None:
    """(row, names) of the first of `rows` (the top of a CSV or sheet) that names the cases, when
    it is not the header used (`header_row`)."""
    for number, values in rows:
        names = [clean_name(str(v)) for v in values if v is not None and str(v).strip()]
        if number != header_row and names_the_cases(names, given):
            return number, names
    return None
