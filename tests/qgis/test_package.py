"""The zip that `make package` builds installs with QGIS's "Install from ZIP" and keeps the QGIS plugin
repository's rules (.ci/plugin_rules.py); its changelog is the one of CHANGELOG.md."""

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.ci_modules import rules
from tests.conftest import REPO


@pytest.fixture(scope="module")
def zip_path(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("package")
    out = subprocess.run([sys.executable, str(REPO / ".ci" / "package.py"), "--out", str(tmp_path / "dist"),
                          "--build", str(tmp_path / "build")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def packaged_metadata(archive):
    parser = configparser.ConfigParser()  # with interpolation, as QGIS reads it
    parser.optionxform = str
    parser.read_string(archive.read("grid_plugin/metadata.txt").decode("utf-8"))
    return parser["general"]


def test_zip_holds_one_plugin_folder_with_metadata_translations_and_resources(zip_path):
    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
        assert {n.split("/")[0] for n in names} == {"grid_plugin"}
        for required in ("grid_plugin/__init__.py", "grid_plugin/metadata.txt", "grid_plugin/LICENSE",
                         "grid_plugin/plugin.py", "grid_plugin/processing/provider.py",
                         "grid_plugin/resources/i18n/grid_plugin_zh_CN.qm",
                         "grid_plugin/resources/i18n/grid_plugin_en.qm",
                         "grid_plugin/resources/styles/unit_grids.qml",
                         "grid_plugin/resources/icons/grid_plugin.svg",
                         "grid_plugin/resources/sample/sample_district.gpkg"):
            assert required in names, required
        assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts"))]
        # the sample's generators and the demo are developer tools beside the data, not plugin code
        assert not [n for n in names if n.startswith("grid_plugin/resources/sample/") and n.endswith(".py")]
        general = packaged_metadata(archive)
        version = general["version"]
        assert zip_path.endswith(f"grid_plugin-{version}.zip")
        icon = "grid_plugin/" + general["icon"]
        assert icon in names
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.testzip() is None  # every member decompresses with a matching CRC


def test_zip_keeps_the_plugin_repository_rules(zip_path):
    changelog_md = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert rules.check_zip(zip_path, changelog_md=changelog_md) == []
    # the main rules once more, spelled out on the zip itself
    assert Path(zip_path).stat().st_size <= 25_000_000
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert "grid_plugin/LICENSE" in names and archive.read("grid_plugin/LICENSE").strip()
        junk = (".pytest_cache", ".mypy_cache", ".ruff_cache", ".DS_Store", ".git", "__MACOSX", "__pycache__")
        assert not [n for n in names if any(part in junk or part.startswith(".") for part in n.split("/"))]
        assert not [n for n in names if n.endswith((".pyc", ".pyo", ".so", ".dll", ".exe", ".dylib", ".pyd"))]
        assert not [i.filename for i in archive.infolist() if (i.external_attr >> 16) & 0o111]
        general = packaged_metadata(archive)
        for key in ("name", "description", "about", "version", "qgisMinimumVersion", "qgisMaximumVersion",
                    "author", "email", "tracker", "repository", "changelog"):
            assert general.get(key, "").strip(), key
        for key in ("name", "description", "about"):
            assert general[key][:1].isascii() and general[key][:1].isalpha(), f"{key} starts in English"
        assert general["qgisMaximumVersion"] == "4.99" and general["supportsQt6"] == "True"


def test_zip_changelog_is_the_one_of_changelog_md(zip_path):
    changelog_md = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    with zipfile.ZipFile(zip_path) as archive:
        changelog = packaged_metadata(archive)["changelog"].strip()
    assert changelog == rules.metadata_changelog(changelog_md)
    # independently of the generator: every released heading and every entry's words are there, in order
    releases = [line for line in changelog_md.splitlines() if line.startswith("## ") and "Unreleased" not in line]
    assert releases, "CHANGELOG.md has no release"
    position = 0
    for heading in releases:
        version, date = heading[3:].replace("[", "").replace("]", "").split(" - ")
        position = changelog.index(f"{version} ({date})", position)
    released = changelog_md[changelog_md.index(releases[0]):]  # "Unreleased" entries stay out of the zip
    for line in released.splitlines():
        if line.startswith("- "):
            first_words = line[2:].replace("`", "").split()[:4]
            assert " ".join(first_words) in changelog, line
    assert "Unreleased" not in changelog
