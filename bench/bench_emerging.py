"""Benchmark: emerging hot spot analysis (grid_plugin.core.cases.emerging) on 2,000 grids × 52 weeks.

Core target (issue 19): the whole analysis — space-time Gi*, FDR, Mann–Kendall on z and on the counts,
categories — in well under 2 s. No QGIS: core alone, in a fresh worker process (see harness.py)
so that its peak memory is its own.

Data (fixed seed, made in the worker, not timed): a 40 × 50 lattice of grids with queen
neighbours, 15 % of the neighbour pairs dropped at random so that degrees vary as on road-following
grids; weekly counts Poisson with a gamma-distributed rate per grid
and a slow seasonal swing, plus a few blocks that heat up, cool down or flare now and then.

Printed: the seconds of each repeat (median), the split Gi* / whole analysis of the last repeat,
the worker's peak RSS (``ru_maxrss``, numpy import included; the peak before the first call is
shown as the baseline) and the tracemalloc peak of one extra call (numpy's arrays are traced).

End to end (issue 19, point 3): ``gridplugin:emerginghotspots`` run with ``processing.run`` on a
GeoPackage store of 1,000,000 cases over 2025 (bench_cases.py's generator, seed and ``build`` worker:
clustered cases, local report times, ``import_cases`` of synthetic ``CaseRecords``) in the sample
district divided along its roads into about 2,000 unit grids (``gridplugin:dividegrids`` with a
target area of 8,000 m², as bench_cases.py makes its 1,725 grids at 10,000 m²); weekly bins (53 ISO
weeks touch 2025), queen neighbours, FDR on, both outputs written to new GeoPackage files (the per-bin
layer has grids × weeks features). Targets: at most 2 s (median of the repeats, QGIS start-up not
counted) and at most 1 GiB peak memory (the worker's ``ru_maxrss``, QGIS start-up included; the
baseline after start-up is printed). The phases are read off the algorithm's progress: counting in the
store (to 50 %, including reading the grids and the neighbours), the analysis (to 70 %), the per-bin
layer (to 95 %) and the grid layer (to 100 %). One more run without the per-bin layer shows its
share. The grids and the store are cached in ``$TMPDIR/grid_plugin_bench/cache/``.

    .venv/bin/python bench/bench_emerging.py                 # core, then end to end (store built once)
    .venv/bin/python bench/bench_emerging.py --grids 20000 --bins 104 --rings 2 --skip-e2e
    .venv/bin/python bench/bench_emerging.py --skip-core --cases 100000
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import bench_cases
import harness

SEED = 19
TARGET_S = 2.0
E2E_CASES = 1_000_000
E2E_TARGET_AREA = 8_000.0  # m²: the sample district in about 2,000 road-following grids
E2E_TARGET_S = 2.0
E2E_TARGET_MIB = 1024.0
E2E_REPEATS = 5
STORE_VERSION = 1  # bump when the store built here changes; part of the cache key
PHASES = ((50, "count"), (70, "analyse"), (95, "per-bin layer"), (100, "grid layer"))


def make_input(grids: int, bins: int):
    import numpy as np

    from grid_plugin.core.cases.hotspots import Neighbours

    columns = 50 if grids % 50 == 0 else int(np.ceil(np.sqrt(grids)))
    rows = -(-grids // columns)
    index = np.arange(rows * columns).reshape(rows, columns)
    pairs = [(index[:, :-1], index[:, 1:]), (index[:-1], index[1:]), (index[:-1, :-1], index[1:, 1:]),
             (index[:-1, 1:], index[1:, :-1])]
    first = np.concatenate([a.ravel() for a, _ in pairs])
    second = np.concatenate([b.ravel() for _, b in pairs])
    rng = np.random.default_rng(SEED)
    keep = (rng.random(len(first)) > 0.15) & (first < grids) & (second < grids)
    neighbours = Neighbours.from_pairs(grids, first[keep], second[keep])
    week = np.arange(bins)
    rate = rng.gamma(1.0, 1.5, (grids, 1)) * (1 + 0.3 * np.sin(2 * np.pi * week / 52))
    for start, change in ((0, np.linspace(0, 6, bins)), (grids // 3, np.linspace(6, 0, bins)),
                          (2 * grids // 3, 5.0 * (rng.random(bins) < 0.2))):
        rate[start:start + 3 * columns] += change  # three rows of grids heat up, cool down, flare
    return rng.poisson(rate), neighbours


def worker_core(args) -> dict:
    import tracemalloc

    import numpy as np

    from grid_plugin.core.cases.emerging import emerging_hot_spots, space_time_gi_star

    cube, neighbours = make_input(args.grids, args.bins)
    before = harness.peak_memory_mib()["ru_maxrss_mib"]
    seconds = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        result = emerging_hot_spots(cube, neighbours, rings=args.rings, window=args.window)
        seconds.append(time.perf_counter() - started)
    started = time.perf_counter()
    space_time_gi_star(cube, neighbours, rings=args.rings, window=args.window)
    gi_s = time.perf_counter() - started
    peak = harness.peak_memory_mib()
    tracemalloc.start()
    emerging_hot_spots(cube, neighbours, rings=args.rings, window=args.window)
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    codes, counts = np.unique(result.categories, return_counts=True)
    return {"seconds": seconds, "gi_s": gi_s, "before_mib": before, **peak, "traced_mib": traced,
            "islands": int(neighbours.islands().sum()), "mean_degree": float(neighbours.degree().mean()),
            "categories": dict(zip(codes.tolist(), counts.tolist()))}


def phase_feedback():
    """A QgsProcessingFeedback (made once QGIS runs) noting when the progress passes each phase's end."""
    from qgis.core import QgsProcessingFeedback

    class PhaseFeedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.started = time.perf_counter()
            self.marks: dict[str, float] = {}

        def setProgress(self, progress):
            super().setProgress(progress)
            for limit, name in PHASES:
                if progress >= limit and name not in self.marks:
                    self.marks[name] = time.perf_counter() - self.started

    return PhaseFeedback()


