"""Generate the FICTIONAL sample district bundled with the plugin (虚构示例数据).

示例区（虚构）/ Sample District (fictional), district code 990101, is an invented old-city
district of about 20 km² placed near 116.40 E, 39.92 N. No real place, boundary, road, name or
case is depicted; the province prefix 99 does not exist in GB/T 2260, so none of the codes can
be mistaken for an official one.

Outputs (in --out DIR, default: the folder of this script):
  sample_district.gpkg  layers district, streets, communities, roads, components, cases, addresses and
                        parcels (make_parcels.py), all in EPSG:4490 (CGCS2000 geographic)
  sample_cases.csv      the cases layer as plain UTF-8 CSV with lon/lat columns; the cases' handling
                        (立案, 派遣, 处置, 结案, 处置时限, 处置部门, ...) from make_lifecycle.py, and a
                        planted emerging hot spot from make_emerging.py
  sample_cases_real.csv the cases of January to June as a real export writes them, with its traps
                        (US dates, GCJ-02 tagged WGS84, a default-location pile; make_real_sample.py)
  sample_real.gpkg      layer components_gcj02: the components in GCJ-02, tagged EPSG:4326

All geometry is built in EPSG:4548 (CGCS2000 / 3-degree Gauss-Krüger CM 117E, metres) and only
transformed to EPSG:4490 when written: the plugin is expected to project geographic input itself.
Everything comes from numpy.random.default_rng(SEED) in a fixed order and nothing depends on the
clock, so two runs give identical content.

Run: .venv/bin/python resources/sample/make_sample.py [--out DIR] [--reference DIR]
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import fiona
import numpy as np
import shapely
from make_emerging import plant_emerging_hotspot  # beside this script
from make_lifecycle import (
    CLOSED,
    DEPARTMENT,
    INVALID,
    INVALID_STATUS,
    LIFECYCLE_COLUMNS,
    POSTPONEMENTS,
    REWORKS,
    TRAP_CLOSED_BEFORE_REPORT,
    case_lifecycles,
)
from pyproj import Transformer
from shapely.geometry import LineString, Point, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring
from shapely.strtree import STRtree

SEED = 20240101

DISTRICT_CODE = "990101"
DISTRICT_NAME = "示例区（虚构）"
DISTRICT_NAME_EN = "Sample District (fictional)"
ADDRESS_PREFIX = "示例区"  # how the district is written at the start of a postal address

WORK_CRS = "EPSG:4548"  # CGCS2000 / 3-degree GK CM 117E: metric, everything is built here
OUTPUT_CRS = "EPSG:4490"  # CGCS2000 geographic: what the files contain
CENTRE_LONLAT = (116.40, 39.92)
WIDTH_M, HEIGHT_M = 5000.0, 4000.0  # nominal extent before the outline is made irregular
# Nominal arterial positions in metres from the south-west of the extent: closer together in
# the old town (west), where communities are smaller.
ARTERIAL_NS_X = (620.0, 1380.0, 2250.0, 3300.0, 4250.0)  # the middle one divides the streets
ARTERIAL_EW_Y = (3150.0, 2100.0, 1050.0)  # north to south; the middle one divides the streets
ARTERIAL_OLD_TOWN_Y = 2620.0  # only west of the middle north-south arterial

GPKG_NAME = "sample_district.gpkg"
CSV_NAME = "sample_cases.csv"

YEAR = 2025
CHINA_TZ = timezone(timedelta(hours=8))
# The data is a snapshot taken at the end of the year: cases still open then are 处置中/待派遣.
SNAPSHOT = datetime(YEAR, 12, 31, 23, 59, 59, tzinfo=CHINA_TZ)
TARGET_CASE_COUNT = 5000

# Default places to look for the class tables used to cross-check the embedded class names.
REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_CANDIDATES = (REPO_ROOT / "resources" / "classes", Path("/work/shared/reference"))

# ---------------------------------------------------------------------------------------------
# Names (all invented; any resemblance to a real place is coincidental)
# ---------------------------------------------------------------------------------------------

# 街道 in code order 001..004: north-west, north-east, south-west, south-east quadrant.
STREET_NAMES = ("槐荫街道", "明湖街道", "西坊街道", "翠渠街道")
COMMUNITY_NAMES = (
    "柳荫", "槐香", "银杏", "丁香", "海棠", "玉兰", "芳草", "青砖", "石桥", "井台", "书院",
    "灯笼", "鼓韵", "琴声", "墨香", "荷风", "竹影", "松涛", "梅苑", "菊香", "枫林", "桂馨",
    "杏坛", "桃源", "梨花", "栖凤", "云锦", "瑞雪", "春晖", "秋水", "晴川", "晓月",
)
# Arterials: north-south ones west to east, then east-west ones north to south.
ARTERIAL_NS_NAMES = ("安和大街", "永宁大街", "崇礼大街", "和义大街", "朝晖大街")
ARTERIAL_EW_NAMES = ("明湖大街", "槐荫大街", "翠渠大街")
ARTERIAL_OLD_TOWN_NAME = "文兴大街"  # east-west through the north-west old town only
SECONDARY_NAMES = (
    "柳泉路", "青砖路", "石桥路", "书院路", "文华路", "春和路", "秋实路", "瑞祥路", "嘉禾路",
    "兴隆路", "仁寿路", "福寿路", "长乐路", "吉庆路", "晨光路", "景和路", "丰泽路", "德润路",
    "信义路", "广济路", "慧通路", "宜春路", "安澜路", "承平路", "聚宝路", "庆丰路", "万和路",
    "益民路", "启明路", "育英路",
)
BRANCH_WORDS = (
    "嘉园", "和苑", "华庭", "锦绣", "阳光", "百合", "金桂", "银河", "星光", "蓝天", "绿洲",
    "彩虹", "晨曦", "朝霞", "紫荆", "红枫", "翠柳", "碧波", "清泉", "明珠", "宏图", "鸿运",
    "泰和", "康乐", "友谊", "团结", "光明", "建设", "幸福", "振兴", "前进", "红星", "东升",
    "旭日", "育才", "学府", "文昌", "花园", "果园", "菜园", "安居", "乐业", "和睦", "兴业",
)
BRANCH_SUFFIXES = ("路", "巷", "一巷", "二巷", "东巷", "西巷")
HUTONG_WORDS = (
    "槐树", "柳树", "椿树", "榆树", "枣树", "杏花", "桃园", "梨园", "石碑", "石板", "砖瓦",
    "铁匠", "银匠", "铜铺", "油坊", "粉坊", "醋坊", "酱坊", "染坊", "灯笼", "鞋匠", "弓匠",
    "烧酒", "羊肉", "骡马", "干面", "麻线", "花枝", "丝线", "针线", "扇子", "笔管", "砚台",
    "书铺", "茶叶", "蜡烛", "井儿", "水车", "井台", "碾子", "磨盘", "簸箕", "筐箩", "笤帚",
    "玉带", "珠宝", "翠花", "琉璃", "镜子", "梳篦", "布店", "绸缎", "裱褙", "盔甲", "马尾",
    "牛角", "鸭子", "鸽子", "喜鹊", "黄鹂", "百灵", "蝴蝶", "芦草", "荷花", "兰花", "桂花",
    "梅竹", "松树", "竹竿", "葫芦", "南瓜", "西瓜", "菜园", "果子", "核桃", "栗子", "枣林",
    "樱桃", "石榴", "葡萄", "马神", "药王", "土地", "龙王", "财神", "观音", "关帝", "火神",
)
HUTONG_PREFIXES = ("", "东", "西", "南", "北", "大", "小", "前", "后")

# ---------------------------------------------------------------------------------------------
# Road classes
# ---------------------------------------------------------------------------------------------

ARTERIAL, SECONDARY, BRANCH, HUTONG = "主干路", "次干路", "支路", "胡同"
ROAD_CLASS_EN = {ARTERIAL: "arterial", SECONDARY: "secondary", BRANCH: "branch", HUTONG: "hutong"}
# Half of the kerb-to-kerb width; used to put components on the pavement, not mid-road.
ROAD_HALF_WIDTH_M = {ARTERIAL: 18.0, SECONDARY: 10.0, BRANCH: 6.0, HUTONG: 3.0}

# ---------------------------------------------------------------------------------------------
# Classes of GB/T 47678.5-2026 used here (code -> name), copied from the reference tables
# component_classes.csv (部件) and event_classes.csv (管理事项). They are embedded so that the
# script also runs where the tables are not present; when they are, names are cross-checked.
# ---------------------------------------------------------------------------------------------

COMPONENT_CLASS_NAMES = {
    "01001": "供水井盖", "01002": "污水井盖", "01003": "雨水井盖", "01004": "雨水箅子",
    "01005": "电力井盖", "01006": "路灯井盖", "01007": "通信井盖", "01010": "热力井盖",
    "01011": "燃气井盖", "01013": "消防设施", "01030": "电力立杆", "01037": "路灯",
    "01048": "变压器（箱）", "01060": "路灯配电箱", "02004": "公交站设施", "02012": "路名牌",
    "02014": "交通信号灯", "02025": "非机动车停放点", "03001": "公共厕所", "03005": "垃圾箱",
    "03008": "宣传栏", "04001": "古树名木", "04002": "行道树",
}
EVENT_CLASS_NAMES = {
    "06001": "私搭乱建", "06007": "沿街晾挂", "06010": "暴露垃圾", "06012": "道路不洁",
    "06013": "道路破损", "06014": "道路遗撒（洒）", "06016": "交通标线不清晰", "06017": "绿地脏乱",
    "06020": "焚烧垃圾、树叶", "06021": "病虫害", "06027": "油烟污染", "06028": "噪声扰民",
    "06029": "露天烧烤", "06034": "废弃车辆", "06035": "废弃家具设备", "06036": "乱堆杂物",
    "06040": "私设地锁、阻车桩", "06041": "垃圾未分类", "06042": "垃圾站（箱）满溢",
    "06050": "路缘石缺损", "06051": "盲道缺损", "07001": "非法小广告", "07002": "街头散发广告",
    "07003": "违规户外广告", "07006": "违规牌匾标识", "08001": "施工扰民", "08002": "施工占道",
    "08004": "工地扬尘", "08005": "施工废弃料", "08006": "施工物料乱堆放",
    "08007": "施工工地围挡问题", "08012": "施工工地车轮夹带", "09001": "无照经营游商",
    "09002": "早（夜）市管理问题", "09004": "废品收购乱象", "09005": "店外经营",
    "09006": "占道经营", "09009": "机动车乱停放", "09010": "非机动车乱停放",
    "09011": "共享单车乱象", "09012": "占用消防通道", "09020": "农贸市场秩序问题",
    "10001": "道路积雪、结冰", "10002": "架空线缆脱落",
}


@dataclass(frozen=True)
class ComponentPlan:
    """How many components of one class to place, where, and how old they are."""

    code: str
    count: int
    road_classes: tuple[str, ...]  # roads the component stands along
    placement: str  # 'carriageway' (in the road), 'kerb' (pavement edge) or 'frontage'
    install_years: tuple[int, int]
    problem_rate: float  # relative number of 部件 cases per component per year


# A realistic mix for an old-city district: manhole covers dominate, then lamps, trees, bins.
COMPONENT_PLANS = (
    ComponentPlan("01001", 24, (ARTERIAL, SECONDARY, BRANCH, HUTONG), "carriageway", (1990, 2022), 1.0),
    ComponentPlan("01002", 30, (ARTERIAL, SECONDARY, BRANCH, HUTONG), "carriageway", (1990, 2022), 1.1),
    ComponentPlan("01003", 28, (ARTERIAL, SECONDARY, BRANCH), "carriageway", (1995, 2023), 1.0),
    ComponentPlan("01004", 30, (ARTERIAL, SECONDARY, BRANCH), "kerb", (2000, 2023), 1.4),
    ComponentPlan("01005", 16, (ARTERIAL, SECONDARY), "carriageway", (1995, 2022), 0.8),
    ComponentPlan("01006", 8, (ARTERIAL, SECONDARY), "kerb", (2000, 2022), 0.8),
    ComponentPlan("01007", 20, (ARTERIAL, SECONDARY, BRANCH), "carriageway", (1998, 2023), 0.9),
    ComponentPlan("01010", 12, (ARTERIAL, SECONDARY, BRANCH), "carriageway", (1992, 2021), 0.9),
    ComponentPlan("01011", 14, (SECONDARY, BRANCH, HUTONG), "carriageway", (1995, 2022), 0.9),
    ComponentPlan("01013", 15, (ARTERIAL, SECONDARY, BRANCH, HUTONG), "kerb", (2000, 2023), 0.3),
    ComponentPlan("01030", 10, (HUTONG,), "frontage", (1985, 2015), 0.6),
    ComponentPlan("01037", 60, (ARTERIAL, SECONDARY, BRANCH), "kerb", (2005, 2024), 1.2),
    ComponentPlan("01048", 8, (SECONDARY, BRANCH), "frontage", (1998, 2020), 0.3),
    ComponentPlan("01060", 6, (ARTERIAL, SECONDARY), "frontage", (2005, 2022), 0.4),
    ComponentPlan("02004", 10, (ARTERIAL,), "kerb", (2010, 2024), 1.5),
    ComponentPlan("02012", 15, (ARTERIAL, SECONDARY, BRANCH, HUTONG), "kerb", (2008, 2024), 0.5),
    ComponentPlan("02025", 10, (ARTERIAL, SECONDARY), "frontage", (2016, 2024), 1.0),
    ComponentPlan("03001", 12, (HUTONG, BRANCH), "frontage", (1998, 2023), 2.0),
    ComponentPlan("03005", 30, (ARTERIAL, SECONDARY, BRANCH), "kerb", (2015, 2024), 1.0),
    ComponentPlan("03008", 6, (SECONDARY, BRANCH, HUTONG), "frontage", (2012, 2024), 0.8),
    ComponentPlan("04001", 5, (HUTONG,), "frontage", (1950, 1960), 0.5),
    ComponentPlan("04002", 50, (ARTERIAL, SECONDARY), "kerb", (1980, 2018), 0.6),
)
TRAFFIC_SIGNAL_CODE, TRAFFIC_SIGNAL_MAX = "02014", 14  # placed at arterial intersections
TRAFFIC_SIGNAL_PROBLEM_RATE = 0.4

# What goes wrong with a component, by a word in its class name (first match wins).
COMPONENT_PROBLEMS = (
    ("箅子", ("堵塞", "破损", "缺失")),
    ("井盖", ("破损", "缺失", "移位", "下沉", "松动有响声", "周边路面塌陷")),
    ("路灯", ("不亮", "白天常亮", "灯罩破损", "灯杆倾斜")),
    ("树", ("倒伏", "枯死", "断枝悬挂", "遮挡交通标志")),
    ("信号灯", ("不亮", "故障闪烁", "被遮挡")),
    ("厕所", ("设施损坏", "卫生脏乱", "未按时开放")),
    ("垃圾箱", ("破损", "缺失", "脏污")),
    ("公交站", ("站牌破损", "候车亭玻璃破碎", "座椅损坏")),
    ("消防", ("被埋压", "漏水", "缺失")),
    ("", ("破损", "污损", "缺失", "倾斜")),
)

# Background mix of 事件 classes (relative weights) for cases not at a hotspot.
EVENT_MIX = {
    "06010": 8, "06036": 10, "06012": 5, "06013": 3, "06042": 5, "06041": 3, "06001": 3,
    "06007": 2, "06028": 2, "06029": 1, "06027": 1, "06034": 2, "06035": 3, "06040": 2,
    "06017": 1, "06021": 1, "06020": 0.5, "06050": 1, "06051": 1, "07001": 10, "07002": 1,
    "07003": 1, "07006": 1, "08002": 1, "08004": 1, "09001": 4, "09004": 1, "09005": 6,
    "09006": 5, "09009": 5, "09010": 6, "09011": 6, "09012": 1, "10001": 2, "10002": 1,
}
# Who reports what: multipliers on the class weights per source (missing = 1).
SOURCE_CLASS_BIAS = {
    "监督员上报": {},
    "12345热线": {"06028": 5, "06027": 4, "08001": 5, "06029": 2, "06040": 2, "09012": 3,
                 "07001": 0.3, "06036": 0.6},
    "视频发现": {"09006": 3, "09005": 3, "09009": 3, "09010": 2, "09001": 2, "06010": 1.5,
                "06028": 0, "06027": 0.2, "08001": 0},
    "公众举报": {"06028": 3, "06027": 2, "08001": 3, "06040": 2, "09012": 2},
}
SOURCES = ("监督员上报", "12345热线", "视频发现", "公众举报")
SOURCE_SHARES = (0.55, 0.25, 0.10, 0.10)
# Share of 部件 (component) cases per source: inspectors look at street furniture, callers
# mostly complain about events.
SOURCE_COMPONENT_SHARE = {"监督员上报": 0.38, "12345热线": 0.12, "视频发现": 0.15, "公众举报": 0.2}
# Reporting hours per source (relative weights for 00..23 h).
SOURCE_HOURS = {
    "监督员上报": (0, 0, 0, 0, 0, 0, .2, .6, 1, 1.4, 1.5, 1.2, .5, .6, 1.2, 1.4, 1.3, 1, .4, .15,
                .05, 0, 0, 0),
    "12345热线": (.1, .05, .03, .03, .05, .1, .3, .7, 1.1, 1.3, 1.3, 1.2, 1, 1, 1.1, 1.1, 1, .9,
                 .9, 1, 1, .8, .5, .25),
    "视频发现": (.15, .1, .1, .1, .1, .2, .5, .9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, .9, .7, .5, .3,
                .2),
    "公众举报": (.05, .02, .02, .02, .03, .08, .3, .8, 1, 1.1, 1.2, 1.1, 1, 1, 1.1, 1.1, 1.1, 1, 1,
                1.1, 1, .7, .3, .1),
}
# Night-time nuisances are phoned in at night, whatever the source's usual hours.
EVENING_CLASSES = {"06027", "06028", "06029"}
EVENING_HOURS = (.6, .3, .1, 0, 0, 0, 0, 0, 0, 0, 0, 0, .1, .1, 0, 0, .1, .2, .5, .8, 1, 1.2, 1.2,
                 1)
# Weekend/holiday factors: inspectors work office weeks, the public does not.
SOURCE_WEEKEND_FACTOR = {"监督员上报": 0.4, "12345热线": 0.85, "视频发现": 0.8, "公众举报": 1.1}
SOURCE_HOLIDAY_FACTOR = {"监督员上报": 0.3, "12345热线": 0.8, "视频发现": 0.7, "公众举报": 0.9}
# Public holidays of 2025 (New Year, Spring Festival, Qingming, Labour Day, Dragon Boat,
# National Day + Mid-Autumn).
HOLIDAYS_2025 = (
    (date(2025, 1, 1), date(2025, 1, 1)), (date(2025, 1, 28), date(2025, 2, 4)),
    (date(2025, 4, 4), date(2025, 4, 6)), (date(2025, 5, 1), date(2025, 5, 5)),
    (date(2025, 5, 31), date(2025, 6, 2)), (date(2025, 10, 1), date(2025, 10, 8)),
)

# Short descriptions; {road} is the street the case is on.
EVENT_DESCRIPTIONS = {
    "06001": ("{road}院内私搭乱建简易房", "{road}临街私自搭建棚子"),
    "06010": ("{road}路边有暴露垃圾", "{road}墙角堆有生活垃圾"),
    "06012": ("{road}路面不洁，有油污", "{road}路面脏乱未清扫"),
    "06013": ("{road}路面破损、坑洼", "{road}人行道砖松动破损"),
    "06028": ("{road}夜间噪声扰民", "{road}商户音响声音过大"),
    "06029": ("{road}露天烧烤，油烟较大", "{road}夜间店外露天烧烤"),
    "06036": ("{road}沿线乱堆杂物，影响通行", "{road}楼道口堆放杂物"),
    "06042": ("{road}垃圾桶站满溢", "{road}分类垃圾桶满溢未清运"),
    "07001": ("{road}墙面张贴非法小广告", "{road}电线杆上喷涂小广告"),
    "08002": ("{road}施工占用道路，未设置围挡", "{road}施工占道影响通行"),
    "08004": ("{road}工地扬尘较大", "{road}工地土方未苫盖"),
    "09005": ("{road}店外经营，占用公共通道", "{road}商户店外摆放货物"),
    "09006": ("{road}商户占道经营", "{road}路边摆摊占道经营"),
    "09009": ("{road}机动车乱停放，影响通行", "{road}机动车停放堵塞路口"),
    "09010": ("{road}非机动车乱停放", "{road}电动车乱停放堵塞通道"),
    "09011": ("{road}共享单车大量堆积", "{road}共享单车乱停放"),
    "10001": ("{road}路面积雪结冰，未及时清理", "{road}人行道结冰湿滑"),
    "10002": ("{road}架空线缆脱落下垂", "{road}通信线缆垂落影响通行"),
}


@dataclass(frozen=True)
class Hotspot:
    """A place that draws many reports: a market, a station, a busy junction, a building site."""

    name: str  # landmark name, sometimes added to the address
    nominal_xy: tuple[float, float]  # metres from the south-west of the nominal extent
    spread_m: float  # standard deviation of case positions around the spot
    weight: float  # share of hotspot cases
    classes: dict[str, float]  # 事件 class mix at this spot


HOTSPOTS = (
    Hotspot("槐荫菜市场", (1150, 2850), 70, 0.30, {
        "09006": 8, "09005": 6, "09001": 5, "06010": 5, "09020": 4, "06042": 3, "09010": 2,
        "09002": 2}),
    Hotspot("西坊地铁站", (620, 1050), 90, 0.25, {  # snapped to an arterial junction below
        "09010": 6, "09011": 8, "09009": 4, "07001": 4, "07002": 2, "09001": 3, "06012": 2}),
    Hotspot("和义大街路口", (3300, 2100), 55, 0.12, {  # snapped to an arterial junction below
        "09009": 5, "09011": 3, "06013": 2, "06016": 2, "07001": 3, "06012": 2}),
    Hotspot("翠渠美食街", (3800, 1500), 60, 0.15, {
        "06029": 4, "06027": 4, "06028": 3, "09005": 5, "09006": 4, "06010": 4, "06042": 3}),
    Hotspot("明湖大街施工工地", (4000, 3300), 80, 0.10, {
        "08002": 4, "08004": 4, "08005": 3, "08001": 3, "08006": 3, "08007": 2, "08012": 2,
        "06014": 3}),
    Hotspot("石碑胡同片区", (800, 3500), 150, 0.08, {
        "06036": 6, "06001": 4, "06042": 3, "10002": 2, "06035": 3, "06040": 3}),
)
HOTSPOT_SHARE = {"监督员上报": 0.4, "12345热线": 0.4, "视频发现": 0.75, "公众举报": 0.4}


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def weighted_index(rng: np.random.Generator, weights: Sequence[float]) -> int:
    """Index drawn with probability proportional to weights."""
    w = np.asarray(weights, dtype=float)
    return int(rng.choice(len(w), p=w / w.sum()))


def smooth_wiggle(
    rng: np.random.Generator, t: np.ndarray, amplitude: float, wavelengths: Sequence[float]
) -> np.ndarray:
    """A smooth, deterministic wobble: a sum of sinusoids with random phases, ±amplitude."""
    phases = rng.uniform(0.0, 2 * math.pi, len(wavelengths))
    weights = rng.uniform(0.5, 1.0, len(wavelengths))
    wave = sum(w * np.sin(2 * math.pi * t / wl + ph) for w, wl, ph in zip(weights, wavelengths, phases))
    return amplitude * wave / weights.sum()


def parts(geom: BaseGeometry) -> list[BaseGeometry]:
    """Single-part pieces of any geometry (empty list for an empty one)."""
    return [g for g in shapely.get_parts(geom) if not g.is_empty]


def wavy_line(
    rng: np.random.Generator,
    start: tuple[float, float],
    end: tuple[float, float],
    step_m: float,
    amplitude_m: float,
) -> LineString:
    """A straight line from start to end, bent sideways by a smooth wiggle (ends kept)."""
    p0, p1 = np.asarray(start, float), np.asarray(end, float)
    length = float(np.hypot(*(p1 - p0)))
    t = np.linspace(0.0, length, max(2, int(length // step_m) + 1))
    normal = np.array([-(p1 - p0)[1], (p1 - p0)[0]]) / length
    offset = smooth_wiggle(rng, t, amplitude_m, (1400.0, 650.0))
    # Taper to zero at the ends so the line starts and ends where asked.
    offset *= np.clip(np.sin(math.pi * t / length), 0.0, 1.0) ** 0.3
    xy = p0 + np.outer(t / length, p1 - p0) + np.outer(offset, normal)
    return LineString(np.round(xy, 2))


def jitter_straight(rng: np.random.Generator, coords: Sequence[tuple[float, float]], sigma: float,
                    step_m: float = 35.0) -> LineString:
    """Insert vertices every ~step_m along each segment, nudged sideways: hand-drawn lanes."""
    out = [coords[0]]
    for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        n = int(length // step_m)
        nx, ny = (-(y1 - y0) / length, (x1 - x0) / length) if length else (0.0, 0.0)
        for k in range(1, n):
            f, d = k / n, float(rng.normal(0.0, sigma))
            out.append((x0 + f * (x1 - x0) + d * nx, y0 + f * (y1 - y0) + d * ny))
        out.append((x1, y1))
    return LineString(np.round(np.asarray(out), 2))


# ---------------------------------------------------------------------------------------------
# District outline, arterials, communities and streets
# ---------------------------------------------------------------------------------------------


def district_origin() -> tuple[float, float]:
    """EPSG:4548 coordinates of the south-west corner of the nominal extent, whole metres."""
    to_work = Transformer.from_crs(OUTPUT_CRS, WORK_CRS, always_xy=True)
    east, north = to_work.transform(*CENTRE_LONLAT)
    return round(east - WIDTH_M / 2), round(north - HEIGHT_M / 2)


def build_district_outline(rng: np.random.Generator, origin: tuple[float, float]) -> Polygon:
    """An irregular outline: wavy edges with steps and bulges, a river on the east side."""
    w, h = WIDTH_M, HEIGHT_M
    chamfer = 450.0  # the north-east corner is cut off diagonally, like an old city wall corner

    def bump(t: np.ndarray, start: float, end: float, softness: float) -> np.ndarray:
        """1 between start and end, 0 elsewhere, with smooth shoulders."""
        return 0.5 * (np.tanh((t - start) / softness) - np.tanh((t - end) / softness))

    # South edge, west to east: a 150 m notch where a (fictional) rail yard cuts in, and a
    # 120 m bulge outwards further east.
    xs = np.arange(0.0, w, 50.0)
    south_y = smooth_wiggle(rng, xs, 35, (1300, 700)) + 150 * bump(xs, 1700, 2300, 40) \
        - 120 * bump(xs, 3800, 4600, 80)
    south = np.column_stack([xs, south_y])
    # East edge follows a meandering river, south to north, with a finer vertex spacing.
    ys = np.arange(0.0, h - chamfer, 25.0)
    river_x = w + 120 * np.sin(2 * math.pi * ys / 1900 + 0.7) + smooth_wiggle(rng, ys, 20, (600,))
    east = np.column_stack([river_x, ys])
    # North edge, east to west, 200 m lower east of x = 2700 m.
    xs = np.arange(w - chamfer, 0.0, -50.0)
    north_y = h + smooth_wiggle(rng, xs, 40, (1500, 800)) - 200 * bump(xs, 2700, 2 * w, 50)
    north = np.column_stack([xs, north_y])
    # West edge, north to south: bulging 180 m outwards around a (fictional) park, 120 m
    # inwards further south.
    ys = np.arange(h, 0.0, -50.0)
    west_x = smooth_wiggle(rng, ys, 40, (1200,)) - 180 * bump(ys, 2500, 3300, 60) \
        + 120 * bump(ys, 600, 1200, 60)
    west = np.column_stack([west_x, ys])
    ring = np.vstack([south, east, north, west]) + np.asarray(origin)
    outline = Polygon(np.round(ring, 2))
    assert outline.is_valid, "district outline is not a valid polygon"
    return outline


def cut_at(line: LineString, cutter: LineString, keep: str, beyond_m: float = 0.0) -> LineString:
    """The part of line before (keep='start') or after (keep='end') where it crosses cutter.

    beyond_m > 0 lets the piece run on past the crossing: polygonize ignores such dangles, but
    it needs lines that really cross, not ones that merely end on each other.
    """
    crossing = line.intersection(cutter)
    assert isinstance(crossing, Point), "line must cross the cutter exactly once"
    along = line.project(crossing)
    if keep == "start":
        return substring(line, 0.0, min(along + beyond_m, line.length))
    return substring(line, max(along - beyond_m, 0.0), line.length)


@dataclass
class ArterialNetwork:
    """Arterial centrelines (running past the district) and the two that divide the streets.

    The old-town arterial starts at the west edge and ends at a T-junction with the middle
    north-south arterial, so it has a version for cutting faces and one for the roads layer.
    """

    ns_lines: list[LineString]  # north-south, west to east
    ew_lines: list[LineString]  # east-west, north to south
    old_town_line: LineString  # east-west, from beyond the west edge to the T-junction
    names: list[str]  # ns_lines + ew_lines + old-town arterial

    @property
    def divider_ns(self) -> LineString:
        """The middle north-south arterial: boundary between western and eastern streets."""
        return self.ns_lines[2]

    @property
    def divider_ew(self) -> LineString:
        """The middle east-west arterial: boundary between northern and southern streets."""
        return self.ew_lines[1]

    @property
    def cut_lines(self) -> list[LineString]:
        """Lines to cut communities with (the T-junction arterial overshoots a little)."""
        return self.ns_lines + self.ew_lines + [cut_at(self.old_town_line, self.divider_ns, "start", 40.0)]

    @property
    def road_lines(self) -> list[LineString]:
        """Centrelines for the roads layer, same order as names."""
        return self.ns_lines + self.ew_lines + [cut_at(self.old_town_line, self.divider_ns, "start")]


def build_arterials(rng: np.random.Generator, origin: tuple[float, float]) -> ArterialNetwork:
    """A slightly irregular grid of arterials, 750-1050 m apart, denser in the old town.

    Each line is jittered in position, tilted by up to about a degree and wiggled, and runs
    300 m past the nominal extent so that it crosses the outline wherever that bulges.
    """
    x0, y0 = origin
    overshoot = 300.0

    def ns_line(x: float) -> LineString:
        x_south = x + rng.uniform(-50, 50)
        x_north = x_south + rng.uniform(-50, 50)  # the tilt
        return wavy_line(rng, (x0 + x_south, y0 - overshoot), (x0 + x_north, y0 + HEIGHT_M + overshoot),
                         200.0, 12.0)

    def ew_line(y: float) -> LineString:
        y_west = y + rng.uniform(-50, 50)
        y_east = y_west + rng.uniform(-50, 50)
        return wavy_line(rng, (x0 - overshoot, y0 + y_west), (x0 + WIDTH_M + overshoot, y0 + y_east),
                         200.0, 12.0)

    ns_lines = [ns_line(x) for x in ARTERIAL_NS_X]
    ew_lines = [ew_line(y) for y in ARTERIAL_EW_Y]
    old_town_line = ew_line(ARTERIAL_OLD_TOWN_Y)
    return ArterialNetwork(ns_lines, ew_lines, old_town_line,
                           [*ARTERIAL_NS_NAMES, *ARTERIAL_EW_NAMES, ARTERIAL_OLD_TOWN_NAME])


def faces_inside(outline: Polygon, lines: Iterable[LineString]) -> list[Polygon]:
    """Cut the outline into faces along lines (polygonize of the noded outline + lines)."""
    noded = shapely.union_all([outline.exterior, *lines])
    faces = parts(shapely.polygonize(parts(noded)))
    return [f for f in faces if outline.contains(f.representative_point())]


def merge_small_faces(faces: list[Polygon], min_area_m2: float) -> list[Polygon]:
    """Merge faces smaller than min_area_m2 into the neighbour they share most boundary with.

    Safety net for slivers where an arterial clips a corner of the outline; a community of a
    few hectares would be unrealistic.
    """
    faces = list(faces)
    while True:
        small = [i for i, f in enumerate(faces) if f.area < min_area_m2]
        if not small:
            return faces
        i = min(small, key=lambda k: faces[k].area)
        shared = [(faces[i].boundary.intersection(f.boundary).length, j)
                  for j, f in enumerate(faces) if j != i]
        length, j = max(shared)
        assert length > 0, "a small face has no neighbour to merge with"
        merged = shapely.union_all([faces[i], faces[j]])
        faces = [f for k, f in enumerate(faces) if k not in (i, j)] + [merged]


@dataclass
class Community:
    """A 社区 polygon with its codes and names."""

    geom: Polygon
    street_index: int
    code: str = ""
    name: str = ""


def build_communities_and_streets(
    rng: np.random.Generator, outline: Polygon, arterials: ArterialNetwork
) -> tuple[list[Community], list[Polygon]]:
    """Communities are the faces cut by the arterials; streets are unions of communities.

    Streets are found by location (the quadrant face of the two dividing arterials that holds
    a community's inner point), so the hierarchy nests by construction.
    """
    faces = merge_small_faces(faces_inside(outline, arterials.cut_lines), 300_000.0)
    quadrants = faces_inside(outline, [arterials.divider_ns, arterials.divider_ew])
    assert len(quadrants) == 4, f"expected 4 street quadrants, got {len(quadrants)}"
    # Code order: north-west, north-east, south-west, south-east.
    cx = shapely.get_x(shapely.centroid(quadrants))
    cy = shapely.get_y(shapely.centroid(quadrants))
    mid_x, mid_y = float(np.median(cx)), float(np.median(cy))
    quadrant_order = {(True, False): 0, (True, True): 1, (False, False): 2, (False, True): 3}
    ordered = [None] * 4
    for q, x, y in zip(quadrants, cx, cy):
        ordered[quadrant_order[(bool(y > mid_y), bool(x > mid_x))]] = q
    communities = []
    for face in faces:
        inner = face.representative_point()
        hits = [k for k, q in enumerate(ordered) if q.contains(inner)]
        assert len(hits) == 1, "community inner point not in exactly one street quadrant"
        communities.append(Community(face, hits[0]))
    # Number communities within each street in reading order: rows north to south (a row is
    # the number of east-west arterials north of the community), then west to east.
    east_west = [*arterials.ew_lines, arterials.cut_lines[-1]]

    def reading_order(community: Community) -> tuple[int, float]:
        inner = community.geom.representative_point()
        northwards = LineString([(inner.x, inner.y), (inner.x, inner.y + 2 * HEIGHT_M)])
        return sum(northwards.intersects(line) for line in east_west), inner.x

    names = list(COMMUNITY_NAMES)
    rng.shuffle(names)
    numbered = []
    for street_index in range(4):
        members = [c for c in communities if c.street_index == street_index]
        assert members, f"street {street_index + 1} has no community"
        members.sort(key=reading_order)
        for number, community in enumerate(members, start=1):
            community.code = f"{DISTRICT_CODE}{street_index + 1:03d}{number:03d}"
            numbered.append(community)
    for community, name in zip(numbered, names):
        community.name = name + "社区"
    streets = [shapely.union_all([c.geom for c in numbered if c.street_index == k]) for k in range(4)]
    return numbered, streets


# ---------------------------------------------------------------------------------------------
# Roads
# ---------------------------------------------------------------------------------------------


@dataclass
class Road:
    """One named road centreline as drawn, before it is split at intersections."""

    geom: LineString
    name: str
    road_class: str


class NamePool:
    """Hands out names from a fixed, shuffled list; fails loudly when it runs out."""

    def __init__(self, rng: np.random.Generator, names: Sequence[str], label: str):
        self._names = list(dict.fromkeys(names))  # de-duplicated, order kept
        rng.shuffle(self._names)
        self._label = label

    def take(self) -> str:
        assert self._names, f"ran out of {self._label} names"
        return self._names.pop()


def evenly_between(rng: np.random.Generator, low: float, high: float, spacing: float,
                   jitter: float) -> list[float]:
    """Positions strictly between low and high, about `spacing` apart, jittered."""
    n = max(0, round((high - low) / spacing) - 1)
    return [low + (high - low) * (k + 1) / (n + 1) + rng.uniform(-jitter, jitter) for k in range(n)]


def build_secondaries(rng: np.random.Generator, origin: tuple[float, float],
                      arterials: ArterialNetwork) -> tuple[list[LineString], list[LineString]]:
    """Secondary roads between the arterials, every ~300-400 m in both directions.

    North-south ones run through. East-west ones run through too, except next to the old-town
    arterial: there the rows differ west and east of the middle arterial and end at it in
    T-junctions (in real cities streets seldom line up across an arterial).
    Returns (lines to cut blocks with, centrelines for the roads layer).
    """
    x0, y0 = origin

    def crossings(lines: Sequence[LineString], probe: LineString, axis: int) -> list[float]:
        return sorted(line.intersection(probe).coords[0][axis] for line in lines)

    def probe_ns(x: float) -> LineString:
        return LineString([(x0 + x, y0 - 1000), (x0 + x, y0 + HEIGHT_M + 1000)])

    probe_ew = LineString([(x0 - 1000, y0 + HEIGHT_M / 2), (x0 + WIDTH_M + 1000, y0 + HEIGHT_M / 2)])
    cut_lines: list[LineString] = []
    road_lines: list[LineString] = []

    def ew_secondary(y: float) -> LineString:
        tilt = rng.uniform(-25, 25)
        return wavy_line(rng, (x0 - 300, y - tilt), (x0 + WIDTH_M + 300, y + tilt), 150.0, 8.0)

    ns_edges = [x0 - 150.0, *crossings(arterials.ns_lines, probe_ew, 0), x0 + WIDTH_M + 100.0]
    for a, b in zip(ns_edges[:-1], ns_edges[1:]):
        for x in evenly_between(rng, a, b, 350.0, 25.0):
            tilt = rng.uniform(-25, 25)
            line = wavy_line(rng, (x - tilt, y0 - 300), (x + tilt, y0 + HEIGHT_M + 300), 150.0, 8.0)
            cut_lines.append(line)
            road_lines.append(line)
    # East-west rows, spaced by the arterials as found in the eastern part.
    ew_edges = [y0 - 50.0, *crossings(arterials.ew_lines, probe_ns(3700), 1), y0 + HEIGHT_M + 40.0]
    for a, b in zip(ew_edges[:-1], ew_edges[1:]):
        beside_old_town_arterial = a < y0 + ARTERIAL_OLD_TOWN_Y < b
        for y in evenly_between(rng, a, b, 350.0, 25.0):
            line = ew_secondary(y)
            if beside_old_town_arterial:  # eastern part only
                cut_lines.append(cut_at(line, arterials.divider_ns, "end", 30.0))
                road_lines.append(cut_at(line, arterials.divider_ns, "end"))
            else:
                cut_lines.append(line)
                road_lines.append(line)
    # Western rows beside the old-town arterial, ending at the middle arterial.
    west_edges = crossings([arterials.ew_lines[1], arterials.old_town_line, arterials.ew_lines[0]],
                           probe_ns(1100), 1)
    for a, b in zip(west_edges[:-1], west_edges[1:]):
        for y in evenly_between(rng, a, b, 350.0, 25.0):
            line = ew_secondary(y)
            cut_lines.append(cut_at(line, arterials.divider_ns, "start", 30.0))
            road_lines.append(cut_at(line, arterials.divider_ns, "start"))
    return cut_lines, road_lines


def hutongs_in_block(rng: np.random.Generator, block: Polygon, lane_xs: Sequence[float],
                     pool: NamePool) -> list[Road]:
    """East-west hutong lanes every 60-80 m across one old-town block.

    Like real hutongs, many run through with a small jog, some are dead ends from one side and
    some stop short from both sides. Lanes keep 45 m off the block's north and south roads.
    """
    minx, miny, maxx, maxy = block.bounds
    width = maxx - minx
    roads = []
    y = miny + 45.0 + rng.uniform(0, 25)
    while y < maxy - 45.0:
        pattern = weighted_index(rng, (0.45, 0.25, 0.2, 0.1))
        pieces: list[list[tuple[float, float]]]
        if pattern == 0:  # straight through
            pieces = [[(minx - 20, y), (maxx + 20, y)]]
        elif pattern == 1:  # through, with a jog of 6-14 m
            xb = minx + width * rng.uniform(0.3, 0.7)
            dy = float(rng.choice((-1.0, 1.0))) * rng.uniform(6, 14)
            pieces = [[(minx - 20, y), (xb, y), (xb, y + dy), (maxx + 20, y + dy)]]
        elif pattern == 2:  # dead end from one side
            reach = width * rng.uniform(0.35, 0.75)
            if rng.random() < 0.5:
                pieces = [[(minx - 20, y), (avoid_lanes(minx + reach, lane_xs), y)]]
            else:
                pieces = [[(avoid_lanes(maxx - reach, lane_xs), y), (maxx + 20, y)]]
        else:  # blocked in the middle: a dead end from each side
            west_end = avoid_lanes(minx + width * rng.uniform(0.25, 0.4), lane_xs)
            east_end = avoid_lanes(maxx - width * rng.uniform(0.25, 0.4), lane_xs)
            pieces = [[(minx - 20, y), (west_end, y)], [(east_end, y), (maxx + 20, y)]]
        name = pool.take()
        for coords in pieces:
            drawn = jitter_straight(rng, coords, sigma=1.2)
            for piece in parts(drawn.intersection(block)):
                if isinstance(piece, LineString) and piece.length >= 15.0:
                    roads.append(Road(piece, name, HUTONG))
        y += rng.uniform(60, 80)
    return roads


def avoid_lanes(x: float, lane_xs: Sequence[float], clearance: float = 15.0) -> float:
    """Move a dead end off a crossing lane so it does not leave a stub of a few metres."""
    for lane_x in lane_xs:
        if abs(x - lane_x) < clearance:
            return lane_x - clearance if x < lane_x else lane_x + clearance
    return x


def branches_in_block(rng: np.random.Generator, block: Polygon, spacing: float, both_ways: bool,
                      pool: NamePool) -> tuple[list[Road], list[float]]:
    """Branch roads across a block, ~spacing apart; some are dead ends or missing.

    Returns the roads and the x positions of the north-south ones (for hutong dead ends).
    """
    minx, miny, maxx, maxy = block.bounds
    roads, ns_xs = [], []
    directions = [("ns", minx, maxx)] + ([("ew", miny, maxy)] if both_ways else [])
    for direction, low, high in directions:
        for pos in evenly_between(rng, low, high, spacing, 12.0):
            kind = weighted_index(rng, (0.65, 0.2, 0.15))  # through, dead end, absent
            if kind == 2:
                continue
            if direction == "ns":
                a, b = (pos, miny - 20), (pos, maxy + 20)
            else:
                a, b = (minx - 20, pos), (maxx + 20, pos)
            if kind == 1:  # stop 40-70 % of the way across, from a random side
                f = rng.uniform(0.4, 0.7)
                if rng.random() < 0.5:
                    a, b = b, a
                b = (a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]))
            drawn = jitter_straight(rng, [a, b], sigma=0.8, step_m=60.0)
            name = pool.take()
            for piece in parts(drawn.intersection(block)):
                if isinstance(piece, LineString) and piece.length >= 30.0:
                    roads.append(Road(piece, name, BRANCH))
                    if direction == "ns":
                        ns_xs.append(pos)
    return roads, ns_xs


def build_roads(rng: np.random.Generator, origin: tuple[float, float], outline: Polygon,
                arterials: ArterialNetwork, old_town: Polygon) -> list[Road]:
    """All road centrelines, clipped to the district, as drawn (not yet split)."""
    roads = [Road(line.intersection(outline), name, ARTERIAL)
             for line, name in zip(arterials.road_lines, arterials.names)]
    secondary_cut_lines, secondary_road_lines = build_secondaries(rng, origin, arterials)
    secondary_names = NamePool(rng, SECONDARY_NAMES, "secondary road")
    roads += [Road(line.intersection(outline), secondary_names.take(), SECONDARY)
              for line in secondary_road_lines]
    branch_names = NamePool(rng, [w + s for w in BRANCH_WORDS for s in BRANCH_SUFFIXES], "branch")
    hutong_names = NamePool(rng, [p + w + "胡同" for w in HUTONG_WORDS for p in HUTONG_PREFIXES],
                            "hutong")
    blocks = faces_inside(outline, arterials.cut_lines + secondary_cut_lines)
    for block in blocks:
        if block.area < 20_000:
            continue
        if old_town.contains(block.representative_point()):
            # Old town: a few north-south lanes, dense east-west hutongs.
            branches, lane_xs = branches_in_block(rng, block, 170.0, False, branch_names)
            roads += branches + hutongs_in_block(rng, block, lane_xs, hutong_names)
        elif rng.random() >= 0.15:  # the rest are walled compounds (大院) without public roads
            roads += branches_in_block(rng, block, 150.0, True, branch_names)[0]
    # Clipping can leave multi-part pieces where a line leaves and re-enters the outline.
    single = []
    for road in roads:
        single += [Road(p, road.name, road.road_class) for p in parts(road.geom)
                   if isinstance(p, LineString) and p.length > 1.0]
    return single


def split_at_intersections(roads: list[Road]) -> list[Road]:
    """Node the network (1 cm snap-rounding) and give every piece its road's name and class.

    Snap rounding also nodes T-junctions whose end point lies within a centimetre of the
    crossing road, which floating-point noding would miss.
    """
    order = {ARTERIAL: 0, SECONDARY: 1, BRANCH: 2, HUTONG: 3}
    noded = parts(shapely.union_all([r.geom for r in roads], grid_size=0.01))
    tree = STRtree([r.geom for r in roads])
    segments = []
    for edge in noded:
        if edge.length < 0.5:  # snap-rounding crumbs, not roads
            continue
        middle = edge.interpolate(0.5, normalized=True)
        source = int(tree.query_nearest(middle)[0])
        assert roads[source].geom.distance(middle) < 0.05, "split piece not on any road"
        segments.append((order[roads[source].road_class], source,
                         roads[source].geom.project(middle), edge))
    segments.sort(key=lambda s: s[:3])
    return [Road(edge, roads[source].name, roads[source].road_class)
            for _, source, _, edge in segments]


# ---------------------------------------------------------------------------------------------
# Components (部件)
# ---------------------------------------------------------------------------------------------


@dataclass
class Component:
    """A managed city object (部件) beside a road."""

    geom: Point
    code: str
    name: str
    install_date: str
    problem_rate: float  # relative chance of being the subject of a 部件 case


def point_beside(rng: np.random.Generator, road: Road, placement: str) -> Point:
    """A point along a road, offset sideways according to where such objects stand."""
    line = road.geom
    s = rng.uniform(0.05, 0.95) * line.length
    p, q = line.interpolate(max(s - 1, 0)), line.interpolate(min(s + 1, line.length))
    dx, dy = q.x - p.x, q.y - p.y
    norm = math.hypot(dx, dy) or 1.0
    half = ROAD_HALF_WIDTH_M[road.road_class]
    if placement == "carriageway":
        offset = half * rng.uniform(0.1, 0.7)
    elif placement == "kerb":
        offset = half + rng.uniform(0.5, 2.0)
    else:  # frontage: against the buildings
        offset = half + rng.uniform(3.0, 6.0)
    side = float(rng.choice((-1.0, 1.0)))
    at = line.interpolate(s)
    return Point(round(at.x - side * offset * dy / norm, 2), round(at.y + side * offset * dx / norm, 2))


def random_install_date(rng: np.random.Generator, years: tuple[int, int]) -> str:
    """An ISO date uniformly within the given years (inclusive)."""
    first, last = date(years[0], 1, 1).toordinal(), date(years[1], 12, 31).toordinal()
    return date.fromordinal(int(rng.integers(first, last + 1))).isoformat()


def build_components(rng: np.random.Generator, roads: list[Road], arterials: ArterialNetwork,
                     inner: Polygon) -> list[Component]:
    """Place components along the roads they belong to, a few metres off the centreline."""
    shapely.prepare(inner)
    components: list[Component] = []
    for plan in COMPONENT_PLANS:
        candidates = [r for r in roads if r.road_class in plan.road_classes]
        lengths = [r.geom.length for r in candidates]
        class_name = COMPONENT_CLASS_NAMES[plan.code]
        placed = 0
        while placed < plan.count:
            road = candidates[weighted_index(rng, lengths)]
            point = point_beside(rng, road, plan.placement)
            if not inner.contains(point):
                continue  # beside a road at the district edge, on the far side: try again
            placed += 1
            components.append(Component(point, plan.code, f"{class_name}-{placed:03d}",
                                        random_install_date(rng, plan.install_years),
                                        plan.problem_rate))
    # Traffic signals stand at the corners of arterial junctions.
    junctions = []
    lines = arterials.road_lines
    well_inside = inner.buffer(-30.0)
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            junctions += [p for p in parts(lines[i].intersection(lines[j]))
                          if isinstance(p, Point) and well_inside.contains(p)]
    junctions.sort(key=lambda p: (-p.y, p.x))
    chosen = sorted(rng.choice(len(junctions), min(TRAFFIC_SIGNAL_MAX, len(junctions)), replace=False))
    name = COMPONENT_CLASS_NAMES[TRAFFIC_SIGNAL_CODE]
    for number, k in enumerate(chosen, start=1):
        corner = Point(round(junctions[k].x + rng.choice((-14.0, 14.0)), 2),
                       round(junctions[k].y + rng.choice((-14.0, 14.0)), 2))
        components.append(Component(corner, TRAFFIC_SIGNAL_CODE, f"{name}-{number:03d}",
                                    random_install_date(rng, (2008, 2024)),
                                    TRAFFIC_SIGNAL_PROBLEM_RATE))
    return components


# ---------------------------------------------------------------------------------------------
# Cases (案件)
# ---------------------------------------------------------------------------------------------


@dataclass
class Case:
    """One reported problem."""

    geom: Point
    source: str
    kind: str
    class_code: str
    class_name: str
    description: str
    address: str
    reported_at: datetime
    status: str
    closed_at: datetime | None
    case_id: str = ""


def is_holiday(day: date) -> bool:
    """True on the 2025 public holidays."""
    return any(first <= day <= last for first, last in HOLIDAYS_2025)


def day_weights(source: str) -> np.ndarray:
    """Relative number of reports per day of 2025 for one source.

    A summer peak (more street life, rain and heat), fewer reports on weekends and holidays
    for the inspectors' office week, slightly fewer for the others.
    """
    days = [date(YEAR, 1, 1) + timedelta(days=k) for k in range(365)]
    weights = []
    for day in days:
        doy = day.timetuple().tm_yday
        w = 1.0 + 0.18 * math.sin(2 * math.pi * (doy - 110) / 365)
        if is_holiday(day):
            w *= SOURCE_HOLIDAY_FACTOR[source]
        elif day.weekday() >= 5:
            w *= SOURCE_WEEKEND_FACTOR[source]
        weights.append(w)
    return np.asarray(weights)


def season_factor(code: str, month: int) -> float:
    """Seasonal weight of a class in a given month (1 = no seasonal pattern)."""
    if code == "10001":  # snow and ice
        return {1: 3.0, 2: 2.0, 12: 2.0}.get(month, 0.0)
    if code == "06021":  # pests on trees
        return 3.0 if 5 <= month <= 8 else 0.0
    if code == "06020":  # burning leaves
        return 3.0 if month in (10, 11) else 0.3
    if code in EVENING_CLASSES:  # barbecues, noise, cooking fumes: summer evenings
        return 2.0 if 5 <= month <= 9 else (0.3 if month in (11, 12, 1, 2, 3) else 1.0)
    if code.startswith("08") or code == "06014":  # building sites pause in the winter
        return 1.0 if 3 <= month <= 11 else 0.2
    if code in ("09001", "09006"):  # street vendors
        return 1.3 if 5 <= month <= 9 else 0.7
    if code == "01004":  # storm drains block in the rainy season
        return 2.5 if month in (7, 8) else 0.8
    if code == "04002":  # trees fall in summer storms
        return 2.0 if month in (7, 8) else 0.8
    return 1.0


def draw_event_class(rng: np.random.Generator, mix: dict[str, float], source: str,
                     month: int) -> str:
    """An event class from a mix, biased by who reports and by the season."""
    codes = list(mix)
    bias = SOURCE_CLASS_BIAS[source]
    weights = [mix[c] * bias.get(c, 1.0) * season_factor(c, month) for c in codes]
    if sum(weights) == 0:  # e.g. a building-site-only mix in mid-winter via video
        weights = [mix[c] for c in codes]
    return codes[weighted_index(rng, weights)]


def component_problem(rng: np.random.Generator, class_name: str) -> str:
    """What is wrong with a component, e.g. 破损 for a manhole cover."""
    for word, problems in COMPONENT_PROBLEMS:
        if word in class_name:
            return str(rng.choice(problems))
    raise AssertionError("unreachable: the last entry matches everything")


class Gazetteer:
    """Looks up the street, community and nearest road of a point, to write an address."""

    def __init__(self, communities: list[Community], roads: list[Road]):
        self.communities = communities
        self.community_tree = STRtree([c.geom for c in communities])
        self.roads = roads
        self.road_tree = STRtree([r.geom for r in roads])

    def nearest_road(self, point: Point) -> Road:
        return self.roads[int(self.road_tree.query_nearest(point)[0])]

    def address(self, point: Point) -> str:
        """'示例区<街道><社区><road><n>号', odd numbers on the left, even on the right."""
        hits = self.community_tree.query(point, predicate="intersects")
        community = self.communities[int(hits[0])]
        road = self.nearest_road(point)
        along = road.geom.project(point)
        a = road.geom.interpolate(max(along - 1, 0))
        b = road.geom.interpolate(min(along + 1, road.geom.length))
        left = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x) > 0
        number = 2 * int(along // 20) + (1 if left else 2)
        street = STREET_NAMES[community.street_index]
        return f"{ADDRESS_PREFIX}{street}{community.name}{road.name}{number}号"


@dataclass(frozen=True)
class Address:
    """A standard address of the gazetteer (标准地址): a door plate (门牌) or a point of interest (兴趣点)."""

    geom: Point
    code: str
    kind: str
    name: str
    road: str
    number: int | None
    street_name: str
    community_name: str
    community_code: str

    @property
    def full_address(self) -> str:
        place = f"{self.road}{self.number}号" if self.number is not None else self.name
        return f"{ADDRESS_PREFIX}{self.street_name}{self.community_name}{place}"


DOOR_PLATE, POINT_OF_INTEREST = "门牌", "兴趣点"


def build_addresses(communities: list[Community], roads: list[Road], hotspots: list[Point]) -> list[Address]:
    """Door plates along every drawn road, numbered as Gazetteer.address numbers case addresses
    (every 20 m, odd on the left, even on the right, 8 m off the centreline), and the hot spots'
    landmarks as points of interest. Deterministic: no random draws, so the other layers stay as
    they are. Codes: community code + 4-digit road number in the community + 5-digit door number
    (the plugin's own layout; see the README)."""
    tree = STRtree([c.geom for c in communities])
    road_numbers: dict[tuple[str, str], int] = {}
    roads_in: Counter[str] = Counter()  # roads numbered so far per community
    addresses = []

    def community_at(point: Point) -> Community | None:
        hits = tree.query(point, predicate="intersects")
        return communities[int(hits[0])] if len(hits) else None

    seen_plates = set()
    for road in roads:
        line = road.geom
        for k in range(int(line.length // 20) + 1):
            along = 20 * k + 10
            if along > line.length:
                break
            a, b = line.interpolate(along - 1), line.interpolate(min(along + 1, line.length))
            norm = math.hypot(b.x - a.x, b.y - a.y) or 1.0
            centre = line.interpolate(along)
            for side, number in ((1, 2 * k + 1), (-1, 2 * k + 2)):
                plate = Point(round(centre.x - side * 8 * (b.y - a.y) / norm, 2),
                              round(centre.y + side * 8 * (b.x - a.x) / norm, 2))
                community = community_at(plate)
                if community is None or (road.name, number) in seen_plates:
                    continue  # outside the district, or a second piece of a road already numbered here
                seen_plates.add((road.name, number))
                if (community.code, road.name) not in road_numbers:
                    roads_in[community.code] += 1
                    road_numbers[community.code, road.name] = roads_in[community.code]
                road_number = road_numbers[community.code, road.name]
                addresses.append(Address(plate, f"{community.code}{road_number:04d}{number:05d}", DOOR_PLATE, "",
                                         road.name, number, STREET_NAMES[community.street_index], community.name,
                                         community.code))
    for number, (spot, centre) in enumerate(zip(HOTSPOTS, hotspots, strict=True), start=1):
        community = community_at(centre)
        if community is None:
            continue
        addresses.append(Address(centre, f"{community.code}9{number:03d}00000", POINT_OF_INTEREST,
                                 spot.name, "", None, STREET_NAMES[community.street_index], community.name,
                                 community.code))
    return addresses


def random_point_near(rng: np.random.Generator, centre: Point, spread: float, inner: Polygon) -> Point:
    """A Gaussian scatter around a centre, redrawn until it falls inside the district."""
    while True:
        p = Point(round(centre.x + rng.normal(0, spread), 2), round(centre.y + rng.normal(0, spread), 2))
        if inner.contains(p):
            return p


def random_point_on_roads(rng: np.random.Generator, roads: list[Road], weights: np.ndarray,
                          inner: Polygon) -> Point:
    """A point on a random road (length-weighted), 2-10 m to one side, inside the district."""
    while True:
        road = roads[int(rng.choice(len(roads), p=weights))]
        line = road.geom
        at = line.interpolate(rng.uniform(0, line.length))
        b = line.interpolate(min(line.project(at) + 1, line.length))
        a = line.interpolate(max(line.project(at) - 1, 0))
        norm = math.hypot(b.x - a.x, b.y - a.y) or 1.0
        off = float(rng.choice((-1.0, 1.0))) * rng.uniform(2, 10)
        p = Point(round(at.x - off * (b.y - a.y) / norm, 2), round(at.y + off * (b.x - a.x) / norm, 2))
        if inner.contains(p):
            return p


def case_outcome(rng: np.random.Generator, kind: str, source: str,
                 reported_at: datetime) -> tuple[str, datetime | None]:
    """Status and closing time as seen at the year-end snapshot.

    Handling time is log-normal (events are quicker than components, which need the owning
    utility; hotline cases wait for the call-back); a few cases drag on for weeks. Cases of the
    last two weeks that are still open are often not dispatched yet.
    """
    median_h = 30.0 if kind == "部件" else 8.0
    if source == "12345热线":
        median_h *= 2.5
    if rng.random() < 0.04:
        hours = rng.uniform(15, 120) * 24
    else:
        hours = max(0.25, float(rng.lognormal(math.log(median_h), 1.0)))
    closed_at = reported_at + timedelta(seconds=round(hours * 3600))
    if closed_at <= SNAPSHOT:
        return "已结案", closed_at
    age_days = (SNAPSHOT - reported_at).total_seconds() / 86400
    if age_days <= 14 and rng.random() < 0.35 + 0.5 * math.exp(-age_days / 4):
        return "待派遣", None
    return "处置中", None


def build_cases(rng: np.random.Generator, components: list[Component], roads: list[Road],
                gazetteer: Gazetteer, inner: Polygon, origin: tuple[float, float],
                arterials: ArterialNetwork, matter_names: dict[str, str]) -> list[Case]:
    """Cases over 2025: Poisson counts per day and source, then class, place and outcome."""
    shapely.prepare(inner)
    hotspot_centres = locate_hotspots(origin, roads, arterials)
    road_weights = np.array([r.geom.length * {ARTERIAL: 1.5, SECONDARY: 1.2, BRANCH: 1.0,
                                              HUTONG: 1.3}[r.road_class] for r in roads])
    road_weights /= road_weights.sum()
    big_roads = [r for r in roads if r.road_class in (ARTERIAL, SECONDARY)]  # where cameras are
    big_weights = np.array([r.geom.length for r in big_roads])
    big_weights /= big_weights.sum()
    # Some components are reported again and again (a rattling cover, a lamp that keeps failing).
    frailty = rng.gamma(0.8, 1.0, len(components))
    cases = []
    for source, share in zip(SOURCES, SOURCE_SHARES):
        weights = day_weights(source)
        expected = TARGET_CASE_COUNT * share * weights / weights.sum()
        counts = rng.poisson(expected)
        for day_index, count in enumerate(counts):
            day = date(YEAR, 1, 1) + timedelta(days=day_index)
            for _ in range(int(count)):
                cases.append(draw_case(rng, source, day, components, frailty, roads, road_weights,
                                       big_roads, big_weights, hotspot_centres, gazetteer, inner,
                                       matter_names))
    # Case numbers follow the reporting order, as in a real register.
    cases.sort(key=lambda c: c.reported_at)
    for number, case in enumerate(cases, start=1):
        case.case_id = f"AJ{YEAR}{number:06d}"
    return cases


def draw_case(rng: np.random.Generator, source: str, day: date, components: list[Component],
              frailty: np.ndarray, roads: list[Road], road_weights: np.ndarray,
              big_roads: list[Road], big_weights: np.ndarray, hotspot_centres: list[Point],
              gazetteer: Gazetteer, inner: Polygon, matter_names: dict[str, str]) -> Case:
    """One case reported on a given day by a given source."""
    month = day.month
    if rng.random() < SOURCE_COMPONENT_SHARE[source]:
        kind = "部件"
        rates = np.array([c.problem_rate * season_factor(c.code, month) for c in components]) * frailty
        component = components[weighted_index(rng, rates)]
        code = component.code
        class_name = matter_names.get(code, COMPONENT_CLASS_NAMES[code] + "异常")
        # The reporter stands next to the object; the GPS fix is a few metres off.
        point = random_point_near(rng, component.geom, 3.0, inner)
        road = gazetteer.nearest_road(point)
        description = f"{road.name}{COMPONENT_CLASS_NAMES[code]}{component_problem(rng, COMPONENT_CLASS_NAMES[code])}"
        landmark = ""
    else:
        kind = "事件"
        landmark = ""
        if rng.random() < HOTSPOT_SHARE[source]:
            spot_weights = [h.weight * sum(w * season_factor(c, month) for c, w in h.classes.items())
                            / sum(h.classes.values()) for h in HOTSPOTS]
            k = weighted_index(rng, spot_weights)
            code = draw_event_class(rng, HOTSPOTS[k].classes, source, month)
            point = random_point_near(rng, hotspot_centres[k], HOTSPOTS[k].spread_m, inner)
            if rng.random() < 0.5:
                landmark = HOTSPOTS[k].name
        else:
            code = draw_event_class(rng, EVENT_MIX, source, month)
            if source == "视频发现":
                point = random_point_on_roads(rng, big_roads, big_weights, inner)
            else:
                point = random_point_on_roads(rng, roads, road_weights, inner)
        class_name = EVENT_CLASS_NAMES[code]
        road = gazetteer.nearest_road(point)
        templates = EVENT_DESCRIPTIONS.get(code, ("{road}发现" + class_name + "问题",))
        description = str(rng.choice(templates)).format(road=road.name)
    hours = EVENING_HOURS if code in EVENING_CLASSES and source != "监督员上报" else SOURCE_HOURS[source]
    hour = weighted_index(rng, hours)
    reported_at = datetime(day.year, day.month, day.day, hour, int(rng.integers(60)),
                           int(rng.integers(60)), tzinfo=CHINA_TZ)
    status, closed_at = case_outcome(rng, kind, source, reported_at)
    address = gazetteer.address(point)
    if landmark:
        address += f"（{landmark}附近）"
    return Case(point, source, kind, code, class_name, description, address, reported_at,
                status, closed_at)


def locate_hotspots(origin: tuple[float, float], roads: list[Road],
                    arterials: ArterialNetwork) -> list[Point]:
    """Put each hotspot on the road network: junction spots on the nearest arterial junction,
    the others on the nearest road to their nominal position."""
    x0, y0 = origin
    junctions = []
    for ns in arterials.ns_lines:
        for ew in [*arterials.ew_lines, arterials.road_lines[-1]]:
            junctions += [p for p in parts(ns.intersection(ew)) if isinstance(p, Point)]
    network = shapely.union_all([r.geom for r in roads])
    centres = []
    for spot in HOTSPOTS:
        nominal = Point(x0 + spot.nominal_xy[0], y0 + spot.nominal_xy[1])
        if "路口" in spot.name or "地铁站" in spot.name:
            centres.append(min(junctions, key=nominal.distance))
        else:
            centres.append(network.interpolate(network.project(nominal)))
    return centres


# ---------------------------------------------------------------------------------------------
# Reference tables, writing and validation
# ---------------------------------------------------------------------------------------------


def check_against_reference(reference_dir: Path | None) -> dict[str, str]:
    """Cross-check the embedded class names with the reference tables, when present.

    Returns the GB/T 47678.5 管理事项 names for component codes (e.g. 01001 -> 供水井盖异常),
    which name 部件 cases; empty when the tables are not available.
    """
    if reference_dir is None:
        print("note: reference class tables not found; using the embedded class names unchecked")
        return {}

    def gb_rows(file_name: str) -> dict[str, dict[str, str]]:
        with open(reference_dir / file_name, encoding="utf-8", newline="") as f:
            return {r["full_code"]: r for r in csv.DictReader(f)
                    if r["standard"].startswith("GB/T 47678.5")}

    components = gb_rows("component_classes.csv")
    events = gb_rows("event_classes.csv")
    for code, name in COMPONENT_CLASS_NAMES.items():
        assert code in components and components[code]["minor_name"] == name, \
            f"component class {code} {name} differs from {reference_dir}/component_classes.csv"
    for code, name in EVENT_CLASS_NAMES.items():
        row = events.get(code)
        assert row and row["minor_name"] == name and "06" <= row["major_code"] <= "10", \
            f"event class {code} {name} differs from {reference_dir}/event_classes.csv"
    return {code: events[code]["minor_name"] for code in COMPONENT_CLASS_NAMES if code in events}


def find_reference_dir(explicit: Path | None) -> Path | None:
    """The explicitly given reference folder, else the first default one holding the tables."""
    if explicit is not None:
        return explicit
    for candidate in REFERENCE_CANDIDATES:
        if (candidate / "component_classes.csv").is_file() and (candidate / "event_classes.csv").is_file():
            return candidate
    return None


TO_OUTPUT = Transformer.from_crs(WORK_CRS, OUTPUT_CRS, always_xy=True)
TO_WORK = Transformer.from_crs(OUTPUT_CRS, WORK_CRS, always_xy=True)


def reproject(geom: BaseGeometry, transformer: Transformer) -> BaseGeometry:
    """Transform every vertex with a pyproj transformer (x/y = easting/northing or lon/lat)."""
    return shapely.transform(geom, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def iso(moment: datetime | None) -> str:
    """ISO 8601 with the +08:00 offset, or '' for no time."""
    return moment.isoformat(timespec="seconds") if moment else ""


def write_layer(path: Path, layer: str, geometry_type: str, fields: dict[str, str],
                features: Iterable[tuple[BaseGeometry, dict[str, object]]]) -> int:
    """Write one layer in EPSG:4490; geometries come in EPSG:4548. Returns the feature count."""
    records = []
    for geom, properties in features:
        assert geom.geom_type == geometry_type, f"{layer}: {geom.geom_type} is not {geometry_type}"
        assert list(properties) == list(fields), f"{layer}: properties do not match the fields"
        records.append({"geometry": mapping(reproject(geom, TO_OUTPUT)), "properties": properties})
    schema = {"geometry": geometry_type, "properties": fields}
    with fiona.open(path, "w", driver="GPKG", layer=layer, crs=OUTPUT_CRS, schema=schema) as dst:
        dst.writerecords(records)
    return len(records)


LAYER_FIELDS = {
    "district": {"district_code": "str", "name": "str", "name_en": "str"},
    "streets": {"street_code": "str", "street_name": "str", "district_code": "str"},
    "communities": {"community_code": "str", "street_code": "str", "district_code": "str",
                    "street_name": "str", "community_name": "str"},
    "roads": {"road_id": "int", "name": "str", "road_class": "str", "road_class_en": "str"},
    "components": {"class_code": "str", "class_name": "str", "major_code": "str", "name": "str",
                   "install_date": "str"},
    "cases": {"case_id": "str", "source": "str", "kind": "str", "class_code": "str",
              "class_name": "str", "description": "str", "address": "str", "reported_at": "str",
              "status": "str", **{name: "int" if name in (REWORKS, POSTPONEMENTS) else "str"
                                  for name in LIFECYCLE_COLUMNS}},
    "addresses": {"address_code": "str", "kind": "str", "name": "str", "road": "str", "number": "int",
                  "full_address": "str", "district_code": "str", "street_name": "str", "community_code": "str",
                  "community_name": "str"},
}
CSV_COLUMNS = [*LAYER_FIELDS["cases"], "lon", "lat"]


def write_outputs(out_dir: Path, outline: Polygon, streets: list[Polygon],
                  communities: list[Community], roads: list[Road], components: list[Component],
                  cases: list[Case], lifecycles: list[dict[str, object]], statuses: list[str],
                  addresses: list[Address]) -> None:
    """Write the GeoPackage and the CSV, replacing earlier outputs; `lifecycles` and `statuses` are
    make_lifecycle's, one per case."""
    handled = [case_properties(c, row, status) for c, row, status in zip(cases, lifecycles, statuses, strict=True)]
    gpkg, csv_path = out_dir / GPKG_NAME, out_dir / CSV_NAME
    for stale in (gpkg, csv_path):
        stale.unlink(missing_ok=True)
    # A fixed gpkg_contents.last_change keeps the file free of the time of the run.
    with fiona.Env(OGR_CURRENT_DATE="2025-12-31T23:59:59Z"):
        write_layer(gpkg, "district", "Polygon", LAYER_FIELDS["district"], [
            (outline, {"district_code": DISTRICT_CODE, "name": DISTRICT_NAME, "name_en": DISTRICT_NAME_EN})])
        write_layer(gpkg, "streets", "Polygon", LAYER_FIELDS["streets"], [
            (geom, {"street_code": f"{DISTRICT_CODE}{k + 1:03d}", "street_name": STREET_NAMES[k],
                    "district_code": DISTRICT_CODE}) for k, geom in enumerate(streets)])
        write_layer(gpkg, "communities", "Polygon", LAYER_FIELDS["communities"], [
            (c.geom, {"community_code": c.code, "street_code": c.code[:9], "district_code": DISTRICT_CODE,
                      "street_name": STREET_NAMES[c.street_index], "community_name": c.name})
            for c in communities])
        write_layer(gpkg, "roads", "LineString", LAYER_FIELDS["roads"], [
            (r.geom, {"road_id": k, "name": r.name, "road_class": r.road_class,
                      "road_class_en": ROAD_CLASS_EN[r.road_class]}) for k, r in enumerate(roads, start=1)])
        write_layer(gpkg, "components", "Point", LAYER_FIELDS["components"], [
            (c.geom, {"class_code": c.code, "class_name": COMPONENT_CLASS_NAMES[c.code],
                      "major_code": c.code[:2], "name": c.name, "install_date": c.install_date})
            for c in components])
        write_layer(gpkg, "cases", "Point", LAYER_FIELDS["cases"], zip([c.geom for c in cases], handled))
        write_layer(gpkg, "addresses", "Point", LAYER_FIELDS["addresses"], [
            (a.geom, {"address_code": a.code, "kind": a.kind, "name": a.name, "road": a.road,
                      "number": a.number, "full_address": a.full_address, "district_code": DISTRICT_CODE,
                      "street_name": a.street_name, "community_code": a.community_code,
                      "community_name": a.community_name}) for a in addresses])
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for case, properties in zip(cases, handled):
            lonlat = reproject(case.geom, TO_OUTPUT)
            values = ["" if v is None else v for v in properties.values()]
            writer.writerow([*values, f"{lonlat.x:.7f}", f"{lonlat.y:.7f}"])


def case_properties(case: Case, lifecycle: dict[str, object], status: str) -> dict[str, object]:
    """Attribute values of a case, in field order."""
    return {"case_id": case.case_id, "source": case.source, "kind": case.kind,
            "class_code": case.class_code, "class_name": case.class_name,
            "description": case.description, "address": case.address,
            "reported_at": iso(case.reported_at), "status": status, **lifecycle}


def read_layer(gpkg: Path, layer: str) -> tuple[list[BaseGeometry], list[dict[str, object]]]:
    """Read a written layer back, checking its CRS and fields; geometries in EPSG:4548."""
    with fiona.open(gpkg, layer=layer) as src:
        assert src.crs.to_epsg() == 4490, f"{layer}: CRS is {src.crs}, not EPSG:4490"
        assert list(src.schema["properties"]) == list(LAYER_FIELDS[layer]), f"{layer}: fields differ"
        features = list(src)
    geoms = [reproject(shape(f["geometry"]), TO_WORK) for f in features]
    return geoms, [dict(f["properties"]) for f in features]


def validate(out_dir: Path) -> dict[str, object]:
    """Re-read the outputs and assert what the plugin relies on. Returns summary figures."""
    gpkg = out_dir / GPKG_NAME
    (district,), (district_props,) = read_layer(gpkg, "district")
    assert district_props["district_code"] == DISTRICT_CODE
    streets, street_props = read_layer(gpkg, "streets")
    communities, community_props = read_layer(gpkg, "communities")
    roads, road_props = read_layer(gpkg, "roads")
    components, component_props = read_layer(gpkg, "components")
    cases, case_props = read_layer(gpkg, "cases")

    # Communities tile the district: no gap, no overlap (computed in EPSG:4548).
    union = shapely.union_all(communities)
    assert abs(union.area - district.area) < 1.0, f"community union {union.area} != district {district.area}"
    assert union.symmetric_difference(district).area < 1.0, "communities do not cover the district exactly"
    tree = STRtree(communities)
    left, right = tree.query(communities, predicate="intersects")
    overlap = sum(communities[i].intersection(communities[j]).area for i, j in zip(left, right) if i < j)
    assert overlap < 1.0, f"communities overlap by {overlap:.3f} m²"
    street_union = shapely.union_all(streets)
    assert street_union.symmetric_difference(district).area < 1.0, "streets do not tile the district"

    # Codes: unique, 12 digits, nested in street and district codes.
    codes = [p["community_code"] for p in community_props]
    assert len(set(codes)) == len(codes), "duplicate community codes"
    assert all(re.fullmatch(r"990101\d{6}", c) for c in codes), "community code not 12 digits"
    assert all(p["street_code"] == p["community_code"][:9] for p in community_props)
    assert len({p["community_name"] for p in community_props}) == len(codes), "duplicate community names"
    street_codes = [p["street_code"] for p in street_props]
    assert street_codes == [f"{DISTRICT_CODE}{k:03d}" for k in range(1, 5)]
    for geom, props in zip(communities, community_props):
        inside = [s for s, street in enumerate(streets)
                  if geom.intersection(street).area > geom.area - 1.0]
        touching = [s for s, street in enumerate(streets) if geom.intersection(street).area > 1.0]
        assert len(inside) == 1 and touching == inside, f"{props['community_code']} not in exactly one street"
        assert street_codes[inside[0]] == props["street_code"], f"{props['community_code']} in wrong street"
    areas_km2 = sorted(g.area / 1e6 for g in communities)
    assert areas_km2[0] >= 0.3 and areas_km2[-1] <= 1.5, f"community areas out of range: {areas_km2}"

    # Roads: known classes, no degenerate pieces, unique ids.
    assert all(p["road_class"] in ROAD_CLASS_EN and ROAD_CLASS_EN[p["road_class"]] == p["road_class_en"]
               for p in road_props)
    assert min(g.length for g in roads) > 0.4, "zero-length road segment"
    assert len({p["road_id"] for p in road_props}) == len(roads)

    # Points: inside the district; case ids unique; codes known.
    shapely.prepare(district)
    assert all(district.contains(g) for g in components), "component outside the district"
    assert all(district.contains(g) for g in cases), "case outside the district"
    ids = [p["case_id"] for p in case_props]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"AJ2025\d{6}", i) for i in ids)
    assert all(p["class_code"] in COMPONENT_CLASS_NAMES for p in component_props)
    assert all((p["kind"] == "部件" and p["class_code"] in COMPONENT_CLASS_NAMES)
               or (p["kind"] == "事件" and p["class_code"] in EVENT_CLASS_NAMES) for p in case_props)
    assert all(p["reported_at"].startswith("2025-") and p["reported_at"].endswith("+08:00")
               for p in case_props)
    check_lifecycles(case_props)

    with open(out_dir / CSV_NAME, encoding="utf-8", newline="") as f:
        assert not f.read(1).startswith("\ufeff"), "CSV must not start with a BOM"
        f.seek(0)
        rows = list(csv.DictReader(f))
    assert [r["case_id"] for r in rows] == ids, "CSV and cases layer differ"
    assert list(rows[0]) == CSV_COLUMNS

    return {
        "layers": {"district": 1, "streets": len(streets), "communities": len(communities),
                   "roads": len(roads), "components": len(components), "cases": len(cases)},
        "district_km2": district.area / 1e6,
        "community_km2": (areas_km2[0], float(np.median(areas_km2)), areas_km2[-1]),
        "road_classes": Counter(p["road_class"] for p in road_props),
        "sources": Counter(p["source"] for p in case_props),
        "kinds": Counter(p["kind"] for p in case_props),
        "statuses": Counter(p["status"] for p in case_props),
        "departments": len({p[DEPARTMENT] for p in case_props}),
        "reworks": Counter(p[REWORKS] for p in case_props),
        "postponements": Counter(p[POSTPONEMENTS] for p in case_props),
        "planted": sum("快递" in p["description"] for p in case_props),
    }


def check_lifecycles(case_props: list[dict[str, object]]) -> None:
    """Closed and cancelled cases have a closing time, open ones none; 是否作废 says 是 exactly for the
    cancelled ones; no stage after the snapshot; the stages are in order except the planted closing
    times before the report."""
    for p in case_props:
        assert (p["status"] in ("已结案", INVALID_STATUS)) == bool(p[CLOSED]), p["case_id"]
        assert (p[INVALID] == "是") == (p["status"] == INVALID_STATUS), p["case_id"]
    out_of_order = 0
    for p in case_props:
        times = [datetime.fromisoformat(str(p[name])) for name in ("reported_at", *LIFECYCLE_COLUMNS[:4]) if p[name]]
        assert max(times) <= SNAPSHOT, p["case_id"]
        out_of_order += times != sorted(times)
    assert out_of_order == TRAP_CLOSED_BEFORE_REPORT, f"{out_of_order} cases with stages out of order"


def main() -> None:
    """Build the sample district, write it, check it and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="output folder (default: the folder of this script)")
    parser.add_argument("--reference", type=Path, default=None,
                        help="folder with component_classes.csv and event_classes.csv to check "
                             "the embedded class names against (default: looked up)")
    args = parser.parse_args()
    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    matter_names = check_against_reference(find_reference_dir(args.reference))

    rng = np.random.default_rng(SEED)
    origin = district_origin()
    outline = build_district_outline(rng, origin)
    arterials = build_arterials(rng, origin)
    communities, streets = build_communities_and_streets(rng, outline, arterials)
    old_town = shapely.union_all([streets[0], streets[2]])  # the two western streets
    drawn_roads = build_roads(rng, origin, outline, arterials, old_town)
    roads = split_at_intersections(drawn_roads)
    # Points keep a metre off the outline so that reprojection round trips stay inside.
    inner = outline.buffer(-1.0)
    components = build_components(rng, drawn_roads, arterials, inner)
    gazetteer = Gazetteer(communities, drawn_roads)
    cases = build_cases(rng, components, drawn_roads, gazetteer, inner, origin, arterials, matter_names)
    addresses = build_addresses(communities, drawn_roads, locate_hotspots(origin, drawn_roads, arterials))
    planted = plant_emerging_hotspot(
        origin, [r.geom for r in drawn_roads], YEAR, len(cases) + 1,
        point_near=lambda r, centre, spread: random_point_near(r, centre, spread, inner),
        hour_weights=lambda source, code: (EVENING_HOURS if code in EVENING_CLASSES and source != "监督员上报"
                                           else SOURCE_HOURS[source]),
        outcome=case_outcome, address=gazetteer.address, road_name=lambda p: gazetteer.nearest_road(p).name,
        class_names=EVENT_CLASS_NAMES, make_case=Case, zone=CHINA_TZ)
    lifecycles, statuses = case_lifecycles([*cases, *planted], SNAPSHOT, ADDRESS_PREFIX, STREET_NAMES)

    write_outputs(args.out, outline, streets, communities, roads, components, [*cases, *planted], lifecycles,
                  statuses, addresses)
    summary = validate(args.out)
    # the parcels, appended to the GeoPackage with their own random generator
    from make_parcels import build_parcels, check_parcels, write_parcels  # beside this script

    write_parcels(args.out / GPKG_NAME, build_parcels([c.geom for c in communities], [r.geom for r in roads], origin),
                  TO_OUTPUT, "2025-12-31T23:59:59Z")
    summary["parcels"] = check_parcels(args.out / GPKG_NAME, outline, TO_WORK)
    # the traps of real exports, from the same cases, after the clean files are written and checked
    from make_real_sample import write_real_sample  # beside this script

    summary["real"] = write_real_sample(
        args.out, cases, [a.geom for a in addresses if a.kind == DOOR_PLATE], components,
        lambda c: {"class_code": c.code, "class_name": COMPONENT_CLASS_NAMES[c.code], "major_code": c.code[:2],
                   "name": c.name, "install_date": c.install_date}, origin, TO_OUTPUT, "2025-12-31T23:59:59Z")
    for key, value in summary.items():
        print(f"{key}: {value}")
    print(f"done in {time.perf_counter() - started:.1f} s -> {args.out}")


if __name__ == "__main__":
    main()
