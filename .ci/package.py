"""Build dist/grid_plugin-<version>.zip for QGIS's "Install from ZIP" and the QGIS plugin repository.

The zip holds one folder, grid_plugin/, with the package, metadata.txt, LICENSE and resources
(styles, icons, class tables, sample data and the compiled .qm translations; not the .ts sources).
The version comes from metadata.txt; the packaged metadata.txt gets its changelog= from CHANGELOG.md
(the repository's metadata.txt has none: CHANGELOG.md is the one history). The staged folder and the
written zip are checked against the plugin repository's rules (.ci/plugin_rules.py); a zip that breaks
one is not kept.
"""

from __future__ import annotations

import argparse
import configparser
import re
import shutil
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import plugin_rules as rules  # beside this script

REPO = Path(__file__).resolve().parent.parent
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
SKIP_SUFFIXES = {".pyc", ".ts"}
# developer tools and litter, not plugin code
SKIP_FILES = {"update_ts.py", "make_sample.py", "make_real_sample.py", "make_lifecycle.py", "make_emerging.py",
              "make_parcels.py", "demo.py", ".DS_Store"}
FILE_MODE = 0o100644  # every member a plain readable file: no executable bits in the zip


class PackageError(Exception):
    """The plugin cannot be packaged; the message lists every broken rule."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def version(repo: Path = REPO) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(repo / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def staged_metadata(metadata_text: str, changelog_md: str) -> str:
    """The packaged metadata.txt: the repository's, with changelog= generated from CHANGELOG.md."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(metadata_text)
    if parser.has_option("general", "changelog"):
        raise PackageError(["changelog: metadata.txt must not hold changelog=; it is generated from CHANGELOG.md"])
    changelog = rules.metadata_changelog(changelog_md)
    block = "changelog=\n" + "".join(f"    {line.replace('%', '%%')}\n" for line in changelog.splitlines())
    lines = metadata_text.rstrip("\n").split("\n")
    general = next(i for i, line in enumerate(lines) if line.strip() == "[general]")
    end = next((i for i in range(general + 1, len(lines)) if re.match(r"\s*\[", lines[i])), len(lines))
    while end > general + 1 and not lines[end - 1].strip():
        end -= 1  # keep the block inside [general], before blank lines and the next section
    return "\n".join([*lines[:end], block.rstrip("\n"), *lines[end:]]) + "\n"


def _copy_tree(src: Path, dst: Path) -> None:
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if any(part in SKIP_DIRS for part in rel.parts) or path.suffix in SKIP_SUFFIXES or path.name in SKIP_FILES:
            continue
        if path.is_file():
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dst / rel)


def stage(build: Path, repo: Path = REPO) -> Path:
    """Copy what the installed plugin needs into build/grid_plugin/."""
    target = build / rules.PACKAGE
    if target.exists():
        shutil.rmtree(target)
    _copy_tree(repo / "grid_plugin", target)
    _copy_tree(repo / "resources", target / "resources")
    changelog_md = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    metadata = staged_metadata((repo / "metadata.txt").read_text(encoding="utf-8"), changelog_md)
    (target / "metadata.txt").write_text(metadata, encoding="utf-8")
    missing = [p for p in ("resources/i18n/grid_plugin_zh_CN.qm", "resources/i18n/grid_plugin_en.qm")
               if not (target / p).exists()]
    if missing:
        raise PackageError([f"{', '.join(missing)} missing; run 'make translations' first"])
    return target


def write_zip(target: Path, out_dir: Path, changelog_md: str) -> Path:
    """Zip a staged plugin folder into out_dir/<folder>-<version>.zip, only if it keeps every rule."""
    problems = rules.check_folder(target, changelog_md)
    if problems:
        raise PackageError(problems)
    general, _ = rules.parse_metadata((target / "metadata.txt").read_text(encoding="utf-8"))
    out_dir.mkdir(parents=True, exist_ok=True)
    zip_path = out_dir / f"{target.name}-{general['version']}.zip"
    tmp = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(target.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo.from_file(path, f"{target.name}/{path.relative_to(target).as_posix()}")
                info.external_attr = FILE_MODE << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                with path.open("rb") as src, archive.open(info, "w") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
    problems = rules.check_zip(tmp, target.name, changelog_md)
    if problems:
        tmp.unlink()
        raise PackageError(problems)
    tmp.replace(zip_path)  # never leave a half-written or rule-breaking zip under the final name
    return zip_path


def build_zip(out_dir: Path, build: Path, repo: Path = REPO) -> Path:
    target = stage(build, repo)
    return write_zip(target, out_dir, (repo / "CHANGELOG.md").read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "dist"))
    parser.add_argument("--build", default=str(REPO / "build"))
    args = parser.parse_args()
    try:
        print(build_zip(Path(args.out), Path(args.build)))
    except PackageError as error:
        sys.exit("package: no zip written:\n  " + "\n  ".join(error.problems))


if __name__ == "__main__":
    main()