def worker_e2e(job: dict) -> dict:
    """processing.run("gridplugin:emerginghotspots") on the store, `repeats` times, then once without BINS."""
    keep = harness.start_qgis(with_provider=True)  # noqa: F841 (keeps QGIS and the provider alive)
    import processing

    baseline = harness.peak_memory_mib()["ru_maxrss_mib"]
    parameters = {"STORE": job["store"], "TIME_STEP": 1, "CONTIGUITY": 0, "TOLERANCE": 0.5, "RINGS": 1,
                  "WINDOW": 1, "FDR": True, "MIN_BINS": 10}
    runs = []
    with harness.scratch_dir("emerging_") as out:
        for k in range(job["repeats"] + 1):
            with_bins = k < job["repeats"]
            feedback = phase_feedback()
            started = time.perf_counter()
            result = processing.run("gridplugin:emerginghotspots", {
                **parameters, "OUTPUT": str(out / f"emerging_{k}.gpkg"),
                "BINS": str(out / f"bins_{k}.gpkg") if with_bins else None}, feedback=feedback)
            seconds = time.perf_counter() - started
            runs.append({"seconds": seconds, "bins": with_bins, "phases": feedback.marks,
                         **{key.lower(): result[key] for key in ("CASE_COUNT", "BIN_COUNT", "HOT_COUNT",
                                                                   "COLD_COUNT")}})
        size = (out / "bins_0.gpkg").stat().st_size / 2**20
    return {"runs": runs, "baseline_mib": baseline, **harness.peak_memory_mib(), "bins_file_mib": size}


WORKERS = {"core": worker_core, "e2e": worker_e2e}  # core: on the parsed options; e2e: on a JSON job


