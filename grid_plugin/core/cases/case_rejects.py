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


def reason_counts(rejects: Sequence[Reject]) -> list[ReasonCount]:
    """Every reason of every row counted by kind (its template and field), most rows first; a row with
    three reasons counts under each of them."""
    found: dict[tuple[str, str], list] = {}
    for reject in rejects:
        for reason in reject.reasons:
            key = (reason.template, str(reason.params.get("field", "")))
            entry = found.get(key)
            if entry is None:
                found[key] = [1, reason, reject.row]
            else:
                entry[0] += 1
    ordered = sorted(found.values(), key=lambda entry: (-entry[0], entry[2]))
    return [ReasonCount(count, example, row) for count, example, row in ordered]


def common_reasons(rejects: Sequence[Reject], listed: int = REASONS_LISTED) -> list[Message]:
    """The most common reasons, each as '118,000 × <the first one> (row 1, …)'."""
    counts = reason_counts(rejects)
    out = [message("{count:,} × {reason}", count=c.count, reason=c.example) if "row" in c.example.params
           else message("{count:,} × {reason} (first in row {row})", count=c.count, reason=c.example, row=c.row)
           for c in counts[:listed]]
    if len(counts) > listed:
        out.append(message("{count:,} other kinds of reason", count=len(counts) - listed))
    return out


def rejected_summary(rejects: Sequence[Reject]) -> Message:
    """For the log: how many rows were rejected and why, most common reasons first."""
    return message("{count:,} rows rejected. Most common reasons: {reasons}", count=len(rejects),
                   reasons=common_reasons(rejects))


def all_rejected(read: int, rejects: Sequence[Reject], rejects_file: str) -> Message:
    """The error of an import whose rows are all rejected."""
    return message("All {count:,} rows were rejected, so nothing was imported and the store is unchanged. Most "
                   "common reasons: {reasons}. Every row and its reasons are in {path}.", count=read,
                   reasons=common_reasons(rejects), path=rejects_file)
