"""Benchmark: the PostGIS store at city scale (issue 21, point 3, the PostGIS parts).

Targets, measured in one run on the server of tests/postgis.env (``bash .ci/postgis.sh`` starts it):

1. A reader's longest wait during a 1,000,000-case import ≤ 100 ms. A store holding ``--held`` cases over the
   twelve months of 2025 (``import_cases`` in batches of 1,000,000, then VACUUM ANALYZE) takes two imports of
   1,000,000 cases, each by ``import_cases`` in a worker process: (a) a month the store does not hold
   (January 2026: staged in a table of its own, indexed there and attached), (b) cases spread over the months it
   holds (COPied into them, their indexes updated as rows arrive). Meanwhile a second process reads per-grid
   counts of one month and one class (``store.counts_per_grid``, the dock's query) on its own connection,
   starting one every 10 ms, and records each read's duration. Printed: the reads' median and longest duration
   before the import (baseline) and during it; the longest is the target. ``--compare-with PATH`` runs the same
   imports with the plugin of another checkout (e.g. a worktree of the code before partitioning), into its own
   schema, for the figure of that code.
2. Per-grid counts of one month and one class over 100,000,000 cases ≤ 1 s. The cases are made by SQL
   (``generate_series``, values from ``hashint8`` of the row number: deterministic) in 24 monthly partitions of
   2024-2025 (Asia/Shanghai months, 4,166,667 cases each, 2 % on default-location piles, class codes C00-C49
   skewed towards C00, 1,728 grid codes), each month staged, indexed, VACUUM ANALYZEd and attached as an import
   does. Only the query index the counts read (``(class_code, reported_at, grid_code, location_quality)``) is
   built, for disk (the store's other six indexes of each month would take about 20 GB more and are not read
   by this query; rows carry no geometry and description for the same reason). Measured after 12 months
   (50 M cases) and after 24 (100 M): ``counts_per_grid(CaseFilter(June 2024, class C00))``, the first call in
   a fresh process and repeats, with ``EXPLAIN (ANALYZE, BUFFERS)`` of the very SQL the store sent. A month's
   query reads that month's partition only, so its time depends on the month's size, not the total: the two
   totals show it. ``df`` of the data's file system is printed before and after; a build that would leave less
   than ``--keep-free`` GB free stops before starting. The schema is dropped at the end (``--keep`` keeps it).

Schemas: bench_store_scale_read (and _read_cmp), bench_store_scale_agg. The machine may be shared: the load
average is printed, and times vary by ±20 %.

    .venv/bin/python bench/bench_store_scale.py                        # both parts (~25 min)
    .venv/bin/python bench/bench_store_scale.py --skip-aggregation --held 500000
    .venv/bin/python bench/bench_store_scale.py --compare-with /tmp/old-checkout
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import harness
from bench_cases import pg_execute, postgis_params
from harness import fmt

SCHEMA_READ = "bench_store_scale_read"
SCHEMA_AGG = "bench_store_scale_agg"
BATCH = 1_000_000
SEED = 20261207
COLUMNS, ROWS = 48, 36  # 1,728 grids, as bench_evaluation's
BOUNDS = (116.370, 39.860, 116.450, 39.970)
CLASSES = tuple(f"0{k // 10 + 1}0{k % 10:02d}" for k in range(20))  # 20 class codes, Zipf-like weights
READ_MONTH = ("2025-02-28T16:00:00.000Z", "2025-03-31T16:00:00.000Z")  # March 2025 in Beijing
AGG_PER_MONTH = 4_166_667  # 24 months: 100,000,008 cases
AGG_MONTHS = [(2024 + k // 12, k % 12 + 1) for k in range(24)]
AGG_CLASS = "C00"
AGG_MONTH = (2024, 6)


# --- part 1: a reader during an import ---------------------------------------------------------------
def grids():
    import numpy as np
    import shapely

    from grid_plugin.store.base import StoredGrids

    x0, y0, x1, y1 = BOUNDS
    width, height = (x1 - x0) / COLUMNS, (y1 - y0) / ROWS
    codes = [f"110101{k % 17 + 1:03d}{(k // 17) % 10 + 1:03d}{k // 170 + 1:03d}" for k in range(COLUMNS * ROWS)]
    boxes = [shapely.box(x0 + (k % COLUMNS) * width, y0 + (k // COLUMNS) * height, x0 + (k % COLUMNS + 1) * width,
                         y0 + (k // COLUMNS + 1) * height) for k in range(COLUMNS * ROWS)]
    return StoredGrids(codes, [c[:9] for c in codes], [None] * len(codes), [c[:12] for c in codes],
                       [None] * len(codes), np.full(len(codes), 8_000.0), np.array(boxes, dtype=object))


def records(count: int, batch: int, months: list[tuple[int, int]]):
    """`count` synthetic cases reported in the given (year, month)s of Beijing, spread evenly."""
    import numpy as np

    from grid_plugin.core.cases.records import CaseRecords

    rng = np.random.default_rng([SEED, batch])
    month = rng.integers(0, len(months), count)
    starts = np.array([np.datetime64(f"{y}-{m:02d}-01T00:00:00") - np.timedelta64(8, "h") for y, m in months])
    reported = starts[month] + rng.integers(0, 28 * 86400, count).astype("timedelta64[s]")
    filed = reported + rng.integers(60, 7200, count).astype("timedelta64[s]")
    closed = filed + rng.integers(3600, 5 * 86400, count).astype("timedelta64[s]")

    def text(times):
        return np.char.add(np.datetime_as_string(times, unit="s"), ".000Z").astype(object).tolist()

    weights = 1.0 / np.arange(1, len(CLASSES) + 1)
    classes = np.array(CLASSES, dtype=object)[rng.choice(len(CLASSES), count, p=weights / weights.sum())]
    grid = rng.integers(0, COLUMNS * ROWS, count)
    codes = np.asarray(grids().grid_codes, dtype=object)[grid]
    x0, y0, x1, y1 = BOUNDS
    lon = x0 + (grid % COLUMNS + rng.random(count)) * (x1 - x0) / COLUMNS
    lat = y0 + (grid // COLUMNS + rng.random(count)) * (y1 - y0) / ROWS
    ids = [f"AJ{batch:04d}{i:08d}" for i in range(count)]
    nothing = [None] * count
    values = {
        "case_id": ids, "source": ["12345热线"] * count, "kind": ["事件"] * count, "class_code": classes.tolist(),
        "class_name": nothing, "description": [f"案件描述 {i}" for i in range(count)], "address": nothing,
        "status": ["已结案"] * count, "reported_at": text(reported), "filed_at": text(filed),
        "dispatched_at": nothing, "disposed_at": nothing, "closed_at": text(closed), "deadline": nothing,
        "grid_code": codes.tolist(), "street_code": [c[:9] for c in codes], "community_code": [c[:12] for c in codes],
        "department": nothing, "rework_count": nothing, "postpone_count": nothing, "invalid": nothing,
        "content_hash": ids,
    }
    return CaseRecords(values, lon, lat, np.arange(1, count + 1, dtype=np.int64))


def open_store(schema: str):
    from grid_plugin.store.postgis import PostgisStore

    return PostgisStore(postgis_params(), schema=schema)


def worker_prepare(job: dict) -> dict:
    """A new store with the grids and job['held'] cases over 2025, then VACUUM ANALYZE."""
    from grid_plugin.store.base import ImportCounts, import_cases

    pg_execute([f'DROP SCHEMA IF EXISTS "{job["schema"]}" CASCADE'])
    started = time.perf_counter()
    store = open_store(job["schema"])
    store.write_grids(grids())
    done = 0
    while done < job["held"]:
        count = min(BATCH, job["held"] - done)
        counts = import_cases(store, records(count, 1 + done // BATCH, [(2025, m) for m in range(1, 13)]),
                              ImportCounts(read=count), "bench")
        assert counts.imported == count, counts
        done += count
    version = store.schema_version()
    store.close()
    vacuum(job["schema"])
    return {"seconds": time.perf_counter() - started, "held": done, "schema_version": version}


def vacuum(schema: str) -> None:
    import psycopg2

    conn = psycopg2.connect(connect_timeout=10, application_name="bench_store_scale", **postgis_params())
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(f'VACUUM ANALYZE "{schema}".cases')
    finally:
        conn.close()


def worker_import(job: dict) -> dict:
    """One import of job['count'] cases (new month, or the months held), with its wall-clock span."""
    from grid_plugin.store.base import ImportCounts, import_cases

    months = [(2026, 1)] if job["new_month"] else [(2025, m) for m in range(1, 13)]
    batch = 100 + job["round"]
    data = records(job["count"], batch, months)
    store = open_store(job["schema"])
    began = time.time()
    counts = import_cases(store, data, ImportCounts(read=job["count"]), "bench")
    ended = time.time()
    store.close()
    assert counts.imported == job["count"], counts
    return {"began": began, "ended": ended, "seconds": ended - began, **harness.peak_memory_mib()}


def worker_reader(job: dict) -> dict:
    """Per-grid counts of March 2025 and one class, one read started every 10 ms until job['stop'] exists:
    each read's start (wall clock) and duration."""
    from grid_plugin.core.cases.records import CaseFilter

    store = open_store(job["schema"])
    query = CaseFilter(start=READ_MONTH[0], end=READ_MONTH[1], class_codes=(CLASSES[1],))
    reads = []
    stop = Path(job["stop"])
    next_start = time.perf_counter()
    while not stop.exists():
        began_wall, began = time.time(), time.perf_counter()
        total = sum(store.counts_per_grid(query).values())
        reads.append((began_wall, time.perf_counter() - began, total))
        next_start += 0.010
        time.sleep(max(0.0, next_start - time.perf_counter()))
        next_start = max(next_start, time.perf_counter())
    store.close()
    return {"reads": reads}


