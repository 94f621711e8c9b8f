"""metadata.txt is complete for the QGIS plugin repository."""

import configparser
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REQUIRED = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
            "repository", "tracker", "homepage", "tags", "icon", "experimental", "changelog",
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
    assert general["hasProcessingProvider"] == "yes"
    assert re.fullmatch(r"\d+\.\d+\.\d+", general["version"])
    assert general["experimental"] in ("True", "False")
    for key in ("homepage", "tracker", "repository"):
        assert general[key].startswith("https://")
    assert (REPO / "resources" / general["icon"].removeprefix("resources/")).exists()
    assert general["version"] in general["changelog"]
