"""metadata.txt is complete for the QGIS plugin repository; its changelog comes from CHANGELOG.md."""

import configparser
import re
from pathlib import Path

from tests.ci_modules import rules

REPO = Path(__file__).resolve().parents[2]
REQUIRED = ("name", "qgisMinimumVersion", "qgisMaximumVersion", "description", "about", "version", "author",
            "email", "repository", "tracker", "homepage", "tags", "icon", "experimental", "supportsQt6",
            "hasProcessingProvider")


def metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep qgisMinimumVersion's case
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_required_keys_present_and_non_empty():
    general = metadata()
    missing = [k for k in REQUIRED if not general.get(k, "").strip()]
    assert not missing, f"metadata.txt lacks {missing}"


def test_values_are_what_qgis_expects():
    general = metadata()
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"  # QGIS 4 (Qt6) included
    assert general["supportsQt6"] == "True"  # the Qt6 builds of QGIS 3 load only plugins that say so
    assert general["hasProcessingProvider"] == "yes"
    assert re.fullmatch(r"\d+\.\d+\.\d+", general["version"])
    assert general["experimental"] in ("True", "False")
    for key in ("homepage", "tracker", "repository"):
        assert general[key].startswith("https://")
    assert (REPO / "resources" / general["icon"].removeprefix("resources/")).exists()


def test_the_changelog_comes_from_changelog_md_and_names_this_version():
    general = metadata()
    assert "changelog" not in general, "CHANGELOG.md is the history; make package writes changelog= from it"
    changelog_md = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert rules.check_changelog(changelog_md, general["version"]) == []
    changelog = rules.metadata_changelog(changelog_md)  # what the packaged metadata.txt holds
    assert general["version"] in changelog
    assert changelog.splitlines()[0].startswith(f"{general['version']} (")  # the newest entry is this version


def test_metadata_keeps_the_plugin_repository_rules():
    general, problems = rules.parse_metadata((REPO / "metadata.txt").read_text(encoding="utf-8"))
    assert problems == []
    assert rules.check_metadata(general) == []
