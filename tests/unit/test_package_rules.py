"""The plugin repository's rules of .ci/plugin_rules.py catch what they should, and the build obeys them.

Each rule is fed a deliberately broken staging folder, zip, metadata.txt or CHANGELOG.md and must name
the problem; `write_zip` must then refuse to leave a zip behind. No QGIS needed.
"""

from __future__ import annotations

import configparser
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from tests.ci_modules import package, rules

REPO = Path(__file__).resolve().parents[2]

CHANGELOG = """# Changelog

Intro text.

## [Unreleased]

### Added

- Something not released yet.

## [1.2.0] - 2026-12-07

### Added

- A feature with `code` and a [link](https://example.org/x), 100% done,
  wrapped over two lines.

### Fixed

- A fix.

## 1.1.0 - 2026-11-01

### Changed

- A change.
"""

METADATA = """[general]
name=Grid City Management 网格化城市管理
qgisMinimumVersion=3.22
qgisMaximumVersion=4.99
supportsQt6=True
description=Unit-grid division and coding for grid-based city management (网格化城市管理).
about=Divides communities into unit grids of about 10,000 m² (万米单元网格) with 15-digit codes. 单元网格与编码。
version=1.2.0
author=Grid City Management contributors
email=grid-plugin@users.noreply.github.com
homepage=https://github.com/grid-city-management/grid_plugin
tracker=https://github.com/grid-city-management/grid_plugin/issues
repository=https://github.com/grid-city-management/grid_plugin
icon=resources/icons/grid_plugin.svg
experimental=True
deprecated=False
hasProcessingProvider=yes
server=False
"""


def set_key(text: str, key: str, value: str | None) -> str:
    """metadata.txt text with key set to value (None removes the key)."""
    lines = [line for line in text.splitlines() if not line.startswith(f"{key}=")]
    if value is not None:
        lines.insert(1, f"{key}={value}")
    return "\n".join(lines) + "\n"


