"""Where the time goes: seconds per named stage, collected only when a caller asks for them.

A caller that wants the figures runs its work inside `collecting(times)`; code anywhere below marks its
stages with `with stage("blocks"):`. Without a collector a stage costs one context-variable lookup.
Stages nest freely (each adds its own wall time); the same name used again adds up. Worker threads do
not inherit the collector: a pool hands `current()` to its workers, which collect into it (adding is
locked) or into their own StageTimes whose `seconds` the pool merges back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar


class StageTimes:
    """Seconds per stage, in the order the stages were first seen."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._lock = threading.Lock()

    def add(self, name: str, seconds: float) -> None:
        with self._lock:
            self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def merge(self, seconds: Mapping[str, float]) -> None:
        for name, value in seconds.items():
            self.add(name, value)

    def rounded(self, digits: int = 3) -> dict[str, float]:
        with self._lock:
            return {name: round(value, digits) for name, value in self.seconds.items()}


_CURRENT: ContextVar[StageTimes | None] = ContextVar("grid_plugin_stage_times", default=None)


def current() -> StageTimes | None:
    """The collector of this thread's context, or None when nobody is collecting."""
    return _CURRENT.get()


@contextmanager
def collecting(times: StageTimes | None) -> Iterator[StageTimes | None]:
    """Collect the stages run inside the block into `times` (None: collect nothing)."""
    token = _CURRENT.set(times)
    try:
        yield times
    finally:
        _CURRENT.reset(token)


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the block's wall time to stage `name` of the current collector, if there is one."""
    times = _CURRENT.get()
    if times is None:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        times.add(name, time.perf_counter() - started)
