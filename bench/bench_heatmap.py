"""Benchmark: grid_plugin.core.cases.kernel.kernel_density against QGIS's own heatmap algorithm.

Targets: on 1,000,000 points (radius 200 m, pixel 10 m, about 20 km²) the plugin takes at most
0.15 × the time of ``qgis:heatmapkerneldensityestimation`` on the same points, its raster has a
Pearson correlation >= 0.999 with QGIS's over all pixels, and its peak memory stays under
2,048 MiB.

Sides, each in a fresh worker process (see harness.py) so that its peak RSS (``ru_maxrss``) is
its own:

- qgis: QGIS started headless, the points put in a memory layer (EPSG:4548; building it is
  printed, not timed), then ``processing.run("qgis:heatmapkerneldensityestimation")`` timed:
  radius, pixel size and kernel as given, raw output, no weight field, written as GeoTIFF.
- plugin: no QGIS; ``kernel_density`` on the numpy arrays timed ("compute"), then the raster
  written as a float32 GeoTIFF with GDAL like QGIS's ("+ write"); the ratio uses compute +
  write. Its peak is taken before the comparison, which then reads QGIS's GeoTIFF (no-data
  -9999 read as 0) and reports whether size and geotransform are identical, the correlation
  and the largest difference relative to QGIS's largest value.

Points (deterministic, ``numpy.random.default_rng(SEED)``, made in each worker; no cache): a
4.5 km square (20.25 km²) around x=450000, y=4420000 (CGCS2000 Gauss-Krüger CM 117E): 80 %
in 60 Gaussian clusters (σ 40-400 m, sizes Zipf-like) and 20 % uniform, coordinates rounded
to 1 mm, all inside the square.

    .venv/bin/python bench/bench_heatmap.py                     # 1,000,000 points
    .venv/bin/python bench/bench_heatmap.py --points 100000 --kernel uniform
    .venv/bin/python bench/bench_heatmap.py --skip-qgis

Workers need ``QT_QPA_PLATFORM=offscreen``, ``PROJ_DATA`` and ``PYTHONPATH`` (repo + QGIS's
python/plugins); the script fills them in when missing. The machine may be shared: the load
average is printed, and times vary by ±20 %.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import harness
from harness import fmt, verdict

EPSG = 4548
CENTRE = (450_000.0, 4_420_000.0)
SIDE_M = 4_500.0  # 20.25 km²
CLUSTERS = 60
CLUSTERED_SHARE = 0.8
SEED = 20240807
KERNELS = ("quartic", "triangular", "uniform", "triweight", "epanechnikov")  # QGIS's enum order

DEFAULT_POINTS = 1_000_000
TARGET_RATIO = 0.15
TARGET_CORRELATION = 0.999
TARGET_MEMORY_MIB = 2048.0
QGIS_NODATA = -9999.0


def make_points(count: int):
    """Clustered points in the square (see the module docstring); returns x, y (numpy)."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    half = SIDE_M / 2
    low = np.array(CENTRE) - half
    centres = low + rng.uniform(0.1 * SIDE_M, 0.9 * SIDE_M, (CLUSTERS, 2))
    sigma = rng.uniform(40.0, 400.0, CLUSTERS)
    share = 1.0 / np.arange(1, CLUSTERS + 1) ** 0.7
    share /= share.sum()
    clustered = int(round(count * CLUSTERED_SHARE))
    which = rng.choice(CLUSTERS, clustered, p=share)
    xy = centres[which] + rng.normal(0.0, 1.0, (clustered, 2)) * sigma[which, None]
    outside = np.flatnonzero(((xy < low) | (xy > low + SIDE_M)).any(axis=1))
    xy[outside] = low + rng.uniform(0.0, SIDE_M, (len(outside), 2))  # keep everything in the square
    xy = np.vstack([xy, low + rng.uniform(0.0, SIDE_M, (count - clustered, 2))])
    xy = np.round(xy[rng.permutation(count)], 3)
    return np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1])


# --- workers ---------------------------------------------------------------------------------


def read_geotiff(path: str):
    """(values as float64 with QGIS's no-data as 0, geotransform)."""
    from osgeo import gdal

    dataset = gdal.Open(path)
    values = dataset.GetRasterBand(1).ReadAsArray().astype("float64")
    geotransform = dataset.GetGeoTransform()
    dataset = None
    values[values == QGIS_NODATA] = 0.0
    return values, geotransform


