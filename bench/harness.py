"""What the benchmarks share.

Each measured operation runs in a fresh interpreter (the script itself, called with --worker) that
prints one result line, which the parent reads: so each peak memory is the worker's own. The parent
side here imports the standard library only (a child started from a big parent would inherit its
peak RSS in ru_maxrss on Linux): running workers (run_script; Workers, given an output folder;
Runner, given a JSON job), the workers' environment, inputs generated once and cached, the records
of one side's runs (SideResult, measure_side), options, the header and machine lines, tables and
verdicts. The worker side imports QGIS where it is called: the result line, peak memory and timed
blocks (measured), starting QGIS and the plugin's provider, the baseline worker, feature counts and
output layers, a feedback that keeps warnings, memory point layers and cProfile tables.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

REPO = Path(__file__).resolve().parent.parent
RESULT_MARK = "BENCH_RESULT "
WORK_DIR = Path(tempfile.gettempdir()) / "grid_plugin_bench"  # workers' output folders
CACHE_DIR = WORK_DIR / "cache"  # generated inputs, kept between runs


# --- parent side: running workers ---------------------------------------------------------------


@dataclass
class ChildRun:
    """Outcome of one subprocess: its JSON result, or why there is none."""

    result: dict | None = None
    error: str | None = None  # "timeout" or "failed"
    detail: str = ""


def child_env() -> dict:
    """The environment workers need, with the Makefile's defaults filled in when missing."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if Path("/usr/share/proj").is_dir():
        env.setdefault("PROJ_DATA", "/usr/share/proj")
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    for needed in (str(REPO), "/usr/share/qgis/python/plugins"):
        if needed not in paths:
            paths.append(needed)
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def run_script(script: str | Path, arguments: list[str], env: dict, timeout: float | None,
               echo: bool = False) -> ChildRun:
    """Run a benchmark script with arguments in a fresh interpreter and parse its result line."""
    try:
        done = subprocess.run([sys.executable, str(Path(script).resolve()), *arguments], env=env,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return ChildRun(error="timeout", detail=f"no result within {timeout:.0f} s")
    if echo:
        print("\n".join(line for line in done.stdout.splitlines() if not line.startswith(RESULT_MARK)), flush=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT_MARK)]
    if done.returncode != 0 or not lines:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-15:])
        return ChildRun(error="failed", detail=f"exit code {done.returncode}\n{tail}")
    return ChildRun(result=json.loads(lines[-1][len(RESULT_MARK):]))


def new_work_dir(prefix: str) -> Path:
    """A new, empty folder under WORK_DIR."""
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=WORK_DIR))


@contextmanager
def scratch_dir(prefix: str, keep: bool = False) -> Iterator[Path]:
    """A new folder under WORK_DIR, removed when the block ends unless kept."""
    folder = new_work_dir(prefix)
    try:
        yield folder
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


class Workers:
    """The measured workers of one script: `SCRIPT --worker KIND --out-dir DIR ... [--input PATH]`, each in
    a fresh interpreter, DIR a new folder under WORK_DIR (named PREFIX + KIND) removed afterwards unless kept."""

    def __init__(self, script: str | Path, prefix: str, env: dict, timeout: float | None):
        self.script, self.prefix, self.env, self.timeout = script, prefix, env, timeout

    def run(self, kind: str, input_path: Path | None = None, extra: Sequence[str] = (), keep_dir: bool = False,
            echo: bool = False) -> ChildRun:
        with scratch_dir(f"{self.prefix}{kind}_", keep=keep_dir) as out_dir:
            arguments = ["--worker", kind, "--out-dir", str(out_dir), *extra]
            if input_path is not None:
                arguments += ["--input", str(input_path)]
            return run_script(self.script, arguments, self.env, self.timeout, echo)

    def measure(self, kind: str, runs: int, describe: Callable[[str, dict], str], input_path: Path | None = None,
                extra: Sequence[str] = (), peak_spec: str = ".0f") -> SideResult:
        """`runs` runs of one side (see measure_side)."""
        return measure_side(kind, runs, lambda: self.run(kind, input_path, extra), describe, peak_spec)

    def profile(self, input_path: Path, top: int, where: str = "") -> int:
        """The "profile" worker (--top TOP): its cProfile tables echoed, its folder kept; the exit status."""
        run = self.run("profile", input_path, ["--top", str(top)], keep_dir=True, echo=True)
        if run.error:
            print(f"profile {run.error}: {run.detail}")
            return 1
        print(f"\nprofile written to {run.result['profile']}{where}")
        return 0

    def baseline(self, indent: str = "", peak_spec: str = ".0f") -> ChildRun:
        """The "baseline" worker (QGIS started, nothing run), its peak printed."""
        run = self.run("baseline")
        if run.result:
            print(f"{indent}baseline worker (QGIS + Processing only): peak "
                  f"{run.result['ru_maxrss_mib']:{peak_spec}} MiB", flush=True)
        return run


