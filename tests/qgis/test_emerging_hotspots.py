"""gridplugin:emerginghotspots on planted patterns in the sample district's grids, on both stores.

The cases are made here, week by week over 20 local weeks (Asia/Shanghai) from Monday 2025-03-03:
background noise (Poisson, 1 case per grid and week), and three clusters (a grid and its queen
neighbours) in quiet surroundings (no noise within two rings): a new hot spot (cases in the last week
only), a consecutive one (the last three weeks) and a persistent one (the same number every week).
Every seventh case falls at exactly Monday 00:00:00 local time and the next at Sunday 23:59:59, so
the bin edges are tested on each run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

import numpy as np
import processing
import pytest
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDataSourceUri,
    QgsDateTimeRange,
    QgsFeatureRequest,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime
from qgis.PyQt.QtGui import QColor

from grid_plugin.core.cases.emerging import CONSECUTIVE, NEW, PERSISTENT, ring_neighbours
from grid_plugin.core.cases.hotspots import contiguity
from grid_plugin.core.cases.records import CaseRecords
from grid_plugin.processing.algorithms.case_hotspots import _projected
from grid_plugin.processing.case_styles import EMERGING_COLOURS
from grid_plugin.store.base import ImportCounts, StoredGrids, import_cases
from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.store.postgis import PostgisStore
from tests.conftest import read_postgis_env
from tests.qgis.conftest import Messages, ensure_provider
from tests.qgis.test_case_store import drop_schema

WEEKS = 20
FIRST_MONDAY_UTC = np.datetime64("2025-03-02T16:00:00", "s")  # Monday 2025-03-03 00:00 in Asia/Shanghai
WEEK_S = 7 * 86_400
PLANTED, PERSISTENT_COUNT, NOISE = 30, 10, 1.0
NO_GRID = 3  # cases without a grid code, left out


@dataclass
class Scenario:
    grids: StoredGrids
    cube: np.ndarray  # cases per grid and week, as planted
    new: list[int]
    consecutive: list[int]
    persistent: list[int]
    island: int  # a noise grid whose neighbours the island test leaves out
    records: CaseRecords


def read_grids(path: str) -> StoredGrids:
    layer = QgsVectorLayer(f"{path}|layername=grids", "grids", "ogr")
    assert layer.isValid()
    to_store = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance())
    rows, wkbs = [], []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        geometry.transform(to_store)
        wkbs.append(bytes(geometry.asWkb()))
        rows.append([feature[name] for name in ("grid_code", "street_code", "street_name", "community_code",
                                                "community_name", "area_m2")])
    codes, streets, street_names, communities, community_names, area = zip(*rows)
    return StoredGrids(list(codes), list(streets), list(street_names), list(communities), list(community_names),
                       np.array(area, dtype=float), shapely.from_wkb(wkbs))


def pick_seeds(grids: StoredGrids, count: int) -> list[int]:
    """Grids with at least 4 neighbours whose three rings do not meet each other's."""
    neighbours = contiguity(_projected(grids), "queen", 0.5)
    reach = ring_neighbours(neighbours, 3)
    taken: set[int] = set()
    seeds = []
    for seed in np.random.default_rng(19).permutation(neighbours.n).tolist():
        zone = {seed, *reach.of(seed).tolist()}
        if len(neighbours.of(seed)) >= 4 and not zone & taken:
            seeds.append(seed)
            taken |= zone
            if len(seeds) == count:
                return seeds
    raise AssertionError("the sample has too few separate grids")


