"""dividegrids' quality figures (core.grids.quality) as the algorithm hands them on: its outputs, the log and the
output layer's metadata."""

from __future__ import annotations

import json

from qgis.core import (
    QgsLayerMetadata,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
)

from grid_plugin.core.grids.quality import QualityFigures
from grid_plugin.processing.outputs import set_output_metadata
from grid_plugin.toolbelt.i18n import tr

QUALITY = "QUALITY"
BOUNDARY_ON_LINES = "BOUNDARY_ON_LINES"
BOUNDARY_ON_ROADS = "BOUNDARY_ON_ROADS"
BOUNDARY_ON_FEATURES = "BOUNDARY_ON_FEATURES"
BOUNDARY_STRAIGHT = "BOUNDARY_STRAIGHT"
SHARE_NEAR_TARGET = "SHARE_NEAR_TARGET"


def add_quality_outputs(algorithm) -> None:
    algorithm.addOutput(QgsProcessingOutputString(QUALITY, tr("Quality figures (JSON)")))
    for key, description in (
        (BOUNDARY_ON_LINES, tr("Share of interior grid boundaries on followed lines")),
        (BOUNDARY_ON_ROADS, tr("Share of interior grid boundaries on roads")),
        (BOUNDARY_ON_FEATURES, tr("Share of interior grid boundaries on other followed features (barriers, polygon "
                                  "boundaries)")),
        (BOUNDARY_STRAIGHT, tr("Share of interior grid boundaries on no followed feature (dead ends extended, "
                               "straight cuts)")),
        (SHARE_NEAR_TARGET, tr("Share of grids within 0.5–2 × the target area")),
    ):
        algorithm.addOutput(QgsProcessingOutputNumber(key, description))


def quality_results(quality: QualityFigures) -> dict[str, object]:
    """The quality outputs of a run."""
    return {
        QUALITY: json.dumps(quality.as_dict()),
        BOUNDARY_ON_LINES: quality.boundary_on_lines, BOUNDARY_ON_ROADS: quality.boundary_on_roads,
        BOUNDARY_ON_FEATURES: quality.boundary_on_features, BOUNDARY_STRAIGHT: quality.boundary_straight,
        SHARE_NEAR_TARGET: quality.share_near_target,
    }


def log_quality(feedback: QgsProcessingFeedback, quality: QualityFigures, followed: bool) -> None:
    feedback.pushInfo(tr(
        "Quality: {} grids; area min {:.0f}, median {:.0f}, p95 {:.0f}, max {:.0f} m²; "
        "{:.1%} within 0.5–2 × target; compactness (Polsby-Popper) min {:.2f}, p5 {:.2f}, "
        "median {:.2f}.").format(
            quality.grid_count, quality.area_min, quality.area_median, quality.area_p95, quality.area_max,
            quality.share_near_target, quality.compactness_min, quality.compactness_p5,
            quality.compactness_median))
    if followed and quality.boundary_on_lines is not None:
        feedback.pushInfo(tr("Quality: {:.1%} of interior grid boundaries lie on followed lines.").format(
            quality.boundary_on_lines))
        feedback.pushInfo(tr(
            "Quality: of interior grid boundaries, {:.1%} lie on roads, {:.1%} on other followed features "
            "(barriers, polygon boundaries) and {:.1%} on none (dead ends extended, straight cuts).").format(
                quality.boundary_on_roads, quality.boundary_on_features, quality.boundary_straight))


def store_quality(dest_id: str, context: QgsProcessingContext, quality: QualityFigures) -> None:
    """Quality figures in the output layer's metadata (abstract and keywords)."""
    metadata = QgsLayerMetadata()
    metadata.setTitle(tr("Unit grids"))
    metadata.setAbstract(tr("Unit grids made by gridplugin:dividegrids. Quality figures: {}").format(
        json.dumps(quality.as_dict(), ensure_ascii=False)))
    metadata.setKeywords({"gridplugin:quality": [
        f"{key}={value}" for key, value in quality.as_dict().items()]})
    set_output_metadata(context, dest_id, metadata)
