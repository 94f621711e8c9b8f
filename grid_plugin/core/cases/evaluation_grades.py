"""Grades and ranks of an evaluation (综合评价), and the evaluation of one level assembled from the store's
counts of a period and the period before it, with its notes on the data.

The composite score and the grades are this plugin's convention, not the standard's: GB/T 30428.4's
weights were not available (standards digest §9), and the composites the reference file found weigh
people's posts, not areas or departments. The composite is the weighted mean of rates in percent,
where a rate that is better when low enters as 100 − rate. DEFAULT_WEIGHTS:

    按期结案率 30, 结案率 20, 按期处置率 20, 处置率 10, 返工率 10 (as 100 − rate), 延期率 10 (as 100 − rate)

A WEIGHTS parameter replaces them ("intime_close_rate=50, close_rate=50"; ids or Chinese names of the
rates). The grades are the bands of the reference file's rating_grade (one implementation, unconfirmed
against the standard): A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below 40, judged on the composite rounded to
two decimals, the value shown. A unit has no composite when a weighted rate is unknown (no due case, or
no closed case for a rate over 结案数), and no grade or rank when it has fewer due cases than min_cases.
The cases without a unit (no grid, no department, ...) are listed together and never graded or ranked.

Ranking: highest composite first; equal composites share a rank (1, 2, 2, 4) and are listed by key.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from grid_plugin.core.cases.evaluation import (
    AREA_LEVELS,
    RATE_IDS,
    EvaluationOptions,
    Period,
    UnitCounts,
    change,
    indicator,
    indicator_values,
    total_counts,
)
from grid_plugin.core.errors import GridInputError, Message, message

DEFAULT_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("intime_close_rate", 30.0), ("close_rate", 20.0), ("intime_dispose_rate", 20.0), ("dispose_rate", 10.0),
    ("rework_rate", 10.0), ("postpone_rate", 10.0))
GRADE_BANDS: tuple[tuple[str, float], ...] = (("A", 90.0), ("B", 75.0), ("C", 60.0), ("D", 40.0),
                                              ("E", -math.inf))
GRADES = tuple(letter for letter, _ in GRADE_BANDS)

LEVEL_NAMES: dict[str, Message] = {
    "grid": message("unit grid"), "community": message("community"), "street": message("street"),
    "department": message("department"), "source": message("source")}
NOT_ASSIGNED: dict[str, Message] = {
    "grid": message("(no unit grid)"), "community": message("(no community)"), "street": message("(no street)"),
    "department": message("(no department)"), "source": message("(no source)")}
_LISTED = 10


# ---- weights, composite, grade, rank -------------------------------------------------------------------
def parse_weights(text: str | None) -> tuple[tuple[str, float], ...]:
    """'intime_close_rate=30, 结案率=20' -> (("intime_close_rate", 30.0), ("close_rate", 20.0)); empty text
    gives DEFAULT_WEIGHTS. Rates only, each once; weights 0 or more, not all 0."""
    if not text or not text.strip():
        return DEFAULT_WEIGHTS
    names = {rate: rate for rate in RATE_IDS} | {indicator(rate).zh: rate for rate in RATE_IDS}
    weights: dict[str, float] = {}
    for part in (p.strip() for p in re.split(r"[,;，；\n]", text)):
        if not part:
            continue
        found = re.fullmatch(r"(.+?)\s*[=:：]\s*(.*)", part)
        rate = names.get(found[1]) if found else None
        if found is None or rate is None:
            raise GridInputError("WEIGHTS entry '{entry}' is not 'rate=weight'; the rates are {rates}.", entry=part,
                                 rates=", ".join(RATE_IDS))
        try:
            weight = float(found[2])
        except ValueError:
            weight = math.nan
        if not math.isfinite(weight) or weight < 0:
            raise GridInputError("WEIGHTS entry '{entry}': the weight '{weight}' is not a number of 0 or more.",
                                 entry=part, weight=found[2])
        if rate in weights:
            raise GridInputError("WEIGHTS names {rate} twice; give each rate once.", rate=rate)
        weights[rate] = weight
    if not weights or sum(weights.values()) <= 0:
        raise GridInputError("WEIGHTS gives no rate a weight above 0; weigh at least one, e.g. intime_close_rate=1.")
    return tuple(weights.items())


def composite(values: Mapping[str, float | None], weights: Sequence[tuple[str, float]]) -> float | None:
    """The weighted mean of the rates (better-when-low ones as 100 − rate); None when one is unknown."""
    total = score = 0.0
    for rate, weight in weights:
        if weight == 0:
            continue
        value = values.get(rate)
        if value is None:
            return None
        score += weight * (100.0 - value if indicator(rate).lower_is_better else value)
        total += weight
    return score / total if total > 0 else None


def grade(score: float | None) -> str | None:
    """The band of the score rounded to two decimals (GRADE_BANDS); None without a score."""
    if score is None:
        return None
    shown = round(score, 2)
    return next(letter for letter, floor in GRADE_BANDS if shown >= floor)


def ranks(scores: Mapping[str, float | None]) -> dict[str, int]:
    """Competition ranks (1, 2, 2, 4) of the keys with a score, highest score (to two decimals) first."""
    ordered = sorted(((round(s, 2), k) for k, s in scores.items() if s is not None), key=lambda p: (-p[0], p[1]))
    out: dict[str, int] = {}
    for position, (score, key) in enumerate(ordered, start=1):
        out[key] = position if position == 1 or score != ordered[position - 2][0] else out[ordered[position - 2][1]]
    return out


# ---- the evaluation of a level ---------------------------------------------------------------------------
@dataclass(frozen=True)
class UnitResult:
    """One unit (a grid, community, street, department or source; key "" for the cases without one) in the
    period and the period before: indicator values, composite, grade, rank and the data counts of the period."""

    key: str
    name: str
    current: dict[str, float | None]
    previous: dict[str, float | None]
    quality: dict[str, int]
    composite: float | None = None
    previous_composite: float | None = None
    grade: str | None = None
    previous_grade: str | None = None
    rank: int | None = None
    previous_rank: int | None = None

    def change(self, indicator_id: str) -> float | None:
        return change(self.current[indicator_id], self.previous[indicator_id])

    @property
    def composite_change(self) -> float | None:
        return change(self.composite, self.previous_composite)

    @property
    def rank_change(self) -> int | None:
        """Places moved up since the previous period (negative: down); None unless ranked in both."""
        return None if self.rank is None or self.previous_rank is None else self.previous_rank - self.rank


@dataclass(frozen=True)
class Evaluation:
    level: str
    period: Period
    previous_period: Period
    options: EvaluationOptions
    weights: tuple[tuple[str, float], ...]
    units: tuple[UnitResult, ...]  # ranked ones by rank, then the others by key; "" last
    total: UnitResult  # all cases of the level together (no median: a median is no sum; no rank)
    notes: tuple[Message, ...]  # what the data lack, and how it was counted
    unknown_keys: tuple[str, ...] = ()  # area keys with cases but not among the unit grids

    def ranked(self) -> list[UnitResult]:
        return [unit for unit in self.units if unit.rank is not None]


def _graded(units: Mapping[str, UnitCounts], keys: Sequence[str], options: EvaluationOptions,
            weights: Sequence[tuple[str, float]]) -> tuple[dict, dict, dict, dict]:
    values = {key: indicator_values(units.get(key), options) for key in keys}
    scores = {key: composite(values[key], weights) for key in keys}
    eligible = {key: score if key and (values[key]["due"] or 0) >= options.min_cases else None
                for key, score in scores.items()}  # the cases without a unit are no unit to grade
    return values, scores, {key: grade(score) for key, score in eligible.items()}, ranks(eligible)


def evaluate(level: str, period: Period, previous_period: Period, current: Mapping[str, UnitCounts],
             previous: Mapping[str, UnitCounts], options: EvaluationOptions | None = None,
             names: Mapping[str, str] | None = None, known_keys: Sequence[str] | None = None) -> Evaluation:
    """The evaluation of `level` from the store's counts of the period and the previous one (by key, see
    evaluation.unit_counts). `known_keys`: the units to list even without cases (an area level's units
    from the unit grids); keys with cases outside them are unknown_keys. `names`: key -> name."""
    options = options or EvaluationOptions()
    weights = options.weights or DEFAULT_WEIGHTS
    names = names or {}
    known = list(dict.fromkeys(known_keys or ()))
    with_cases = [key for key in (*current, *previous) if key not in known]
    keys = known + sorted(set(with_cases))
    values, scores, grades, ranking = _graded(current, keys, options, weights)
    before, previous_scores, previous_grades, previous_ranking = _graded(previous, keys, options, weights)
    results = []
    for key in keys:
        quality = (current[key] if key in current else UnitCounts()).quality()
        results.append(UnitResult(
            key, names.get(key, key) if key else "", values[key], before[key], quality,
            scores[key], previous_scores[key],
            grades[key], previous_grades[key], ranking.get(key), previous_ranking.get(key)))
    results.sort(key=lambda u: (u.rank is None, u.rank or 0, u.key == "", u.key))
    total_now, total_before = total_counts(current), total_counts(previous)
    total = UnitResult("", "", indicator_values(total_now, options), indicator_values(total_before, options),
                       total_now.quality(), composite(indicator_values(total_now, options), weights),
                       composite(indicator_values(total_before, options), weights))
    unknown = tuple(sorted(k for k in current if k and known_keys is not None and k not in known))
    notes = evaluation_notes(level, period, previous_period, current, total, unknown, results, options)
    return Evaluation(level, period, previous_period, options, tuple(weights), tuple(results), total, notes,
                      unknown)


def evaluation_notes(level: str, period: Period, previous_period: Period, current: Mapping[str, UnitCounts],
                     total: UnitResult, unknown: Sequence[str], results: Sequence[UnitResult],
                     options: EvaluationOptions) -> tuple[Message, ...]:
    """What the data of the period lack and how each such case was counted (never dropped silently)."""
    notes: list[Message] = []
    quality = total.quality
    if not total.current["filed"]:
        notes.append(message("No case was filed in the period {period}: every count is 0 and every rate empty, so "
                             "no unit is graded.", period=period.label))
    if not total.previous["filed"]:
        notes.append(message("No case was filed in the previous period {period}: there is nothing to compare with, "
                             "and the changes are empty.", period=previous_period.label))
    texts = {
        "unfiled": message("{n} cases reported in the period have neither a filing time nor a later stage: they "
                           "were not filed (立案) and are in no count but 'unfiled'.", n=quality["unfiled"]),
        "filed_from_report": message(
            "{n} cases have no filing time but were dispatched, disposed of or closed: they count as filed at "
            "their report time ('filed_from_report').", n=quality["filed_from_report"]),
        "invalid": message("{n} filed cases are invalid (作废): they count in 立案数 and 准确立案率 only.",
                           n=quality["invalid"]),
        "no_deadline": message("{n} valid cases have no deadline: they stay in every denominator and are neither "
                               "on time nor overdue ('no_deadline').", n=quality["no_deadline"]),
        "closed_no_disposed": message("{n} closed cases have no disposal time: they count as disposed of when "
                                      "they were closed ('closed_no_disposed').", n=quality["closed_no_disposed"]),
        "bad_order": message("{n} cases were closed before their filing time (a date written without a time of "
                             "day?): they count as closed and are left out of the handling times ('bad_order').",
                             n=quality["bad_order"]),
    }
    notes += [text for name, text in texts.items() if quality[name]]
    unassigned = current.get("")
    if unassigned is not None and (unassigned.filed or unassigned.unfiled):
        fix = (message("give them a department in the source and import them again") if level == "department"
               else message("give them one in the source, or import them with the unit grids in the store"))
        notes.append(message("{n} cases have no {what}: they are evaluated together as '{unit}'; {fix}.",
                             n=unassigned.filed + unassigned.unfiled, what=LEVEL_NAMES[level],
                             unit=NOT_ASSIGNED[level], fix=fix))
    if unknown and level in AREA_LEVELS:
        cases = sum(current[k].filed + current[k].unfiled for k in unknown)
        shown = ", ".join(unknown[:_LISTED]) + (f", … (+{len(unknown) - _LISTED})" if len(unknown) > _LISTED else "")
        notes.append(message("{n} cases lie in {k} {what} codes that are not among the store's unit grids ({codes}): "
                             "they are evaluated in the table, without a polygon.", n=cases, k=len(unknown),
                             what=LEVEL_NAMES[level], codes=shown))
    few = [u for u in results if u.grade is None and 0 < (u.current["due"] or 0) < options.min_cases]
    if few:
        notes.append(message("{k} units have fewer than {min} due cases: they are not graded or ranked.",
                             k=len(few), min=options.min_cases))
    return tuple(notes)


def weights_text(weights: Sequence[tuple[str, float]]) -> str:
    """'按期结案率 30, 返工率 10 (100 − rate), …' for reports."""
    return ", ".join(f"{indicator(rate).zh} {weight:g}" + (" (100 − x)" if indicator(rate).lower_is_better else "")
                     for rate, weight in weights)

