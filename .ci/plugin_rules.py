"""The QGIS plugin repository's rules, checked on the staged plugin folder and on the built zip.

Pure functions (standard library only): `.ci/package.py` runs them before and after writing the zip
and refuses to keep a zip that breaks one; tests/unit/test_package_rules.py feeds them broken folders,
zips and metadata; tests/qgis/test_package.py runs them on the zip that `make package` builds.

Every problem is a string "rule: detail". The rules and where they come from:

- size           the zip is at most 25,000,000 bytes (plugins.qgis.org validator, PLUGIN_MAX_UPLOAD_SIZE;
                 "should not exceed 25MB" in the repository's publishing requirements).
- crc            every member decompresses with a matching CRC (validator: zip.testzip()).
- layout         one top-level folder, named as the package (grid_plugin); the name starts with a letter,
                 holds letters, digits, '_' or '-' and is a Python identifier; no absolute paths, '..' or
                 backslashes; __init__.py and metadata.txt in that folder (validator).
- license        <package>/LICENSE is present and not empty (validator, mandatory since June 2024 after
                 QGIS-Enhancement-Proposals#279).
- junk           no __pycache__, .pyc/.pyo, __MACOSX, .git, tool caches (.pytest_cache, .mypy_cache,
                 .ruff_cache), .DS_Store/Thumbs.db or other hidden file or folder (validator refuses
                 .pyc, __MACOSX, .git, __pycache__; the repository's security scan flags hidden files;
                 its publishing tips: "No __MACOSX, .git, __pycache__ or other hidden directories").
- binary         no executables or native libraries, by name (.exe .dll .so .dylib .pyd .bat .cmd .ps1 .sh
                 .msi) or by content (ELF, PE, Mach-O headers) ("Don't include binaries" in the
                 publishing requirements; the security scan's suspicious-file list). Data files (the
                 sample GeoPackage, compiled .qm translations, icons) are not programs and are allowed.
- permissions    no member of the zip carries an executable bit (security scan: FILE_EXECUTABLE).
- metadata-parse metadata.txt is UTF-8, has [general] and every value reads with configparser's default
                 interpolation, as QGIS (qgis.utils.findPlugins) and the validator read it: a bare '%'
                 breaks both.
- metadata-required  name, description, about, version, qgisMinimumVersion, qgisMaximumVersion, author,
                 email, tracker, repository are present and not empty (validator's required list, plus
                 qgisMaximumVersion: without it QGIS and the repository assume <minimum major>.99, which
                 hides the plugin from QGIS 4).
- name           at most 256 characters (repository's Plugin.name), one line, without the word "plugin"
                 (PyQGIS cookbook, "Releasing your plugin": avoid repeating "plugin" in the name).
- description    one line (cookbook: "the description field in metadata for a 1 line description").
- english-first  name, description and about start in English (a Chinese part may follow): the text before
                 the first Chinese character outside parentheses has English words (at least 1 for the name,
                 5 for description and about) and the Chinese part holds no English prose (no run of four
                 English words) ("All plugins should include a short English description"; the upload
                 checklist's "meaningful description written in English").
- version        x.y.z digits only, at most 32 characters (repository's PluginVersion.version field and
                 its "only digits and dots" check; this project's numbering).
- qgis-versions  qgisMinimumVersion and qgisMaximumVersion are x.y or x.y.z, at most 32 characters, and
                 minimum <= maximum (repository's QGVersionZeroForcedField; QGIS's isCompatible()).
- author         no '/' (validator) and at most 256 characters (Plugin.author).
- email          looks like an address (Plugin.email is an EmailField).
- url            tracker, repository and homepage are http(s) URLs with a host and not the template
                 placeholders http://bugs, http://repo, http://homepage (validator's _check_url_link; its
                 online reachability check is left to the upload).
- boolean        experimental, deprecated, server, supportsQt6 are True or False; hasProcessingProvider is
                 yes/no/True/False (validator's PLUGIN_BOOLEAN_METADATA; QGIS reads the flags as text).
- icon           icon= names an image (.png .svg .jpg .jpeg .gif) that exists inside the plugin folder
                 (the repository and the plugin manager read it from the zip).
- changelog      the packaged changelog= is the one generated from CHANGELOG.md (one source of truth), and
                 CHANGELOG.md is well formed: Keep a Changelog headings, newest release first, the newest
                 release equal to version=, dated, with at least one entry (qgis-plugin-ci fills changelog=
                 from CHANGELOG.md the same way; the repository shows changelog= per version).
"""

