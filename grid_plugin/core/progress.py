"""A small progress/cancel adapter so core loops report without knowing about QGIS."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from grid_plugin.core.errors import Cancelled


def _ignore(_percent: float) -> None:
    return None


def _never() -> bool:
    return False


@dataclass
class Progress:
    """Report percent done and ask whether to stop; both are no-ops by default."""

    report: Callable[[float], None] = field(default=_ignore)
    is_cancelled: Callable[[], bool] = field(default=_never)

    def step(self, done: int, total: int) -> None:
        """Report done/total and raise Cancelled if the user asked to stop."""
        if self.is_cancelled():
            raise Cancelled()
        self.report(100.0 * done / total if total else 100.0)