def make_scenario(grids: StoredGrids) -> Scenario:
    neighbours = contiguity(_projected(grids), "queen", 0.5)
    two_rings = ring_neighbours(neighbours, 2)
    new, consecutive, persistent, island = pick_seeds(grids, 4)
    rng = np.random.default_rng(3)
    cube = rng.poisson(NOISE, (len(grids), WEEKS))
    clusters = []
    for seed in (new, consecutive, persistent):
        cube[[seed, *two_rings.of(seed).tolist()]] = 0
        clusters.append([seed, *neighbours.of(seed).tolist()])
    cube[clusters[0], -1] = PLANTED
    cube[clusters[1], -3:] = PLANTED
    cube[clusters[2]] = PERSISTENT_COUNT
    grid, week = np.nonzero(cube)
    repeat = cube[grid, week]
    grid, week = np.repeat(grid, repeat), np.repeat(week, repeat)
    offsets = rng.integers(0, WEEK_S, len(grid))
    offsets[::7], offsets[1::7] = 0, WEEK_S - 1  # Monday 00:00:00 and Sunday 23:59:59 local time
    times = FIRST_MONDAY_UTC + (week * WEEK_S + offsets).astype("timedelta64[s]")
    codes = [grids.grid_codes[g] for g in grid.tolist()]
    # cases without a grid code (in the period, so counted by count_cases but by no grid)
    times = np.concatenate([times, FIRST_MONDAY_UTC + np.arange(1, NO_GRID + 1).astype("timedelta64[h]")])
    codes += [None] * NO_GRID
    n = len(codes)
    points = shapely.point_on_surface(grids.geometries)
    where = np.r_[grid, np.zeros(NO_GRID, dtype=np.int64)]
    reported = [f"{t}.000Z" for t in np.datetime_as_string(times, unit="s").tolist()]
    values = {name: [None] * n for name in CaseRecords.empty().values}
    values.update({
        "case_id": [f"EHS{k:07d}" for k in range(n)],
        "source": ["监督员上报" if k % 3 else "12345热线" for k in range(n)],
        "kind": ["事件"] * n, "class_code": ["09011"] * n, "class_name": ["私搭乱建"] * n, "status": ["已结案"] * n,
        "reported_at": reported, "grid_code": codes,
        "content_hash": [hashlib.sha1(f"{k}{r}".encode()).hexdigest() for k, r in enumerate(reported)],
    })
    records = CaseRecords(values, shapely.get_x(points)[where], shapely.get_y(points)[where],
                          np.arange(1, n + 1, dtype=np.int64))
    return Scenario(grids, cube, *clusters, island, records)


def fill(store, scenario: Scenario) -> None:
    store.write_grids(scenario.grids)
    counts = import_cases(store, scenario.records, ImportCounts(read=len(scenario.records)), "ehs test")
    assert counts.imported == len(scenario.records)


@pytest.fixture(scope="module")
def scenario(sample_grids) -> Scenario:
    return make_scenario(read_grids(sample_grids))


@pytest.fixture(scope="module")
def gpkg_store(scenario, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("ehs") / "cases.gpkg"
    with GpkgStore(path, create=True) as store:
        fill(store, scenario)
    return str(path)


@pytest.fixture(scope="module")
def postgis_store(scenario, qgis_processing):
    """A QGIS connection to the test server and a schema ehs_… holding the scenario."""
    env = read_postgis_env()
    uri = QgsDataSourceUri()
    uri.setConnection(env["PGHOST"], env["PGPORT"], env["PGDATABASE"], env["PGUSER"], env["PGPASSWORD"])
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name, schema = f"gridplugin ehs {uuid.uuid4().hex[:6]}", f"ehs_{uuid.uuid4().hex[:10]}"
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {"saveUsername": True,
                                                                       "savePassword": True}), name)
    try:
        with PostgisStore.from_connection(name, schema) as store:
            fill(store, scenario)
        yield {"CONNECTION": name, "DB_SCHEMA": schema}
    finally:
        metadata.deleteConnection(name)
        drop_schema(schema)


def run(store: dict, out, feedback=None, **extra) -> dict:
    ensure_provider()
    parameters = {"DB_SCHEMA": "gridplugin", "TIMEZONE": "Asia/Shanghai", "TIME_STEP": "1", "CONTIGUITY": "0",
                  "TOLERANCE": "0.5", "RINGS": "1", "WINDOW": "1", "FDR": "true", "MIN_BINS": "10",
                  "OUTPUT": str(out / "emerging.gpkg"), "BINS": str(out / "bins.gpkg"), **store, **extra}
    return processing.run("gridplugin:emerginghotspots", parameters, feedback=feedback)


def features(source) -> list:
    layer = source if isinstance(source, QgsVectorLayer) else QgsVectorLayer(source, "out", "ogr")
    return list(layer.getFeatures())


