"""Independent tasks (one per community) run side by side in worker processes, their results taken
in task order.

Results are handed on in the order of the tasks whatever order the workers finish in, so everything
built from them (grids, warnings, numbering) is identical to a serial run. Workers are processes:
between its GEOS calls a community's division is Python and numpy code that holds the GIL, so two
threads gained a tenth where two processes gained two fifths (docs/en/performance.md#follow). They are
started here, not by multiprocessing: inside QGIS `sys.executable` is QGIS itself or whatever
`python3` comes first on the PATH, and multiprocessing's spawn re-runs the caller's main script in
every worker. Each worker is this package's Python (found from `sys.exec_prefix`, checked by a
handshake: the same Python, numpy, shapely and GEOS versions, or results could differ) running
`serve()`; tasks and results travel as pickles over its stdin and stdout.

Progress and cancel stay on the calling thread: while it waits for the next result in order it
reports progress and asks whether to stop every POLL_S seconds. On Cancelled (or any error) the
workers are killed at once. When the workers cannot start or one fails, the tasks not yet done run
in the calling process instead (the caller is told why). Stage times (core.timing) of the tasks are
collected per task and merged in task order: in parallel they are the sum over workers.
"""

from __future__ import annotations

import io
import os
import pickle
import queue
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, TypeVar

import numpy as np
import shapely

from grid_plugin.core.progress import Progress
from grid_plugin.core.timing import StageTimes, collecting, current

T = TypeVar("T")

# Workers by default at most: each holds its own Python, numpy, shapely (40 MiB) and community data.
MAX_WORKERS = 8
# A worker is started for every this many tasks at least: starting one costs about 0.1 s.
TASKS_PER_WORKER = 4
# Seconds between cancel checks while the next result is not ready.
POLL_S = 0.1
# Tasks handed out beyond the one awaited, per worker: results wait in memory until their turn.
AHEAD_PER_WORKER = 8
# Seconds to wait for a worker's end (its exit code, its reader thread).
_EXIT_S = 2.0
_PROTOCOL = pickle.HIGHEST_PROTOCOL
_LINEARRING = 2  # shapely.get_type_id: WKB has no LinearRing (it would come back as a LineString)


class _Pickler(pickle.Pickler):
    """Arrays of geometries in one vectorised WKB conversion instead of one reduce per geometry (a
    community's lines pickle six times faster); everything else as pickle does it."""

    def reducer_override(self, obj: object) -> Any:
        if (type(obj) is np.ndarray and obj.dtype == object and obj.ndim == 1 and len(obj)
                and all(isinstance(g, shapely.Geometry) for g in obj)
                and not (shapely.get_type_id(obj) == _LINEARRING).any()):
            return shapely.from_wkb, (shapely.to_wkb(obj, include_srid=True),)
        return NotImplemented


