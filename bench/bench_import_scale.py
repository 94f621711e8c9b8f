"""Benchmark: case import at city scale — rows per second and peak memory of ``gridplugin:importcases``.

Targets (issue): peak memory at most 600 MiB including QGIS whatever the file size (1 M and 10 M cases,
a 300-column export); the import into PostGIS at most 0.25× QGIS's own chain on 1 M cases, measured in the
same run: ``native:createpointslayerfromtable`` (the CSV, lon/lat, EPSG:4490) written to a GeoPackage, then
``importintopostgis`` (``native:`` when the QGIS has it, else ``qgis:``) of that layer into a QGIS PostgreSQL
connection (the chain's time is the sum of both steps). QGIS does less: no parsing or checks of times and
classes, no grid codes, no upsert, no rejects.

Inputs (deterministic, generated in a fresh interpreter and cached in ``$TMPDIR/grid_plugin_bench/cache/``):

- ``std``: the cases of bench/bench_cases.py (11 columns: id, source, kind, class, description, address, report
  time, status, closing time, lon, lat; Chinese text, local times), made 250,000 at a time so that 10 M rows
  never sit in memory; 1 M rows (about 300 MB) and 10 M rows (about 3 GB);
- ``wide``: 1 M of those rows with 289 more columns (``备用字段001`` …: short codes, numbers and empty cells, as a
  wide hotline export has them): 300 columns, about 1.2 GB.

Each import runs in a fresh worker (this script with ``--worker``) into a new GeoPackage store or PostGIS schema
(``bench_scale``, on the server of tests/postgis.env; ``bash .ci/postgis.sh`` starts it), with the sample's
road-following unit grids; the worker prints the wall time of ``processing.run`` (not QGIS start-up), the
rows per second and its peak RSS (``ru_maxrss``, QGIS included; the baseline worker shows QGIS + Processing
alone). Each store is removed right after its run (the GeoPackage file; the schema dropped), so that generated
files and stores stay under about 15 GB; the sizes are printed before removal. ``--compare-with DIR`` also
imports the 1 M file with the plugin of another checkout (e.g. a ``git worktree`` of the previous version), in
the same run. The machine is shared: times vary by about ±20 %, and the load average is printed.

    .venv/bin/python bench/bench_import_scale.py                       # 1 M, wide 1 M, 10 M, QGIS chain (~30 min)
    .venv/bin/python bench/bench_import_scale.py --sizes 1m --skip-qgis   # quick
    .venv/bin/python bench/bench_import_scale.py --compare-with /tmp/old-checkout
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

import bench_cases
import harness

SEED = bench_cases.SEED
GENERATOR_VERSION = 1  # bump when the generator changes; part of the cache key
BATCH = 250_000  # rows generated at a time
WIDE_COLUMNS = 300
SIZES = {"1m": ("std", 1_000_000), "wide": ("wide", 1_000_000), "10m": ("std", 10_000_000)}
TARGET_PEAK_MIB = 600.0
TARGET_RATIO = 0.25
SCHEMA = "bench_scale"
SCHEMA_QGIS = "bench_scale_qgis"
STD_COLUMNS = ["case_id", "source", "kind", "class_code", "description", "address", "reported_at", "status",
               "closed_at", "lon", "lat"]


# --- input generation (a fresh interpreter) ----------------------------------------------------------------


def wide_columns() -> list[str]:
    return [f"备用字段{k:03d}" for k in range(1, WIDE_COLUMNS - len(STD_COLUMNS) + 1)]


def wide_tails(count: int):
    """The extra cells of `count` rows, each row's as one CSV text (codes, numbers, empty cells), from a
    pool of 4,096 tails picked at random (deterministic)."""
    import numpy as np

    rng = np.random.default_rng([SEED, 300])
    extra = len(wide_columns())
    kinds = rng.integers(0, 4, (4096, extra))
    numbers = rng.integers(0, 1000, (4096, extra))
    pool = []
    for row_kinds, row_numbers in zip(kinds.tolist(), numbers.tolist()):
        cells = ["" if k == 0 else str(n) if k == 1 else f"C{n % 37:02d}" if k == 2 else "是" if n % 2 else "否"
                 for k, n in zip(row_kinds, row_numbers)]
        pool.append("," + ",".join(cells))
    picks = np.random.default_rng([SEED, 301, count]).integers(0, len(pool), count)
    return pool, picks


def generate(job: dict) -> dict:
    """Write the CSV of `job` (kind std or wide, rows) at job["path"] through a .partial file."""
    import csv
    import io

    import numpy as np

    kind, rows, path = job["kind"], job["rows"], Path(job["path"])
    started = time.perf_counter()
    district = bench_cases.District(job["grids"])
    partial = path.with_suffix(".partial")
    wide = kind == "wide"
    pool, picks = wide_tails(rows) if wide else (None, None)
    with partial.open("w", encoding="utf-8", newline="") as handle:
        header = io.StringIO()
        csv.writer(header, lineterminator="\n").writerow(STD_COLUMNS + (wide_columns() if wide else []))
        handle.write(header.getvalue())
        for batch, start in enumerate(range(0, rows, BATCH)):
            count = min(BATCH, rows - start)
            cases = bench_cases.make_cases(district, count, batch)
            lon = np.char.mod("%.7f", cases["lon"]).tolist()
            lat = np.char.mod("%.7f", cases["lat"]).tolist()
            closed_at = [t if c else "" for t, c in zip(bench_cases.local_text(cases["closed_at"]),
                                                         cases["closed"].tolist())]
            text = io.StringIO()
            csv.writer(text, lineterminator="\n").writerows(zip(
                cases["case_id"], cases["source"], cases["kind"], cases["class_code"], cases["description"],
                cases["address"], bench_cases.local_text(cases["reported"]), cases["status"], closed_at, lon, lat))
            if wide:
                lines = text.getvalue().split("\n")[:-1]
                tails = [pool[k] for k in picks[start:start + count].tolist()]
                handle.write("\n".join(map(str.__add__, lines, tails)) + "\n")
            else:
                handle.write(text.getvalue())
            del cases, text
    partial.rename(path)
    return {"kind": kind, "rows": rows, "columns": WIDE_COLUMNS if wide else len(STD_COLUMNS),
            "mib": round(path.stat().st_size / 2**20, 1), "seconds": round(time.perf_counter() - started, 1),
            "grids_uri": job["grids"]}


def unit_grids(runner: harness.Runner) -> str:
    """The road-following grids of the sample district kept in the cache (bench_cases makes them), so that the
    generated files and the grids stay together whatever happens to out/demo.gpkg."""
    cached_grids = harness.CACHE_DIR / "bench_cases_unit_grids.gpkg"
    return f"{cached_grids}|layername=unit_grids" if cached_grids.exists() else bench_cases.ensure_grids(runner)


def cached(runner: harness.Runner, name: str, grids_uri: str) -> tuple[Path, dict]:
    kind, rows = SIZES[name]
    harness.CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = harness.CACHE_DIR / f"scale_{kind}_{rows}_seed{SEED}_v{GENERATOR_VERSION}.csv"
    facts_path = path.with_suffix(".json")
    if path.exists() and facts_path.exists():
        facts = json.loads(facts_path.read_text())
        if facts.get("grids_uri") == grids_uri:
            print(f"  cached {path} ({facts['mib']:,} MiB)", flush=True)
            return path, facts
    path.unlink(missing_ok=True)
    run = runner.run(f"generating {name}: {rows:,} rows -> {path}", "generate",
                     {"kind": kind, "rows": rows, "path": str(path), "grids": grids_uri})
    if run.result is None:
        raise SystemExit("input generation failed")
    facts_path.write_text(json.dumps(run.result, ensure_ascii=False))
    return path, run.result


# --- workers (each in a fresh process) ---------------------------------------------------------------------


def worker_import(job: dict) -> dict:
    """processing.run("gridplugin:importcases") of the CSV into a new store; its size before it is removed."""
    if job.get("plugin_root"):  # another checkout's plugin (--compare-with)
        sys.path.insert(0, job["plugin_root"])
    keep = harness.start_qgis(with_provider=True)  # noqa: F841 (keeps QGIS and the provider alive)
    import processing
    from qgis.core import QgsProcessingFeedback

    import grid_plugin

    postgis = job["backend"] == "postgis"
    if postgis:
        bench_cases.pg_execute([f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'])
        bench_cases.save_connection()
    parameters = {
        "INPUT": job["csv"], "LAYER": "", "ENCODING": 0, "FIELD_MAP": "", "COORDINATES": 1, "SOURCE_CRS": None,
        "TIMEZONE": "Asia/Shanghai", "SCHEME": 0, "USER_CLASSES": "",
        "STORE": "" if postgis else job["store"], "CONNECTION": bench_cases.CONNECTION if postgis else "",
        "DB_SCHEMA": SCHEMA if postgis else "gridplugin", "GRIDS": job["grids"], "REJECTS": job["rejects"],
    }
    try:
        with harness.measured() as figures:
            result = processing.run("gridplugin:importcases", parameters, feedback=QgsProcessingFeedback())
    finally:
        if postgis:
            bench_cases.delete_connection()
    if postgis:
        stored, size = bench_cases.pg_execute([
            f'SELECT COUNT(*) FROM "{SCHEMA}".cases',
            f"SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE n.nspname = '{SCHEMA}' AND c.relkind IN ('r', 'p')"])
        stored, size = stored[0][0], int(size[0][0] or 0)
        bench_cases.pg_execute([f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'])
    else:
        stored, size = bench_cases.gpkg_count(job["store"], "cases"), Path(job["store"]).stat().st_size
        Path(job["store"]).unlink()
    return {**figures, "stored": int(stored), "store_mib": size / 2**20,
            "plugin": str(Path(grid_plugin.__file__).parent),
            **{k.lower(): int(result[k]) for k in ("READ_COUNT", "IMPORTED_COUNT", "REJECTED_COUNT")}}


def worker_qgis_points(job: dict) -> dict:
    return bench_cases.worker_qgis_points(job)


def worker_qgis_postgis(job: dict) -> dict:
    """importintopostgis of the QGIS point layer (bench_cases' worker, into this script's schema)."""
    bench_cases.SCHEMA_QGIS = SCHEMA_QGIS
    try:
        return bench_cases.worker_qgis_postgis(job)
    finally:
        bench_cases.pg_execute([f'DROP SCHEMA IF EXISTS "{SCHEMA_QGIS}" CASCADE'])


def worker_pg(job: dict) -> dict:
    rows = bench_cases.pg_execute([*(f'DROP SCHEMA IF EXISTS "{s}" CASCADE' for s in (SCHEMA, SCHEMA_QGIS)),
                                   "SELECT postgis_lib_version()"])
    return {"postgis": rows[-1][0][0]}


WORKERS = {"generate": generate, "import": worker_import, "qgis_points": worker_qgis_points,
           "qgis_postgis": worker_qgis_postgis, "pg": worker_pg,
           "baseline": lambda job: harness.worker_baseline(with_provider=True)}


# --- orchestration (parent: standard library only) ---------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1m,wide,10m",
                        help="comma-separated inputs: 1m, wide (1 M rows, 300 columns), 10m (default: all)")
    parser.add_argument("--skip-postgis", action="store_true", help="GeoPackage only")
    parser.add_argument("--skip-qgis", action="store_true", help="no QGIS chain")
    parser.add_argument("--compare-with", metavar="DIR", action="append", default=[],
                        help="also import the 1 M file with the plugin in DIR (the checkout's folder name labels it; "
                             "may be given more than once)")
    harness.add_timeout(parser)
    harness.add_worker_options(parser, WORKERS, "job")
    args = parser.parse_args(argv)
    harness.answer_if_worker(args, WORKERS)
    sizes = [s for s in args.sizes.split(",") if s]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {unknown}; choose from {', '.join(SIZES)}")

    env = harness.child_env()
    runner = harness.Runner(__file__, env, args.timeout)
    print(harness.header("bench_import_scale: importcases at 1 M, 10 M and 300 columns"), flush=True)
    began = time.perf_counter()
    grids_uri = unit_grids(runner)
    inputs = {name: cached(runner, name, grids_uri) for name in sizes}
    postgis = not args.skip_postgis
    if postgis and runner.run("PostGIS: dropping the bench schemas", "pg", {}).error:
        postgis = False
        print("    PostGIS unavailable (start it with: bash .ci/postgis.sh); PostGIS skipped", flush=True)
    runner.run("baseline", "baseline", {})
    work = harness.new_work_dir("scale_")
    backends = ["gpkg", "postgis"] if postgis else ["gpkg"]
    plugins = [("new", "")] + [(Path(d).resolve().name, str(Path(d).resolve())) for d in args.compare_with]
    try:
        for name in sizes:
            path, facts = inputs[name]
            for label, root in plugins:
                if label != "new" and name != "1m":
                    continue
                for backend in backends:
                    runner.run(f"import {name} {backend} {label}", "import", {
                        "csv": str(path), "grids": grids_uri, "backend": backend, "plugin_root": root,
                        "store": str(work / f"{name}_{backend}.gpkg"), "rejects": str(work / f"rejects_{name}.csv")})
        if not args.skip_qgis and "1m" in inputs:
            points = work / "qgis_points.gpkg"
            runner.run("QGIS createpointslayerfromtable 1m", "qgis_points", {"csv": str(inputs["1m"][0]),
                                                                              "out": str(points)})
            if postgis and points.exists():
                runner.run("QGIS importintopostgis 1m", "qgis_postgis", {"input": str(points)})
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if postgis:
            runner.run("PostGIS: dropping the bench schemas", "pg", {})
    report(runner, inputs, backends, plugins)
    print(f"Total run time {time.perf_counter() - began:.0f} s.")
    return 0


def report(runner: harness.Runner, inputs: dict, backends: list[str], plugins: list[tuple[str, str]]) -> None:
    r = runner
    print()
    print(harness.machine_line("shared (figures vary by ±20 %)"))
    base = r.get("baseline", "ru_maxrss_mib")
    if base is not None:
        print(f"Baseline worker (QGIS + Processing + provider, nothing run): peak {base:,.0f} MiB, included in every "
              "peak below.")
    print()
    rows = []
    for name, (_path, facts) in inputs.items():
        for label, _root in plugins:
            for backend in backends:
                run = f"import {name} {backend} {label}"
                seconds = r.get(run)
                peak = r.get(run, "ru_maxrss_mib")
                if label != "new" and r.runs.get(run) is None:
                    continue
                rows.append([f"{facts['rows']:,} × {facts['columns']} ({facts['mib']:,} MiB)", backend, label,
                             harness.fmt(seconds, r.error(run), ".1f"),
                             harness.fmt(None if seconds is None else facts["rows"] / seconds, r.error(run), ",.0f"),
                             harness.fmt(peak, r.error(run), ",.0f"),
                             harness.fmt(r.get(run, "imported_count"), r.error(run), ","),
                             harness.fmt(r.get(run, "store_mib"), r.error(run), ",.0f"),
                             harness.verdict(None if peak is None else peak <= TARGET_PEAK_MIB) if label == "new"
                             else "-"])
    harness.table(["input", "store", "plugin", "s", "rows/s", "peak MiB", "imported", "store MiB",
                   f"peak ≤ {TARGET_PEAK_MIB:.0f} MiB"], rows)
    points, into = r.get("QGIS createpointslayerfromtable 1m"), r.get("QGIS importintopostgis 1m")
    if points is not None:
        chain = None if into is None else points + into
        step = "" if into is None else (f", importintopostgis {into:.1f} s "
                                        f"({r.get('QGIS importintopostgis 1m', 'algorithm')}); chain {chain:.1f} s")
        print(f"QGIS on the 1 M file: createpointslayerfromtable → GeoPackage {points:.1f} s (peak "
              f"{r.get('QGIS createpointslayerfromtable 1m', 'ru_maxrss_mib'):,.0f} MiB){step}")
        for backend in backends:
            plugin = r.get(f"import 1m {backend} new")
            other = points if backend == "gpkg" else chain
            if plugin is not None and other:
                target = "" if backend == "gpkg" else (f" (target ≤ {TARGET_RATIO:.2f}: "
                                                       f"{harness.verdict(plugin / other <= TARGET_RATIO)})")
                what = "createpointslayerfromtable" if backend == "gpkg" else "the chain"
                print(f"  ratio plugin {backend} / {what}: {plugin / other:.2f}{target}")
    print(f"Load average now {harness.load_average()}; {os.cpu_count()} cores.")


if __name__ == "__main__":
    sys.exit(main())