@pytest.fixture(scope="module")
def gpkg_run(gpkg_store, tmp_path_factory, qgis_processing):
    feedback = Messages()
    result = run({"STORE": gpkg_store}, tmp_path_factory.mktemp("gpkg_run"), feedback)
    return result, feedback.lines


def categories_of(result: dict) -> dict[str, int]:
    return {f["grid_code"]: f["category"] for f in features(result["OUTPUT"])}


def bin_counts(result: dict, scenario: Scenario) -> np.ndarray:
    """The per-bin layer's case counts as a grid × week array."""
    row = {code: i for i, code in enumerate(scenario.grids.grid_codes)}
    starts = sorted({f["bin_start"].date() for f in features(result["BINS"])})
    cube = np.full(scenario.cube.shape, -1)
    for f in features(result["BINS"]):
        cube[row[f["grid_code"]], starts.index(f["bin_start"].date())] = f["case_count"]
    return cube


def test_planted_patterns_get_their_categories(gpkg_run, scenario):
    result, lines = gpkg_run
    codes = scenario.grids.grid_codes
    found = categories_of(result)
    assert {found[codes[i]] for i in scenario.new} == {NEW}
    assert {found[codes[i]] for i in scenario.consecutive} == {CONSECUTIVE}
    assert {found[codes[i]] for i in scenario.persistent} == {PERSISTENT}
    assert result["HOT_COUNT"] >= len(scenario.new + scenario.consecutive + scenario.persistent)
    assert result["BIN_COUNT"] == WEEKS
    assert any(line.startswith("New hot spot: ") for line in lines)
    by_code = {f["grid_code"]: f for f in features(result["OUTPUT"])}
    seed = by_code[codes[scenario.new[0]]]
    assert seed["category_label"] == "New hot spot"
    assert (seed["hot_bins"], seed["case_count"]) == (1, PLANTED)
    assert seed["last_z"] > 3 and seed["last_p"] < 0.01
    persistent = by_code[codes[scenario.persistent[0]]]
    assert persistent["hot_bins"] >= 0.9 * WEEKS and persistent["trend_p"] > 0.1
    assert persistent["count_trend_z"] == 0  # the same count every week


def test_per_bin_counts_are_the_stores_per_local_week(gpkg_run, gpkg_store, scenario):
    result, lines = gpkg_run
    assert result["CASE_COUNT"] == scenario.cube.sum()
    assert (bin_counts(result, scenario) == scenario.cube).all()
    with GpkgStore(gpkg_store) as store:
        assert store.count_cases() == scenario.cube.sum() + NO_GRID
    assert any(f"{NO_GRID} cases without a grid code" in line for line in lines)
    first = min(f["bin_start"] for f in features(result["BINS"]))
    assert first == QDateTime(QDate(2025, 3, 3), QTime(0, 0))
    ends = {(f["bin_start"].date(), f["bin_end"].date(), f["bin_label"]) for f in features(result["BINS"])}
    assert (QDate(2025, 3, 3), QDate(2025, 3, 10), "2025-W10") in ends
    assert len(ends) == WEEKS and all(start.daysTo(end) == 7 for start, end, _ in ends)


def test_a_period_and_a_source_filter_count_in_the_store(gpkg_store, scenario, tmp_path):
    feedback = Messages()
    result = run({"STORE": gpkg_store}, tmp_path, feedback, START="2025-03-10", END="2025-07-14",
                 SOURCES="12345热线", BINS="TEMPORARY_OUTPUT")
    records = scenario.records.values
    chosen = [k for k, (source, code) in enumerate(zip(records["source"], records["grid_code"]))
              if source == "12345热线" and code is not None
              and "2025-03-09T16:00:00" <= records["reported_at"][k] < "2025-07-13T16:00:00"]
    assert result["CASE_COUNT"] == len(chosen)
    assert result["BIN_COUNT"] == 18
    layer = result["BINS"]  # a memory layer through QGIS's sink: dates as QDate
    assert sum(f["case_count"] for f in layer.getFeatures()) == len(chosen)
    assert not any("cuts the first or last" in line for line in feedback.lines)


