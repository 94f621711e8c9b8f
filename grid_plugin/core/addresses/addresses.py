"""Chinese addresses: normalising, parsing and matching against a gazetteer of standard addresses
(标准地址: door plates 门牌, buildings, points of interest 兴趣点, streets and lanes), and the
reverse: the nearest standard address of a point.

An address is read left to right as the grammar of CJ/T 215 / GB/T 23705 writes it (standards
digest §3.1): [province][city][district][street 街道][community 社区] road (路/街/大街/胡同/巷/条/里)
number 号 [building 号楼/栋/幢/座] [unit 单元] [room 室], or a place name (a point of interest).
Before parsing, text is normalised: full-width digits and letters become ASCII (NFKC), Chinese
numerals before 号/号楼/单元/室 become digits, traditional forms (號, 衚衕) become simplified,
spaces and punctuation go, and remarks in brackets are kept apart (they often name a landmark).

Matching, in order: the road by its exact name; by the same name with another generic suffix
(槐荫大街 / 槐荫街); by character-bigram similarity (typos, a missing or swapped character). Then
the door number on that road; a missing number within a few doors gives the nearest plate on the
same side, at lower confidence. Administrative parts that disagree with the entry (another
district, street or community) lower the confidence and are noted, never silently dropped. A
result below the threshold is unmatched; two candidates of nearly equal confidence far apart are
ambiguous. Both come back with their candidates.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pyproj
import shapely

from grid_plugin.core.errors import Message, message

ROAD_SUFFIXES = ("大街", "大道", "胡同", "公路", "街", "路", "巷", "条", "里", "道", "弄")
_ROAD_SUFFIX_RE = "|".join(ROAD_SUFFIXES)
_TRADITIONAL = str.maketrans({"號": "号", "區": "区", "縣": "县", "條": "条", "裏": "里", "樓": "楼",
                              "棟": "栋", "單": "单", "門": "门", "衕": "同", "衚": "胡"})
_PUNCTUATION = re.compile(r"[\s,，。.、·;；:：'\"“”‘’\-—_/\\|]+")
_BRACKETS = re.compile(r"[(（\[【]([^)）\]】]*)[)）\]】]")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = re.compile(r"([零〇一二两三四五六七八九十百千]+)(?=号|单元|室|栋|幢|座|层)")
_NOT_ADMIN = "(?:(?!街道|社区|大街|胡同).)"
_PROVINCE = re.compile(rf"^({_NOT_ADMIN}{{2,6}}?省)")
_CITY = re.compile(rf"^({_NOT_ADMIN}{{2,6}}?(?<!超)市)(?!场)")  # not 超市 (supermarket), 市场 (market)
# not 小区 (housing estate), 园区 (park), 景区, 校区, 社区, 营区: a place, not a district
_DISTRICT = re.compile(rf"^({_NOT_ADMIN}{{1,6}}?(?<![小园景校社营])[区县])(?!域)")
_STREET = re.compile(rf"^({_NOT_ADMIN}{{1,8}}?(?:街道|镇|乡))")
_COMMUNITY = re.compile(r"^((?:(?!街道).){1,8}?(?:社区|村))")
_ROAD = re.compile(rf"^(.+?(?:{_ROAD_SUFFIX_RE}))(?=[甲乙丙丁]?\d|$)")
_BEFORE_NUMBER = re.compile(r"^(\D{2,12}?)(?=[甲乙丙丁]?\d+号)")
_NUMBER = re.compile(r"^([甲乙丙丁])?(\d+)(?:-\d+)?号?(院)?")
_BUILDING = re.compile(r"^(?:(\d+)(?:号楼|栋|幢|座|楼))")
_UNIT = re.compile(r"^(\d+)单元")
_ROOM = re.compile(r"^(\d+)(?:室|号)?")

MATCHED, AMBIGUOUS, UNMATCHED = "matched", "ambiguous", "unmatched"
NEAREST_DOORS = 6  # a missing number is placed at the nearest existing plate this many numbers away at most


def normalise(text: object) -> tuple[str, str]:
    """(address, remark): NFKC, simplified forms, digits for Chinese numerals, no spaces or
    punctuation; text in brackets is returned apart as the remark."""
    value = unicodedata.normalize("NFKC", str(text or "")).translate(_TRADITIONAL)
    remarks = _BRACKETS.findall(value)
    value = _BRACKETS.sub("", value)
    value = _CN_NUMBER.sub(lambda m: str(chinese_number(m.group(1))), value)
    clean = _PUNCTUATION.sub("", value)
    remark = _PUNCTUATION.sub("", "".join(remarks))
    return clean, remark.removesuffix("附近").removesuffix("旁边").removesuffix("对面")


def chinese_number(text: str) -> int:
    """三十 -> 30, 一百零五 -> 105, 二〇五 -> 205, 一千二百 -> 1200."""
    if not any(unit in text for unit in "十百千"):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    total, current = 0, 0
    for char in text:
        if char in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[char]
            current = 0
        else:
            current = _CN_DIGITS[char]
    return total + current


@dataclass
class AddressParts:
    province: str = ""
    city: str = ""
    district: str = ""
    street: str = ""  # 街道
    community: str = ""
    road: str = ""
    number: int | None = None
    number_prefix: str = ""  # 甲/乙/丙/丁
    building: str = ""
    unit: str = ""
    room: str = ""
    rest: str = ""  # what follows that is none of the above (a place name when there is no road)
    place: str = ""  # everything after the administrative parts (a point of interest's name, perhaps)
    remark: str = ""


def parse(text: object, known_roads: set[str] | None = None) -> AddressParts:
    """Split a (normalised) address into its parts. A road name from `known_roads` wins over the
    generic road pattern, so names that contain a suffix character are read whole."""
    value, remark = normalise(text)
    parts = AddressParts(remark=remark)
    for name, pattern in (("province", _PROVINCE), ("city", _CITY), ("district", _DISTRICT),
                          ("street", _STREET), ("community", _COMMUNITY)):
        found = pattern.match(value)
        if found:
            setattr(parts, name, found.group(1))
            value = value[found.end():]
    parts.place = value
    road = ""
    if known_roads:
        road = max((r for r in _prefixes(value) if r in known_roads), key=len, default="")
    if not road:
        found = _ROAD.match(value) or _BEFORE_NUMBER.match(value)  # a misspelt suffix still ends before 号
        road = found.group(1) if found else ""
    parts.road = road
    value = value[len(road):]
    if road:
        found = _NUMBER.match(value)
        if found:
            parts.number_prefix = found.group(1) or ""
            parts.number = int(found.group(2))
            value = value[found.end():]
    for name, pattern in (("building", _BUILDING), ("unit", _UNIT), ("room", _ROOM)):
        found = pattern.match(value) if value else None
        if found and found.group(1):
            setattr(parts, name, found.group(1))
            value = value[found.end():]
    parts.rest = value
    return parts


def _prefixes(value: str) -> list[str]:
    return [value[:n] for n in range(2, min(len(value), 16) + 1)]


def road_core(road: str) -> str:
    """The name without its generic suffix: 槐荫大街 -> 槐荫, 石碑胡同 -> 石碑."""
    for suffix in ROAD_SUFFIXES:
        if road.endswith(suffix) and len(road) > len(suffix):
            return road[: -len(suffix)]
    return road


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams (1 = same), good at dropped and swapped characters."""
    x, y = bigrams(a), bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def edit_similarity(a: str, b: str) -> float:
    """1 - Levenshtein distance / longer length: one wrong character in a short Chinese name keeps
    most of it, where bigrams lose two of three."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1:
        return 1.0 - 1 / len(a)  # one character replaced: the usual typo, without the full table
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return 1.0 - previous[-1] / max(len(a), len(b))


def name_similarity(a: str, b: str) -> float:
    return max(similarity(a, b), edit_similarity(a, b))


# ---- the gazetteer ------------------------------------------------------------------------------------
@dataclass
class AddressEntries:
    """Standard addresses in columns; positions in CGCS2000 longitude/latitude."""

    codes: list[str]
    kinds: list[str | None]
    names: list[str | None]  # point-of-interest names
    full_addresses: list[str | None]
    roads: list[str | None]
    numbers: list[int | None]
    buildings: list[str | None]
    districts: list[str | None]  # district names as written in addresses (e.g. 示例区)
    street_names: list[str | None]
    community_names: list[str | None]
    grid_codes: list[str | None]
    street_codes: list[str | None]
    community_codes: list[str | None]
    beidou_codes: list[str | None]
    lon: np.ndarray
    lat: np.ndarray

    def __len__(self) -> int:
        return len(self.codes)

    @classmethod
    def empty(cls) -> AddressEntries:
        return cls([], [], [], [], [], [], [], [], [], [], [], [], [], [], np.empty(0), np.empty(0))

    def rows(self) -> list[tuple]:
        return list(zip(self.codes, self.kinds, self.names, self.full_addresses, self.roads, self.numbers,
                        self.buildings, self.districts, self.street_names, self.community_names, self.grid_codes,
                        self.street_codes, self.community_codes, self.beidou_codes, strict=True))


@dataclass
class Match:
    status: str  # matched / ambiguous / unmatched
    confidence: float
    entry: int | None  # index into the gazetteer
    level: str = ""  # door (门牌), road (street level), poi
    candidates: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # English keys, translated by the caller


@dataclass
class _Candidate:
    entry: int
    score: float
    level: str
    notes: list[str]


class Gazetteer:
    """Indexes over AddressEntries for matching; built once, then `match` per address."""

    def __init__(self, entries: AddressEntries, min_confidence: float = 0.6):
        self.entries = entries
        self.min_confidence = min_confidence
        self._names: dict[str, str] = {}  # administrative names as normalised, for comparisons
        self.by_door: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.by_road: dict[str, list[int]] = defaultdict(list)
        self.by_poi: dict[str, list[int]] = defaultdict(list)
        for i, (road, number, name) in enumerate(zip(entries.roads, entries.numbers, entries.names, strict=True)):
            if road:
                road = normalise(road)[0]
                self.by_road[road].append(i)
                if number is not None:
                    self.by_door[road, int(number)].append(i)
            if name:
                self.by_poi[normalise(name)[0]].append(i)
        self.roads = set(self.by_road)
        self.by_core: dict[str, list[str]] = defaultdict(list)
        self.by_bigram: dict[str, set[str]] = defaultdict(set)
        # (character of the name without its suffix, suffix) -> roads
        self.by_char_suffix: dict[tuple[str, str], set[str]] = defaultdict(set)
        for road in self.roads:
            core = road_core(road)
            self.by_core[core].append(road)
            for gram in bigrams(road):
                self.by_bigram[gram].add(road)
            for char in set(core):
                self.by_char_suffix[char, road[len(core):]].add(road)
        self.poi_bigrams: dict[str, set[str]] = defaultdict(set)
        for name in self.by_poi:
            for gram in bigrams(name):
                self.poi_bigrams[gram].add(name)
        self.numbers_on_road = {road: np.array(sorted({int(number) for number in (entries.numbers[i] for i in idx)
                                                       if number is not None}), dtype=np.int64)
                                for road, idx in self.by_road.items()}

    # ---- roads ------------------------------------------------------------------------------------------
    def road_candidates(self, road: str) -> list[tuple[str, float, str]]:
        """(gazetteer road, score, note) for a parsed road name, best first: the exact name alone; else
        the same name with another suffix and the similar names together, all of them down to a
        similarity of 0.5 (the door number and the address's street and community then choose; a
        top-N cut here would drop the right road among many equally similar ones)."""
        if road in self.roads:
            return [(road, 1.0, "")]
        core = road_core(road)
        found = {r: (0.92, "road suffix differs") for r in self.by_core.get(core, [])}
        suffix = road[len(core):]
        pool: set[str] = set()
        for gram in bigrams(road):
            if gram not in suffix:  # 大街 or 胡同 alone would bring every road of that kind
                pool |= self.by_bigram.get(gram, set())
        for char in set(core):
            pool |= self.by_char_suffix.get((char, suffix), set())
        for other in pool - found.keys():
            score = name_similarity(road, other)
            if score >= 0.5:
                found[other] = (0.9 * score, "road name similar")
        return sorted(((r, score, note) for r, (score, note) in found.items()), key=lambda item: (-item[1], item[0]))

    # ---- one address ------------------------------------------------------------------------------------
    def match(self, text: object) -> Match:
        parts = parse(text, self.roads)
        candidates: list[_Candidate] = []
        if parts.road:
            for road, road_score, note in self.road_candidates(parts.road):
                candidates += self._doors(parts, road, road_score, [note] if note else [])
        if parts.number is None or not candidates:  # a place name, or a road name that is part of one
            whole = normalise(text)[0]  # e.g. 华逸社区卫生服务站: read as a community, it is one name
            for name in dict.fromkeys(n for n in (parts.place, parts.rest, parts.remark, whole) if n):
                candidates += self._points_of_interest(name, parts)
        if not candidates:
            return Match(UNMATCHED, 0.0, None, notes=["nothing recognised"] if not parts.road else
                         ["road not in the gazetteer"])
        for candidate in candidates:
            self._check_admin(parts, candidate)
        candidates.sort(key=lambda c: (-c.score, c.entry))
        best = candidates[0]
        others = [c.entry for c in candidates[1:6]]
        if best.score < self.min_confidence:
            return Match(UNMATCHED, round(best.score, 3), None, best.level, [best.entry, *others], best.notes)
        rivals = [c for c in candidates[1:] if best.score - c.score < 0.05 and self._far(best.entry, c.entry)]
        if rivals:
            return Match(AMBIGUOUS, round(best.score, 3), None, best.level,
                         [best.entry, *[c.entry for c in rivals[:5]]], [*best.notes, "several entries fit"])
        return Match(MATCHED, round(best.score, 3), best.entry, best.level, others, best.notes)

    def _doors(self, parts: AddressParts, road: str, road_score: float, notes: list[str]) -> list[_Candidate]:
        if parts.number is None:
            entries = self.by_road.get(road, [])
            if not entries:
                return []
            middle = entries[len(entries) // 2]  # a plate half way along: where "on this road" points to
            return [_Candidate(middle, 0.55 * road_score, "road", [*notes, "no door number"])]
        exact = self.by_door.get((road, parts.number), [])
        if exact:
            return [_Candidate(e, road_score, "door", list(notes)) for e in exact]
        numbers = self.numbers_on_road.get(road)
        if numbers is None or not len(numbers):
            return []
        same_side = numbers[(numbers % 2) == (parts.number % 2)]
        pool = same_side if len(same_side) else numbers
        nearest = int(pool[np.argmin(np.abs(pool - parts.number))])
        gap = abs(nearest - parts.number)
        score = road_score * (0.75 if gap <= NEAREST_DOORS else 0.4)
        return [_Candidate(e, score, "door", [*notes, "door number not in the gazetteer; nearest plate"])
                for e in self.by_door[road, nearest]]

    def _points_of_interest(self, name: str, parts: AddressParts) -> list[_Candidate]:
        if name in self.by_poi:
            return [_Candidate(e, 0.95, "poi", []) for e in self.by_poi[name]]
        counts: dict[str, int] = defaultdict(int)
        for gram in bigrams(name):
            for candidate in self.poi_bigrams.get(gram, ()):
                counts[candidate] += 1
        scored = sorted(((name_similarity(name, n), n) for n in counts), reverse=True)[:3]
        return [_Candidate(e, 0.85 * s, "poi", ["place name similar"]) for s, n in scored if s >= 0.5
                for e in self.by_poi[n]]

    def _check_admin(self, parts: AddressParts, candidate: _Candidate) -> None:
        e = self.entries
        for given, held, penalty, note in (
                (parts.district, e.districts[candidate.entry], 0.15, "district differs"),
                (parts.street, e.street_names[candidate.entry], 0.1, "street differs"),
                (parts.community, e.community_names[candidate.entry], 0.12, "community differs")):
            if given and held and given != self._normalised(held):
                candidate.score -= penalty
                candidate.notes.append(note)

    def _normalised(self, name: str) -> str:
        cached = self._names.get(name)
        if cached is None:
            cached = self._names[name] = normalise(name)[0]
        return cached

    def _far(self, a: int, b: int, metres: float = 50.0) -> bool:
        e = self.entries
        dx = (e.lon[a] - e.lon[b]) * 111_320.0 * np.cos(np.radians(e.lat[a]))
        dy = (e.lat[a] - e.lat[b]) * 110_540.0
        return bool(np.hypot(dx, dy) > metres)

    def match_many(self, texts: Sequence[object], progress=None) -> list[Match]:
        out = []
        for i, text in enumerate(texts):
            if progress is not None and i % 2000 == 0:
                progress.step(i, len(texts))
            out.append(self.match(text))
        return out

    def geocoder(self, min_confidence: float):
        """A core.cases.records.Geocoder: an address's position when it matches with at least
        `min_confidence`, else a message saying what was found."""

        def place(text: str):
            found = self.match(text)
            if found.status == MATCHED and found.entry is not None and found.confidence >= min_confidence:
                return float(self.entries.lon[found.entry]), float(self.entries.lat[found.entry])
            if found.status == AMBIGUOUS:
                return message("'{address}' fits several gazetteer entries equally well", address=text)
            if found.status == MATCHED:
                return message("'{address}' matched with confidence {confidence}, below {minimum}",
                               address=text, confidence=found.confidence, minimum=min_confidence)
            return message("'{address}' is not in the gazetteer", address=text)

        return place


def note_message(note: str) -> Message:
    """A match note in the user's language (notes are English keys; each template is a literal
    message() call so that the translation collector finds it)."""
    notes = {
        "road suffix differs": message("road suffix differs"),
        "road name similar": message("road name similar"),
        "place name similar": message("place name similar"),
        "no door number": message("no door number"),
        "door number not in the gazetteer; nearest plate": message("door number not in the gazetteer; nearest plate"),
        "district differs": message("district differs"),
        "street differs": message("street differs"),
        "community differs": message("community differs"),
        "several entries fit": message("several entries fit"),
        "nothing recognised": message("nothing recognised"),
        "road not in the gazetteer": message("road not in the gazetteer"),
    }
    return notes[note]


class NearestAddress:
    """The nearest standard address of any number of points (CGCS2000 degrees), with the ground
    distance in metres on the GRS80 ellipsoid."""

    def __init__(self, entries: AddressEntries):
        self.entries = entries
        self.lat0 = float(np.mean(entries.lat)) if len(entries) else 0.0
        self.tree = shapely.STRtree(shapely.points(*self._plane(entries.lon, entries.lat)))
        self.geod = pyproj.Geod(ellps="GRS80")

    def _plane(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """A local equirectangular plane: nearest neighbours come out as on the ground within a district."""
        return np.asarray(lon) * np.cos(np.radians(self.lat0)) * 111_320.0, np.asarray(lat) * 110_574.0

    def nearest(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(entry index, metres) per point; -1 and NaN when the gazetteer is empty."""
        lon, lat = np.atleast_1d(np.asarray(lon, dtype=float)), np.atleast_1d(np.asarray(lat, dtype=float))
        if not len(self.entries) or not len(lon):
            return np.full(len(lon), -1), np.full(len(lon), np.nan)
        points = shapely.points(*self._plane(lon, lat))
        (which, found) = self.tree.query_nearest(points, all_matches=False)
        index = np.full(len(lon), -1)
        index[which] = found
        metres = np.full(len(lon), np.nan)
        ok = index >= 0
        _, _, distance = self.geod.inv(lon[ok], lat[ok], self.entries.lon[index[ok]], self.entries.lat[index[ok]])
        metres[ok] = distance
        return index, metres
