"""A planted emerging hot spot in the sample district's cases (FICTIONAL data).

A parcel station (快递驿站) on a quiet secondary road of 翠渠街道 draws a steady trickle of complaints all
year, about PER_WEEK_FROM a week: parcels and cartons on the pavement, sorting outside the shop, delivery
tricycles and vans parked in the way, packaging waste, night-time unloading. From RISE_FROM the online
shopping season builds up to 双11 and the year's end, and the complaints rise to about PER_WEEK_TO a week
in the last days of December. The cases scatter SPREAD_M around the station, so they fall in a few
neighbouring unit grids. In the terms of gridplugin:emerginghotspots (weekly bins, its defaults) the
station's grids are intensifying hot spots: hot in nearly every week, the Gi* z-score rising.

make_sample.py calls `plant_emerging_hotspot` after it has drawn the other cases; everything random here
comes from its own generator (EMERGING_SEED), so the other cases stay as they were. The planted cases get
the case numbers after the others' (AJ2025005061 on) and follow them in the files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

import numpy as np
import shapely
from shapely.geometry import LineString, Point

EMERGING_SEED = 20240311
NOMINAL_XY = (2800.0, 1550.0)  # metres from the south-west of the nominal extent; put on the nearest road
SPREAD_M = 30.0
PER_WEEK_FROM, PER_WEEK_TO = 4.0, 14.0
RISE_FROM = date(2025, 8, 15)
RISE_POWER = 1.2  # the rise quickens towards the year's end
LANDMARK_SHARE = 0.5  # reports naming the station in the address
SOURCES = {"12345热线": 0.4, "监督员上报": 0.3, "公众举报": 0.2, "视频发现": 0.1}
# event classes of the complaints (relative weights) and how they are described; {road}: the nearest road
CLASSES = {
    "06036": (22, ("{road}快递驿站门前快件、纸箱堆放占用人行道", "{road}快递包裹堆在路边，影响通行")),
    "09005": (18, ("{road}快递驿站在店外分拣快件", "{road}快递网点占用门前人行道分拣")),
    "09010": (20, ("{road}快递三轮车乱停放，堵塞人行道", "{road}快递电动车占用盲道停放")),
    "06010": (10, ("{road}快递包装垃圾随意丢弃", "{road}路边堆有快递纸箱和泡沫垃圾")),
    "09009": (12, ("{road}快递货车占道停放装卸", "{road}快递面包车违停，影响通行")),
    "06028": (10, ("{road}快递车辆夜间装卸噪声扰民", "{road}快递驿站凌晨分拣声音扰民")),
    "09012": (8, ("{road}快递车辆占用小区消防通道", "{road}快递三轮车堵塞消防通道")),
}


def station_point(origin: tuple[float, float], road_lines: Sequence[LineString]) -> Point:
    """The station: the point of the road network nearest the nominal place."""
    nominal = Point(origin[0] + NOMINAL_XY[0], origin[1] + NOMINAL_XY[1])
    network = shapely.union_all(list(road_lines))
    return network.interpolate(network.project(nominal))


def per_day(day: date) -> float:
    """Expected complaints on a day: flat, then rising from RISE_FROM to the year's end."""
    year_end = date(day.year, 12, 31)
    if day < RISE_FROM:
        return PER_WEEK_FROM / 7
    share = (day - RISE_FROM).days / (year_end - RISE_FROM).days
    return (PER_WEEK_FROM + (PER_WEEK_TO - PER_WEEK_FROM) * share ** RISE_POWER) / 7


def plant_emerging_hotspot(origin: tuple[float, float], road_lines: Sequence[LineString], year: int,
                           first_number: int, *, point_near: Callable, hour_weights: Callable,
                           outcome: Callable, address: Callable, road_name: Callable, class_names: dict[str, str],
                           make_case: Callable, zone) -> list:
    """The planted cases, numbered from `first_number`, in reporting order. The callables are make_sample's:
    point_near(rng, centre, spread), hour_weights(source, code), outcome(rng, kind, source, reported_at)
    -> (status, closed_at), address(point), road_name(point), make_case(**fields)."""
    rng = np.random.default_rng(EMERGING_SEED)
    station = station_point(origin, road_lines)
    landmark = f"{road_name(station)}快递驿站"
    sources, source_weights = list(SOURCES), np.array(list(SOURCES.values()))
    codes, code_weights = list(CLASSES), np.array([weight for weight, _ in CLASSES.values()], dtype=float)
    cases = []
    day = date(year, 1, 1)
    while day.year == year:
        for _ in range(int(rng.poisson(per_day(day)))):
            source = sources[int(rng.choice(len(sources), p=source_weights / source_weights.sum()))]
            code = codes[int(rng.choice(len(codes), p=code_weights / code_weights.sum()))]
            point = point_near(rng, station, SPREAD_M)
            hours = np.asarray(hour_weights(source, code), dtype=float)
            hour = int(rng.choice(24, p=hours / hours.sum()))
            reported_at = datetime(day.year, day.month, day.day, hour, int(rng.integers(60)), int(rng.integers(60)),
                                   tzinfo=zone)
            status, closed_at = outcome(rng, "事件", source, reported_at)
            templates = CLASSES[code][1]
            description = templates[int(rng.integers(len(templates)))].format(road=road_name(point))
            where = address(point)
            if rng.random() < LANDMARK_SHARE:
                where += f"（{landmark}附近）"
            cases.append(make_case(geom=point, source=source, kind="事件", class_code=code,
                                   class_name=class_names[code], description=description, address=where,
                                   reported_at=reported_at, status=status, closed_at=closed_at))
        day += timedelta(days=1)
    cases.sort(key=lambda c: c.reported_at)
    for number, case in enumerate(cases, start=first_number):
        case.case_id = f"AJ{year}{number:06d}"
    return cases