def worker_qgis(args) -> dict:
    """QGIS's heatmap on a memory layer of the points."""
    keep = harness.start_qgis()  # noqa: F841 (keeps the application alive)
    import processing
    from qgis.core import QgsProcessingFeedback

    x, y = make_points(args.points)
    started = time.perf_counter()
    layer = harness.memory_points("points", f"EPSG:{EPSG}", x, y)
    layer_s = time.perf_counter() - started
    output = str(Path(args.out_dir) / "qgis_heatmap.tif")
    with harness.measured() as figures:
        processing.run("qgis:heatmapkerneldensityestimation", {
            "INPUT": layer, "RADIUS": args.radius, "RADIUS_FIELD": None, "PIXEL_SIZE": args.pixel,
            "WEIGHT_FIELD": None, "KERNEL": KERNELS.index(args.kernel), "DECAY": 0.0, "OUTPUT_VALUE": 0,
            "OUTPUT": output,
        }, feedback=QgsProcessingFeedback())
    values, _ = read_geotiff(output)
    return {**figures, "layer_s": layer_s, "output": output, "shape": list(values.shape),
            "features": layer.featureCount()}


def worker_plugin(args) -> dict:
    """kernel_density on the arrays, a float32 GeoTIFF written, then the comparison with QGIS's."""
    import numpy as np
    from osgeo import gdal, osr

    from grid_plugin.core.cases import kernel

    gdal.UseExceptions()
    x, y = make_points(args.points)
    before = harness.peak_memory_mib()
    started = time.perf_counter()
    raster = kernel.kernel_density(x, y, radius=args.radius, pixel_size=args.pixel, kernel=args.kernel)
    compute_s = time.perf_counter() - started
    output = str(Path(args.out_dir) / "plugin_heatmap.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(output, raster.cols, raster.rows, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform(raster.geotransform())
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(raster.values.astype(np.float32))
    dataset = None
    total_s = time.perf_counter() - started
    peak = harness.peak_memory_mib()
    evaluations = len(x) * (2 * kernel.radius_in_pixels(args.radius, args.pixel) + 1) ** 2
    result = {"compute_s": compute_s, "seconds": total_s, **peak, "before_mib": before["ru_maxrss_mib"],
              "shape": [raster.rows, raster.cols],
              "evaluations": evaluations}
    if args.reference:
        expected, geotransform = read_geotiff(args.reference)
        result["same_frame"] = expected.shape == raster.values.shape and geotransform == raster.geotransform()
        if expected.shape == raster.values.shape:
            result["correlation"] = float(np.corrcoef(raster.values.ravel(), expected.ravel())[0, 1])
            result["max_diff"] = float(np.abs(raster.values - expected).max() / np.abs(expected).max())
            result["sum_ratio"] = float(raster.values.sum() / expected.sum())
    return result


WORKERS = {"plugin": worker_plugin, "qgis": worker_qgis}


# --- orchestration (parent process: standard library only) -------------------------------------


def run_worker(kind: str, args, env: dict, out_dir: Path, reference: str | None = None) -> harness.ChildRun:
    """One worker; both sides write to out_dir, where the plugin side reads QGIS's raster (reference)."""
    arguments = ["--worker", kind, "--out-dir", str(out_dir), "--points", str(args.points),
                 "--radius", str(args.radius), "--pixel", str(args.pixel), "--kernel", args.kernel]
    if reference:
        arguments += ["--reference", reference]
    return harness.run_script(__file__, arguments, env, args.timeout)


def describe(kind: str, r: dict) -> str:
    if kind == "qgis":
        extra = f"memory layer of {r['features']:,} points built in {r['layer_s']:.1f} s (not timed)"
    else:
        extra = f"compute {r['compute_s']:.2f} s, peak before the call {r['before_mib']:,.0f} MiB"
    return f"; raster {r['shape'][0]:,} × {r['shape'][1]:,}; {extra}"


def measure(kind: str, args, env: dict, out_dir: Path, reference: str | None = None) -> harness.SideResult:
    """Runs of one side; stops at the first failure."""
    return harness.measure_side(kind, args.runs, lambda: run_worker(kind, args, env, out_dir, reference), describe,
                                peak_spec=",.0f", check_vmhwm=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, default=DEFAULT_POINTS, help=f"default {DEFAULT_POINTS:,}")
    parser.add_argument("--radius", type=float, default=200.0, help="metres (default 200)")
    parser.add_argument("--pixel", type=float, default=10.0, help="metres (default 10)")
    parser.add_argument("--kernel", choices=KERNELS, default="quartic")
    parser.add_argument("--runs", type=int, default=1, help="runs per side; times are medians (default 1)")
    parser.add_argument("--skip-qgis", action="store_true", help="time the plugin only")
    harness.add_timeout(parser)
    harness.add_worker_options(parser, WORKERS, "out-dir", "reference")
    args = parser.parse_args(argv)

    harness.answer_if_worker(args, WORKERS)
    if args.points < 1 or args.runs < 1:
        parser.error("--points and --runs must be at least 1")

    env = harness.child_env()
    print(harness.header(f"kernel_density vs qgis:heatmapkerneldensityestimation: {args.points:,} clustered points "
                         f"over {SIDE_M / 1000:.1f} × {SIDE_M / 1000:.1f} km (EPSG:{EPSG}), {args.kernel}, radius "
                         f"{args.radius:g} m, pixel {args.pixel:g} m, raw", "shared machine: ±20 %"), flush=True)
    with harness.scratch_dir("heatmap_") as out_dir:
        qgis = harness.SideResult(error="skipped") if args.skip_qgis else measure("qgis", args, env, out_dir)
        reference = qgis.runs[-1]["output"] if qgis.runs else None
        plugin = measure("plugin", args, env, out_dir, reference)
    qgis_runs, qgis_error, plugin_runs, plugin_error = qgis.runs, qgis.error, plugin.runs, plugin.error

    def median(runs: list[dict], key: str) -> float | None:
        return statistics.median(r[key] for r in runs) if runs else None

    plugin_s, compute_s, qgis_s = median(plugin_runs, "seconds"), median(plugin_runs, "compute_s"), median(
        qgis_runs, "seconds")
    peak = max(r["ru_maxrss_mib"] for r in plugin_runs) if plugin_runs else None
    qgis_peak = max(r["ru_maxrss_mib"] for r in qgis_runs) if qgis_runs else None
    ratio = plugin_s / qgis_s if plugin_s is not None and qgis_s else None
    compared = plugin_runs[-1] if plugin_runs and "correlation" in plugin_runs[-1] else None
    correlation = compared["correlation"] if compared else None
    full = args.points >= DEFAULT_POINTS

    print()
    print(f"plugin kernel_density:        {fmt(compute_s, plugin_error, '.2f')} s "
          f"({fmt(plugin_s, plugin_error, '.2f')} s with the GeoTIFF written)")
    print(f"QGIS heatmap (processing.run): {fmt(qgis_s, qgis_error, '.2f')} s, peak "
          f"{fmt(qgis_peak, qgis_error, ',.0f')} MiB")
    print(f"ratio plugin / QGIS:           {fmt(ratio, plugin_error or qgis_error, '.3f')} "
          f"(target <= {TARGET_RATIO}) {verdict(None if ratio is None else ratio <= TARGET_RATIO)}")
    if compared:
        print(f"same size and geotransform:    {compared['same_frame']}")
        print(f"largest |difference| / max:    {compared['max_diff']:.2e}; sum ratio {compared['sum_ratio']:.6f}")
    shown = "" if correlation is None else f", 1 - r = {1 - correlation:.1e}"
    correlation_ok = None if correlation is None else correlation >= TARGET_CORRELATION
    print(f"correlation with QGIS:         {fmt(correlation, plugin_error or qgis_error, '.7f')}{shown} "
          f"(target >= {TARGET_CORRELATION}) {verdict(correlation_ok)}")
    print(f"plugin peak memory:            {fmt(peak, plugin_error, ',.0f')} MiB "
          f"(target <= {TARGET_MEMORY_MIB:,.0f}) {verdict(None if peak is None else peak <= TARGET_MEMORY_MIB)}")
    if not full:
        print(f"(targets are stated for {DEFAULT_POINTS:,} points; this run had {args.points:,})")
    return 0 if not (plugin_error or (qgis_error and qgis_error != "skipped")) else 1


if __name__ == "__main__":
    sys.exit(main())
