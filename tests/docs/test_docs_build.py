"""The documentation site builds with `mkdocs build --strict` (any warning, e.g. a broken link or a
page missing from the navigation, fails it), in both languages, with its pictures few and small, and
describes the project as it is (no development history: that is CHANGELOG.md's).

Not part of the QGIS 3.40 lane (.ci/lane340.sh runs tests/unit, tests/qgis and one e2e file): its
Debian 13 root has no MkDocs. `make test` runs it on the 3.22 suite, where .ci/requirements.txt installs
MkDocs into .venv."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.conftest import REPO

DOCS = REPO / "docs"


def test_the_site_builds_strictly_in_both_languages(tmp_path):
    site = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                               cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, (
        f"mkdocs build --strict failed (mkdocs comes from .ci/requirements.txt: make setup):\n"
        f"{completed.stdout[-3000:]}\n{completed.stderr[-5000:]}")
    for page in sorted((DOCS / "en").rglob("*.md")):
        relative = page.relative_to(DOCS / "en")
        if "_prose" in relative.parts:
            continue
        html = relative.with_suffix("") / "index.html" if relative.stem != "index" else relative.with_suffix(".html")
        assert (site / html).exists(), f"the Chinese page of {relative} was not built"
        assert (site / "en" / html).exists(), f"the English page of {relative} was not built"
        assert (DOCS / "zh" / relative).exists(), f"docs/zh/{relative} is missing (every page is in both languages)"
    assert not (site / "tools").exists() and not list(site.rglob("_prose")), "generator sources were published"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' in home and 'lang="zh"' in home  # the language switcher; Chinese by default


def test_every_page_exists_in_both_languages():
    zh = {p.relative_to(DOCS / "zh") for p in (DOCS / "zh").rglob("*.md")}
    en = {p.relative_to(DOCS / "en") for p in (DOCS / "en").rglob("*.md")}
    assert zh == en, f"only in Chinese: {sorted(map(str, zh - en))}; only in English: {sorted(map(str, en - zh))}"


def test_pictures_are_few_small_and_used():
    pictures = sorted((DOCS / "images").glob("*.png"))
    assert 0 < len(pictures) <= 8, [p.name for p in pictures]
    pages = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md"))
    for picture in pictures:
        assert picture.stat().st_size <= 300_000, f"{picture.name}: {picture.stat().st_size} bytes (at most 300 KB)"
        assert f"images/{picture.name}" in pages, f"{picture.name} is on no page"


HISTORY = re.compile(r"this session|previous session|earlier figures?|fixed on the way|until three changes|"
                     r"本次会话|上一轮|之前的版本|修复过程中", re.IGNORECASE)


def test_the_pages_describe_the_project_as_it_is():
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            match = HISTORY.search(line)
            if match:
                found.append(f"{page.relative_to(REPO)}:{number}: {match.group(0)!r}")
    assert not found, "development history belongs in CHANGELOG.md:\n" + "\n".join(found)
