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

# What gridplugin:codecomponents adds to a component layer: the base attributes of GB/T 47678.5
# Table 2 (GB/T 30428.2 ObjID … Note) under short names, the grid and BeiDou codes.
COMPONENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("component_id", "string", 17, "管理部件标识码", "Component ID"),
    FieldSpec("class_code", "string", 5, "部件类别代码", "Class code"),
    FieldSpec("class_name", "string", 30, "管理部件名称", "Component (class) name"),
    FieldSpec("bgid", "string", 15, "所在单元网格标识码", "Unit grid code (BGID)"),
    FieldSpec("grid_share", "double", 0, "在该网格内的比例", "Share inside that grid"),
    FieldSpec("street_code", "string", 9, "所在街道代码", "Street code"),
    FieldSpec("street_name", "string", 50, "所在街道名称", "Street name"),
    FieldSpec("community_code", "string", 12, "所在社区代码", "Community code"),
    FieldSpec("community_name", "string", 50, "所在社区名称", "Community name"),
    FieldSpec("beidou_code", "string", 20, "北斗网格位置码", "BeiDou grid location code"),
    FieldSpec("dept_code", "string", 18, "主管部门代码", "Supervising department code"),
    FieldSpec("dept_name", "string", 100, "主管部门名称", "Supervising department"),
    FieldSpec("owner_code", "string", 18, "权属单位代码", "Owner code"),
    FieldSpec("owner_name", "string", 100, "权属单位名称", "Owner"),
    FieldSpec("maint_code", "string", 18, "养护单位代码", "Maintainer code"),
    FieldSpec("maint_name", "string", 100, "养护单位名称", "Maintainer"),
    FieldSpec("obj_state", "string", 10, "管理部件状态", "State"),
    FieldSpec("init_date", "date", 0, "初始日期", "Initial date"),
    FieldSpec("change_date", "date", 0, "变更日期", "Change date"),
    FieldSpec("data_source", "string", 30, "数据来源", "Data source"),
    FieldSpec("note", "string", 1000, "备注", "Note"),
)
