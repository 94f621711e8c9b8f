"""importcases' default-location piles: the parameters of core.cases.piles' rule and the report of what the
store holds after an import (every pile with its position, cases, share and unit grid)."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterNumber,
)

from grid_plugin.core.cases.piles import PILE_FACTOR, PILE_MIN_CASES, PileRule
from grid_plugin.core.errors import GridInputError
from grid_plugin.processing.parameters.store import grid_codes_at
from grid_plugin.store.base import ImportCounts, StoredGrids

_LISTED = 20  # piles named one by one in the log; the rest are summed up


class PileParameters:
    """Mixin for importcases (a GridAlgorithm)."""

    DETECT_PILES = "DETECT_PILES"
    PILE_FACTOR = "PILE_FACTOR"
    PILE_MIN_CASES = "PILE_MIN_CASES"
    PILE_COUNT = "PILE_COUNT"
    PILED_CASES = "PILED_CASES"

    def add_pile_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterBoolean(
            self.DETECT_PILES, self.tr("Find default-location piles (many cases on one exact point)"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.PILE_FACTOR, self.tr("A pile holds at least this many times the 99th percentile of cases per "
                                      "position"), QgsProcessingParameterNumber.Type.Double, PILE_FACTOR,
            minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.PILE_MIN_CASES, self.tr("... and at least this many cases"),
            QgsProcessingParameterNumber.Type.Integer, PILE_MIN_CASES, minValue=2))
        self.addOutput(QgsProcessingOutputNumber(self.PILE_COUNT, self.tr("Default-location piles")))
        self.addOutput(QgsProcessingOutputNumber(self.PILED_CASES, self.tr("Cases on default-location piles")))

    def pile_help(self) -> str:
        return self.tr(
            "Default-location piles: case systems put cases they cannot locate on one default point (the city "
            "hall, a street office, the district centre), and such a point would lead every heat map and hot "
            "spot analysis. After each import the store's cases are counted per exact position (rounded to 1e-7 "
            "degrees); a position holding at least PILE_FACTOR (default 20) times the 99th percentile of cases "
            "per position (over the positions with fewer than PILE_MIN_CASES cases), and at least PILE_MIN_CASES "
            "(default 50), is a pile. Its cases placed by coordinates "
            "get location_quality 'pile' (others: 'exact', or 'geocoded' when placed by their address); the log "
            "names each pile with its position, cases, share and unit grid. The count covers the cases already "
            "in the store, so a pile that grows month by month is found. Heat maps, hot spots and emerging hot "
            "spots leave piled cases out unless their INCLUDE_PILES is set. With DETECT_PILES off, nothing is "
            "looked for and the flags of the cases not imported now stay as they are.")

    def pile_rule(self, parameters, context) -> PileRule | None:
        if not self.parameterAsBoolean(parameters, self.DETECT_PILES, context):
            return None
        try:
            return PileRule(self.parameterAsDouble(parameters, self.PILE_FACTOR, context),
                            self.parameterAsInt(parameters, self.PILE_MIN_CASES, context))
        except GridInputError as err:
            raise QgsProcessingException(self.render(err.message)) from err

    def report_piles(self, counts: ImportCounts, grids: StoredGrids, rule: PileRule | None,
                     feedback) -> dict[str, int]:
        """Log every pile of the store and return the outputs PILE_COUNT and PILED_CASES."""
        finding = counts.piles
        if finding is None or rule is None:
            return {self.PILE_COUNT: 0, self.PILED_CASES: counts.piled}
        piles = finding.piles
        if not piles:
            feedback.pushInfo(self.tr(
                "No default-location pile: no position holds {} cases or more (99th percentile of cases per "
                "position: {:g}).").format(finding.threshold, finding.q99))
            return {self.PILE_COUNT: 0, self.PILED_CASES: counts.piled}
        codes = grid_codes_at(grids, np.array([p.lon for p in piles]), np.array([p.lat for p in piles])).grid_codes
        for pile, code in list(zip(piles, codes))[:_LISTED]:
            feedback.pushWarning(self.tr(
                "Default-location pile: {} cases ({:.1%} of the store) at {:.7f}, {:.7f} in unit grid {}.").format(
                    pile.cases, pile.share, pile.lon, pile.lat, code or self.tr("(none)")))
        if len(piles) > _LISTED:
            rest = piles[_LISTED:]
            feedback.pushWarning(self.tr("... and {} more piles with {} cases.").format(
                len(rest), sum(p.cases for p in rest)))
        feedback.pushWarning(self.tr(
            "{cases} cases on {piles} default-location piles (a position with {threshold} cases or more: {factor:g} "
            "times the 99th percentile {q99:g}, at least {least}) are flagged location_quality 'pile' and left out "
            "of heat and hot spots unless INCLUDE_PILES is set.").format(
                cases=counts.piled, piles=len(piles), threshold=finding.threshold, factor=rule.factor,
                q99=finding.q99, least=rule.min_cases))
        return {self.PILE_COUNT: len(piles), self.PILED_CASES: counts.piled}
