"""The reasons of rejected rows, counted: for the log of every import, and for the error of an
import that rejects every row (nothing is imported then, and the message must lead to the fix)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from grid_plugin.core.cases.records import Reject
from grid_plugin.core.errors import Message, message

REASONS_LISTED = 5


@dataclass(frozen=True)
class ReasonCount:
    count: int  # rows with a reason of this kind
    example: Message  # the first of them, with its values
    row: int  # ... and its row


class ReasonTally:
    """The reasons of rejected rows counted by kind (template and field), as rows come in row order (an
    import in chunks adds chunk after chunk): the rows, and per kind the count, the first reason and its row."""

    def __init__(self, rejects: Sequence[Reject] = ()):
        self.rows = 0
        self._found: dict[tuple[str, str], list] = {}
        self.add(rejects)

    def add(self, rejects: Sequence[Reject]) -> None:
        self.rows += len(rejects)
        found = self._found
        for reject in rejects:
            for reason in reject.reasons:
                key = (reason.template, str(reason.params.get("field", "")))
                entry = found.get(key)
                if entry is None:
                    found[key] = [1, reason, reject.row]
                else:
                    entry[0] += 1

    def counts(self) -> list[ReasonCount]:
        ordered = sorted(self._found.values(), key=lambda entry: (-entry[0], entry[2]))
        return [ReasonCount(count, example, row) for count, example, row in ordered]


Rejected = Sequence[Reject] | ReasonTally  # the rejects, or their tally


def _tally(rejects: Rejected) -> ReasonTally:
    return rejects if isinstance(rejects, ReasonTally) else ReasonTally(rejects)


def reason_counts(rejects: Rejected) -> list[ReasonCount]:
    """Every reason of every row counted by kind (its template and field), most rows first; a row with
    three reasons counts under each of them."""
    return _tally(rejects).counts()


def common_reasons(rejects: Rejected, listed: int = REASONS_LISTED) -> list[Message]:
    """The most common reasons, each as '118,000 × <the first one> (row 1, …)'."""
    counts = reason_counts(rejects)
    out = [message("{count:,} × {reason}", count=c.count, reason=c.example) if "row" in c.example.params
           else message("{count:,} × {reason} (first in row {row})", count=c.count, reason=c.example, row=c.row)
           for c in counts[:listed]]
    if len(counts) > listed:
        out.append(message("{count:,} other kinds of reason", count=len(counts) - listed))
    return out


def rejected_summary(rejects: Rejected) -> Message:
    """For the log: how many rows were rejected and why, most common reasons first."""
    tally = _tally(rejects)
    return message("{count:,} rows rejected. Most common reasons: {reasons}", count=tally.rows,
                   reasons=common_reasons(tally))


def all_rejected(read: int, rejects: Rejected, rejects_file: str) -> Message:
    """The error of an import whose rows are all rejected."""
    return message("All {count:,} rows were rejected, so nothing was imported and the store is unchanged. Most "
                   "common reasons: {reasons}. Every row and its reasons are in {path}.", count=read,
                   reasons=common_reasons(rejects), path=rejects_file)