def test_fdr_marks_fewer_bins_and_matches_an_independent_benjamini_hochberg(gpkg_run, gpkg_store, tmp_path):
    with_fdr = features(gpkg_run[0]["BINS"])
    without = features(run({"STORE": gpkg_store}, tmp_path, FDR="false")["BINS"])
    assert all(f["gi_p_adj"] == f["gi_p"] for f in without)
    assert 0 < sum(f["gi_bin"] != 0 for f in with_fdr) < sum(f["gi_bin"] != 0 for f in without)
    p = np.array([f["gi_p"] for f in with_fdr])
    m = len(p)
    order = np.argsort(p)
    expected = np.empty(m)
    running = 1.0
    for rank in range(m, 0, -1):  # adjusted p of rank i: min over j >= i of m p_(j) / j
        running = min(running, p[order[rank - 1]] * m / rank)
        expected[order[rank - 1]] = running
    assert np.allclose([f["gi_p_adj"] for f in with_fdr], expected, rtol=1e-9, atol=1e-15)
    levels = np.array([f["gi_bin"] for f in with_fdr])
    assert (np.abs(levels) == (expected <= 0.10).astype(int) + (expected <= 0.05) + (expected <= 0.01)).all()


def test_postgis_gives_the_same_answer(postgis_store, gpkg_run, scenario, tmp_path):
    result = run(postgis_store, tmp_path)
    assert result["CASE_COUNT"] == gpkg_run[0]["CASE_COUNT"]
    assert (bin_counts(result, scenario) == scenario.cube).all()
    assert categories_of(result) == categories_of(gpkg_run[0])


@pytest.mark.parametrize("bins_output", ["bins.gpkg", "TEMPORARY_OUTPUT"])
def test_loaded_layers_are_styled_and_the_bins_animate(gpkg_store, scenario, tmp_path, bins_output):
    """As from the toolbox; the per-bin layer written by the plugin's GeoPackage writer or QGIS's sink."""
    project = QgsProject.instance()
    before = set(project.mapLayers())
    try:
        processing.runAndLoadResults("gridplugin:emerginghotspots", {
            "STORE": gpkg_store, "TIME_STEP": "1", "OUTPUT": str(tmp_path / "emerging.gpkg"),
            "BINS": str(tmp_path / bins_output) if bins_output.endswith(".gpkg") else bins_output})
        loaded = {layer.source().split("|")[0]: layer for layer in
                  (project.mapLayer(i) for i in set(project.mapLayers()) - before)}
        assert len(loaded) == 2
        grids = loaded.pop(str(tmp_path / "emerging.gpkg"))
        bins = next(iter(loaded.values()))
        renderer = grids.renderer()
        assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "category"
        assert {c.value() for c in renderer.categories()} == set(range(-8, 9))
        assert renderer.categories()[0].label() == "New hot spot"
        # the new hot spot's grid is drawn in the new-hot-spot red
        seed = shapely.point_on_surface(scenario.grids.geometries[scenario.new[0]])
        assert QColor(pixel_at(grids, seed.x, seed.y)).name() == EMERGING_COLOURS[NEW]

        properties = bins.temporalProperties()
        assert properties.isActive() and (properties.startField(), properties.endField()) == ("bin_start", "bin_end")
        assert bins.renderer().classAttribute() == "gi_bin"
        # a frame of the temporal controller: a week from Monday, its end excluded
        week = QgsDateTimeRange(QDateTime(QDate(2025, 4, 7), QTime(0, 0)), QDateTime(QDate(2025, 4, 14), QTime(0, 0)),
                                True, False)
        expression = properties.createFilterString(QgsVectorLayerTemporalContext(), week)
        shown = QgsFeatureRequest().setFilterExpression(expression)
        frame = list(bins.getFeatures(shown))
        assert len(frame) == len(scenario.grids), expression
        assert {f["bin_start"] for f in frame} == {QDateTime(QDate(2025, 4, 7), QTime(0, 0))}
    finally:
        project.removeMapLayers(list(set(project.mapLayers()) - before))


