"""The packaged plugin runs from qgis_process, as in the README."""

import json
import os
import subprocess
import sysconfig
import zipfile
from pathlib import Path

from grid_plugin.toolbelt.paths import plugin_version
from tests.conftest import REPO

# Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which qgis_process rejects.
QGIS_PROCESS = "qgis_process.bin"


def packaged_plugin_env(tmp_path: Path) -> dict:
    """The packaged plugin unzipped into tmp_path/plugins, and the environment in which qgis_process loads it."""
    package = REPO / "dist" / f"grid_plugin-{plugin_version()}.zip"
    assert package.exists(), f"{package} missing: the test command builds it with make package"
    plugins = tmp_path / "plugins"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(plugins)
    return dict(os.environ, QGIS_PLUGINPATH=str(plugins), QT_QPA_PLATFORM="offscreen",
                XDG_DATA_HOME=str(tmp_path / "xdg"),  # a throw-away QGIS profile
                PYTHONPATH=sysconfig.get_paths()["purelib"])  # shapely 2 for QGIS's Python


def test_dividegrids_from_qgis_process(tmp_path, sample_gpkg):
    env = packaged_plugin_env(tmp_path)

    def qgis_process(*args):
        return subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=300)

    assert "Enabling plugin" in qgis_process("plugins", "enable", "grid_plugin").stdout
    listing = qgis_process("list").stdout
    assert "gridplugin:dividegrids" in listing
    out = tmp_path / "grids.gpkg"
    run = qgis_process("--json", "run", "gridplugin:dividegrids", "--",
                       f"INPUT={sample_gpkg}|layername=communities", "COMMUNITY_CODE_FIELD=community_code",
                       "CELL_SIZE=100", f"OUTPUT={out}")
    assert run.returncode == 0, run.stderr[-2000:]
    results = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert results["WORKING_CRS"] == "EPSG:4548"
    assert results["GRID_COUNT"] > 1000 and out.exists()

    bad = qgis_process("run", "gridplugin:dividegrids", "--", f"INPUT={sample_gpkg}|layername=communities",
                       "COMMUNITY_CODE_FIELD=street_name", f"OUTPUT={tmp_path / 'bad.gpkg'}")
    assert bad.returncode != 0
    assert "must be 12 digits" in bad.stdout + bad.stderr
    assert not (tmp_path / "bad.gpkg").exists()


