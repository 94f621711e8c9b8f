"""Benchmark and bench-size check of issue 22: grids valid in every CRS they are written to.

For each input it runs ``gridplugin:dividegrids`` in a fresh worker process and reports

- the time of ``processing.run`` (median over the runs) and the grid count;
- near-degenerate grids (a vertex nearer than 1 mm to an edge of its own grid: GEOS's minimum
  clearance below 1 mm, less 2e-8 m of floating-point noise) and grids invalid in the working CRS and
  once reprojected with pyproj to EPSG:4490 (the case store), EPSG:4326, EPSG:3857, the Gauss-Krüger
  6-degree zone EPSG:4509 and GCJ-02 (EPSG:4326 with core.geodesy.offsets' shift).

Inputs: ``sample`` (the bundled sample district, follow roads and 100 m lattice) and ``42`` (the 42 km²
synthetic district of bench_follow.py, its cached generator output; follow and lattice); ``1400`` is the
1,400 km² one (follow; minutes). ``--repo`` runs the plugin of other checkouts too (each worker puts
that checkout first on its path), to compare the code before the precision grid with the code after:

    .venv/bin/python bench/bench_precision.py                                   # sample and 42 km², 3 runs
    .venv/bin/python bench/bench_precision.py --repo /tmp/old-geom --repo .     # before and after
    .venv/bin/python bench/bench_precision.py --data 42 --runs 1

The check passes when every grid of the last ``--repo`` (this checkout by default) is valid everywhere
and none is near-degenerate. The machine may be shared: the load average is printed; figures vary by
±20 %.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

import harness

TARGETS = ("EPSG:4490", "EPSG:4326", "EPSG:3857", "EPSG:4509", "GCJ02")
CLEARANCE_M, NOISE_M = 0.001, 2e-8
CASES = {"sample": ("follow", "lattice"), "42": ("follow", "lattice"), "1400": ("follow",)}


def inputs(data: str, env: dict) -> str:
    """The GeoPackage holding layers communities and roads."""
    if data == "sample":
        return str(harness.REPO / "resources" / "sample" / "sample_district.gpkg")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_follow

    return str(bench_follow.cached_input(int(data), env)[0])


def worker(args) -> dict:
    """One dividegrids run of the plugin in args.repo, then the checks on what it wrote."""
    sys.path.insert(0, args.repo)
    keep = harness.start_qgis(with_provider=True)  # noqa: F841 (keeps QGIS and the provider alive)
    import numpy as np
    import processing
    import pyproj
    import shapely
    from qgis.core import QgsVectorLayer

    from grid_plugin.core.geodesy.offsets import wgs84_to_gcj02

    assert Path(sys.modules["grid_plugin"].__file__).resolve().is_relative_to(Path(args.repo).resolve())
    output = str(Path(args.out_dir) / "grids.gpkg")
    parameters = {"INPUT": f"{args.input}|layername=communities", "MODE": "1" if args.mode == "follow" else "0",
                  "COMMUNITY_CODE_FIELD": "community_code", "OUTPUT": output}
    if args.mode == "follow":
        parameters.update({"LINES": [f"{args.input}|layername=roads"], "ROAD_CLASS_FIELD": "road_class"})
    with harness.measured() as figures:
        result = processing.run("gridplugin:dividegrids", parameters)
    layer = QgsVectorLayer(output, "grids", "ogr")
    crs = layer.crs().authid()
    grids = np.array([shapely.from_wkb(bytes(f.geometry().asWkb())) for f in layer.getFeatures()], dtype=object)
    del layer
    counts = {"working": int((~shapely.is_valid(grids)).sum()),
              "near": int((shapely.minimum_clearance(grids) < CLEARANCE_M - NOISE_M).sum())}
    for target in TARGETS:
        gcj = target == "GCJ02"
        transformer = pyproj.Transformer.from_crs(crs, "EPSG:4326" if gcj else target, always_xy=True)

        def move(xy, transformer=transformer, gcj=gcj):
            x, y = transformer.transform(xy[:, 0], xy[:, 1])
            return np.column_stack(wgs84_to_gcj02(x, y) if gcj else (x, y))

        counts[target] = int((~shapely.is_valid(shapely.transform(grids, move))).sum())
    return {**figures, "grids": int(result["GRID_COUNT"]), "counts": counts}


def run_worker(repo: str, data_path: str, mode: str, env: dict, timeout: float) -> dict:
    env = {**env, "PYTHONPATH": os.pathsep.join([repo, *env["PYTHONPATH"].split(os.pathsep)])}
    with harness.scratch_dir("precision_") as out_dir:
        run = harness.run_script(__file__, ["--worker", "--repo", repo, "--input", data_path, "--mode", mode,
                                            "--out-dir", str(out_dir)], env, timeout)
    if run.error:
        raise SystemExit(f"{repo} {mode} on {data_path}: {run.error}: {run.detail}")
    return run.result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="sample,42", help="comma-separated: sample, 42, 1400 (default sample,42)")
    parser.add_argument("--repo", action="append", help="checkout whose plugin runs (repeatable; default: this one)")
    parser.add_argument("--runs", type=int, default=3, help="runs per input and checkout (default 3)")
    harness.add_timeout(parser)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--out-dir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        args.repo = args.repo[0]
        harness.answer_as_worker(worker(args))
    repos = [str(Path(r).resolve()) for r in (args.repo or [str(harness.REPO)])]
    env = harness.child_env()
    print(harness.header("dividegrids, validity in every CRS", "shared machine: ±20 %", python=False), flush=True)
    header = ["input", "mode", "checkout", "s (median)", "grids", "near 1 mm", "invalid working", *TARGETS]
    rows = []
    for data in args.data.split(","):
        path = inputs(data.strip(), env)
        for mode in CASES[data.strip()]:
            for repo in repos:
                runs = [run_worker(repo, path, mode, env, args.timeout) for _ in range(args.runs)]
                last = runs[-1]
                rows.append([data, mode, repo, f"{statistics.median(r['seconds'] for r in runs):.2f}",
                             f"{last['grids']:,}", *(str(last["counts"][k]) for k in ("near", "working", *TARGETS))])
                print("  " + " | ".join(rows[-1]), flush=True)
    print()
    harness.table(header, rows, other="---")
    final = [row for row in rows if row[2] == repos[-1]]
    clean = all(cell == "0" for row in final for cell in row[5:])
    print(f"every grid of {repos[-1]} valid in every CRS, none near-degenerate: {harness.verdict(clean)}")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