class Runner:
    """Runs a script's workers given a JSON job (`SCRIPT --worker KIND --job JSON`), one progress line each
    (with the result when show_result; a failure's last `failure_lines` lines, all when None), and keeps
    the runs by name."""

    def __init__(self, script: str | Path, env: dict, timeout: float | None, show_result: bool = True,
                 failure_lines: int | None = 3):
        self.script, self.env, self.timeout = script, env, timeout
        self.show_result, self.failure_lines = show_result, failure_lines
        self.runs: dict[str, ChildRun] = {}

    def run(self, name: str, kind: str, job: dict, echo: bool = False) -> ChildRun:
        print(f"  {name} ...", flush=True)
        run = run_script(self.script, ["--worker", kind, "--job", json.dumps(job, ensure_ascii=False)], self.env,
                         self.timeout, echo=echo)
        self.runs[name] = run
        if run.error:
            detail = run.detail
            if self.failure_lines is not None:
                detail = " | ".join(detail.strip().splitlines()[-self.failure_lines:])
            print(f"    {run.error.upper()}: {detail}", flush=True)
        elif self.show_result:
            shown = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in run.result.items()}
            print(f"    {json.dumps(shown, ensure_ascii=False)}", flush=True)
        return run

    def skip(self, name: str, why: str) -> None:
        self.runs[name] = ChildRun(error=why)
        print(f"  {name}: {why}", flush=True)

    def get(self, name: str, key: str = "seconds"):
        run = self.runs.get(name)
        return None if run is None or run.result is None else run.result.get(key)

    def error(self, name: str) -> str | None:
        run = self.runs.get(name)
        return "skipped" if run is None else run.error