def pixel_at(layer: QgsVectorLayer, x: float, y: float) -> int:
    """The colour the layer's renderer draws at (x, y) (EPSG:4490), from a 9 × 9 pixel map around it."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(QgsRectangle(x - 1e-6, y - 1e-6, x + 1e-6, y + 1e-6))
    settings.setOutputSize(QSize(9, 9))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage().pixel(4, 4)


def test_category_names_follow_the_language(gpkg_store, scenario, tmp_path):
    from grid_plugin.toolbelt.i18n import install_translator, remove_translator

    translator = install_translator("zh_CN")
    assert translator is not None
    try:
        result = run({"STORE": gpkg_store}, tmp_path, BINS=None)  # the per-bin layer skipped
    finally:
        remove_translator(translator)
    assert result["BINS"] is None
    labels = {f["grid_code"]: f["category_label"] for f in features(result["OUTPUT"])}
    assert labels[scenario.grids.grid_codes[scenario.new[0]]] == "新增热点"
    assert labels[scenario.grids.grid_codes[scenario.persistent[0]]] == "持续热点"


def test_an_island_and_cases_of_unknown_grids_are_reported(sample_grids, gpkg_store, scenario, tmp_path):
    """The grid layer leaves out the island's neighbours: the island is compared on its own cases,
    and the neighbours' cases are reported as cases of unknown grids."""
    neighbours = contiguity(_projected(scenario.grids), "queen", 0.5)
    dropped = [scenario.grids.grid_codes[i] for i in neighbours.of(scenario.island)]
    subset = f"\"grid_code\" NOT IN ({', '.join(repr(c) for c in dropped)})"
    feedback = Messages()
    result = run({"STORE": gpkg_store}, tmp_path, feedback, GRIDS=f"{sample_grids}|layername=grids|subset={subset}")
    unknown = int(scenario.cube[neighbours.of(scenario.island)].sum())
    assert any(f"{unknown} cases carry {len(dropped)} grid codes that are not among the unit grids" in line
               for line in feedback.lines), feedback.lines
    assert any("have no neighbour" in line for line in feedback.lines)
    assert result["CASE_COUNT"] == scenario.cube.sum() - unknown
    cells = features(result["BINS"])
    counts = np.array([f["case_count"] for f in cells], dtype=float)
    island = sorted((f["bin_start"], f["case_count"], f["gi_z"]) for f in cells
                    if f["grid_code"] == scenario.grids.grid_codes[scenario.island])
    own = np.array([c for _, c, _ in island], dtype=float)
    window = np.r_[own[0], own[1:] + own[:-1]]  # the bin and the one before
    w = np.r_[1.0, np.full(WEEKS - 1, 2.0)]
    total = len(counts)
    z = (window - counts.mean() * w) / (counts.std() * np.sqrt((total * w - w**2) / (total - 1)))
    assert np.allclose([gi for _, _, gi in island], z, atol=1e-9)


class CancelWhileCounting(Messages):
    def setProgress(self, progress):
        super().setProgress(progress)
        if progress > 20:
            self.cancel()


def test_a_cancel_while_counting_writes_nothing(gpkg_store, tmp_path):
    with pytest.raises(Exception, match="Cancelled"):
        run({"STORE": gpkg_store}, tmp_path, CancelWhileCounting())
    assert not list(tmp_path.iterdir())


def test_bins_start_at_local_midnight_in_any_zone():
    from zoneinfo import ZoneInfo

    from grid_plugin.processing.algorithms.emerging_hotspots import local_bins

    utc = dt.timezone.utc
    new_york = local_bins(dt.datetime(2025, 3, 8, 12, tzinfo=utc), dt.datetime(2025, 3, 10, 12, tzinfo=utc), "day",
                          ZoneInfo("America/New_York"))
    assert [e.hour for e in new_york.edges] == [5, 5, 4, 4]  # daylight saving time from Sunday 9 March
    kolkata = local_bins(dt.datetime(2024, 12, 31, 18, 30, tzinfo=utc), dt.datetime(2025, 2, 3, tzinfo=utc), "month",
                         ZoneInfo("Asia/Kolkata"))
    assert kolkata.labels == ["2025-01", "2025-02"]
    assert kolkata.edges[0] == dt.datetime(2024, 12, 31, 18, 30, tzinfo=utc)
    assert kolkata.ends.tolist() == [dt.date(2025, 2, 1), dt.date(2025, 3, 1)]
    cut = local_bins(dt.datetime(2025, 3, 5, tzinfo=utc), dt.datetime(2025, 3, 20, tzinfo=utc), "week",
                     ZoneInfo("Asia/Shanghai"), start=dt.datetime(2025, 3, 5, tzinfo=utc))
    assert cut.cut_first and not cut.cut_last and cut.starts[0] == np.datetime64("2025-03-03")


