"""dividegrids' SNAP_TOLERANCE: the lines to follow with the near-misses of their ends joined before
division (core.grids.snapping), and the count in the log."""

from __future__ import annotations

from dataclasses import replace

from qgis.core import QgsProcessingFeedback

from grid_plugin.core.grids.follow import FollowLines
from grid_plugin.core.grids.junctions import SPLIT_JUNCTION_M, join_split_junctions
from grid_plugin.core.grids.snapping import DEFAULT_SNAP_TOLERANCE_M, snap_line_ends
from grid_plugin.toolbelt.i18n import tr

SNAP_TOLERANCE = "SNAP_TOLERANCE"  # an advanced number of metres (0 = off), default DEFAULT_SNAP_TOLERANCE_M


def snap_help() -> str:
    """The paragraph on SNAP_TOLERANCE for dividegrids' shortHelpString."""
    return tr(
        "Snapping (SNAP_TOLERANCE, default {} m): hand-digitised roads and hutongs rarely meet exactly, and a lane "
        "that stops a metre short of a road would bound no block. Every line end that touches no other line and has "
        "another line ahead of it within the tolerance is extended onto that line's nearest point (0.5–3 m gaps are "
        "common in real data; wider tolerances start joining lanes that do not meet). Free ends are extended, never "
        "moved: two lanes 2 m apart stay two lanes, an end beside a parallel lane is not joined to it, and a dead end "
        "farther away stays a dead end. Junctions drawn twice (a crossroads whose roads end at two points less than "
        "{} m apart) are made one, their line ends moving onto one of them. The numbers of ends and junctions joined "
        "are logged; 0 turns snapping off. Duplicated and overlapping lines need no snapping: noding dissolves "
        "them.").format(f"{DEFAULT_SNAP_TOLERANCE_M:g}", f"{SPLIT_JUNCTION_M:g}")


def snap_follow_lines(lines: FollowLines, tolerance: float, feedback: QgsProcessingFeedback) -> FollowLines:
    """The lines with their near-missing ends joined (ranks, kinds and units unchanged), logged."""
    if tolerance <= 0:
        return lines
    geometries, counts = snap_line_ends(lines.geometries, tolerance)
    feedback.pushInfo(tr("Snapped {} line ends within {} m ({} to lines, {} to other ends).").format(
        counts.total, f"{tolerance:g}", counts.to_lines, counts.to_ends))
    geometries, junctions = join_split_junctions(geometries, tolerance)
    if junctions:
        feedback.pushInfo(tr("Joined {} junctions drawn twice less than {} m apart.").format(
            junctions, f"{min(tolerance, SPLIT_JUNCTION_M):g}"))
    return replace(lines, geometries=geometries)
