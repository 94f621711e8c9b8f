"""The zip that `make package` builds installs with QGIS's "Install from ZIP"."""

import configparser
import subprocess
import sys
import zipfile

from tests.conftest import REPO


def test_zip_holds_one_plugin_folder_with_metadata_translations_and_resources(tmp_path):
    out = subprocess.run([sys.executable, str(REPO / ".ci" / "package.py"), "--out", str(tmp_path / "dist"),
                          "--build", str(tmp_path / "build")], capture_output=True, text=True, check=True)
    zip_path = out.stdout.strip().splitlines()[-1]
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
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string(archive.read("grid_plugin/metadata.txt").decode("utf-8"))
        version = parser["general"]["version"]
        assert zip_path.endswith(f"grid_plugin-{version}.zip")
        icon = "grid_plugin/" + parser["general"]["icon"]
        assert icon in names
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.testzip() is None  # every member decompresses with a matching CRC
