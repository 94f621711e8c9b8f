"""Benchmark: emerging hot spot analysis (grid_plugin.core.emerging) on 2,000 grids × 52 weeks.

Target (issue 19): the whole analysis — space-time Gi*, FDR, Mann–Kendall on z and on the counts,
categories — in well under 2 s. No QGIS: core alone, in a fresh worker process (see harness.py)
so that its peak memory is its own.

Data (fixed seed, made in the worker, not timed): a 40 × 50 lattice of grids with queen
neighbours, 15 % of the neighbour pairs dropped at random so that degrees vary as on road-following
grids; weekly counts Poisson with a gamma-distributed rate per grid
and a slow seasonal swing, plus a few blocks that heat up, cool down or flare now and then.

Printed: the seconds of each repeat (median), the split Gi* / whole analysis of the last repeat,
the worker's peak RSS (``ru_maxrss``, numpy import included; the peak before the first call is
shown as the baseline) and the tracemalloc peak of one extra call (numpy's arrays are traced).

    .venv/bin/python bench/bench_emerging.py
    .venv/bin/python bench/bench_emerging.py --grids 20000 --bins 104 --rings 2
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from harness import answer_as_worker, child_env, peak_memory_mib, run_script

SEED = 19
TARGET_S = 2.0


def make_input(grids: int, bins: int):
    import numpy as np

    from grid_plugin.core.hotspots import Neighbours

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


def worker(args) -> dict:
    import tracemalloc

    import numpy as np

    from grid_plugin.core.emerging import emerging_hot_spots, space_time_gi_star

    cube, neighbours = make_input(args.grids, args.bins)
    before = peak_memory_mib()["ru_maxrss_mib"]
    seconds = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        result = emerging_hot_spots(cube, neighbours, rings=args.rings, window=args.window)
        seconds.append(time.perf_counter() - started)
    started = time.perf_counter()
    space_time_gi_star(cube, neighbours, rings=args.rings, window=args.window)
    gi_s = time.perf_counter() - started
    peak = peak_memory_mib()
    tracemalloc.start()
    emerging_hot_spots(cube, neighbours, rings=args.rings, window=args.window)
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    codes, counts = np.unique(result.categories, return_counts=True)
    return {"seconds": seconds, "gi_s": gi_s, "before_mib": before, **peak, "traced_mib": traced,
            "islands": int(neighbours.islands().sum()), "mean_degree": float(neighbours.degree().mean()),
            "categories": dict(zip(codes.tolist(), counts.tolist()))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grids", type=int, default=2000)
    parser.add_argument("--bins", type=int, default=52, help="weeks (default 52)")
    parser.add_argument("--rings", type=int, default=1, help="neighbour rings (default 1)")
    parser.add_argument("--window", type=int, default=1, help="previous bins in the neighbourhood (default 1)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        answer_as_worker(worker(args))

    load = os.getloadavg()
    print(f"emerging_hot_spots: {args.grids:,} grids × {args.bins} bins, rings {args.rings}, window {args.window}; "
          f"python {sys.executable}; load average {load[0]:.2f} on {os.cpu_count()} cores (shared machine: ±20 %)")
    run = run_script(__file__, ["--worker", "--grids", str(args.grids), "--bins", str(args.bins), "--rings",
                                str(args.rings), "--window", str(args.window), "--repeats", str(args.repeats)],
                     child_env(), timeout=600)
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


if __name__ == "__main__":
    sys.exit(main())