def _dumps(message: object) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, _PROTOCOL).dump(message)
    return buffer.getvalue()


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(requested: int | None, tasks: int) -> int:
    """Workers to use: `requested` (1 = serial, in the calling process), or by default one per core up
    to MAX_WORKERS; never more than one per TASKS_PER_WORKER tasks (a few tasks run serially)."""
    if requested is not None and requested < 1:
        raise ValueError(f"workers must be at least 1, got {requested}")
    wanted = min(available_cores(), MAX_WORKERS) if requested is None else requested
    return max(1, min(wanted, tasks // TASKS_PER_WORKER))


def map_in_order(function: Callable[..., T], tasks: Iterable[tuple], total: int, workers: int,
                 progress: Progress, fallback: Callable[[str], None] | None = None) -> Generator[T, None, None]:
    """function(*task) for every task, yielded in task order; `progress.step(k, total)` runs before
    result k is handed on and raises Cancelled when the user asked to stop. `total` is the number of
    tasks; with one worker they run one after the other in the calling process. `function` must be
    importable by name (a module-level function) and tasks and results picklable. A task's exception
    is raised when its turn comes, as in a serial run. When worker processes cannot start or fail,
    the rest runs in the calling process and `fallback` gets the reason (English, for a log)."""
    source = enumerate(tasks)
    if workers <= 1:
        for k, task in source:
            progress.step(k, total)
            yield function(*task)
        return
    timed = current() is not None
    pool = _Pool(workers, function, timed)
    done: dict[int, tuple[bool, Any, dict[str, float] | None]] = {}
    try:
        for k in range(total):
            while k not in done and pool.alive:
                pool.hand_out(source, k + workers * AHEAD_PER_WORKER)
                progress.step(k, total)  # raises Cancelled
                done.update(pool.receive(POLL_S))
            if k not in done:  # the pool failed: this task and the rest in this process
                if fallback is not None:
                    fallback(pool.failure)
                    fallback = None
                task = pool.tasks.pop(k) if k in pool.tasks else next(source)[1]
                progress.step(k, total)
                done[k] = (True, *_run(function, task, timed))
            ok, value, seconds = done.pop(k)
            if not ok:
                raise value
            collector = current()
            if collector is not None and seconds:
                collector.merge(seconds)
            yield value
    finally:
        pool.close()


def _run(function: Callable[..., T], task: tuple, timed: bool) -> tuple[T, dict[str, float] | None]:
    """One task with its own stage times (when timed)."""
    if not timed:
        return function(*task), None
    times = StageTimes()
    with collecting(times):
        result = function(*task)
    return result, times.seconds


# --- the workers --------------------------------------------------------------------------------


def _versions() -> tuple:
    import numpy
    import shapely

    return sys.hexversion, numpy.__version__, shapely.__version__, shapely.geos_version


def python_executable() -> Path | None:
    """This Python's interpreter program: from sys.exec_prefix (sys.executable is QGIS itself, or a
    guess from the PATH, when Python runs inside QGIS), else sys.executable; None when none exists."""
    prefix = Path(sys.exec_prefix)
    major, minor = sys.version_info[:2]
    if os.name == "nt":
        candidates = [prefix / "python.exe", prefix / f"python{major}.exe"]
    else:
        candidates = [prefix / "bin" / f"python{major}.{minor}", prefix / "bin" / f"python{major}"]
    if sys.executable and Path(sys.executable).name.lower().startswith("python"):
        candidates.append(Path(sys.executable))
    return next((path for path in candidates if path.is_file()), None)


class _Pool:
    """Worker processes with one task each at most; what they send arrives on one queue, read by a
    thread per worker."""

    def __init__(self, workers: int, function: Callable, timed: bool) -> None:
        self.function, self.timed = function, timed
        self.failure = ""  # why the pool stopped, once it failed
        self.tasks: dict[int, tuple] = {}  # tasks handed out and not yet done, by index
        self._queue: queue.Queue = queue.Queue()
        self._processes: list[subprocess.Popen] = []
        self._files = ExitStack()  # the workers' stderr, for the reason when one fails
        self._errors: list[IO[bytes]] = []
        self._readers: list[threading.Thread] = []
        self._busy: dict[int, int] = {}  # worker -> index of its task
        self._ready: set[int] = set()
        self._handed = 0  # tasks drawn from the source
        self._exhausted = False
        python = python_executable()
        if python is None:
            self.failure = f"no Python interpreter found in {sys.exec_prefix}"
            return
        boot = (f"import pickle, sys; sys.path[:0] = pickle.load(sys.stdin.buffer); "
                f"from {__name__} import serve; serve()")
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
        try:
            for w in range(workers):
                self._errors.append(self._files.enter_context(tempfile.TemporaryFile()))  # noqa: SIM115
                process = subprocess.Popen([str(python), "-c", boot], stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, stderr=self._errors[-1], creationflags=flags)
                self._processes.append(process)
                self._write(w, [p for p in sys.path if p])
                if self.failure:
                    return
                reader = threading.Thread(target=self._read, args=(w, process), daemon=True,
                                          name=f"grid_plugin_worker_{w}")
                reader.start()
                self._readers.append(reader)
        except OSError as error:
            self._fail(f"worker processes could not be started: {error}")

    @property
    def alive(self) -> bool:
        return not self.failure

    def hand_out(self, source: Iterator[tuple[int, tuple]], below: int) -> None:
        """Give tasks from `source` to the idle workers, as long as their index is below `below`."""
        while self.alive and not self._exhausted and len(self._busy) < len(self._processes):
            if self._handed >= below:
                return
            item = next(source, None)
            if item is None:
                self._exhausted = True
                return
            index, task = item
            self._handed += 1
            worker = next(w for w in range(len(self._processes)) if w not in self._busy)
            self.tasks[index] = task
            self._busy[worker] = index
            self._write(worker, (index, self.function, task, self.timed))

    def receive(self, timeout: float) -> dict[int, tuple[bool, Any, dict[str, float] | None]]:
        """What the workers finished within `timeout` seconds: (ok, result or exception, stage times)
        by task index."""
        out: dict[int, tuple[bool, Any, dict[str, float] | None]] = {}
        try:
            item = self._queue.get(timeout=timeout)
            while self.alive:
                worker, message = item
                if message is None:  # the worker's output ended
                    self._fail(self._ended(worker))
                elif message[0] == "ready":
                    if message[1] != _versions():
                        self._fail(f"worker process {worker + 1} runs other versions of Python, numpy, shapely "
                                   f"or GEOS: {message[1]}, not {_versions()}")
                    self._ready.add(worker)
                else:
                    index, ok, value, seconds = message
                    del self._busy[worker]
                    del self.tasks[index]
                    out[index] = (ok, value, seconds)
                item = self._queue.get_nowait()
        except queue.Empty:
            pass
        return out

    def close(self) -> None:
        """Stop every worker at once (an idle worker holds nothing to save, and its interpreter's own exit
        would take longer) and wait until they are gone."""
        for process in self._processes:
            process.kill()
            try:
                if process.stdin is not None:
                    process.stdin.close()
            except OSError:
                pass
            process.wait()
        for reader in self._readers:
            reader.join(_EXIT_S)
        self._files.close()

    def _write(self, worker: int, message: object) -> None:
        stdin = self._processes[worker].stdin
        assert stdin is not None
        try:
            stdin.write(_dumps(message))
            stdin.flush()
        except (OSError, pickle.PicklingError, AttributeError, TypeError) as error:
            self._fail(f"worker process {worker + 1} could not be given its task: {error}")

    def _read(self, worker: int, process: subprocess.Popen) -> None:
        stdout = process.stdout
        assert stdout is not None
        try:
            while True:
                self._queue.put((worker, pickle.load(stdout)))
        except Exception:  # the end of its output (EOFError), or output that is not a result
            self._queue.put((worker, None))

    def _ended(self, worker: int) -> str:
        process, error = self._processes[worker], self._errors[worker]
        try:
            code = process.wait(_EXIT_S)
        except subprocess.TimeoutExpired:
            code = None
        error.seek(0)
        tail = error.read().decode("utf-8", "replace").strip().splitlines()[-3:]
        when = "while dividing" if worker in self._busy else "after starting" if worker in self._ready \
            else "while starting"
        return f"worker process {worker + 1} ended {when} (exit code {code}): {' | '.join(tail)}"

    def _fail(self, reason: str) -> None:
        if not self.failure:
            self.failure = reason
        for process in self._processes:
            process.kill()


def serve() -> None:
    """A worker's loop: run the tasks read from stdin and write their results to stdout, until stdin ends."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # whatever a task prints stays out of the result stream
    pickle.dump(("ready", _versions()), stdout, _PROTOCOL)
    stdout.flush()
    while True:
        try:
            index, function, task, timed = pickle.load(stdin)
        except EOFError:
            return
        try:
            result, seconds = _run(function, task, timed)
            reply = _dumps((index, True, result, seconds))
        except Exception as error:  # the task's own error, raised again in the caller
            try:
                reply = pickle.dumps((index, False, error, None), _PROTOCOL)
            except Exception:
                reply = pickle.dumps((index, False, RuntimeError(f"{type(error).__name__}: {error}"), None),
                                     _PROTOCOL)
        stdout.write(reply)
        stdout.flush()
