"""Benchmark: the evaluation of case handling (``gridplugin:evaluatecases``, 综合评价) on large stores.

Target (issue 19, point 6): the evaluation over 10,000,000 cases per period, GeoPackage ≤ 3 s, PostGIS
≤ 1 s, peak memory ≤ 1 GiB. Measured: ``store.evaluation_counts(level, (period, previous))`` (the SQL
aggregates of both periods: counts, mean and median handling times) per level, each the first call in a
fresh worker, then repeats; and the whole algorithm (``processing.run``: the aggregates, the table,
the ranking, the polygon layer and the HTML report) for the unit grids. Figures are printed; nothing
is asserted.

Data (deterministic, ``numpy.random.default_rng``): 1,728 square unit grids (48 × 36, Dongcheng's
extent) in 17 streets and 170 communities; N cases filed in February 2025 and N in March 2025 (local
time), each in a random grid, from one of 5 sources, handled by one of 40 departments (2 % without
one); filed 1 min to 2 h after the report (2 % without a filing time), dispatched, disposed of after
an exponential 20 h, closed up to 4 h later (12 % open), a deadline of 4 h, 1 d, 3 d or 7 d after the
filing; 5 % reworked, 3 % postponed, 2 % invalid, 8 % with the flag unknown. The stores are built by
``import_cases`` in batches of 1,000,000 and kept in ``$TMPDIR/grid_plugin_bench/cache/`` (GeoPackage)
and the PostGIS schema ``bench_evaluation_<N>`` (the server of tests/postgis.env; ``bash
.ci/postgis.sh`` starts it) for later runs; ``--rebuild`` makes them again, ``--drop`` removes them.

    .venv/bin/python bench/bench_evaluation.py                    # 10 M cases per period
    .venv/bin/python bench/bench_evaluation.py --cases 1000000    # 1 M per period
    .venv/bin/python bench/bench_evaluation.py --skip-postgis --levels grid
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import harness
from bench_cases import CONNECTION, pg_execute, postgis_params, save_connection, worker_vacuum
from harness import CACHE_DIR, fmt

CASES = 10_000_000
BATCH = 1_000_000
GENERATOR_VERSION = 1
SEED = 20250319
LEVELS = ("grid", "community", "street", "department", "source")
PERIOD = ("2025-03-01", "2025-04-01")  # local (Asia/Shanghai); the previous period is February
COLUMNS, ROWS = 48, 36
BOUNDS = (116.370, 39.860, 116.450, 39.970)
SOURCES = ("监督员上报", "12345热线", "公众举报", "视频发现", "领导交办")
DEADLINE_HOURS = (4, 24, 72, 168)


# --- the stores ---------------------------------------------------------------------------------
def store_names(cases: int) -> dict:
    return {"gpkg": str(CACHE_DIR / f"evaluation_{cases}_v{GENERATOR_VERSION}.gpkg"),
            "schema": f"bench_evaluation_{cases}_v{GENERATOR_VERSION}"}


def open_store(job: dict):
    if job["backend"] == "postgis":
        from grid_plugin.store.postgis import PostgisStore

        return PostgisStore(postgis_params(), schema=job["schema"])
    from grid_plugin.store.gpkg import GpkgStore

    return GpkgStore(job["gpkg"], create=job.get("create", False))


def stored_grids():
    import numpy as np
    import shapely

    from grid_plugin.store.base import StoredGrids

    x0, y0, x1, y1 = BOUNDS
    width, height = (x1 - x0) / COLUMNS, (y1 - y0) / ROWS
    codes, streets, street_names, communities, community_names, geometries = [], [], [], [], [], []
    for k in range(COLUMNS * ROWS):
        row, column = divmod(k, COLUMNS)
        street, community = k % 17 + 1, (k // 17) % 10 + 1
        codes.append(f"110101{street:03d}{community:03d}{k // 170 + 1:03d}")
        streets.append(f"110101{street:03d}")
        street_names.append(f"街道{street}")
        communities.append(f"110101{street:03d}{community:03d}")
        community_names.append(f"社区{street}-{community}")
        geometries.append(shapely.box(x0 + column * width, y0 + row * height, x0 + (column + 1) * width,
                                      y0 + (row + 1) * height))
    return StoredGrids(codes, streets, street_names, communities, community_names,
                       np.full(len(codes), 8_000.0), np.array(geometries, dtype=object))


def case_records(grids, count: int, batch: int, month: int):
    """`count` synthetic cases filed in the given month of 2025 (see the module docstring)."""
    import numpy as np

    from grid_plugin.core.cases.records import CaseRecords

    rng = np.random.default_rng([SEED, batch])
    start = np.datetime64(f"2025-{month:02d}-01T00:00:00") - np.timedelta64(8, "h")  # local midnight, UTC
    days = 28 if month == 2 else 31
    filed = start + rng.integers(0, days * 86400, count).astype("timedelta64[s]")
    reported = filed - rng.integers(60, 7200, count).astype("timedelta64[s]")
    dispatched = filed + rng.integers(300, 3600, count).astype("timedelta64[s]")
    disposed = dispatched + rng.exponential(20 * 3600, count).astype(np.int64).astype("timedelta64[s]")
    closed = disposed + rng.integers(600, 4 * 3600, count).astype("timedelta64[s]")
    deadline = filed + (np.array(DEADLINE_HOURS)[rng.integers(0, 4, count)] * 3600).astype("timedelta64[s]")
    open_case = rng.random(count) < 0.12

    def text(times, missing=None):
        out = np.char.add(np.datetime_as_string(times, unit="s"), ".000Z").astype(object)
        if missing is not None:
            out[missing] = None
        return out.tolist()

    grid = rng.integers(0, len(grids), count)
    pick = np.asarray(grids.grid_codes, dtype=object)
    x0, y0, x1, y1 = BOUNDS
    column, row = grid % COLUMNS, grid // COLUMNS
    lon = x0 + (column + rng.random(count)) * (x1 - x0) / COLUMNS
    lat = y0 + (row + rng.random(count)) * (y1 - y0) / ROWS
    departments = np.array([f"部门{k:02d}" for k in range(40)], dtype=object)[rng.integers(0, 40, count)]
    departments[rng.random(count) < 0.02] = None
    flag = rng.random(count)
    invalid = np.where(flag < 0.02, 1, 0).astype(object)
    invalid[flag > 0.92] = None
    ids = [f"AJ{month:02d}{batch:03d}{i:07d}" for i in range(count)]
    values = {
        "case_id": ids, "source": np.array(SOURCES, dtype=object)[rng.integers(0, 5, count)].tolist(),
        "kind": ["事件"] * count, "class_code": ["01001"] * count, "class_name": ["暴露垃圾"] * count,
        "description": [None] * count, "address": [None] * count, "status": [None] * count,
        "reported_at": text(reported), "filed_at": text(filed, rng.random(count) < 0.02),
        "dispatched_at": text(dispatched), "disposed_at": text(disposed, open_case),
        "closed_at": text(closed, open_case), "deadline": text(deadline),
        "grid_code": pick[grid].tolist(), "street_code": np.asarray(grids.street_codes, dtype=object)[grid].tolist(),
        "community_code": np.asarray(grids.community_codes, dtype=object)[grid].tolist(),
        "department": departments.tolist(),
        "rework_count": np.where(rng.random(count) < 0.05, 1, 0).tolist(),
        "postpone_count": np.where(rng.random(count) < 0.03, 1, 0).tolist(),
        "invalid": invalid.tolist(), "content_hash": ids,
    }
    return CaseRecords(values, lon, lat, np.arange(1, count + 1, dtype=np.int64))


def worker_build(job: dict) -> dict:
    """One store: the grids, then N cases in each of the two months, import_cases per batch of BATCH."""
    from grid_plugin.store.base import ImportCounts, import_cases

    started = time.perf_counter()
    if job["backend"] == "postgis":
        pg_execute([f'DROP SCHEMA IF EXISTS "{job["schema"]}" CASCADE'])
    else:
        Path(job["gpkg"]).unlink(missing_ok=True)
    store = open_store({**job, "create": True})
    grids = stored_grids()
    store.write_grids(grids)
    imports = []
    for month in (2, 3):
        for batch in range(-(-job["cases"] // BATCH)):
            count = min(BATCH, job["cases"] - batch * BATCH)
            records = case_records(grids, count, batch, month)
            began = time.perf_counter()
            counts = import_cases(store, records, ImportCounts(read=count), "bench")
            imports.append(round(time.perf_counter() - began, 1))
            assert counts.imported == count, counts
            print(f"      {job['backend']} month {month} batch {batch + 1}: {count:,} cases in {imports[-1]} s",
                  flush=True)
    stored = store.count_cases()
    store.close()
    if job["backend"] == "postgis":
        worker_vacuum({"schema": job["schema"]})  # what autovacuum does some time after an import
    return {"seconds": time.perf_counter() - started, "imports": imports, "stored": stored,
            **harness.peak_memory_mib()}


def worker_drop(job: dict) -> dict:
    pg_execute([f'DROP SCHEMA IF EXISTS "{job["schema"]}" CASCADE'])
    for path in (Path(job["gpkg"]), *(facts_path(job, backend) for backend in ("gpkg", "postgis"))):
        path.unlink(missing_ok=True)
    return {}


def worker_pg(job: dict) -> dict:
    """Whether the server answers, and whether the built schema is there."""
    rows = pg_execute([f"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{job['schema']}' "
                       "AND table_name = 'cases'"])
    return {"built": bool(rows[0][0][0])}


# --- measured workers ---------------------------------------------------------------------------
def worker_counts(job: dict) -> dict:
    """store.evaluation_counts of both periods: the first call, then `repeats` more."""
    from grid_plugin.core.cases.evaluation import evaluation_periods

    period, previous = evaluation_periods(*PERIOD)
    store = open_store(job)
    times = []
    for _ in range(job["repeats"] + 1):
        began = time.perf_counter()
        counts = store.evaluation_counts(job["level"], (period, previous))
        times.append(time.perf_counter() - began)
        if len(times) == 1:
            figures = {"seconds": times[0], **harness.peak_memory_mib()}
    store.close()
    filed = [sum(unit.filed for unit in c.values()) for c in counts]
    return {**figures, "repeats": times[1:], "units": len(counts[0]), "filed": filed}


def worker_algorithm(job: dict) -> dict:
    """processing.run('gridplugin:evaluatecases') on the store: everything but the PDF."""
    keep = harness.start_qgis(with_provider=True)  # noqa: F841 (keeps QGIS and the provider alive)
    import processing

    parameters = {"LEVEL": LEVELS.index(job["level"]), "START": PERIOD[0], "END": PERIOD[1],
                  "OUTPUT": "TEMPORARY_OUTPUT", "RANKING": "TEMPORARY_OUTPUT", "AREAS": "TEMPORARY_OUTPUT",
                  "REPORT_HTML": str(Path(job["out_dir"]) / "report.html")}
    if job["backend"] == "postgis":
        save_connection()
        parameters.update(CONNECTION=CONNECTION, DB_SCHEMA=job["schema"])
    else:
        parameters["STORE"] = job["gpkg"]
    with harness.measured() as figures:
        result = processing.run("gridplugin:evaluatecases", parameters)
    return {**figures, "filed": result["FILED_COUNT"], "graded": result["GRADED_COUNT"]}


WORKERS = {"build": worker_build, "drop": worker_drop, "pg": worker_pg, "counts": worker_counts,
           "algorithm": worker_algorithm, "baseline": harness.worker_baseline}


# --- the parent ---------------------------------------------------------------------------------
def facts_path(names: dict, backend: str) -> Path:
    """What the build of a store printed, kept beside the GeoPackage: the mark that the store is built."""
    return Path(names["gpkg"]).with_suffix(f".{backend}.json")


def build(runner: harness.Runner, names: dict, cases: int, backend: str, rebuild: bool, there: bool) -> bool:
    """Build the store unless it is `there` and its facts are kept (--rebuild: always)."""
    facts = facts_path(names, backend)
    if facts.exists() and there and not rebuild:
        built = json.loads(facts.read_text())
        print(f"  {backend} store: built before ({built['stored']:,} cases, {built['seconds']:.0f} s)", flush=True)
        return True
    facts.unlink(missing_ok=True)
    run = runner.run(f"build_{backend}", "build", {**names, "backend": backend, "cases": cases}, echo=True)
    if run.result:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        facts.write_text(json.dumps(run.result))
    return run.result is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=CASES, help=f"cases per period (default {CASES:,})")
    parser.add_argument("--levels", default="grid,department", help="levels measured (default grid,department)")
    parser.add_argument("--repeats", type=int, default=2, help="calls after the first (default 2)")
    parser.add_argument("--skip-postgis", action="store_true")
    parser.add_argument("--skip-gpkg", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="build the stores again")
    parser.add_argument("--drop", action="store_true", help="remove the stores of --cases and stop")
    harness.add_timeout(parser)
    harness.add_worker_options(parser, WORKERS, "job")
    args = parser.parse_args(argv)
    harness.answer_if_worker(args, WORKERS)

    levels = [level for level in args.levels.split(",") if level]
    if unknown := [level for level in levels if level not in LEVELS]:
        parser.error(f"unknown levels {unknown}; choose from {LEVELS}")
    names = store_names(args.cases)
    runner = harness.Runner(__file__, harness.child_env(), args.timeout)
    if args.drop:
        runner.run("drop the stores", "drop", names)
        return 0
    print(harness.header(f"bench_evaluation: {args.cases:,} cases per period (February and March 2025)"), flush=True)
    backends = [b for b, skip in (("gpkg", args.skip_gpkg), ("postgis", args.skip_postgis)) if not skip]
    there = {"gpkg": Path(names["gpkg"]).exists()}
    if "postgis" in backends:
        server = runner.run("PostGIS server", "pg", names)
        if server.error:
            print("    PostGIS unavailable (start it with: bash .ci/postgis.sh); skipped", flush=True)
            backends.remove("postgis")
        else:
            there["postgis"] = server.result["built"]
    baseline = runner.run("baseline (QGIS + Processing + the plugin)", "baseline", {})
    rows = []
    for backend in backends:
        if not build(runner, names, args.cases, backend, args.rebuild, there[backend]):
            continue
        for level in levels:
            run = runner.run(f"{backend} evaluation_counts {level}", "counts",
                             {**names, "backend": backend, "level": level, "repeats": args.repeats})
            if run.result:
                rows.append([backend, f"evaluation_counts ({level})", f"{run.result['seconds']:.2f}",
                             ", ".join(f"{t:.2f}" for t in run.result["repeats"]), f"{run.result['ru_maxrss_mib']:.0f}",
                             f"{run.result['units']:,}", " / ".join(f"{n:,}" for n in run.result["filed"])])
        with harness.scratch_dir("evaluation_") as out_dir:
            run = runner.run(f"{backend} gridplugin:evaluatecases grid", "algorithm",
                             {**names, "backend": backend, "level": "grid", "out_dir": str(out_dir)})
        if run.result:
            rows.append([backend, "evaluatecases (grid, all outputs)", f"{run.result['seconds']:.2f}", "",
                         f"{run.result['ru_maxrss_mib']:.0f}", f"{run.result['graded']:,} graded",
                         f"{run.result['filed']:,}"])
    print(f"\nResults ({args.cases:,} cases per period; targets at 10 M: GeoPackage ≤ 3 s, PostGIS ≤ 1 s, "
          "peak ≤ 1,024 MiB):\n")
    harness.table(["store", "measured", "first call (s)", "repeats (s)", "peak (MiB)", "units", "filed (Mar / Feb)"],
                  rows)
    peak = baseline.result["ru_maxrss_mib"] if baseline.result else None
    print(f"Baseline worker peak (QGIS + Processing + plugin, in the algorithm's peak): {fmt(peak, None, '.0f')} MiB")
    print(harness.machine_line("shared with other jobs"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
