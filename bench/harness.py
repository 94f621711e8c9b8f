"""What the benchmarks share: each measured operation runs in a fresh interpreter (the script
itself, called with --worker) that prints one result line; the parent reads it. Standard library
only, except start_qgis, which workers call."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

REPO = Path(__file__).resolve().parent.parent
RESULT_MARK = "BENCH_RESULT "


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


def start_qgis():
    """Start a headless QgsApplication and Processing; return what must stay referenced."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


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


def fmt(value: float | None, error: str | None, spec: str) -> str:
    if value is None:
        return error or "-"
    return format(value, spec)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")
