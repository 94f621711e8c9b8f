"""The HTML report of a grid validation: result, counts per kind and the problems.

Pure Python. Labels are core Messages (collected into the .ts files like every core template)
rendered with the caller's `translate`; every text from the data is escaped with html.escape.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import shapely

from grid_plugin.core.errors import Message, message
from grid_plugin.core.grids.numbering import ORDER_ROWS
from grid_plugin.core.grids.validation import KIND_LABELS, KINDS, Problem, Validation, ValidationSettings
from grid_plugin.core.report_style import BASE_STYLE

DEFAULT_MAX_ROWS = 10_000

_TITLE = message("Unit grid validation report")
_INPUT = message("Input layer")
_COMMUNITIES = message("Community layer")
_NONE = message("none")
_CRS = message("Working CRS")
_RESULT = message("Result")
_PASSED = message("Passed")
_FAILED = message("Failed")
_GRIDS = message("Grids checked")
_PROBLEMS = message("Problems")
_BY_KIND = message("Problems by kind")
_PARAMETERS = message("Parameters")
_MIN_AREA = message("Minimum area (m²)")
_MAX_AREA = message("Maximum area (m²)")
_TOLERANCE = message("Gap and overlap tolerance (m²)")
_BAND = message("Numbering band (m)")
_CLEARANCE = message("Minimum clearance (m)")
_CHECK_CRS = message("Valid after reprojection to")
_ORDER = message("Sequence order")
_ROWS = message("rows")
_COLUMNS = message("columns")
_NOT_CHECKED = message("not checked")
_KIND = message("Kind")
_ID = message("Id")
_COUNT = message("Count")
_CODE = message("Grid code")
_FIDS = message("Feature ids")
_AREA = message("Area (m²)")
_MESSAGE = message("Message")
_LOCATION = message("Location (x, y)")
_NO_PROBLEMS = message("No problems found.")
_SHOWN = message("Showing the first {shown} of {total} problems; the error layer lists them all.")

_STYLE = BASE_STYLE + """
.passed { color: #1a7f37; font-weight: bold; }
.failed { color: #c00; font-weight: bold; }
"""


def _location(problem: Problem) -> str:
    """Centroid of the problem's geometry, in the working CRS."""
    geometry = problem.geometry
    if geometry is None or geometry.is_empty:
        return "—"
    centre = shapely.centroid(geometry)
    return f"{centre.x:.2f}, {centre.y:.2f}"


def _row(cells: Sequence[str], numeric: Sequence[bool] = ()) -> str:
    out = []
    for k, text in enumerate(cells):
        cls = ' class="number"' if k < len(numeric) and numeric[k] else ""
        out.append(f"<td{cls}>{html.escape(text)}</td>")
    return "<tr>" + "".join(out) + "</tr>"


def _pair(label: Message, value: str, translate: Callable[[str], str]) -> str:
    return f'<tr><th>{html.escape(label.render(translate))}</th><td class="number">{html.escape(value)}</td></tr>'


def _header(labels: Sequence[Message], translate: Callable[[str], str]) -> str:
    return "<tr>" + "".join(f"<th>{html.escape(label.render(translate))}</th>" for label in labels) + "</tr>"


def report_html(
    validation: Validation,
    input_name: str,
    translate: Callable[[str], str] = lambda text: text,
    settings: ValidationSettings | None = None,
    communities_name: str = "",
    crs: str = "",
    max_rows: int = DEFAULT_MAX_ROWS,
    check_crs: Sequence[str] = (),
) -> str:
    """The report as one self-contained HTML page (UTF-8); `check_crs` names the CRS the grids were
    reprojected to for invalid_in_crs."""

    def t(label: Message) -> str:
        return html.escape(label.render(translate))

    passed = validation.passed
    result = f'<span class="{"passed" if passed else "failed"}">{t(_PASSED if passed else _FAILED)}</span>'
    reference = html.escape(communities_name) if communities_name else t(_NONE)
    summary = [
        f"<tr><th>{t(_INPUT)}</th><td>{html.escape(input_name)}</td></tr>",
        f"<tr><th>{t(_COMMUNITIES)}</th><td>{reference}</td></tr>",
    ]
    if crs:
        summary.append(f"<tr><th>{t(_CRS)}</th><td>{html.escape(crs)}</td></tr>")
    summary += [
        f"<tr><th>{t(_RESULT)}</th><td>{result}</td></tr>",
        f"<tr><th>{t(_GRIDS)}</th><td class=\"number\">{validation.grid_count}</td></tr>",
        f"<tr><th>{t(_PROBLEMS)}</th><td class=\"number\">{len(validation.problems)}</td></tr>",
    ]
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{t(_TITLE)} — {html.escape(input_name)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{t(_TITLE)}</h1>",
        "<table>" + "".join(summary) + "</table>",
    ]
    if settings is not None:
        order = (_ROWS if settings.order == ORDER_ROWS else _COLUMNS) if settings.check_sequence else _NOT_CHECKED
        parts += [
            f"<h2>{t(_PARAMETERS)}</h2><table>",
            _pair(_MIN_AREA, f"{settings.min_area:g}", translate),
            _pair(_MAX_AREA, f"{settings.max_area:g}", translate),
            _pair(_TOLERANCE, f"{settings.tolerance:g}", translate),
            _pair(_BAND, f"{settings.band:g}", translate),
            f"<tr><th>{t(_ORDER)}</th><td>{t(order)}</td></tr>",
            _pair(_CLEARANCE, f"{settings.clearance:g}" if settings.clearance > 0 else _NOT_CHECKED.render(translate),
                  translate),
            f"<tr><th>{t(_CHECK_CRS)}</th><td>{html.escape(', '.join(check_crs)) or t(_NOT_CHECKED)}</td></tr>",
            "</table>",
        ]
    counts = validation.counts
    parts += [f"<h2>{t(_BY_KIND)}</h2><table>", _header([_KIND, _ID, _COUNT], translate)]
    parts += [_row([KIND_LABELS[kind].render(translate), kind, str(counts[kind])], (False, False, True))
              for kind in KINDS]
    parts.append("</table>")
    parts.append(f"<h2>{t(_PROBLEMS)}</h2>")
    if passed:
        parts.append(f"<p>{t(_NO_PROBLEMS)}</p>")
    else:
        shown = validation.problems[:max_rows]
        if len(shown) < len(validation.problems):
            note = Message(_SHOWN.template, {"shown": len(shown), "total": len(validation.problems)})
            parts.append(f"<p>{t(note)}</p>")
        parts += ["<table>", _header([_KIND, _CODE, _FIDS, _AREA, _MESSAGE, _LOCATION], translate)]
        for problem in shown:
            parts.append(_row([
                KIND_LABELS[problem.kind].render(translate),
                problem.grid_code,
                ", ".join(str(f) for f in problem.fids),
                "" if problem.area is None else f"{problem.area:.1f}",
                problem.message.render(translate),
                _location(problem),
            ], (False, False, False, True, False, False)))
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