def test_the_whole_chain_from_qgis_process(tmp_path, sample_gpkg):
    """Road-following division, the grid validator, component coding and the component
    validator, one after another from qgis_process on the packaged plugin, as a script would."""
    env = packaged_plugin_env(tmp_path)

    def run(algorithm, *parameters):
        done = subprocess.run([QGIS_PROCESS, "--json", "run", algorithm, "--", *parameters], env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        return json.loads(done.stdout[done.stdout.index("{"):])["results"]

    subprocess.run([QGIS_PROCESS, "plugins", "enable", "grid_plugin"], env=env, capture_output=True, timeout=300)
    grids, components = tmp_path / "grids.gpkg", tmp_path / "components.gpkg"
    divided = run("gridplugin:dividegrids", f"INPUT={sample_gpkg}|layername=communities", "MODE=1",
                  f"LINES={sample_gpkg}|layername=roads", "COMMUNITY_CODE_FIELD=community_code",
                  "EFFECTIVE_DATE=2026-01-01", f"OUTPUT={grids}")
    assert divided["GRID_COUNT"] > 1000 and divided["BOUNDARY_ON_LINES"] > 0.5
    checked = run("gridplugin:validategrids", f"INPUT={grids}", "CODE_FIELD=grid_code",
                  f"COMMUNITIES={sample_gpkg}|layername=communities", "COMMUNITY_CODE_FIELD=community_code",
                  f"OUTPUT={tmp_path / 'grid_errors.gpkg'}")
    assert checked["PASSED"] is True
    coded = run("gridplugin:codecomponents", f"INPUT={sample_gpkg}|layername=components",
                "CLASS_FIELD=class_code", f"GRIDS={grids}", "GRID_CODE_FIELD=grid_code", f"OUTPUT={components}")
    assert coded["COMPONENT_COUNT"] == coded["NEW_COUNT"] == 433 and coded["PROBLEM_COUNT"] == 0
    valid = run("gridplugin:validatecomponents", f"INPUT={components}", "ID_FIELD=component_id",
                "CLASS_FIELD=class_code", "BGID_FIELD=bgid", f"GRIDS={grids}", "GRID_CODE_FIELD=grid_code",
                "DISTRICT_CODE=990101", f"OUTPUT={tmp_path / 'component_errors.gpkg'}")
    assert valid["PASSED"] is True and valid["PROBLEM_COUNT"] == 0

    # the cases: import into a GeoPackage store, heat per grid and kernel density, Gi* hot spots
    store, sample_cases = tmp_path / "cases.gpkg", REPO / "resources" / "sample" / "sample_cases.csv"
    imported = run("gridplugin:importcases", f"INPUT={sample_cases}", f"STORE={store}", f"GRIDS={grids}",
                   f"REJECTS={tmp_path / 'rejects.csv'}")
    # the sample's 3 rows whose closing time comes before the report are rejected, by row and case
    assert (imported["READ_COUNT"], imported["IMPORTED_COUNT"], imported["REJECTED_COUNT"]) == (5358, 5355, 3)
    assert "AJ2025001136: 结案时间 '2025-03-08 13:57:32' is before reported_at" in (tmp_path / "rejects.csv").read_text(
        encoding="utf-8-sig")
    again = run("gridplugin:importcases", f"INPUT={sample_cases}", f"STORE={store}",
                f"REJECTS={tmp_path / 'rejects.csv'}")
    assert again["UNCHANGED_COUNT"] == 5355
    heat = run("gridplugin:caseheatmap", f"STORE={store}", "START=2025-03-01", "END=2025-04-01",
               "LIVE_LAYER=false", f"GRID_COUNTS={tmp_path / 'heat.gpkg'}", f"DENSITY={tmp_path / 'density.tif'}")
    assert heat["CASE_COUNT"] > 0 and (tmp_path / "density.tif").exists()
    spots = run("gridplugin:casehotspots", f"STORE={store}", f"OUTPUT={tmp_path / 'hot.gpkg'}",
                f"REPORT_CSV={tmp_path / 'report.csv'}", f"REPORT_HTML={tmp_path / 'report.html'}")
    assert spots["HOT_COUNT"] > 0 and (tmp_path / "report.html").exists()

    # export for planners: a GBK Shapefile in the data's 3-degree zone, GCJ-02 GeoJSON, and the atlas
    (tmp_path / "export").mkdir()
    shapefile = run("gridplugin:exportgrids", f"INPUT={grids}", "FORMAT=1", "TARGET=1", "ENCODING=1",
                    f"OUTPUT={tmp_path / 'export' / 'grids.shp'}")
    assert shapefile["FEATURE_COUNT"] == divided["GRID_COUNT"]
    assert (tmp_path / "export" / "grids.cpg").read_text().strip() == "GBK"
    assert "community_code,comm_code" in Path(shapefile["FIELD_MAP"]).read_text(encoding="utf-8")
    web = run("gridplugin:exportgrids", f"INPUT={components}", "FORMAT=2", "TARGET=5",
              f"OUTPUT={tmp_path / 'export' / 'components_gcj02.geojson'}")
    assert web["FEATURE_COUNT"] == 433
    atlas = run("gridplugin:responsibilitymaps", f"GRIDS={grids}", f"COMMUNITIES={sample_gpkg}|layername=communities",
                f"ROADS={sample_gpkg}|layername=roads", "CODE_FIELD=community_code", "NAME_FIELD=community_name",
                f"OUTPUT={tmp_path / 'export' / 'maps.pdf'}")
    assert atlas["PAGE_COUNT"] == 27 and (tmp_path / "export" / "maps.pdf").read_bytes().startswith(b"%PDF")

    # addresses: the gazetteer into the store, then the sample case addresses geocoded against it
    gazetteer = run("gridplugin:importaddresses", f"INPUT={sample_gpkg}|layername=addresses",
                    "ADDRESS_FIELD=full_address", "CODE_FIELD=address_code", "KIND_FIELD=kind", "NAME_FIELD=name",
                    f"STORE={store}")
    assert gazetteer["IMPORTED_COUNT"] == gazetteer["READ_COUNT"] > 20_000
    geocoded = run("gridplugin:geocodeaddresses", f"INPUT={sample_cases}", f"STORE={store}",
                   f"OUTPUT={tmp_path / 'geocoded.gpkg'}", f"REPORT={tmp_path / 'geocode_report.csv'}")
    assert geocoded["MATCHED_COUNT"] >= 0.99 * 5358
    reverse = run("gridplugin:reversegeocode", f"INPUT={components}", f"STORE={store}",
                  f"OUTPUT={tmp_path / 'reverse.gpkg'}")
    assert reverse["WITH_ADDRESS_COUNT"] == reverse["IN_GRID_COUNT"] == 433