from __future__ import annotations

import configparser
import datetime
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable

PACKAGE = "grid_plugin"
MAX_ZIP_BYTES = 25_000_000  # plugins.qgis.org: PLUGIN_MAX_UPLOAD_SIZE
MAX_NAME = 256
MAX_AUTHOR = 256
MAX_VERSION = 32
REQUIRED_METADATA = ("name", "description", "about", "version", "qgisMinimumVersion", "qgisMaximumVersion",
                     "author", "email", "tracker", "repository")
BOOLEAN_METADATA = ("experimental", "deprecated", "server", "supportsQt6")
URL_PLACEHOLDERS = {"tracker": "http://bugs", "repository": "http://repo", "homepage": "http://homepage"}
ICON_SUFFIXES = {".png", ".svg", ".jpg", ".jpeg", ".gif"}
JUNK_PARTS = {"__pycache__", "__MACOSX", ".git", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox",
              ".venv", ".idea", ".vscode", ".DS_Store", "Thumbs.db", "desktop.ini"}
JUNK_SUFFIXES = {".pyc", ".pyo"}
BINARY_SUFFIXES = {".exe", ".dll", ".so", ".dylib", ".pyd", ".bat", ".cmd", ".ps1", ".sh", ".msi"}
MACH_O = (b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
HEAD_BYTES = 4096  # enough for the PE signature, whose offset sits in the MZ header
CHANGELOG_KINDS = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")


# ---------------------------------------------------------------- members of a folder or a zip


@dataclass(frozen=True)
class Member:
    """One file of the plugin: its path in the zip (grid_plugin/...), permission bits, a reader of its head."""

    path: str
    mode: int
    head: Callable[[], bytes]
    read: Callable[[], bytes]


def members_of_folder(target: Path) -> list[Member]:
    """The files under a staged plugin folder, named as they will be in the zip (<folder name>/...)."""
    members = []
    for path in sorted(target.rglob("*")):
        if path.is_file():
            name = f"{target.name}/{path.relative_to(target).as_posix()}"
            members.append(Member(name, stat.S_IMODE(path.stat().st_mode),
                                  partial(_head_of_file, path), path.read_bytes))
    return members


def _head_of_file(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(HEAD_BYTES)


def members_of_zip(archive: zipfile.ZipFile) -> list[Member]:
    members = []
    for info in archive.infolist():
        if info.is_dir():
            continue
        members.append(Member(info.filename, stat.S_IMODE(info.external_attr >> 16),
                              partial(_head_of_member, archive, info), partial(archive.read, info)))
    return members


def _head_of_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as handle:
        return handle.read(HEAD_BYTES)


# ---------------------------------------------------------------- files


def check_layout(names: Iterable[str], package: str = PACKAGE) -> list[str]:
    names = list(names)
    problems = []
    for name in names:
        if name.startswith("/") or "\\" in name or ".." in name.split("/") or re.match(r"^[A-Za-z]:", name):
            problems.append(f"layout: unsafe path {name!r}")
    tops = sorted({name.split("/")[0] for name in names if "/" in name})
    loose = sorted(name for name in names if "/" not in name)
    if loose:
        problems.append(f"layout: files outside the plugin folder: {', '.join(loose)}")
    if tops != [package]:
        problems.append(f"layout: the zip must hold exactly one folder, {package}/; it holds {tops}")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]+", package) or not package.isidentifier():
        problems.append(f"layout: folder name {package!r} must be a Python identifier starting with a letter")
    for required in ("__init__.py", "metadata.txt"):
        if f"{package}/{required}" not in names:
            problems.append(f"layout: {package}/{required} missing")
    return problems


def check_files(members: Iterable[Member], package: str = PACKAGE, zipped: bool = False) -> list[str]:
    """License, junk and binaries; with zipped=True also executable bits (the zip writer normalises them)."""
    members = list(members)
    problems = []
    by_path = {m.path: m for m in members}
    license_file = by_path.get(f"{package}/LICENSE")
    if license_file is None:
        problems.append(f"license: {package}/LICENSE missing (plugins.qgis.org requires it)")
    elif not license_file.head().strip():
        problems.append(f"license: {package}/LICENSE is empty")
    for member in members:
        parts = member.path.split("/")
        suffix = Path(member.path).suffix.lower()
        junk = [p for p in parts if p in JUNK_PARTS or (p.startswith(".") and p not in (".", ".."))]
        if junk or suffix in JUNK_SUFFIXES:
            problems.append(f"junk: {member.path}")
            continue
        if suffix in BINARY_SUFFIXES:
            problems.append(f"binary: {member.path} (executable or native library by its name)")
        else:
            kind = binary_kind(member.head())
            if kind:
                problems.append(f"binary: {member.path} ({kind} executable or library by its content)")
        if zipped and member.mode & 0o111:
            problems.append(f"permissions: {member.path} is executable (mode {member.mode:o})")
    return problems


def binary_kind(head: bytes) -> str | None:
    """'ELF', 'PE' or 'Mach-O' when the bytes start a native executable or library, else None."""
    if head.startswith(b"\x7fELF"):
        return "ELF"
    if head.startswith(MACH_O):
        return "Mach-O"
    if head.startswith(b"MZ") and len(head) >= 0x40:
        offset = int.from_bytes(head[0x3C:0x40], "little")
        if head[offset:offset + 4] == b"PE\0\0":
            return "PE"
    return None


# ---------------------------------------------------------------- metadata.txt


def parse_metadata(text: str) -> tuple[dict[str, str] | None, list[str]]:
    """[general] of metadata.txt read as QGIS and plugins.qgis.org read it (default interpolation)."""
    parser = configparser.ConfigParser()  # BasicInterpolation, like qgis.utils.findPlugins and the validator
    parser.optionxform = str  # the validator keeps the case: qgisMinimumVersion, not qgisminimumversion
    try:
        parser.read_string(text)
    except configparser.Error as error:
        return None, [f"metadata-parse: {error}"]
    if not parser.has_section("general"):
        return None, ["metadata-parse: no [general] section"]
    general = {}
    for key in parser.options("general"):
        try:
            general[key] = parser.get("general", key)
        except configparser.Error as error:
            return None, [f"metadata-parse: {key}: {error}".splitlines()[0]]
    return general, []


def check_metadata(general: Mapping[str, str]) -> list[str]:
    problems = []
    missing = [key for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    if missing:
        problems.append(f"metadata-required: {', '.join(missing)} missing or empty")
    name = general.get("name", "").strip()
    if len(name) > MAX_NAME:
        problems.append(f"name: {len(name)} characters, at most {MAX_NAME}")
    if "\n" in name:
        problems.append("name: must be one line")
    if re.search(r"plugin", name, re.IGNORECASE):
        problems.append(f"name: {name!r} repeats the word 'plugin'")
    if "\n" in general.get("description", "").strip():
        problems.append("description: must be one line (the about field holds the details)")
    for key, min_words in (("name", 1), ("description", 5), ("about", 5)):
        if general.get(key, "").strip():
            problems += [f"english-first: {key}: {p}" for p in english_first(general[key], min_words)]
    version = general.get("version", "").strip()
    if version and (not re.fullmatch(r"\d+\.\d+\.\d+", version) or len(version) > MAX_VERSION):
        problems.append(f"version: {version!r} must be digits and dots, x.y.z")
    problems += _check_qgis_versions(general)
    author = general.get("author", "").strip()
    if "/" in author or len(author) > MAX_AUTHOR:
        problems.append(f"author: {author!r} must hold no '/' and at most {MAX_AUTHOR} characters")
    email = general.get("email", "").strip()
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s.]+", email):
        problems.append(f"email: {email!r} is not an address")
    for key in ("tracker", "repository", "homepage"):
        url = general.get(key, "").strip()
        if url and not _is_url(url, URL_PLACEHOLDERS[key]):
            problems.append(f"url: {key}={url!r} must be an http(s) URL with a host, not a template placeholder")
    for key in BOOLEAN_METADATA:
        if key in general and general[key].strip().lower() not in ("true", "false"):
            problems.append(f"boolean: {key}={general[key]!r} must be True or False")
    if "hasProcessingProvider" in general and \
            general["hasProcessingProvider"].strip().lower() not in ("yes", "no", "true", "false"):
        problems.append(f"boolean: hasProcessingProvider={general['hasProcessingProvider']!r} must be yes or no")
    icon = general.get("icon", "").strip()
    if not icon:
        problems.append("icon: icon= missing")
    elif Path(icon).suffix.lower() not in ICON_SUFFIXES:
        problems.append(f"icon: {icon!r} is not a .png, .svg, .jpg or .gif image")
    return problems


def _check_qgis_versions(general: Mapping[str, str]) -> list[str]:
    problems = []
    parsed = {}
    for key in ("qgisMinimumVersion", "qgisMaximumVersion"):
        value = general.get(key, "").strip()
        if not value:
            continue
        if not re.fullmatch(r"\d+\.\d+(\.\d+)?", value) or len(value) > MAX_VERSION:
            problems.append(f"qgis-versions: {key}={value!r} must be x.y or x.y.z")
        else:
            parsed[key] = tuple(int(part) for part in value.split("."))
    if len(parsed) == 2 and parsed["qgisMinimumVersion"][:2] > parsed["qgisMaximumVersion"][:2]:
        problems.append("qgis-versions: qgisMinimumVersion is above qgisMaximumVersion")
    return problems


def _is_url(url: str, placeholder: str) -> bool:
    shaped = re.fullmatch(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", url)
    return shaped is not None and url.rstrip("/") != placeholder


_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_EDGE_PUNCTUATION = "()[]{}\"'“”‘’.,;:!?（）；：，。、《》"


def split_english_chinese(text: str) -> tuple[str, str]:
    """(English part, Chinese part): the Chinese part starts at the first Chinese character outside
    parentheses, so a gloss such as "unit grids (万米单元网格)" stays in the English part."""
    depth = 0
    for index, char in enumerate(text):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and _IDEOGRAPH.match(char):
            return text[:index], text[index:]
    return text, ""


def english_words(text: str) -> list[str]:
    return [token.strip(_EDGE_PUNCTUATION) for token in text.split()
            if _ENGLISH_WORD.fullmatch(token.strip(_EDGE_PUNCTUATION))]


def english_first(text: str, min_words: int) -> list[str]:
    english, chinese = split_english_chinese(text.strip())
    problems = []
    if len(english_words(english)) < min_words:
        problems.append(f"must start in English (at least {min_words} English word(s) before the Chinese part)")
    run = longest = 0
    for token in chinese.split():
        run = run + 1 if _ENGLISH_WORD.fullmatch(token.strip(_EDGE_PUNCTUATION)) else 0
        longest = max(longest, run)
    if longest >= 4:
        problems.append("English text follows the Chinese part; put all English first")
    return problems


# ---------------------------------------------------------------- CHANGELOG.md


@dataclass
class Release:
    version: str  # "Unreleased" or x.y.z
    date: str
    sections: dict[str, list[str]] = field(default_factory=dict)


_RELEASE = re.compile(r"##\s+\[?(Unreleased|\d+\.\d+\.\d+)\]?(?:\s+-\s+(\S+))?\s*")
_KIND = re.compile(r"###\s+(\w+)\s*")
_BULLET = re.compile(r"[-*]\s+(\S.*)")


def parse_changelog(text: str) -> tuple[list[Release], list[str]]:
    """Releases of a Keep a Changelog file (https://keepachangelog.com/en/1.1.0/), newest first."""
    releases: list[Release] = []
    problems = []
    kind = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or re.match(r"\[[^\]]+\]:\s*\S", line):  # blank or a link reference
            continue
        if line.startswith("## "):
            match = _RELEASE.fullmatch(line)
            if not match:
                problems.append(f"changelog: line {number}: {line!r} is not '## x.y.z - YYYY-MM-DD' or '## Unreleased'")
                releases.append(Release("?", ""))
            else:
                releases.append(Release(match.group(1), match.group(2) or ""))
            kind = None
            continue
        if not releases:
            continue  # title and introduction
        if line.startswith("### "):
            match = _KIND.fullmatch(line)
            kind = match.group(1) if match else None
            if kind not in CHANGELOG_KINDS:
                problems.append(f"changelog: line {number}: section must be one of {', '.join(CHANGELOG_KINDS)}")
                kind = None
            elif kind in releases[-1].sections:
                problems.append(f"changelog: line {number}: {kind} twice in {releases[-1].version}")
            else:
                releases[-1].sections[kind] = []
            continue
        bullet = _BULLET.fullmatch(line)
        if bullet and kind:
            releases[-1].sections[kind].append(bullet.group(1).strip())
        elif line.startswith((" ", "\t")) and kind and releases[-1].sections[kind]:
            releases[-1].sections[kind][-1] += " " + line.strip()  # a wrapped entry
        else:
            problems.append(f"changelog: line {number}: {line[:60]!r} is not an entry under a ### section")
    return releases, problems


def check_changelog(text: str, version: str) -> list[str]:
    releases, problems = parse_changelog(text)
    dated = [r for r in releases if r.version not in ("Unreleased", "?")]
    for index, release in enumerate(releases):
        if release.version == "?":
            continue  # its heading is reported already
        if release.version == "Unreleased":
            if index:
                problems.append("changelog: Unreleased must be the first section")
            if release.date:
                problems.append("changelog: Unreleased has no date")
            continue
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", release.date):
                raise ValueError(release.date)
            datetime.date.fromisoformat(release.date)
        except ValueError:
            problems.append(f"changelog: {release.version} needs a date YYYY-MM-DD, not {release.date!r}")
        if not any(release.sections.values()):
            problems.append(f"changelog: {release.version} has no entries")
    if not dated:
        problems.append("changelog: no released version")
        return problems
    keys = [_version_key(r.version) for r in dated]
    if any(newer <= older for newer, older in zip(keys, keys[1:])):
        problems.append("changelog: releases must go from the newest to the oldest, each version once")
    dates = [r.date for r in dated if re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.date)]
    if dates != sorted(dates, reverse=True):
        problems.append("changelog: release dates must not increase down the file")
    if dated[0].version != version:
        problems.append(f"changelog: the newest release is {dated[0].version}, metadata.txt says version={version}")
    return problems


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".")) if re.fullmatch(r"[\d.]+", version) else (-1,)


