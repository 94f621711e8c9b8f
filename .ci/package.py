"""Build dist/grid_plugin-<version>.zip for QGIS's "Install from ZIP".

The zip holds one folder, grid_plugin/, with the package, metadata.txt, LICENSE and resources
(styles, icons, class tables, sample data and the compiled .qm translations; not the .ts sources).
The version comes from metadata.txt.
"""

from __future__ import annotations

import argparse
import configparser
import shutil
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".mypy_cache"}
SKIP_SUFFIXES = {".pyc", ".ts"}
SKIP_FILES = {"update_ts.py", "make_sample.py"}  # developer tools, not plugin code


def version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def _copy_tree(src: Path, dst: Path) -> None:
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if any(part in SKIP_DIRS for part in rel.parts) or path.suffix in SKIP_SUFFIXES or path.name in SKIP_FILES:
            continue
        if path.is_file():
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dst / rel)


def stage(build: Path) -> Path:
    """Copy what the installed plugin needs into build/grid_plugin/."""
    target = build / "grid_plugin"
    if target.exists():
        shutil.rmtree(target)
    _copy_tree(REPO / "grid_plugin", target)
    _copy_tree(REPO / "resources", target / "resources")
    shutil.copy2(REPO / "metadata.txt", target / "metadata.txt")
    missing = [p for p in ("resources/i18n/grid_plugin_zh_CN.qm", "resources/i18n/grid_plugin_en.qm")
               if not (target / p).exists()]
    if missing:
        sys.exit(f"package: {', '.join(missing)} missing; run 'make translations' first")
    return target


def build_zip(out_dir: Path, build: Path) -> Path:
    target = stage(build)
    out_dir.mkdir(parents=True, exist_ok=True)
    zip_path = out_dir / f"grid_plugin-{version()}.zip"
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(target.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(build).as_posix())
    tmp.replace(zip_path)  # never leave a half-written zip under the final name
    return zip_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "dist"))
    parser.add_argument("--build", default=str(REPO / "build"))
    args = parser.parse_args()
    print(build_zip(Path(args.out), Path(args.build)))


if __name__ == "__main__":
    main()
