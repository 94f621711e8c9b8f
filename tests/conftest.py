"""Shared paths and fixtures. QGIS fixtures come from pytest-qgis (disabled in `-p no:qgis` runs)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_GPKG = REPO / "resources" / "sample" / "sample_district.gpkg"
SHARED_DATA = REPO.parent / "shared" / "data"
EXPECTED = Path(__file__).resolve().parent / "data" / "expected"

os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
# QGIS's authentication database of the test session lives in a temporary folder, never a user profile
os.environ.setdefault("QGIS_AUTH_DB_DIR_PATH", tempfile.mkdtemp(prefix="grid-plugin-auth-"))


def read_postgis_env() -> dict[str, str]:
    """Connection of the test server made by .ci/postgis.sh (tests/postgis.env)."""
    env = {}
    for line in (Path(__file__).parent / "postgis.env").read_text().splitlines():
        if line.startswith("export "):
            key, value = line[len("export "):].split("=", 1)
            env[key] = value
    return env


@pytest.fixture(scope="session")
def sample_gpkg() -> Path:
    assert SAMPLE_GPKG.exists(), "resources/sample/sample_district.gpkg is missing: run make sample"
    return SAMPLE_GPKG


_exit_status: list[int] = []


def pytest_sessionfinish(session, exitstatus):
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave with pytest's own status once it has reported, skipping the process's static teardown.

    QGIS 3.22 and 3.40 crash there (SIGSEGV in GDALClose from ~QgsVectorLayer) when an OGR layer that a
    failed processing run opened is still owned by a QObject at exit, after GDAL has shut down: every test
    passed and reported, yet the run would end with status 139. Nothing is left to write at this point.
    """
    if _exit_status:
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])