def cached_grids(cases_runner: harness.Runner, target_area: float) -> tuple[str, int]:
    """The sample district's road-following grids at `target_area` (by bench_cases.py's grids worker),
    made once and cached."""
    harness.CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = harness.CACHE_DIR / f"emerging_grids_{target_area:.0f}.gpkg"
    facts = path.with_suffix(".json")
    if not (path.exists() and facts.exists()):
        partial = path.with_name(path.stem + "_partial.gpkg")  # QGIS takes all after the first dot as the format
        partial.unlink(missing_ok=True)
        done = cases_runner.run(f"unit grids: dividegrids at {target_area:,.0f} m²", "grids",
                                {"out": str(partial), "target_area": target_area})
        if done.result is None:
            raise SystemExit("could not make the unit grids")
        partial.rename(path)
        facts.write_text(json.dumps({"grids": done.result["grids"]}))
    return f"{path}|layername=unit_grids", json.loads(facts.read_text())["grids"]


def cached_store(grids_uri: str, cases: int, env: dict) -> tuple[Path, dict]:
    """The GeoPackage store of `cases` cases in those grids, built by bench_cases.py's build worker once."""
    path = harness.CACHE_DIR / (f"emerging_store_{cases}_{Path(grids_uri.split('|')[0]).stem}"
                                f"_seed{bench_cases.SEED}_v{bench_cases.GENERATOR_VERSION}.{STORE_VERSION}.gpkg")
    facts_path = path.with_suffix(".json")
    if path.exists() and facts_path.exists():
        return path, {**json.loads(facts_path.read_text()), "cached": True}
    builder = harness.Runner(bench_cases.__file__, env, 3600)  # runs bench_cases.py's build worker
    result = bench_cases.build_store(builder, path, grids_uri, cases)
    facts = {"stored": result["backends"]["gpkg"]["stored"], "build_s": round(result["seconds"], 1),
             "built": time.strftime("%Y-%m-%d %H:%M")}
    facts_path.write_text(json.dumps(facts))
    return path, {**facts, "cached": False}


def report_core(args, run) -> int:
    if run.error or run.result is None:
        print(f"FAILED: {run.error} {run.detail}")
        return 1
    r = run.result
    median = statistics.median(r["seconds"])
    stated = args.grids == 2000 and args.bins == 52
    verdict = f"target < {TARGET_S:g} s: {'PASS' if median < TARGET_S else 'FAIL'}" if stated else \
        "the target is stated for 2,000 × 52"
    print(f"neighbours: mean degree {r['mean_degree']:.2f}, {r['islands']} islands")
    print(f"time: median {median:.3f} s over {len(r['seconds'])} runs "
          f"({', '.join(f'{s:.3f}' for s in r['seconds'])}); of which space-time Gi* {r['gi_s']:.3f} s "
          f"({verdict})")
    print(f"peak memory: ru_maxrss {r['ru_maxrss_mib']:.0f} MiB (VmHWM {r.get('vmhwm_mib', 0):.0f}; "
          f"{r['before_mib']:.0f} MiB before the first call); tracemalloc peak of one call {r['traced_mib']:.1f} MiB")
    print(f"categories (code: grids): {r['categories']}")
    return 1 if stated and median >= TARGET_S else 0