def cached_input(script: str | Path, path: Path, number: int, what: str, env: dict, generated: str,
                 cached: str = "") -> dict:
    """The facts of a generated input cached at path (the facts beside it, .json), made when missing by
    `SCRIPT --generate NUMBER PATH` in a fresh interpreter. Printed: "generating WHAT -> PATH" and the
    line `generated` (a str.format template of the facts and the wall `seconds`), or `cached` (of `path`)
    when the input was there."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    facts_path = path.with_suffix(".json")
    if path.exists() and facts_path.exists():
        if cached:
            print("  " + cached.format(path=path), flush=True)
        return json.loads(facts_path.read_text())
    path.unlink(missing_ok=True)
    print(f"  generating {what} -> {path}", flush=True)
    started = time.perf_counter()
    run = run_script(script, ["--generate", str(number), str(path)], env, timeout=None)
    if run.result is None:
        raise SystemExit(f"input generation failed: {run.detail}")
    facts_path.write_text(json.dumps(run.result, ensure_ascii=False))
    facts = json.loads(facts_path.read_text())
    print("  " + generated.format_map({**facts, "seconds": time.perf_counter() - started}), flush=True)
    return facts


# --- parent side: results -----------------------------------------------------------------------


@dataclass
class SideResult:
    """All runs of one side (plugin or QGIS) of a comparison."""

    runs: list[dict] = field(default_factory=list)
    error: str | None = None  # "timeout", "failed" or "skipped" when there is no complete run set
    detail: str = ""  # the end of the failed worker's output

    def median(self, key: str) -> float | None:
        values = [r[key] for r in self.runs if r.get(key) is not None]
        return statistics.median(values) if values and not self.error else None

    def peak_mib(self) -> float | None:
        values = [r["ru_maxrss_mib"] for r in self.runs]
        return max(values) if values and not self.error else None

    def failure(self) -> str | None:
        """"FAILED: <last line of the worker's output>" (or TIMEOUT) when a run failed."""
        if self.error not in ("failed", "timeout"):
            return None
        last = self.detail.strip().splitlines()[-1] if self.detail.strip() else ""
        return f"{self.error.upper()}: {last}"


def measure_side(kind: str, runs: int, run_once: Callable[[], ChildRun], describe: Callable[[str, dict], str],
                 peak_spec: str = ".0f", check_vmhwm: bool = True) -> SideResult:
    """Repeat one side, a line per run (time, peaks, then describe(kind, result)); stop at the first
    timeout or failure (no point in waiting again)."""
    side = SideResult()
    for attempt in range(runs):
        run = run_once()
        if run.error:
            side.error, side.detail = run.error, run.detail
            print(f"    {kind:6s} run {attempt + 1}/{runs}: {run.error.upper()} ({run.detail})", flush=True)
            break
        r = run.result
        side.runs.append(r)
        print(f"    {kind:6s} run {attempt + 1}/{runs}: {r['seconds']:.2f} s, peak "
              f"{r['ru_maxrss_mib']:{peak_spec}} MiB (VmHWM {r['vmhwm_mib']:{peak_spec}}){describe(kind, r)}",
              flush=True)
        if check_vmhwm and abs(r["ru_maxrss_mib"] - r["vmhwm_mib"]) > 0.05 * r["vmhwm_mib"]:
            print("      note: ru_maxrss and VmHWM disagree by more than 5 %", flush=True)
    return side


def warnings_note(result: dict) -> str:
    """"; N warning(s), first: ..." for a result holding CountingFeedback.summary(), else ""."""
    if not result["warnings"]:
        return ""
    return f"; {result['warnings']} warning(s), first: {result['first_warning'][0][:160]}"


# --- parent side: options and printing ----------------------------------------------------------


def size_list_type(sizes) -> Callable[[str], list[int]]:
    """An argparse type: comma-separated sizes, each one of `sizes`."""

    def size_list(text: str) -> list[int]:
        chosen = [int(s) for s in text.split(",") if s.strip()]
        unknown = [s for s in chosen if s not in sizes]
        if unknown:
            raise argparse.ArgumentTypeError(f"unknown size(s) {unknown}; choose from {sorted(sizes)}")
        return chosen

    return size_list


def add_timeout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per worker run (default 1800)")


def add_worker_options(parser: argparse.ArgumentParser, workers, *internal: str, generate: str = "") -> None:
    """The options only a parent passes its children, hidden from --help: --worker KIND (one of
    `workers`), each of `internal` (one value each) and, when `generate` names its number, --generate
    NUMBER PATH (see cached_input)."""
    parser.add_argument("--worker", choices=sorted(workers), help=argparse.SUPPRESS)
    for name in internal:
        parser.add_argument(f"--{name}", help=argparse.SUPPRESS)
    if generate:
        parser.add_argument("--generate", nargs=2, metavar=(generate, "PATH"), help=argparse.SUPPRESS)


def answer_if_worker(args: argparse.Namespace, workers: dict,
                     generate: Callable[[int, Path], dict] | None = None) -> None:
    """In a child process, answer and exit: --worker KIND runs workers[KIND] on its JSON job (--job) or
    else on the parsed arguments; --generate NUMBER PATH runs generate(NUMBER, PATH)."""
    if getattr(args, "generate", None):
        answer_as_worker(generate(int(args.generate[0]), Path(args.generate[1])))
    if args.worker:
        job = getattr(args, "job", None)
        answer_as_worker(workers[args.worker](args if job is None else json.loads(job)))


def load_average(values: int = 3) -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg()[:values])


def header(title: str, note: str = "", python: bool = True, load_values: int = 3) -> str:
    """The first line of a benchmark: what it measures; the interpreter; the load average (its first
    `load_values` values, none when 0) and the cores, with a note on the figures' noise."""
    parts = [title]
    if python:
        parts.append(f"python {sys.executable}")
    if load_values:
        parts.append(f"load average {load_average(load_values)} on {os.cpu_count()} cores"
                     + (f" ({note})" if note else ""))
    return "; ".join(parts)


def machine_line(shared: str) -> str:
    """The machine line of a report: cores, how shared (and noisy) the machine is, the load now."""
    return f"Machine: {os.cpu_count()} cores, {shared}; load average now {load_average()}."


def table(header: list[str], rows: list[list[str]], first: str = "---", other: str = "---:") -> None:
    """A markdown table (alignment markers of the first and the other columns), then a blank line."""
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join([first] + [other] * (len(header) - 1)) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()


def fmt(value: float | None, error: str | None, spec: str) -> str:
    if value is None:
        return error or "-"
    return format(value, spec)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


# --- worker side --------------------------------------------------------------------------------


def answer_as_worker(result: object) -> NoReturn:
    """End a worker process: print its result line for the parent (run_script) and exit at once,
    skipping QGIS's teardown (it is not measured and can crash on exit)."""
    print(RESULT_MARK + json.dumps(result, ensure_ascii=False, default=str), flush=True)
    os._exit(0)


