"""Build the plugin's class tables (resources/classes/*.csv) from the shared reference CSVs.

    python resources/classes/make_classes.py [SOURCE_DIR] [--out OUT_DIR]

SOURCE_DIR holds component_classes.csv and event_classes.csv (default: ../shared/reference
relative to the repository root); OUT_DIR defaults to this folder. The output is deterministic:
rows sorted by class code, UTF-8 without BOM, "\\n" line ends, no dates. Running the script twice
gives byte-identical files (tests/unit/test_classes.py checks this).

Tables written (columns: class_code, major_code, major_name_zh, major_name_en, name_zh, name_en,
geometry_types, confidence, source):

  components_gbt47678.csv  GB/T 47678.5-2026 components, 5-digit class codes (2 major + 3 minor):
                           every source row whose `standard` starts with "GB/T 47678.5".
  components_gbt30428.csv  legacy GB/T 30428.2-2013 / CJ/T 214-2007 components, 4-digit codes
                           (2 + 2). The source has three legacy lists of mixed origin:
                             * the national-legacy list of one implementation (CETC city operation
                               centre, `confidence` starts with "legacy national code"): TAKEN.
                               Its 0101-0126 agree with the independent Beijing-Chaoyang list
                               (standards.md §2.2, [C]); its codes after 0126 are [U].
                             * local extension major 21 of the same implementation (`confidence`
                               "local extension class 21 (not national)"): LEFT OUT. Extension
                               majors are local; users add them with a user class file
                               (ClassTable.load_user_csv).
                             * the Beijing-Chaoyang local variant (minor 9x = local, 0127+ and
                               majors 02-05 numbered differently): LEFT OUT, it is marked "use
                               only for cross-reference".
                           One exception: the national list skips 0110, inside the corroborated
                           range 0101-0126. Chaoyang's 0110 is 热力井盖 and GB/T 47678.5 kept the
                           same minor number (01010 热力井盖), so 0110 热力井盖 is taken from the
                           Chaoyang row and its `confidence` says so (LEGACY_GAP_FILL below).
  events_gbt47678.csv      GB/T 47678.5-2026 matters (事项): component-anomaly matters 01-05 (same
                           5-digit code as the component) and matters 06-10.
  events_gbt30428.csv      legacy events: only the GB/T 30428.2-2013-style rows (15 codes; major
                           04 = 街面秩序, minors equal to GB/T 47678.5 with major + 5). The older
                           CJ/T 214-2007-style list (major 05 = 街面秩序) and the Chaoyang list
                           reuse the same 4-digit codes for other matters (e.g. 0110 道路破损 vs
                           0110 暴露垃圾), so mixing them would give one code two meanings; they are
                           left out. The table is partial; extend it with a user class file.

Geometry kinds (geometry_types, "|"-separated among point, line, polygon). The reference leaves
the column empty (no per-class table is known, standards.md §2.4 [U]), so a default is derived:
  1. a non-empty `geometry_type` in the source row wins;
  2. else GEOMETRY_BY_NAME, an explicit per-name table (exact Chinese name);
  3. else the first rule of GEOMETRY_RULES whose keyword occurs in the Chinese name
     (rules are ordered: specific words such as 护栏 or 附属设施 come before 绿地 or 停车);
  4. else "point" (most components are small objects surveyed as points).
The rules follow standards.md §2.4: covers, poles, lamps, boxes, kiosks, signs, trees, hydrants →
point; railings, barriers, noise screens, flood walls, pipes, speed bumps → line; roads, bridges,
tunnels, underpasses, dykes, green belts → line or polygon; parking lots, green spaces, squares,
woodland, construction sites → polygon; buildings-like objects (toilets, stations, refuse rooms,
heritage sites) → point or polygon. Event tables get "point": an event case carries a location
only (standards.md §2.6). All of this is a default: edit the tables below and rerun, or override a
class at run time with a user class file row that gives the class_code and a geometry_types value.

English names come from the ZH_EN dictionary below (written by hand, not machine-translated);
a component-anomaly matter "X异常" is "<English of X> anomaly". A name missing from the dictionary
stops the script, so new source rows cannot slip in untranslated.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "reference"

COLUMNS = (
    "class_code", "major_code", "major_name_zh", "major_name_en", "name_zh", "name_en",
    "geometry_types", "confidence", "source",
)
KINDS = ("point", "line", "polygon")

# ---------------------------------------------------------------------------------------------
# Geometry defaults
# ---------------------------------------------------------------------------------------------
P, L, A = "point", "line", "polygon"

GEOMETRY_BY_NAME: dict[str, tuple[str, ...]] = {
    "消防设施": (P,),               # hydrants, fire-water connectors
    "水井": (P,),
    "民用水井": (P,),
    "交通标志牌及标线": (P, L),     # signs are points, road markings lines
    "安全岛": (P, A),
    "无障碍设施": (P, L),           # ramps are points, tactile paving lines
    "柔性隔离体": (L,),
    "喷泉": (P, A),
    "户外健身设施": (P, A),
    "化粪池": (P, A),
    "公共厕所": (P, A),
    "垃圾间（楼）": (P, A),
    "垃圾间(楼)": (P, A),
    "立体车库": (P, A),
    "非机动车停放点": (P, A),
    "自行车租赁点": (P, A),
    "轨道交通设施": (P, A),
    "港监设施": (P, A),
    "排水泵站": (P, A),
    "泵站": (P, A),
    "通信基站": (P,),
    "公房地下室": (P, A),
    "人防工事": (P, A),
    "重大危险源": (P, A),
    "文物古迹": (P, A),
    "车辆加油（气、电）站": (P, A),
    "加油站": (P, A),
    "口岸": (P, A),
    "洗车场": (P, A),
    "游乐场": (P, A),
    "特殊部件": (P, L, A),
    "线状花架花钵": (L,),
}

# (keyword in the Chinese name, kinds); first match wins, so specific words come first. Roads are
# named by kind (干道, 支路, ...) rather than by 道路, which also starts 道路信息显示屏 (a point).
GEOMETRY_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("井盖", (P,)),
    ("箅子", (P,)),
    ("盖板", (P,)),
    ("附属设施", (P,)),
    ("维护设施", (P,)),
    ("管护设施", (A,)),             # 林地及林地管护设施: the woodland itself
    ("护栏", (L,)),
    ("隔音屏", (L,)),
    ("防汛墙", (L,)),
    ("防洪墙", (L,)),
    ("挡墙", (L,)),
    ("管道", (L,)),
    ("减速带", (L,)),
    ("绿化带", (L, A)),
    ("堤", (L, A)),
    ("桥", (L, A)),                 # bridges, interchanges, trestles, railway bridges
    ("隧道", (L, A)),
    ("地下通道", (L, A)),
    ("干道", (L, A)),
    ("支路", (L, A)),
    ("街坊路", (L, A)),
    ("车行道", (L, A)),
    ("人行道", (L, A)),
    ("广场", (A,)),
    ("停车场", (A,)),
    ("绿地", (A,)),
    ("林地", (A,)),
    ("生态林", (A,)),
    ("工地", (A,)),
)
DEFAULT_KINDS: tuple[str, ...] = (P,)
EVENT_KINDS: tuple[str, ...] = (P,)


def geometry_types(name_zh: str, source_value: str = "") -> str:
    """The default geometry kinds of a component class, "|"-joined in point, line, polygon order."""
    if source_value.strip():
        given = {part.strip().lower() for part in source_value.replace(";", "|").split("|") if part.strip()}
        unknown = given - set(KINDS)
        if unknown:
            raise SystemExit(f"unknown geometry kind(s) {sorted(unknown)} for {name_zh}")
        kinds: tuple[str, ...] = tuple(given)
    elif name_zh in GEOMETRY_BY_NAME:
        kinds = GEOMETRY_BY_NAME[name_zh]
    else:
        kinds = next((k for word, k in GEOMETRY_RULES if word in name_zh), DEFAULT_KINDS)
    return "|".join(kind for kind in KINDS if kind in kinds)


# ---------------------------------------------------------------------------------------------
# English names (hand-written; keep short and literal)
# ---------------------------------------------------------------------------------------------
ZH_EN: dict[str, str] = {
    # component majors
    "市政公用设施": "Municipal utilities",
    "交通设施": "Transport facilities",
    "市容环卫设施": "City appearance and sanitation facilities",
    "园林绿化设施": "Landscaping and greening facilities",
    "其他管理部件": "Other managed components",
    "公用设施": "Public utilities",
    "道路交通": "Roads and traffic",
    "市容环境": "City appearance and environment",
    "园林绿化": "Landscaping and greening",
    "房屋土地": "Housing and land",
    "其他设施": "Other facilities",
    # event / matter majors
    "市政公用设施类": "Municipal utilities",
    "交通设施类": "Transport facilities",
    "市容环卫设施类": "City appearance and sanitation facilities",
    "园林绿化设施类": "Landscaping and greening facilities",
    "其他管理部件类": "Other managed components",
    "市容环境类": "City appearance and environment",
    "宣传广告类": "Publicity and advertising",
    "施工管理类": "Construction management",
    "街面秩序类": "Street order",
    "其他事项类": "Other matters",
    "宣传广告": "Publicity and advertising",
    "施工管理": "Construction management",
    "街面秩序": "Street order",
    "其他事件": "Other events",
    # GB/T 47678.5 components, 01 市政公用设施
    "供水井盖": "Water supply manhole cover",
    "污水井盖": "Sewage manhole cover",
    "雨水井盖": "Stormwater manhole cover",
    "雨水箅子": "Stormwater grate",
    "电力井盖": "Power manhole cover",
    "路灯井盖": "Street lighting manhole cover",
    "通信井盖": "Telecom manhole cover",
    "电视井盖": "Cable TV manhole cover",
    "网络井盖": "Network manhole cover",
    "热力井盖": "District heating manhole cover",
    "燃气井盖": "Gas manhole cover",
    "公安井盖": "Police manhole cover",
    "消防设施": "Fire-fighting facility",
    "园林井盖": "Landscaping manhole cover",
    "信号灯电源井盖": "Traffic signal power manhole cover",
    "电缆井盖": "Cable manhole cover",
    "化粪池井盖": "Septic tank manhole cover",
    "中水井盖": "Reclaimed water manhole cover",
    "公交井盖": "Public transit manhole cover",
    "输油（气）井盖": "Oil (gas) pipeline manhole cover",
    "特殊井盖": "Special manhole cover",
    "不明井盖": "Unidentified manhole cover",
    "水井": "Water well",
    "供水器": "Standpipe",
    "沟槽盖板": "Trench cover plate",
    "通信交接箱": "Telecom cross-connect cabinet",
    "电力设施": "Power facility",
    "电力设施标识牌": "Power facility sign",
    "电力立杆": "Power pole",
    "通信立杆": "Telecom pole",
    "公交立杆": "Public transit pole",
    "特殊立杆": "Special pole",
    "不明立杆": "Unidentified pole",
    "旗杆": "Flagpole",
    "输油（气）标志": "Oil (gas) pipeline marker",
    "路灯": "Street lamp",
    "地灯": "In-ground light",
    "景观灯": "Landscape light",
    "报刊亭": "Newsstand",
    "电话亭": "Telephone booth",
    "邮筒": "Mailbox",
    "信息亭": "Information kiosk",
    "售货亭": "Sales kiosk",
    "自动售货机": "Vending machine",
    "户外健身设施": "Outdoor fitness equipment",
    "高压线铁塔": "High-voltage transmission tower",
    "变压器（箱）": "Transformer (box)",
    "燃气调压站（箱）": "Gas pressure regulating station (box)",
    "监控电子眼设施": "Surveillance camera",
    "治安岗亭": "Police sentry box",
    "休息亭": "Rest pavilion",
    "自助缴费机": "Self-service payment machine",
    "充电桩": "EV charging point",
    "防蚊闸": "Anti-mosquito drain valve",
    "跨河管道": "River-crossing pipeline",
    "露天燃气管道": "Exposed gas pipeline",
    "晒衣架": "Clothes-drying rack",
    "旧衣物回收箱": "Used clothing collection bin",
    "路灯配电箱": "Street lighting distribution box",
    "露天供热管道": "Exposed heating pipeline",
    "通信基站": "Telecom base station",
    "水塔": "Water tower",
    "牌楼（门楼）": "Memorial archway (gateway)",
    "管理责任公示牌": "Management responsibility notice board",
    "紧急报警点SOS": "Emergency call point (SOS)",
    "防汛监测设施": "Flood monitoring facility",
    "水鹤": "Water crane",
    "水域附属设施": "Waterway ancillary facility",
    "水域护栏": "Waterside railing",
    "防汛墙": "Flood wall",
    "排水泵站": "Drainage pumping station",
    "雨污水排放口": "Storm or sewage outfall",
    "综合管廊附属设施": "Utility tunnel ancillary facility",
    "快递柜": "Parcel locker",
    "公用电梯": "Public elevator",
    "综合杆": "Multi-function pole",
    # 02 交通设施
    "停车场": "Parking lot",
    "立体车库": "Multi-storey car park",
    "停车计费设备": "Parking meter",
    "公交站设施": "Bus stop facility",
    "出租车停靠站": "Taxi stand",
    "过街天桥": "Pedestrian overpass",
    "地下通道": "Pedestrian underpass",
    "立交桥": "Interchange bridge",
    "跨河桥": "River bridge",
    "交通标志牌及标线": "Traffic signs and road markings",
    "限高架标志": "Height limit gantry",
    "路名牌": "Street name sign",
    "地名牌": "Place name sign",
    "交通信号灯": "Traffic light",
    "交通信号设施": "Traffic signal equipment",
    "交通岗亭": "Traffic police booth",
    "交通护栏": "Traffic barrier",
    "防撞桶": "Crash barrel",
    "安全岛": "Traffic island",
    "人行横道桩": "Crosswalk bollard",
    "便道桩": "Sidewalk bollard",
    "柔性隔离体": "Flexible lane separator",
    "道路信息显示屏": "Road information display",
    "道路隔音屏": "Road noise barrier",
    "非机动车停放点": "Bicycle parking area",
    "自行车租赁点": "Bike rental station",
    "存车支架": "Bicycle rack",
    "铁道口设施": "Railway crossing facility",
    "栈桥": "Trestle bridge",
    "水域标示牌": "Waterway sign",
    "港监设施": "Harbour supervision facility",
    "轨道交通设施": "Rail transit facility",
    "交通反视镜": "Traffic convex mirror",
    "无障碍设施": "Accessibility facility",
    "应急避难指示牌": "Emergency shelter sign",
    "救助站指示牌": "Relief station sign",
    "文物建筑标志牌": "Heritage building sign",
    "门（楼号）牌": "House (building) number plate",
    "公安指示牌": "Police sign",
    "景区标识牌": "Scenic area sign",
    "停车信息显示屏": "Parking information display",
    "铁路桥涵": "Railway bridge or culvert",
    "减速带": "Speed bump",
    "公路隧道": "Road tunnel",
    # 03 市容环卫设施
    "公共厕所": "Public toilet",
    "公厕指示牌": "Public toilet sign",
    "化粪池": "Septic tank",
    "垃圾间（楼）": "Refuse room (building)",
    "垃圾箱": "Litter bin",
    "户外广告": "Outdoor advertisement",
    "牌匾标识": "Shop sign",
    "宣传栏": "Bulletin board",
    "气象监测站": "Weather monitoring station",
    "环保监测站": "Environmental monitoring station",
    "污水口监测站": "Outfall monitoring station",
    "污水监测器": "Sewage monitor",
    "噪声显示屏": "Noise display",
    "环卫工具间（箱）": "Sanitation tool room (box)",
    "宠物拾便纸箱": "Pet waste bag dispenser",
    "烟头收集器或灭烟处": "Cigarette butt bin or extinguishing point",
    # 04 园林绿化设施
    "古树名木": "Ancient or notable tree",
    "行道树": "Street tree",
    "独立树": "Solitary tree",
    "护树设施": "Tree protection facility",
    "花架花钵": "Flower stand or planter",
    "雕塑": "Sculpture",
    "街头座椅": "Street bench",
    "绿地护栏": "Green space railing",
    "绿地附属设施": "Green space ancillary facility",
    "喷泉": "Fountain",
    "树池树穴": "Tree pit",
    "高架挂箱": "Viaduct planter box",
    "绿地": "Green space",
    "林地及林地管护设施": "Woodland and woodland management facility",
    # 05 其他管理部件
    "公房地下室": "Public housing basement",
    "车辆加油（气、电）站": "Fuel, gas or charging station",
    "文物古迹": "Cultural heritage site",
    # legacy (GB/T 30428.2 / CJ/T 214) component names not above
    "上水井盖": "Water supply manhole cover",
    "通讯井盖": "Telecom manhole cover",
    "无主井盖": "Ownerless manhole cover",
    "通讯交接箱": "Telecom cross-connect cabinet",
    "立杆": "Pole",
    "健身设施": "Fitness equipment",
    "输油(气)井盖": "Oil (gas) pipeline manhole cover",
    "民用水井": "Domestic water well",
    "变压器(箱)": "Transformer (box)",
    "燃气调压站(箱)": "Gas pressure regulating station (box)",
    "监控电子眼": "Surveillance camera",
    "公交站亭": "Bus shelter",
    "出租车站牌": "Taxi stand sign",
    "高架立交桥": "Elevated interchange",
    "交通标志牌": "Traffic sign",
    "垃圾间(楼)": "Refuse room (building)",
    "灯箱霓虹灯": "Light box or neon sign",
    "广告牌匾": "Billboard or shop sign",
    "街头坐椅": "Street bench",
    "绿地维护设施": "Green space maintenance facility",
    "人防工事": "Civil air defence works",
    "重大危险源": "Major hazard installation",
    "工地": "Construction site",
    "防洪墙": "Flood wall",
    # GB/T 47678.5 matters 06 市容环境类
    "私搭乱建": "Illegal construction",
    "店面无证装修": "Unlicensed shopfront renovation",
    "违章接坡": "Illegal kerb ramp",
    "建筑物外立面污损": "Soiled or damaged building facade",
    "临街阳台、屋顶脏乱差": "Untidy street-facing balcony or roof",
    "擅自在临街的建筑物上挂彩旗": "Unauthorised flags on street-facing buildings",
    "沿街晾挂": "Laundry hung along the street",
    "擅自架设管线、杆线设施": "Unauthorised pipes, cables or poles",
    "空调室外机低挂": "Low-mounted air-conditioner outdoor unit",
    "暴露垃圾": "Exposed rubbish",
    "积存垃圾渣土": "Accumulated rubbish or muck",
    "道路不洁": "Dirty road",
    "道路破损": "Damaged road",
    "道路遗撒（洒）": "Spillage on the road",
    "沙（河）滩不洁": "Dirty beach (riverbank)",
    "交通标线不清晰": "Faded road markings",
    "绿地脏乱": "Untidy green space",
    "绿化弃料": "Greening waste",
    "非装饰性吊挂": "Non-decorative hangings",
    "焚烧垃圾、树叶": "Burning rubbish or leaves",
    "病虫害": "Plant pests and diseases",
    "非法伐树": "Illegal tree felling",
    "堤岸破损": "Damaged embankment",
    "水域秩序乱象": "Disorder on waterways",
    "水域不洁": "Dirty water surface",
    "河道污染": "River pollution",
    "油烟污染": "Cooking fume pollution",
    "噪声扰民": "Noise nuisance",
    "露天烧烤": "Open-air barbecue",
    "乱倒乱排污水、废水": "Illegal discharge of sewage or waste water",
    "非正规垃圾填埋场": "Informal landfill",
    "乱丢弃医疗废物": "Dumped medical waste",
    "废弃车辆": "Abandoned vehicle",
    "废弃家具设备": "Abandoned furniture or equipment",
    "乱堆杂物": "Piled-up debris",
    "动物尸体": "Animal carcass",
    "擅自饲养家禽家畜": "Unauthorised poultry or livestock",
    "违章开设道口": "Illegal road opening",
    "私设地锁、阻车桩": "Private parking lock or bollard",
    "垃圾未分类": "Unsorted waste",
    "垃圾站（箱）满溢": "Overflowing refuse station (bin)",
    "遮阳篷（棚、伞）破损": "Damaged awning (canopy, umbrella)",
    "节庆装饰物破损": "Damaged festive decorations",
    "非法占绿毁绿": "Illegal occupation or destruction of green space",
    "占用河道": "Occupation of a river channel",
    "公园秩序": "Park order",
    "边坡（挡土墙）破损": "Damaged slope (retaining wall)",
    "台阶破损": "Damaged steps",
    "路缘石缺损": "Damaged or missing kerbstone",
    "盲道缺损": "Damaged tactile paving",
    "无障碍坡道破损": "Damaged accessible ramp",
    # 07 宣传广告类
    "非法小广告": "Illegal flyposting",
    "街头散发广告": "Street leafleting",
    "违规户外广告": "Non-compliant outdoor advertisement",
    "广告语言文字不规范": "Non-standard language in advertisements",
    "违规牌匾标识": "Non-compliant shop sign",
    "违规标语宣传品": "Non-compliant banners or publicity materials",
    "公益性宣传品缺损": "Damaged public-service publicity",
    # 08 施工管理类
    "施工扰民": "Construction nuisance",
    "施工占道": "Construction occupying the road",
    "无证掘路": "Unlicensed road excavation",
    "工地扬尘": "Construction site dust",
    "施工废弃料": "Construction waste",
    "施工物料乱堆放": "Construction materials piled at random",
    "施工工地围挡问题": "Construction site hoarding problem",
    "施工工地道路未硬化": "Unpaved construction site road",
    "施工工地出入口道路破损": "Damaged road at a construction site entrance",
    "施工完成后未场光地净": "Site not cleared after construction",
    "渣土运输车辆未安装密闭装置": "Muck truck without a sealed cover",
    "施工工地车轮夹带": "Mud carried out on vehicle wheels",
    "违规高空悬吊作业": "Non-compliant suspended work at height",
    "预埋件设施裸露": "Exposed embedded fixtures",
    "施工公示牌污损": "Soiled or damaged construction notice board",
    "无证建设": "Unlicensed construction",
    # 09 街面秩序类
    "无照经营游商": "Unlicensed street vendor",
    "早（夜）市管理问题": "Morning (night) market management problem",
    "流浪乞讨": "Vagrancy and begging",
    "废品收购乱象": "Disorderly scrap collection",
    "店外经营": "Trading outside the shop",
    "占道经营": "Trading on the road",
    "非法出版物销售": "Sale of illegal publications",
    "机动车乱停放": "Illegally parked motor vehicle",
    "非机动车乱停放": "Illegally parked non-motor vehicle",
    "共享单车乱象": "Disorderly shared bikes",
    "占用消防通道": "Blocked fire lane",
    "临街屠宰": "Street-side slaughtering",
    "畜力车进城": "Animal-drawn cart in the city",
    "无证餐饮": "Unlicensed catering",
    "违规设置停车场": "Unauthorised parking lot",
    "违规占用桥下空间": "Unauthorised use of space under a bridge",
    "履带车（铁轮车）违规上路行驶": "Tracked (iron-wheeled) vehicle on the road",
    "占用无障碍通道": "Blocked accessible route",
    "农贸市场秩序问题": "Farmers' market order problem",
    "占道洗车": "Car washing on the road",
    "占道促销宣传": "Promotion on the road",
    # 10 其他事项类
    "道路积雪、结冰": "Snow or ice on the road",
    "架空线缆脱落": "Fallen overhead cable",
    # legacy GB/T 30428.2-2013-style events not above
    "乱堆物堆料": "Piled materials",
    "渣土车未密闭运输": "Muck truck without a sealed cover",
    "公共设施损坏": "Damaged public facility",
}

ANOMALY = "异常"

# Legacy components: which source rows are national (see the module docstring).
LEGACY_NATIONAL_CONFIDENCE = "legacy national code"
LEGACY_GAP_FILL = {
    "0110": (
        "Beijing Chaoyang local variant",
        "gap fill: absent from the national-legacy list; Beijing Chaoyang 0110 and GB/T 47678.5 01010 "
        "are both 热力井盖 inside the corroborated range 0101-0126",
    ),
}
LEGACY_EVENTS_STANDARD = "GB/T 30428.2-2013-style"
# Inferred major names in the source carry a trailing "(?)"; the confidence column says so.
MAJOR_NAME_FIXES = {"其他事件(?)": "其他事件"}


def english(name_zh: str) -> str:
    if name_zh in ZH_EN:
        return ZH_EN[name_zh]
    if ANOMALY in name_zh:
        base = name_zh.replace(ANOMALY, "")
        if base in ZH_EN:
            return f"{ZH_EN[base]} anomaly"
    raise SystemExit(f"no English name for {name_zh!r}: add it to ZH_EN in {Path(__file__).name}")


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def table_row(src: dict[str, str], *, event: bool, confidence: str | None = None, source: str | None = None
              ) -> dict[str, str]:
    major_zh = MAJOR_NAME_FIXES.get(src["major_name"], src["major_name"])
    code = src["full_code"] or src["major_code"] + src["minor_code"]
    if not code.isascii() or not code.isdigit() or code != src["major_code"] + src["minor_code"]:
        raise SystemExit(f"inconsistent code in source row {src}")
    return {
        "class_code": code,
        "major_code": src["major_code"],
        "major_name_zh": major_zh,
        "major_name_en": english(major_zh),
        "name_zh": src["minor_name"],
        "name_en": english(src["minor_name"]),
        "geometry_types": "|".join(EVENT_KINDS) if event else geometry_types(src["minor_name"], src["geometry_type"]),
        "confidence": confidence if confidence is not None else src["confidence"],
        "source": source if source is not None else src["source"],
    }


def build_tables(source_dir: Path) -> dict[str, list[dict[str, str]]]:
    components = read_rows(source_dir / "component_classes.csv")
    events = read_rows(source_dir / "event_classes.csv")

    new_components = [table_row(r, event=False) for r in components if r["standard"].startswith("GB/T 47678.5")]
    legacy = [
        table_row(r, event=False) for r in components
        if r["standard"].startswith("legacy") and r["confidence"].startswith(LEGACY_NATIONAL_CONFIDENCE)
    ]
    legacy_codes = {row["class_code"] for row in legacy}
    for code, (standard_prefix, confidence) in LEGACY_GAP_FILL.items():
        if code in legacy_codes:
            continue  # the national list has it after all: no gap to fill
        donor = [r for r in components if r["standard"].startswith(standard_prefix) and r["full_code"] == code]
        if len(donor) != 1:
            raise SystemExit(f"gap fill {code}: expected one {standard_prefix} row, found {len(donor)}")
        # the donor's own major name (Chaoyang: 公共设施) gives way to the national list's (公用设施)
        major_names = {row["major_code"]: row["major_name_zh"] for row in legacy}
        src = dict(donor[0], major_name=major_names.get(donor[0]["major_code"], donor[0]["major_name"]))
        legacy.append(table_row(src, event=False, confidence=confidence))

    new_events = [table_row(r, event=True) for r in events if r["standard"].startswith("GB/T 47678.5")]
    legacy_events = [table_row(r, event=True) for r in events if r["standard"].startswith(LEGACY_EVENTS_STANDARD)]

    tables = {
        "components_gbt47678.csv": new_components,
        "components_gbt30428.csv": legacy,
        "events_gbt47678.csv": new_events,
        "events_gbt30428.csv": legacy_events,
    }
    lengths = {"gbt47678": 5, "gbt30428": 4}
    for name, rows in tables.items():
        length = lengths[name.split("_")[1].split(".")[0]]
        rows.sort(key=lambda row: row["class_code"])
        codes = [row["class_code"] for row in rows]
        if len(set(codes)) != len(codes):
            raise SystemExit(f"{name}: duplicate class codes")
        if any(len(code) != length for code in codes):
            raise SystemExit(f"{name}: class codes must have {length} digits")
        if not rows:
            raise SystemExit(f"{name}: no rows selected from {source_dir}")
    return tables


def render(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE,
                        help=f"folder with component_classes.csv and event_classes.csv (default {DEFAULT_SOURCE})")
    parser.add_argument("--out", type=Path, default=HERE, help=f"output folder (default {HERE})")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in build_tables(args.source).items():
        (args.out / name).write_bytes(render(rows).encode("utf-8"))
        print(f"{name}: {len(rows)} classes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
