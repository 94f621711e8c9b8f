"""What the map tool adds from the Evaluation step's last runs: the clicked grid's main indicators
and grade (gridplugin:evaluatecases, per grid, or its community or street when the evaluation was
per community or street) and its emerging hot spot category with the trend (gridplugin:emerginghotspots),
read from their output layers and shown as plain HTML."""

from __future__ import annotations

import html

from qgis.core import QgsExpression, QgsFeatureRequest, QgsVectorLayer

from grid_plugin.core.cases.emerging import EMERGING_CATEGORY_LABELS
from grid_plugin.core.cases.evaluation import INDICATORS
from grid_plugin.core.cases.evaluation_grades import LEVEL_NAMES
from grid_plugin.toolbelt.i18n import tr

# the levels an evaluation can be matched to a clicked grid by, with the grid's field holding the unit's code
AREA_CODES = {"grid": "grid_code", "community": "community_code", "street": "street_code"}
SHOWN_INDICATORS = ("filed", "due", "close_rate", "intime_close_rate", "open_overdue")
EVALUATION_FIELDS = ("level", "code", "name", "period", "composite", "grade", "grade_prev", "rank",
                     *(f"{key}{suffix}" for key in SHOWN_INDICATORS for suffix in ("", "_chg")))
EMERGING_FIELDS = ("category", "trend_z", "trend_p", "case_count", "hot_bins", "cold_bins")
_INDICATORS = {item.id: item for item in INDICATORS}


def _value(value: object) -> object:
    """A field value with NULL as None."""
    if value is None or (hasattr(value, "isNull") and value.isNull()) or str(value) == "NULL":
        return None
    return value


def _first_match(layer: QgsVectorLayer | None, equal: dict[str, str], wanted: tuple[str, ...]) -> dict[str, object]:
    """The `wanted` fields (those the layer has) of the first feature whose fields equal `equal`."""
    if layer is None or not layer.isValid():
        return {}
    names = layer.fields().names()
    if any(name not in names for name in equal):
        return {}
    expression = " AND ".join(QgsExpression.createFieldEqualityExpression(name, value)
                              for name, value in equal.items())
    request = QgsFeatureRequest().setFilterExpression(expression).setLimit(1)
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for feature in layer.getFeatures(request):
        return {name: _value(feature[name]) for name in wanted if name in names}
    return {}


def grid_evaluation(layer: QgsVectorLayer | None, grid: dict[str, str]) -> dict[str, object]:
    """The evaluation's row for the grid, else for its community or street (the level the
    evaluation was made at); empty when the layer has none (e.g. an evaluation per department)."""
    for level, key in AREA_CODES.items():
        if grid.get(key):
            row = _first_match(layer, {"level": level, "code": grid[key]}, EVALUATION_FIELDS)
            if row:
                return row
    return {}


def grid_emerging(layer: QgsVectorLayer | None, grid_code: str) -> dict[str, object]:
    """The grid's emerging hot spot category, trend and counts; empty when the layer lacks the grid."""
    return _first_match(layer, {"grid_code": grid_code}, EMERGING_FIELDS) if grid_code else {}


def _number(value: object, decimals: int) -> str:
    return "–" if value is None else f"{float(value):.{decimals}f}"


def _indicator_text(row: dict[str, object], key: str) -> str:
    value, change = row.get(key), row.get(f"{key}_chg")
    if _INDICATORS[key].kind != "rate":
        shown = "–" if value is None else str(int(value))
        return shown if change is None else tr("{} ({} vs the previous period)").format(shown, f"{int(change):+d}")
    if value is None:
        return "–"
    if change is None:
        return f"{float(value):.1f} %"
    return tr("{} % ({} points vs the previous period)").format(f"{float(value):.1f}", f"{float(change):+.1f}")


def _grade_text(row: dict[str, object]) -> str:
    details = []
    if row.get("composite") is not None:
        details.append(tr("composite {}").format(_number(row["composite"], 1)))
    if row.get("rank") is not None:
        details.append(tr("rank {}").format(row["rank"]))
    if row.get("grade_prev"):
        details.append(tr("previous grade {}").format(row["grade_prev"]))
    grade = str(row.get("grade") or tr("not graded"))
    return f"{grade} ({'; '.join(details)})" if details else grade


def evaluation_rows(row: dict[str, object]) -> list[tuple[str, str]]:
    """(label, text) lines of an evaluation row."""
    level = str(row.get("level") or "grid")
    unit = LEVEL_NAMES[level].render(tr) if level in LEVEL_NAMES else level
    name = str(row.get("name") or "")
    code = str(row.get("code") or "")
    lines = [(tr("Evaluated unit"), f"{unit} {code} {name if name != code else ''}".strip())]
    lines += [(_INDICATORS[key].name.render(tr), _indicator_text(row, key)) for key in SHOWN_INDICATORS]
    lines.append((tr("Grade"), _grade_text(row)))
    return lines


def emerging_rows(row: dict[str, object]) -> list[tuple[str, str]]:
    """(label, text) lines of an emerging hot spot row."""
    category = row.get("category")
    label = EMERGING_CATEGORY_LABELS.get(int(category)) if category is not None else None
    lines = [(tr("Category"), label.render(tr) if label is not None else "–"),
             (tr("Trend of the hot spot z-scores"),  # Mann-Kendall z and p: notation, the same in every language
              f"z = {_number(row.get('trend_z'), 2)}, p = {_number(row.get('trend_p'), 3)}")]
    if row.get("case_count") is not None:
        lines.append((tr("Cases counted"), str(row["case_count"])))
    if row.get("hot_bins") is not None and row.get("cold_bins") is not None:
        lines.append((tr("Hot / cold time bins"), f"{row['hot_bins']} / {row['cold_bins']}"))
    return lines


def _table(rows: list[tuple[str, str]]) -> str:
    e = html.escape
    return "<table>" + "".join(f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows) + "</table>"


def evaluation_html(evaluation: dict[str, object], emerging: dict[str, object]) -> str:
    """The two sections for spot_html; empty for what the grid has no results of."""
    e = html.escape
    parts = []
    if evaluation:
        title = tr("Evaluation {}").format(evaluation.get("period") or "").strip()
        parts += [f"<p><b>{e(title)}</b></p>", _table(evaluation_rows(evaluation))]
    if emerging:
        parts += [f"<p><b>{e(tr('Emerging hot spot'))}</b></p>", _table(emerging_rows(emerging))]
    return "".join(parts)