def plain(entry: str) -> str:
    """Markdown of a changelog entry as plain text for metadata.txt: links as 'text (url)', no ` or **."""
    entry = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r"\1 (\2)", entry)
    return entry.replace("`", "").replace("**", "")


def metadata_changelog(text: str) -> str:
    """changelog= of the packaged metadata.txt: every released version of CHANGELOG.md, newest first, one
    line per entry (no blank lines: they end a value for some readers). Unreleased work is left out."""
    releases, _ = parse_changelog(text)
    lines = []
    for release in releases:
        if release.version in ("Unreleased", "?"):
            continue
        lines.append(f"{release.version} ({release.date})")
        for kind, entries in release.sections.items():
            if entries:
                lines.append(f"{kind}:")
                lines += [f"- {plain(entry)}" for entry in entries]
    return "\n".join(lines)


# ---------------------------------------------------------------- the whole plugin


def check_members(members: list[Member], package: str = PACKAGE, changelog_md: str | None = None,
                  zipped: bool = False) -> list[str]:
    """Every rule that reads files: layout, license, junk, binaries, metadata, icon and changelog."""
    names = [m.path for m in members]
    problems = check_layout(names, package) + check_files(members, package, zipped=zipped)
    by_path = {m.path: m for m in members}
    metadata = by_path.get(f"{package}/metadata.txt")
    if metadata is None:
        return problems
    try:
        text = metadata.read().decode("utf-8")
    except UnicodeDecodeError as error:
        return [*problems, f"metadata-parse: not UTF-8 ({error})"]
    general, parse_problems = parse_metadata(text)
    if general is None:
        return problems + parse_problems
    problems += check_metadata(general)
    icon = general.get("icon", "").strip().removeprefix("./")
    if icon and f"{package}/{icon}" not in by_path:
        problems.append(f"icon: {package}/{icon} is not in the plugin")
    if changelog_md is not None:
        problems += check_changelog(changelog_md, general.get("version", "").strip())
        if general.get("changelog", "").strip() != metadata_changelog(changelog_md).strip():
            problems.append("changelog: metadata.txt's changelog= is not the one generated from CHANGELOG.md")
    elif not general.get("changelog", "").strip():
        problems.append("changelog: changelog= missing")
    return problems


def check_folder(target: Path, changelog_md: str | None = None) -> list[str]:
    """Rules on a staged plugin folder (build/grid_plugin) before it is zipped."""
    return check_members(members_of_folder(target), target.name, changelog_md)


def check_zip(zip_path: Path, package: str = PACKAGE, changelog_md: str | None = None,
              max_bytes: int = MAX_ZIP_BYTES) -> list[str]:
    """Rules on a built zip, the way plugins.qgis.org reads an upload."""
    size = Path(zip_path).stat().st_size
    problems = [] if size <= max_bytes else [f"size: {size:,} bytes, at most {max_bytes:,}"]
    try:
        archive = zipfile.ZipFile(zip_path)
    except zipfile.BadZipFile as error:
        return [*problems, f"crc: not a zip ({error})"]
    with archive:
        for info in archive.infolist():  # what testzip() does, also when zlib itself gives up
            try:
                with archive.open(info) as member:
                    while member.read(1 << 20):
                        pass
            except (zipfile.BadZipFile, zlib.error, EOFError) as error:
                return [*problems, f"crc: {info.filename} does not decompress ({error})"]
        return problems + check_members(members_of_zip(archive), package, changelog_md, zipped=True)