def run_e2e(args, env: dict) -> int:
    runner = harness.Runner(__file__, env, args.timeout, show_result=False, failure_lines=None)
    cases_runner = harness.Runner(bench_cases.__file__, env, args.timeout, show_result=False, failure_lines=None)
    grids_uri, grids = cached_grids(cases_runner, args.target_area)
    store, facts = cached_store(grids_uri, args.cases, env)
    how = (f"cached, built {facts['built']} in {facts['build_s']:.0f} s" if facts["cached"]
           else f"built in {facts['build_s']:.0f} s")
    print(f"end to end: {facts['stored']:,} cases in {grids:,} grids ({how}): {store}", flush=True)
    done = runner.run(f"gridplugin:emerginghotspots, {args.e2e_repeats} runs + 1 without the per-bin layer", "e2e",
                      {"store": str(store), "repeats": args.e2e_repeats})
    if done.result is None:
        return 1
    r = done.result
    timed = [run for run in r["runs"] if run["bins"]]
    seconds = [run["seconds"] for run in timed]
    median = statistics.median(seconds)
    first = timed[0]
    print(f"  {first['case_count']:,} cases counted, {first['bin_count']} weekly bins, {grids:,} grids "
          f"({grids * first['bin_count']:,} per-bin features, {r['bins_file_mib']:.1f} MiB); "
          f"{first['hot_count']} hot and {first['cold_count']} cold spot grids")
    print(f"  time: median {median:.3f} s over {len(seconds)} runs ({', '.join(f'{s:.3f}' for s in seconds)}); "
          f"without the per-bin layer {r['runs'][-1]['seconds']:.3f} s")
    for name in ("first", "median"):
        run = first if name == "first" else sorted(timed, key=lambda x: x["seconds"])[len(timed) // 2]
        marks, previous, parts = run["phases"], 0.0, []
        for _, phase in PHASES:
            at = marks.get(phase, run["seconds"])
            parts.append(f"{phase} {at - previous:.3f}")
            previous = at
        print(f"  phases of the {name} run (s): {', '.join(parts)}")
    fast = median <= E2E_TARGET_S
    small = r["ru_maxrss_mib"] <= E2E_TARGET_MIB
    print(f"  peak memory: ru_maxrss {r['ru_maxrss_mib']:.0f} MiB (VmHWM {r.get('vmhwm_mib', 0):.0f}; "
          f"{r['baseline_mib']:.0f} MiB after QGIS start-up)")
    full = args.cases >= E2E_CASES and grids >= 2000
    note = "" if full else " (the targets are stated for 1,000,000 cases in 2,000 grids)"
    print(f"  target ≤ {E2E_TARGET_S:g} s: {'PASS' if fast else 'FAIL'}; target ≤ {E2E_TARGET_MIB:.0f} MiB: "
          f"{'PASS' if small else 'FAIL'}{note}")
    return 0 if (fast and small) or not full else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grids", type=int, default=2000, help="core: grids (default 2,000)")
    parser.add_argument("--bins", type=int, default=52, help="core: weeks (default 52)")
    parser.add_argument("--rings", type=int, default=1, help="core: neighbour rings (default 1)")
    parser.add_argument("--window", type=int, default=1, help="core: previous bins in the neighbourhood (default 1)")
    parser.add_argument("--repeats", type=int, default=5, help="core: repeats (default 5)")
    parser.add_argument("--cases", type=int, default=E2E_CASES, help=f"end to end: cases (default {E2E_CASES:,})")
    parser.add_argument("--target-area", type=float, default=E2E_TARGET_AREA,
                        help=f"end to end: target grid area in m² (default {E2E_TARGET_AREA:,.0f})")
    parser.add_argument("--e2e-repeats", type=int, default=E2E_REPEATS,
                        help=f"end to end: repeats (default {E2E_REPEATS})")
    parser.add_argument("--skip-core", action="store_true", help="only the end-to-end algorithm")
    parser.add_argument("--skip-e2e", action="store_true", help="only core")
    harness.add_timeout(parser)
    harness.add_worker_options(parser, WORKERS, "job")
    args = parser.parse_args(argv)
    harness.answer_if_worker(args, WORKERS)

    env = harness.child_env()
    status = 0
    if not args.skip_core:
        print(harness.header(f"emerging_hot_spots: {args.grids:,} grids × {args.bins} bins, rings {args.rings}, "
                             f"window {args.window}", "shared machine: ±20 %", load_values=1), flush=True)
        run = harness.run_script(__file__, ["--worker", "core", "--grids", str(args.grids), "--bins",
                                            str(args.bins), "--rings", str(args.rings), "--window", str(args.window),
                                            "--repeats", str(args.repeats)], env, timeout=600)
        status |= report_core(args, run)
    if not args.skip_e2e:
        print(harness.header("gridplugin:emerginghotspots end to end", python=False, load_values=1), flush=True)
        status |= run_e2e(args, env)
    return status


if __name__ == "__main__":
    sys.exit(main())
