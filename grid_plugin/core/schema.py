"""Attribute schema of the layers the plugin writes, shared by processing and the stores.

Types are plain names ("string", "int", "double") so core stays free of QGIS; processing maps
them to QVariant types.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # "string" | "int" | "double" | "date" (ISO text in core, a date in the layer)
    length: int = 0
    alias_zh: str = ""
    alias_en: str = ""


UNIT_GRID_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("grid_code", "string", 15, "单元网格标识码", "Unit grid code"),
    FieldSpec("district_code", "string", 6, "区县代码", "District code"),
    FieldSpec("street_code", "string", 9, "街道代码", "Street code"),
    FieldSpec("community_code", "string", 12, "社区代码", "Community code"),
    FieldSpec("street_name", "string", 50, "街道名称", "Street name"),
    FieldSpec("community_name", "string", 50, "社区名称", "Community name"),
    FieldSpec("seq", "int", 0, "网格顺序号", "Sequence in community"),
    FieldSpec("area_m2", "double", 0, "面积(平方米)", "Area (m²)"),
    FieldSpec("perimeter_m", "double", 0, "周长(米)", "Perimeter (m)"),
    # DB11/T 2157-2023 data requirements: land-use category (Table C.1), management level
    # (Table C.2), responsible party (属地兜底: the community when none is known), dates
    FieldSpec("land_use", "string", 10, "用地类别代码", "Land-use category code"),
    FieldSpec("mgmt_level", "string", 10, "管理等级代码", "Management level code"),
    FieldSpec("responsible", "string", 100, "责任主体", "Responsible party"),
    FieldSpec("init_date", "date", 0, "初始时间", "Initial date"),
    FieldSpec("end_date", "date", 0, "终止日期", "End date"),
    FieldSpec("change", "string", 10, "变更情况", "Change (kept/new/retired)"),
)
# Attributes a re-division carries over from the previous layer for the grids it keeps.
CARRIED_GRID_FIELDS = ("land_use", "mgmt_level", "responsible")