def reader_during_imports(script: str, env: dict, schema: str, held: int, count: int, timeout: float,
                          label: str) -> list[list[str]]:
    runner = harness.Runner(script, env, timeout)
    prepared = runner.run(f"{label}: store of {held:,} cases over 2025", "prepare", {"schema": schema, "held": held})
    if prepared.error:
        return []
    rows = []
    for round_, (new_month, what) in enumerate(((True, "a new month (January 2026)"),
                                                (False, "the months held (2025)"))):
        stop = harness.new_work_dir("reader_") / "stop"
        reader = subprocess.Popen([sys.executable, script, "--worker", "reader", "--job",
                                   json.dumps({"schema": schema, "stop": str(stop)})], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3.0)  # baseline reads
        run = runner.run(f"{label}: import {count:,} cases into {what}", "import",
                         {"schema": schema, "count": count, "new_month": new_month, "round": round_})
        time.sleep(1.0)
        stop.touch()
        out, err = reader.communicate(timeout=120)
        shutil.rmtree(stop.parent, ignore_errors=True)
        lines = [line for line in out.splitlines() if line.startswith(harness.RESULT_MARK)]
        if run.error or not lines:
            print(f"    reader FAILED: {err.strip().splitlines()[-3:] if err.strip() else 'no result'}", flush=True)
            continue
        reads = json.loads(lines[-1][len(harness.RESULT_MARK):])["reads"]
        began, ended = run.result["began"], run.result["ended"]
        before = [d for t, d, _ in reads if t + d < began]
        during = [d for t, d, _ in reads if t < ended and t + d > began]
        counts = sorted({n for _, _, n in reads})
        rows.append([label, what, f"{run.result['seconds']:.1f}", f"{len(during):,}",
                     f"{1000 * statistics.median(before):.1f}", f"{1000 * max(before):.1f}",
                     f"{1000 * statistics.median(during):.1f}",
                     f"{1000 * sorted(during)[int(0.99 * (len(during) - 1))]:.1f}",
                     f"{1000 * max(during):.1f}", harness.verdict(max(during) <= 0.100),
                     " / ".join(f"{n:,}" for n in counts)])
    pg_execute([f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'])
    return rows


# --- part 2: one month and one class over 100 M cases ----------------------------------------------------
def agg_sql(year: int, month: int, first: int, per_month: int) -> list[str]:
    """The statements that make one month of the aggregation store (rows first..first+per_month-1)."""
    from grid_plugin.core.cases.months import Month

    span = Month.of(year, month)
    start, end = span.start("Asia/Shanghai"), span.end("Asia/Shanghai")
    table = f'"{SCHEMA_AGG}"."cases_{year:04d}_{month:02d}"'
    u = "((hashint8(i * {k} + {s}) & 2147483647) / 2147483647.0)"
    draw = [u.format(k=k, s=SEED % 997) for k in (3, 5, 7, 11)]
    return [
        f'CREATE TABLE {table} (LIKE "{SCHEMA_AGG}".cases INCLUDING DEFAULTS)',
        f"INSERT INTO {table} (case_id, reported_at, class_code, grid_code, location_quality, content_hash) "
        f"SELECT 'AJ' || lpad(i::text, 10, '0'), "
        f"'{start}'::timestamptz + floor({draw[0]} * extract(epoch FROM '{end}'::timestamptz - '{start}'::timestamptz))"
        f" * interval '1 second', 'C' || lpad(floor(50 * power({draw[1]}, 3))::int::text, 2, '0'), "
        f"'110101' || lpad((g % 17 + 1)::text, 3, '0') || lpad((g / 17 % 10 + 1)::text, 3, '0') "
        f"|| lpad((g / 170 + 1)::text, 3, '0'), CASE WHEN {draw[3]} < 0.02 THEN 'pile' ELSE 'exact' END, 'h' "
        f"FROM generate_series({first}::bigint, {first + per_month - 1}::bigint) AS i, "
        f"LATERAL (SELECT floor({draw[2]} * 1728)::int AS g) AS grid",
        f"ALTER TABLE {table} ADD CONSTRAINT \"cases_{year:04d}_{month:02d}_bounds\" "
        f"CHECK (reported_at >= '{start}' AND reported_at < '{end}')",
        f'CREATE INDEX "cases_{year:04d}_{month:02d}_class_time_grid" ON {table} '
        "(class_code, reported_at, grid_code, location_quality)",
        f"VACUUM (ANALYZE) {table}",
        f'ALTER TABLE "{SCHEMA_AGG}".cases ATTACH PARTITION {table} FOR VALUES FROM (\'{start}\') TO (\'{end}\')',
        f'ALTER TABLE {table} DROP CONSTRAINT "cases_{year:04d}_{month:02d}_bounds"',
    ]


def pg_autocommit(statements: list[str]) -> list:
    import psycopg2

    conn = psycopg2.connect(connect_timeout=10, application_name="bench_store_scale", **postgis_params())
    conn.autocommit = True  # VACUUM runs outside a transaction
    try:
        out = []
        with conn.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '256MB'")
            for statement in statements:
                cursor.execute(statement)
                out.append(cursor.fetchall() if cursor.description else None)
        return out
    finally:
        conn.close()


def schema_bytes(schema: str) -> int:
    rows = pg_execute([f"SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                       f"WHERE c.relnamespace = '\"{schema}\"'::regnamespace AND c.relkind IN ('r', 'm')"])
    return int(rows[0][0][0])


def worker_agg_create(job: dict) -> dict:
    """The aggregation store: a version 7 store whose cases keep only the index the counts read."""
    pg_execute([f'DROP SCHEMA IF EXISTS "{SCHEMA_AGG}" CASCADE'])
    store = open_store(SCHEMA_AGG)
    version = store.schema_version()
    store.close()
    keep = "cases_class_time_grid"
    rows = pg_execute([f"SELECT c.conname FROM pg_constraint c WHERE c.conrelid = '\"{SCHEMA_AGG}\".cases'::regclass "
                       "AND c.contype IN ('p', 'u')",
                       f"SELECT indexname FROM pg_indexes WHERE schemaname = '{SCHEMA_AGG}' AND tablename = 'cases'"])
    drops = [f'ALTER TABLE "{SCHEMA_AGG}".cases DROP CONSTRAINT "{name}"' for (name,) in rows[0]]
    drops += [f'DROP INDEX "{SCHEMA_AGG}"."{name}"' for (name,) in rows[1]
              if name != keep and name not in {n for (n,) in rows[0]}]
    pg_execute(drops)
    return {"schema_version": version}


def worker_agg_months(job: dict) -> dict:
    started = time.perf_counter()
    for k in range(job["first"], job["last"]):
        year, month = AGG_MONTHS[k]
        began = time.perf_counter()
        pg_autocommit(agg_sql(year, month, 1 + k * job["per_month"], job["per_month"]))
        print(f"      month {year}-{month:02d}: {job['per_month']:,} cases in {time.perf_counter() - began:.0f} s; "
              f"schema {schema_bytes(SCHEMA_AGG) / 2**30:.1f} GiB", flush=True)
    return {"seconds": time.perf_counter() - started, "bytes": schema_bytes(SCHEMA_AGG)}


def worker_aggregate(job: dict) -> dict:
    """counts_per_grid of one month and one class: the first call in this process, repeats, and the plan."""
    from grid_plugin.core.cases.months import Month
    from grid_plugin.core.cases.records import CaseFilter

    month = Month.of(*AGG_MONTH)
    query = CaseFilter(start=month.start("Asia/Shanghai"), end=month.end("Asia/Shanghai"), class_codes=(job["class"],))
    store = open_store(SCHEMA_AGG)
    sent = []
    plain = store.query

    def recording(sql, params=()):
        sent.append((sql, tuple(params)))
        return plain(sql, params)

    store.query = recording
    times = []
    for _ in range(job["repeats"] + 1):
        began = time.perf_counter()
        counts = store.counts_per_grid(query)
        times.append(time.perf_counter() - began)
    sql, params = sent[-1]
    plan = [row[0] for row in plain("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)]
    total = plain(f"SELECT COUNT(*) FROM {store.table('cases')}")[0][0]
    store.close()
    return {"seconds": times[0], "repeats": times[1:], "grids": len(counts), "cases": sum(counts.values()),
            "total": total, "plan": plan}


def free_gib() -> float:
    return shutil.disk_usage("/").free / 2**30  # the server's data directory is on the root file system here


def aggregation(script: str, env: dict, timeout: float, keep_free: float, repeats: int, keep: bool,
                per_month: int) -> list[list[str]]:
    runner = harness.Runner(script, env, timeout)
    quiet = harness.Runner(script, env, timeout, show_result=False)
    print(f"  df: {free_gib():.1f} GiB free before the build", flush=True)
    if runner.run("aggregation store (schema version 7, one query index)", "agg_create", {}).error:
        return []
    rows = []
    first = runner.run("month 1 of 24", "agg_months", {"first": 0, "last": 1, "per_month": per_month}, echo=True)
    if first.error:
        return []
    needed = first.result["bytes"] * (len(AGG_MONTHS) - 1) / 2**30
    print(f"  one month takes {first.result['bytes'] / 2**30:.2f} GiB: 24 months need "
          f"{needed + first.result['bytes'] / 2**30:.1f} GiB; {free_gib():.1f} GiB free", flush=True)
    months = len(AGG_MONTHS)
    if free_gib() - needed < keep_free:
        months = 1 + int((free_gib() - keep_free) * 2**30 / first.result["bytes"])
        print(f"  only {months} months fit with {keep_free:.0f} GiB left free: measured at {months} months", flush=True)
    steps = sorted({min(12, months), months})
    built = 1
    for step in steps:
        if step > built:
            run = runner.run(f"months {built + 1}-{step}", "agg_months",
                             {"first": built, "last": step, "per_month": per_month}, echo=True)
            if run.error:
                break
            built = step
        for name in (AGG_CLASS, "C10"):
            run = quiet.run(f"counts_per_grid June 2024 + class {name} over {built} months", "aggregate",
                            {"class": name, "repeats": repeats})
            if run.error:
                continue
            result = run.result
            print(f"    first call {result['seconds']:.3f} s, repeats {result['repeats']}, {result['cases']:,} cases "
                  f"in {result['grids']:,} grids of {result['total']:,}", flush=True)
            rows.append([f"{result['total']:,}", str(built), name, f"{result['cases']:,}", f"{result['grids']:,}",
                         f"{result['seconds']:.3f}", ", ".join(f"{t:.3f}" for t in result["repeats"]),
                         harness.verdict(result["seconds"] <= 1.0)])
            if name == AGG_CLASS:
                print("\n    EXPLAIN (ANALYZE, BUFFERS):\n      " + "\n      ".join(result["plan"]) + "\n", flush=True)
    print(f"  schema {schema_bytes(SCHEMA_AGG) / 2**30:.1f} GiB; df: {free_gib():.1f} GiB free", flush=True)
    if not keep:
        pg_execute([f'DROP SCHEMA IF EXISTS "{SCHEMA_AGG}" CASCADE'])
        print(f"  dropped {SCHEMA_AGG}; df: {free_gib():.1f} GiB free", flush=True)
    return rows


WORKERS = {"prepare": worker_prepare, "import": worker_import, "reader": worker_reader,
           "agg_create": worker_agg_create, "agg_months": worker_agg_months, "aggregate": worker_aggregate}


def plugin_env(checkout: str | None) -> dict:
    """The workers' environment; with `checkout`, its grid_plugin comes first on the path."""
    env = harness.child_env()
    if checkout:
        env["PYTHONPATH"] = os.pathsep.join([str(Path(checkout).resolve()), env["PYTHONPATH"]])
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--held", type=int, default=2_000_000, help="cases held before the imports (default 2 M)")
    parser.add_argument("--count", type=int, default=BATCH, help="cases per measured import (default 1 M)")
    parser.add_argument("--compare-with", help="another checkout whose plugin runs the imports too")
    parser.add_argument("--repeats", type=int, default=3, help="aggregation calls after the first (default 3)")
    parser.add_argument("--keep-free", type=float, default=15.0, help="GiB the build leaves free (default 15)")
    parser.add_argument("--keep", action="store_true", help="keep the aggregation schema")
    parser.add_argument("--per-month", type=int, default=AGG_PER_MONTH,
                        help=f"cases per month of the aggregation store (default {AGG_PER_MONTH:,}: 100 M in 24)")
    parser.add_argument("--skip-reader", action="store_true")
    parser.add_argument("--skip-aggregation", action="store_true")
    harness.add_timeout(parser)
    harness.add_worker_options(parser, WORKERS, "job")
    args = parser.parse_args(argv)
    harness.answer_if_worker(args, WORKERS)

    script = str(Path(__file__).resolve())
    print(harness.header("bench_store_scale: readers during a 1 M import; one month + one class over 100 M cases"),
          flush=True)
    reader_rows, agg_rows = [], []
    if not args.skip_reader:
        reader_rows = reader_during_imports(script, plugin_env(None), SCHEMA_READ, args.held, args.count,
                                            args.timeout, "this plugin")
        if args.compare_with:
            reader_rows += reader_during_imports(script, plugin_env(args.compare_with), SCHEMA_READ + "_cmp",
                                                 args.held, args.count, args.timeout, Path(args.compare_with).name)
    if not args.skip_aggregation:
        agg_rows = aggregation(script, plugin_env(None), args.timeout, args.keep_free, args.repeats, args.keep,
                               args.per_month)
    if reader_rows:
        print(f"\nReads of one month + one class per grid, one every 10 ms, during an import of {args.count:,} cases "
              f"into a store of {args.held:,} (target: longest read during the import ≤ 100 ms):\n")
        harness.table(["plugin", "import into", "import (s)", "reads during", "before: median (ms)",
                       "before: longest (ms)", "during: median (ms)", "during: p99 (ms)", "during: longest (ms)",
                       "≤ 100 ms", "cases seen"], reader_rows)
    if agg_rows:
        print("Per-grid counts of one month (June 2024) and one class (target ≤ 1 s, the first call):\n")
        harness.table(["cases held", "months", "class", "cases counted", "grids", "first call (s)", "repeats (s)",
                       "≤ 1 s"], agg_rows)
    print(harness.machine_line("shared with other jobs"))
    print(f"Free disk now: {fmt(free_gib(), None, '.1f')} GiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
