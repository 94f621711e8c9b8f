"""What an evaluation (综合评价) writes: the fields and rows of its table and its ranking, and the HTML
report (parameters, notes on the data, the totals, the ranking with grades, every unit's indicators
with their change, and the definitions). Values are rounded to two decimals, as graded."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from grid_plugin.core.cases.evaluation import INDICATORS, QUALITY_FIELDS, Indicator
from grid_plugin.core.cases.evaluation_grades import (
    GRADE_BANDS,
    LEVEL_NAMES,
    NOT_ASSIGNED,
    Evaluation,
    UnitResult,
    weights_text,
)
from grid_plugin.core.errors import Message, message
from grid_plugin.core.report_style import BASE_STYLE
from grid_plugin.core.schema import FieldSpec

Translate = Callable[[str], str]
GRADE_COLOURS = {"A": "#1a9850", "B": "#91cf60", "C": "#fee08b", "D": "#fc8d59", "E": "#d73027", None: "#d9d9d9"}
_DECIMALS = 2


def _spec(item: Indicator, suffix: str = "") -> FieldSpec:
    kind = "int" if item.kind == "count" and suffix != "_chg" else "double"
    return FieldSpec(item.id + suffix, kind, 0, item.zh, "")


TABLE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("level", "string", 10), FieldSpec("code", "string", 100), FieldSpec("name", "string", 100),
    FieldSpec("period", "string", 40), FieldSpec("previous_period", "string", 40),
    *(spec for item in INDICATORS for spec in (_spec(item), _spec(item, "_prev"), _spec(item, "_chg"))),
    FieldSpec("composite", "double"), FieldSpec("composite_prev", "double"), FieldSpec("composite_chg", "double"),
    FieldSpec("grade", "string", 1), FieldSpec("grade_prev", "string", 1),
    FieldSpec("rank", "int"), FieldSpec("rank_prev", "int"), FieldSpec("rank_chg", "int"),
    *(FieldSpec(name, "int") for name in QUALITY_FIELDS),
)
RANKING_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("rank", "int"), FieldSpec("code", "string", 100), FieldSpec("name", "string", 100),
    FieldSpec("grade", "string", 1), FieldSpec("composite", "double"), FieldSpec("due", "int"),
    FieldSpec("rank_prev", "int"), FieldSpec("rank_chg", "int"), FieldSpec("grade_prev", "string", 1),
    FieldSpec("composite_prev", "double"), FieldSpec("composite_chg", "double"),
)


def rounded(value: float | None) -> float | int | None:
    if value is None or isinstance(value, int):
        return value
    return round(value, _DECIMALS)


def unit_name(evaluation: Evaluation, unit: UnitResult, translate: Translate) -> str:
    """The unit's name; the cases without a unit are NOT_ASSIGNED's text."""
    return unit.name if unit.key else NOT_ASSIGNED[evaluation.level].render(translate)


def table_row(evaluation: Evaluation, unit: UnitResult, translate: Translate) -> list[object]:
    """A row of TABLE_FIELDS."""
    values: list[object] = [evaluation.level, unit.key, unit_name(evaluation, unit, translate),
                            evaluation.period.label, evaluation.previous_period.label]
    for item in INDICATORS:
        values += [rounded(unit.current[item.id]), rounded(unit.previous[item.id]), rounded(unit.change(item.id))]
    values += [rounded(unit.composite), rounded(unit.previous_composite), rounded(unit.composite_change),
               unit.grade, unit.previous_grade, unit.rank, unit.previous_rank, unit.rank_change]
    return values + [unit.quality[name] for name in QUALITY_FIELDS]


def ranking_rows(evaluation: Evaluation, translate: Translate) -> list[list[object]]:
    """RANKING_FIELDS rows of the ranked units, by rank."""
    return [[unit.rank, unit.key, unit_name(evaluation, unit, translate), unit.grade, rounded(unit.composite),
             unit.current["due"], unit.previous_rank, unit.rank_change, unit.previous_grade,
             rounded(unit.previous_composite), rounded(unit.composite_change)] for unit in evaluation.ranked()]


# ---- the HTML report ---------------------------------------------------------------------------------------
_STYLE = BASE_STYLE + """
td.up { color: #1a7f37; }
td.down { color: #c00; }
span.grade { display: inline-block; min-width: 1.6em; text-align: center; font-weight: bold; border-radius: 3px; }
p.note { margin: 0.2em 0; }
"""
_CONVENTION = message("The composite score and the grades ({bands}) are this plugin's convention, not GB/T "
                      "30428.4's: the standard's weights were not available.")
_NOBODY_GRADED = message("No unit could be graded in this period.")
_COMPOSITE = Indicator("composite", "综合指标值", message("Composite"), "rate", False, message("weighted rates"))


def number_text(value: float | int | None, kind: str = "rate") -> str:
    """A value as shown: counts whole, the others with two decimals; '—' when unknown."""
    if value is None:
        return "—"
    if kind == "count":
        return str(int(value))
    return f"{value:.{_DECIMALS}f}"


def _change_cell(item: Indicator, delta: float | None) -> str:
    """A change cell, green when better, red when worse."""
    if delta is None:
        return '<td class="number">—</td>'
    better = delta < 0 if item.lower_is_better else delta > 0
    css = "" if delta == 0 or item.lower_is_better is None else ("up" if better else "down")
    text = f"{int(delta):+d}" if item.kind == "count" else f"{delta:+.{_DECIMALS}f}"
    return f'<td class="number {css}">{text}</td>'


def grade_badge(grade: str | None) -> str:
    colour = GRADE_COLOURS.get(grade, GRADE_COLOURS[None])
    return f'<span class="grade" style="background:{colour}">{html.escape(grade or "—")}</span>'


def report_html(evaluation: Evaluation, title: str, settings: Sequence[tuple[Message, str]],
                translate: Translate = lambda s: s) -> str:
    """The report as one self-contained HTML page; `settings`: (label, value) of the run's parameters."""

    def t(label: Message) -> str:
        return html.escape(label.render(translate))

    rows = [(message("Period"), evaluation.period.label),
            (message("Previous period"), evaluation.previous_period.label),
            (message("Level"), LEVEL_NAMES[evaluation.level].render(translate)), *settings,
            (message("Composite weights"), weights_text(evaluation.weights))]
    parts = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8">', f"<title>{html.escape(title)}</title>",
             f"<style>{_STYLE}</style></head><body>", f"<h1>{html.escape(title)}</h1>", "<table>"]
    parts += [f"<tr><th>{t(label)}</th><td>{html.escape(str(value))}</td></tr>" for label, value in rows]
    parts.append("</table>")
    if evaluation.notes:
        parts.append(f"<h2>{t(message('Notes on the data'))}</h2>")
        parts += [f'<p class="note">{t(note)}</p>' for note in evaluation.notes]
    parts += _totals(evaluation, t)
    parts += _ranking(evaluation, t, translate)
    parts += _units(evaluation, t, translate)
    parts += _definitions(t)
    bands = ", ".join(f"{letter} ≥ {floor:g}" for letter, floor in GRADE_BANDS[:-1]) + f", {GRADE_BANDS[-1][0]}"
    parts += [f"<p>{t(message(_CONVENTION.template, bands=bands))}</p>", "</body></html>"]
    return "\n".join(parts) + "\n"


def _totals(evaluation: Evaluation, t: Callable[[Message], str]) -> list[str]:
    total = evaluation.total
    out = [f"<h2>{t(message('All cases of the period'))}</h2>", "<table>",
           f"<tr><th>{t(message('Indicator'))}</th><th>{t(message('Period'))}</th>"
           f"<th>{t(message('Previous period'))}</th><th>{t(message('Change'))}</th></tr>"]
    for item in INDICATORS:
        if item.id == "median_hours":  # a median is no sum of the units' medians
            continue
        out.append(f"<tr><td>{html.escape(item.zh)} {t(item.name)}</td>"
                   f'<td class="number">{number_text(rounded(total.current[item.id]), item.kind)}</td>'
                   f'<td class="number">{number_text(rounded(total.previous[item.id]), item.kind)}</td>'
                   + _change_cell(item, total.change(item.id)) + "</tr>")
    return [*out, "</table>"]


def _ranking(evaluation: Evaluation, t: Callable[[Message], str], translate: Translate) -> list[str]:
    ranked = evaluation.ranked()
    out = [f"<h2>{t(message('Ranking and grades'))}</h2>"]
    if not ranked:
        return [*out, f"<p>{t(_NOBODY_GRADED)}</p>"]
    heads = (message("Rank"), message("Code"), message("Name"), message("Grade"), message("Composite"),
             message("Due cases"), message("Previous rank"), message("Previous grade"), message("Composite change"))
    out += ["<table>", "<tr>" + "".join(f"<th>{t(h)}</th>" for h in heads) + "</tr>"]
    for unit in ranked:
        previous = "—" if unit.previous_rank is None else str(unit.previous_rank)
        out.append(f'<tr><td class="number">{unit.rank}</td><td>{html.escape(unit.key)}</td>'
                   f"<td>{html.escape(unit_name(evaluation, unit, translate))}</td><td>{grade_badge(unit.grade)}</td>"
                   f'<td class="number">{number_text(rounded(unit.composite))}</td>'
                   f'<td class="number">{number_text(unit.current["due"], "count")}</td>'
                   f'<td class="number">{previous}</td><td>{grade_badge(unit.previous_grade)}</td>'
                   + _change_cell(_COMPOSITE, unit.composite_change) + "</tr>")
    return [*out, "</table>"]


def _units(evaluation: Evaluation, t: Callable[[Message], str], translate: Translate) -> list[str]:
    out = [f"<h2>{t(message('Indicators of every unit (change against the previous period)'))}</h2>", "<table>",
           f"<tr><th>{t(message('Code'))}</th><th>{t(message('Name'))}</th>"
           + "".join(f"<th>{html.escape(item.zh)}</th><th>±</th>" for item in INDICATORS) + "</tr>"]
    for unit in evaluation.units:
        cells = "".join(f'<td class="number">{number_text(rounded(unit.current[item.id]), item.kind)}</td>'
                        + _change_cell(item, unit.change(item.id)) for item in INDICATORS)
        out.append(f"<tr><td>{html.escape(unit.key)}</td>"
                   f"<td>{html.escape(unit_name(evaluation, unit, translate))}</td>{cells}</tr>")
    return [*out, "</table>"]


def _definitions(t: Callable[[Message], str]) -> list[str]:
    heads = (message("Indicator"), message("Numerator"), message("Denominator"), message("Better"))
    out = [f"<h2>{t(message('Definitions'))}</h2>", "<table>",
           f"<tr><th>id</th><th>{t(message('Chinese name'))}</th>" + "".join(f"<th>{t(h)}</th>" for h in heads)
           + "</tr>"]
    for item in INDICATORS:
        denominator = t(item.denominator) if item.denominator is not None else "—"
        better = ("—" if item.lower_is_better is None
                  else t(message("lower") if item.lower_is_better else message("higher")))
        out.append(f"<tr><td>{item.id}</td><td>{html.escape(item.zh)}</td><td>{t(item.name)}</td>"
                   f"<td>{t(item.numerator)}</td><td>{denominator}</td><td>{better}</td></tr>")
    return [*out, "</table>"]


def write_report_html(evaluation: Evaluation, path: str | Path, title: str, settings: Sequence[tuple[Message, str]],
                      translate: Translate = lambda s: s) -> None:
    Path(path).write_text(report_html(evaluation, title, settings, translate), encoding="utf-8")