def make_folder(root: Path, metadata: str = METADATA, changelog: str = CHANGELOG) -> Path:
    """A small staged plugin folder that keeps every rule."""
    target = root / "grid_plugin"
    (target / "resources" / "icons").mkdir(parents=True)
    (target / "__init__.py").write_text("def classFactory(iface):\n    pass\n")
    (target / "LICENSE").write_text("GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n")
    (target / "resources" / "icons" / "grid_plugin.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (target / "metadata.txt").write_text(package.staged_metadata(metadata, changelog), encoding="utf-8")
    return target


def rule_ids(problems: list[str]) -> set[str]:
    return {problem.split(":")[0] for problem in problems}


# ---------------------------------------------------------------- the sound plugin passes


def test_a_sound_folder_and_its_zip_keep_every_rule(tmp_path):
    target = make_folder(tmp_path / "build")
    assert rules.check_folder(target, CHANGELOG) == []
    zip_path = package.write_zip(target, tmp_path / "dist", CHANGELOG)
    assert zip_path.name == "grid_plugin-1.2.0.zip"
    assert rules.check_zip(zip_path, changelog_md=CHANGELOG) == []
    with zipfile.ZipFile(zip_path) as archive:
        assert all(not (info.external_attr >> 16) & 0o111 for info in archive.infolist())


# ---------------------------------------------------------------- broken folders: the build refuses


def _add(path: Path, data: bytes = b"x") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


ELF = b"\x7fELF\x02\x01\x01" + bytes(64)
PE = b"MZ" + bytes(0x3A) + (0x40).to_bytes(4, "little") + b"PE\0\0" + bytes(64)

BROKEN_FOLDERS = {
    "no LICENSE": (lambda t: (t / "LICENSE").unlink(), "license"),
    "empty LICENSE": (lambda t: (t / "LICENSE").write_text("  \n"), "license"),
    "__pycache__": (lambda t: _add(t / "core" / "__pycache__" / "grid.cpython-311.pyc"), "junk"),
    "stray .pyc": (lambda t: _add(t / "plugin.pyc"), "junk"),
    ".pytest_cache": (lambda t: _add(t / ".pytest_cache" / "v" / "cache" / "nodeids"), "junk"),
    ".mypy_cache": (lambda t: _add(t / "core" / ".mypy_cache" / "3.11" / "x.json"), "junk"),
    ".DS_Store": (lambda t: _add(t / "resources" / ".DS_Store"), "junk"),
    ".git": (lambda t: _add(t / ".git" / "HEAD", b"ref: refs/heads/main\n"), "junk"),
    "__MACOSX": (lambda t: _add(t / "__MACOSX" / "._plugin.py"), "junk"),
    "native library by name": (lambda t: _add(t / "lib" / "fast.so", b"not really"), "binary"),
    "windows program by name": (lambda t: _add(t / "tools" / "setup.exe"), "binary"),
    "ELF without suffix": (lambda t: _add(t / "resources" / "helper", ELF), "binary"),
    "PE disguised as data": (lambda t: _add(t / "resources" / "table.csv", PE), "binary"),
    "no __init__.py": (lambda t: (t / "__init__.py").unlink(), "layout"),
    "icon not in the plugin": (lambda t: (t / "resources" / "icons" / "grid_plugin.svg").unlink(), "icon"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_FOLDERS))
def test_the_build_refuses_a_broken_folder_and_writes_no_zip(tmp_path, case):
    breaker, rule = BROKEN_FOLDERS[case]
    target = make_folder(tmp_path / "build")
    breaker(target)
    assert rule in rule_ids(rules.check_folder(target, CHANGELOG))
    out = tmp_path / "dist"
    with pytest.raises(package.PackageError) as refused:
        package.write_zip(target, out, CHANGELOG)
    assert rule in rule_ids(refused.value.problems), refused.value.problems
    assert not out.exists() or list(out.iterdir()) == []  # neither the zip nor a .part


BROKEN_METADATA = {
    "tracker missing": (lambda m: set_key(m, "tracker", None), "metadata-required"),
    "email empty": (lambda m: set_key(m, "email", ""), "metadata-required"),
    "qgisMaximumVersion missing": (lambda m: set_key(m, "qgisMaximumVersion", None), "metadata-required"),
    "about missing": (lambda m: set_key(m, "about", None), "metadata-required"),
    "two-part version": (lambda m: set_key(m, "version", "1.2"), "version"),
    "v-prefixed version": (lambda m: set_key(m, "version", "v1.2.0"), "version"),
    "maximum below minimum": (lambda m: set_key(m, "qgisMaximumVersion", "3.10"), "qgis-versions"),
    "word as QGIS version": (lambda m: set_key(m, "qgisMinimumVersion", "latest"), "qgis-versions"),
    "Chinese-first name": (lambda m: set_key(m, "name", "网格化城市管理 Grid City Management"), "english-first"),
    "Chinese-only description": (lambda m: set_key(m, "description", "单元网格划分与编码，部件编码，案件热力分析。"),
                                 "english-first"),
    "English after the Chinese in about": (
        lambda m: set_key(m, "about", "Divides communities into unit grids of about 10,000 m². 单元网格与编码。 "
                                      "Everything runs as Processing algorithms."), "english-first"),
    "name too long": (lambda m: set_key(m, "name", "Grid " * 60), "name"),
    "name repeats plugin": (lambda m: set_key(m, "name", "Grid City Management Plugin"), "name"),
    "two-line description": (lambda m: set_key(m, "description", "Unit-grid division and coding for cities.\n"
                                               "    And a second line of description."), "description"),
    "bare percent": (lambda m: set_key(m, "about", "Covers 100% of a district's area with unit grids of 1 ha."),
                     "metadata-parse"),
    "no [general]": (lambda m: m.replace("[general]", "[plugin]"), "metadata-parse"),
    "key twice": (lambda m: m + "version=1.2.0\n", "metadata-parse"),
    "boolean as word": (lambda m: set_key(m, "experimental", "maybe"), "boolean"),
    "supportsQt6 as number": (lambda m: set_key(m, "supportsQt6", "6"), "boolean"),
    "author with slash": (lambda m: set_key(m, "author", "Grid/City"), "author"),
    "email without domain": (lambda m: set_key(m, "email", "grid-plugin@"), "email"),
    "template tracker": (lambda m: set_key(m, "tracker", "http://bugs"), "url"),
    "repository not a URL": (lambda m: set_key(m, "repository", "github grid_plugin"), "url"),
    "icon missing": (lambda m: set_key(m, "icon", None), "icon"),
    "icon not an image": (lambda m: set_key(m, "icon", "resources/icons/grid_plugin.txt"), "icon"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_METADATA))
def test_the_build_refuses_broken_metadata(tmp_path, case):
    breaker, rule = BROKEN_METADATA[case]
    target = make_folder(tmp_path / "build")
    metadata = target / "metadata.txt"
    metadata.write_text(breaker(metadata.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(package.PackageError) as refused:
        package.write_zip(target, tmp_path / "dist", CHANGELOG)
    assert rule in rule_ids(refused.value.problems), refused.value.problems
    assert not (tmp_path / "dist").exists() or list((tmp_path / "dist").iterdir()) == []


def test_metadata_that_is_not_utf8_is_refused(tmp_path):
    target = make_folder(tmp_path / "build")
    (target / "metadata.txt").write_bytes((target / "metadata.txt").read_text(encoding="utf-8").encode("gb18030"))
    assert "metadata-parse" in rule_ids(rules.check_folder(target, CHANGELOG))


# ---------------------------------------------------------------- changelog: one source, checked


def test_the_packaged_changelog_is_generated_from_changelog_md():
    general, problems = rules.parse_metadata(package.staged_metadata(METADATA, CHANGELOG))
    assert problems == []
    assert general["changelog"].strip().splitlines() == [
        "1.2.0 (2026-12-07)",
        "Added:",
        "- A feature with code and a link (https://example.org/x), 100% done, wrapped over two lines.",
        "Fixed:",
        "- A fix.",
        "1.1.0 (2026-11-01)",
        "Changed:",
        "- A change.",
    ]  # Unreleased stays out; the % survives QGIS's interpolating reader
    assert general["version"] == "1.2.0"  # the keys around the inserted block are untouched


def test_the_repository_metadata_must_not_hold_its_own_changelog():
    with pytest.raises(package.PackageError, match="changelog"):
        package.staged_metadata(METADATA + "changelog=\n    1.2.0 something else\n", CHANGELOG)


def test_a_changelog_that_differs_from_changelog_md_is_refused(tmp_path):
    target = make_folder(tmp_path / "build")
    edited = CHANGELOG.replace("- A fix.", "- A fix, described differently.")
    assert "changelog" in rule_ids(rules.check_folder(target, edited))
    with pytest.raises(package.PackageError, match="not the one generated from CHANGELOG.md"):
        package.write_zip(target, tmp_path / "dist", edited)


def test_a_missing_packaged_changelog_is_refused(tmp_path):
    target = make_folder(tmp_path / "build")
    (target / "metadata.txt").write_text(METADATA, encoding="utf-8")
    assert "changelog" in rule_ids(rules.check_folder(target, CHANGELOG))
    assert "changelog" in rule_ids(rules.check_folder(target))


BROKEN_CHANGELOGS = {
    "newest release is not version=": CHANGELOG.replace("[1.2.0]", "[1.3.0]"),
    "releases out of order": CHANGELOG.replace("## [1.2.0] - 2026-12-07", "## [1.0.0] - 2026-12-07"),
    "release without a date": CHANGELOG.replace("[1.2.0] - 2026-12-07", "[1.2.0]"),
    "impossible date": CHANGELOG.replace("2026-12-07", "2026-13-07"),
    "date without dashes": CHANGELOG.replace("2026-12-07", "20261207"),
    "dates going up": CHANGELOG.replace("2026-11-01", "2026-12-24"),
    "release without entries": CHANGELOG.replace("### Changed\n\n- A change.\n", ""),
    "unknown section": CHANGELOG.replace("### Fixed", "### Improved"),
    "entry outside a section": CHANGELOG.replace("## 1.1.0 - 2026-11-01\n\n### Changed\n",
                                                 "## 1.1.0 - 2026-11-01\n\n"),
    "malformed heading": CHANGELOG.replace("## 1.1.0 - 2026-11-01", "## Version 1.1.0 (November)"),
    "Unreleased below a release": CHANGELOG.replace("## [Unreleased]\n\n### Added\n\n- Something not released yet.\n",
                                                    "") + "\n## Unreleased\n",
    "no release at all": "# Changelog\n\n## Unreleased\n\n### Added\n\n- Soon.\n",
}


@pytest.mark.parametrize("case", sorted(BROKEN_CHANGELOGS))
def test_a_broken_changelog_md_is_refused(case):
    problems = rules.check_changelog(BROKEN_CHANGELOGS[case], "1.2.0")
    assert problems and rule_ids(problems) == {"changelog"}, problems


# ---------------------------------------------------------------- broken zips


def _zip(path: Path, members: dict[str, bytes], modes: dict[str, int] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFREG | (modes or {}).get(name, 0o644)) << 16
            archive.writestr(info, data)
    return path


def _sound_members(tmp_path: Path) -> dict[str, bytes]:
    target = make_folder(tmp_path / "sound")
    return {f"grid_plugin/{p.relative_to(target).as_posix()}": p.read_bytes()
            for p in sorted(target.rglob("*")) if p.is_file()}


def test_a_sound_hand_made_zip_passes(tmp_path):
    assert rules.check_zip(_zip(tmp_path / "ok.zip", _sound_members(tmp_path)), changelog_md=CHANGELOG) == []


def test_a_zip_with_two_top_level_folders_is_refused(tmp_path):
    members = _sound_members(tmp_path) | {"tests/test_plugin.py": b"def test(): pass\n"}
    assert "layout" in rule_ids(rules.check_zip(_zip(tmp_path / "two.zip", members)))


def test_a_zip_whose_folder_is_not_the_package_is_refused(tmp_path):
    members = {name.replace("grid_plugin/", "grid-plugin-main/", 1): data
               for name, data in _sound_members(tmp_path).items()}
    assert "layout" in rule_ids(rules.check_zip(_zip(tmp_path / "renamed.zip", members)))


@pytest.mark.parametrize("name", ["grid_plugin/../evil.py", "/grid_plugin/evil.py", "grid_plugin\\evil.py",
                                  "loose_file.py"])
def test_a_zip_with_unsafe_or_loose_paths_is_refused(tmp_path, name):
    members = _sound_members(tmp_path) | {name: b"print('x')\n"}
    assert "layout" in rule_ids(rules.check_zip(_zip(tmp_path / "unsafe.zip", members)))


def test_an_executable_member_is_refused(tmp_path):
    members = _sound_members(tmp_path)
    zip_path = _zip(tmp_path / "exec.zip", members, {"grid_plugin/__init__.py": 0o755})
    problems = rules.check_zip(zip_path)
    assert "permissions" in rule_ids(problems), problems


def test_a_zip_over_the_size_limit_is_refused(tmp_path):
    zip_path = _zip(tmp_path / "ok.zip", _sound_members(tmp_path))
    assert rules.MAX_ZIP_BYTES == 25_000_000
    assert rules.check_zip(zip_path, max_bytes=zip_path.stat().st_size) == []
    assert "size" in rule_ids(rules.check_zip(zip_path, max_bytes=zip_path.stat().st_size - 1))


def test_a_corrupt_zip_is_refused(tmp_path):
    members = _sound_members(tmp_path)
    members["grid_plugin/LICENSE"] = b"GNU GENERAL PUBLIC LICENSE " * 200
    zip_path = _zip(tmp_path / "corrupt.zip", members)
    data = bytearray(zip_path.read_bytes())
    with zipfile.ZipFile(zip_path) as archive:
        info = archive.getinfo("grid_plugin/LICENSE")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    zip_path.write_bytes(bytes(data))
    assert "crc" in rule_ids(rules.check_zip(zip_path))


def test_staging_leaves_caches_and_litter_of_a_checkout_out(tmp_path):
    """A checkout always has caches: staging drops them, so only litter it does not know reaches the rules."""
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "grid_plugin", repo / "grid_plugin",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("__pycache__/plugin.cpython-311.pyc", ".mypy_cache/x.json", ".DS_Store"):
        _add(repo / "grid_plugin" / name)
    (repo / "resources" / "icons").mkdir(parents=True)
    shutil.copy2(REPO / "resources" / "icons" / "grid_plugin.svg", repo / "resources" / "icons")
    (repo / "resources" / "i18n").mkdir()
    for qm in ("grid_plugin_zh_CN.qm", "grid_plugin_en.qm"):
        _add(repo / "resources" / "i18n" / qm, b"\x3c\xb8\x64\x18")
    (repo / "metadata.txt").write_text(METADATA, encoding="utf-8")
    (repo / "CHANGELOG.md").write_text(CHANGELOG, encoding="utf-8")
    zip_path = package.build_zip(tmp_path / "dist", tmp_path / "build", repo)
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
    assert not [n for n in names if "__pycache__" in n or ".mypy_cache" in n or n.endswith((".pyc", ".DS_Store"))]
    parser = configparser.ConfigParser()
    with zipfile.ZipFile(zip_path) as archive:
        parser.read_string(archive.read("grid_plugin/metadata.txt").decode("utf-8"))
    assert parser["general"]["changelog"].strip() == rules.metadata_changelog(CHANGELOG)