def peak_memory_mib() -> dict:
    """Peak RSS of this process: ru_maxrss (KiB on Linux) and VmHWM of /proc/self/status."""
    import resource

    peak = {"ru_maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            peak["vmhwm_mib"] = int(line.split()[1]) / 1024
    return peak


@contextmanager
def measured() -> Iterator[dict]:
    """Time the block: the dict it gives gets the block's wall time ("seconds") and, right after it, the
    process's peak memory (peak_memory_mib)."""
    figures: dict = {}
    started = time.perf_counter()
    yield figures
    figures["seconds"] = time.perf_counter() - started
    figures.update(peak_memory_mib())


@contextmanager
def tree_memory(interval: float = 0.1) -> Iterator[dict]:
    """Sample (every `interval` s, from /proc: Linux) the resident memory of this process and of its child
    processes (a plugin's worker processes) while the block runs; the dict gets the largest sum seen
    ("tree_peak_mib") and the largest sum of the children alone ("children_peak_mib")."""
    import threading

    figures = {"tree_peak_mib": 0.0, "children_peak_mib": 0.0}
    done = threading.Event()
    me = os.getpid()

    def rss_mib(pid: int | str) -> float:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def sample() -> None:
        while True:
            children = 0.0
            for stat in Path("/proc").glob("[0-9]*/stat"):
                try:
                    if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == me:
                        children += rss_mib(stat.parent.name)
                except (OSError, IndexError, ValueError):
                    continue
            figures["children_peak_mib"] = max(figures["children_peak_mib"], children)
            figures["tree_peak_mib"] = max(figures["tree_peak_mib"], rss_mib(me) + children)
            if done.wait(interval):
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield figures
    finally:
        done.set()
        sampler.join()


@contextmanager
def foreign_cpu() -> Iterator[dict]:
    """The CPU seconds other processes used while the block ran ("other_cpu_s": all cores' busy time from
    /proc/stat, Linux, less this process's and its waited-for children's): on a shared machine, how much
    the figures of the block were disturbed."""
    figures: dict = {}

    def busy() -> float:
        values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
        return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")  # minus idle and iowait

    def own() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    started = busy(), own()
    yield figures
    figures["other_cpu_s"] = max(0.0, (busy() - started[0]) - (own() - started[1]))


def start_qgis(gui: bool = False, with_processing: bool = True, with_provider: bool = False):
    """Start a headless QgsApplication (with widgets when gui), Processing and the plugin's provider (when
    asked); return what must stay referenced: the application, or it and the provider."""
    from qgis.core import QgsApplication

    app = QgsApplication([], gui)
    app.initQgis()
    if with_processing:
        from processing.core.Processing import Processing

        Processing.initialize()
    return (app, register_provider()) if with_provider else app


def register_provider():
    """Add the plugin's provider; the registry holds a raw pointer, so return the wrapper to keep."""
    from qgis.core import QgsApplication

    from grid_plugin.processing.provider import GridPluginProvider

    provider = GridPluginProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return provider


def worker_baseline(args: object = None, with_provider: bool = False) -> dict:
    """Only QGIS + Processing start-up (and the plugin's provider): what every worker pays first."""
    keep = start_qgis(with_provider=with_provider)  # noqa: F841 (keeps QGIS and the provider alive)
    return {**peak_memory_mib()}


def feature_count(path: str) -> int:
    from qgis.core import QgsVectorLayer

    return int(QgsVectorLayer(path, "count", "ogr").featureCount())


def output_layer(output, context):
    """An OUTPUT of processing.run as a layer: the layer itself, or the one the context holds by that id."""
    return output if not isinstance(output, str) else context.getMapLayer(output)


def counting_feedback():
    """A QgsProcessingFeedback keeping the algorithm's warnings (non-fatal reportError) to count them,
    and its debug lines (`debug`)."""
    from qgis.core import QgsProcessingFeedback

    class CountingFeedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings: list[str] = []
            self.debug: list[str] = []

        def reportError(self, error, fatalError=False):  # Qt override
            self.warnings.append(error)
            super().reportError(error, fatalError)

        def pushDebugInfo(self, info):  # Qt override
            self.debug.append(info)
            super().pushDebugInfo(info)

        def summary(self) -> dict:
            return {"warnings": len(self.warnings), "first_warning": self.warnings[:1]}

    return CountingFeedback()


def memory_points(name: str, crs: str, xs, ys, field_name: str | None = None):
    """A memory point layer of the coordinates (numpy arrays); with field_name, an integer field that
    numbers the points from 0."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer(f"Point?crs={crs}" + (f"&field={field_name}:integer" if field_name else ""), name,
                           "memory")
    features = []
    for k, (x, y) in enumerate(zip(xs.tolist(), ys.tolist())):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        if field_name:
            feature.setAttributes([k])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    del features
    layer.updateExtents()
    return layer


def print_profile(profiler, top: int, about: str = "", gap: str = "\n") -> None:
    """The top functions of a cProfile run by own and by cumulative time."""
    import pstats

    for key in ("tottime", "cumulative"):
        print(f"{gap}--- top {top} by {key}{about} ---")
        pstats.Stats(profiler).strip_dirs().sort_stats(key).print_stats(top)