@pytest.mark.parametrize(("extra", "message"), [
    ({"START": "2030-01-01", "END": "2030-06-01"}, "There are no cases with a grid code in the period"),
    ({"TIME_STEP": "2", "START": "2025-03-03", "END": "2025-03-20"}, "needs at least 2 time bins, got 1"),
    ({"MIN_BINS": "30"}, "needs at least 30 time bins, got 20"),
    ({"TIME_STEP": "2"}, "needs at least 10 time bins, got 5"),
    ({"TIMEZONE": "Mars/Olympus"}, "Time zone 'Mars/Olympus' is unknown"),
])
def test_bad_input_is_named(gpkg_store, tmp_path, extra, message):
    with pytest.raises(Exception, match=message):
        run({"STORE": gpkg_store}, tmp_path, **extra)


def test_grids_without_any_of_the_cases_say_so(gpkg_store, sample_grids, scenario, tmp_path):
    """Three grids of the quiet new hot spot, in weeks before it: every case lies in other grids."""
    codes = ", ".join(repr(scenario.grids.grid_codes[i]) for i in scenario.new[:3])
    with pytest.raises(Exception, match="None of the cases in the period lies in these unit grids"):
        run({"STORE": gpkg_store}, tmp_path, GRIDS=f"{sample_grids}|layername=grids|subset=\"grid_code\" IN ({codes})",
            START="2025-03-03", END="2025-05-12")


# ---- casehotspots: the false discovery rate option ----------------------------------------------------
def test_casehotspots_fdr_keeps_fewer_grids_and_matches_an_independent_count(gpkg_store, scenario, tmp_path):
    from grid_plugin.core.cases.hotspots import getis_ord_gi_star

    def hotspots(fdr: str | None) -> tuple[dict, list]:
        out = tmp_path / str(fdr)
        out.mkdir()
        parameters = {"STORE": gpkg_store, "OUTPUT": str(out / "hot.gpkg"), "REPORT_CSV": str(out / "report.csv"),
                      "REPORT_HTML": str(out / "report.html")}
        if fdr is not None:
            parameters["FDR"] = fdr
        result = processing.run("gridplugin:casehotspots", parameters)
        return result, sorted(features(result["OUTPUT"]), key=lambda f: f["grid_code"])

    default, plain_features = hotspots(None)
    corrected, fdr_features = hotspots("true")
    assert [f["gi_bin"] for f in hotspots("false")[1]] == [f["gi_bin"] for f in plain_features]
    assert all(f["gi_p_adj"] == f["gi_p"] for f in plain_features)

    def significant(found: list) -> int:
        return sum(f["gi_bin"] != 0 for f in found)

    assert 0 < significant(fdr_features) <= significant(plain_features)
    # Benjamini-Hochberg by hand: at level a, the k smallest p-values are significant, k the largest
    # rank with p_(k) <= k a / m
    count_of = {f["grid_code"]: f["case_count"] for f in fdr_features}
    values = np.array([count_of[code] for code in scenario.grids.grid_codes], dtype=float)
    p = np.sort(getis_ord_gi_star(values, contiguity(_projected(scenario.grids), "queen", 0.5)).p)
    m = len(p)
    for level, at_least in ((0.10, 1), (0.05, 2), (0.01, 3)):
        k = max((rank for rank in range(1, m + 1) if p[rank - 1] <= rank * level / m), default=0)
        assert sum(abs(f["gi_bin"]) >= at_least for f in fdr_features) == k, level
    assert corrected["HOT_COUNT"] + corrected["COLD_COUNT"] == significant(fdr_features)
    assert default["HOT_COUNT"] + default["COLD_COUNT"] == significant(plain_features)
