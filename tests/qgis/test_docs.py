"""The algorithm pages of the documentation site match the algorithms: every algorithm has a page in
both languages (and a hand-written section), every parameter and output is in its table, and the
committed pages are what docs/tools/gen_algorithms.py makes from the algorithms now."""

from __future__ import annotations

import importlib.util
import re

import pytest

from tests.conftest import REPO

REGENERATE = "run `make docs-pages` to regenerate them (it compiles the translations first)"


def generator():
    spec = importlib.util.spec_from_file_location("gen_algorithms", REPO / "docs" / "tools" / "gen_algorithms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen(qgis_processing):
    return generator()


@pytest.fixture(scope="module")
def generated(gen):
    return gen.generate()


def algorithms(gridplugin):
    return sorted(gridplugin.algorithms(), key=lambda a: a.name())


def test_every_algorithm_has_a_page_a_hand_written_section_and_a_place_in_the_navigation(gridplugin, gen):
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    missing = []
    for algorithm in algorithms(gridplugin):
        name = algorithm.name()
        for lang in gen.LANGUAGES:
            page = REPO / "docs" / lang / "algorithms" / f"{name}.md"
            if not page.exists():
                missing.append(f"{page.relative_to(REPO)} ({REGENERATE})")
            prose = gen.prose_path(lang, name)
            if not prose.exists() or len(prose.read_text(encoding="utf-8").strip()) < 100:
                missing.append(f"{prose.relative_to(REPO)}: write what the algorithm does beyond its help "
                               "(then make docs-pages)")
            index = REPO / "docs" / lang / "algorithms" / "index.md"
            if f"]({name}.md)" not in index.read_text(encoding="utf-8"):
                missing.append(f"{index.relative_to(REPO)} does not link {name} ({REGENERATE})")
        if f"- algorithms/{name}.md" not in nav:
            missing.append(f"mkdocs.yml's navigation lacks algorithms/{name}.md ({REGENERATE})")
    assert not missing, "undocumented:\n" + "\n".join(missing)


def test_every_parameter_and_output_is_in_the_tables_of_its_page(gridplugin, gen):
    missing = []
    for algorithm in algorithms(gridplugin):
        for lang in gen.LANGUAGES:
            page = REPO / "docs" / lang / "algorithms" / f"{algorithm.name()}.md"
            text = page.read_text(encoding="utf-8") if page.exists() else ""
            heading = f"\n## {gen.TEXT[lang]['parameters']}\n"
            tables = text[text.index(heading):] if heading in text else ""  # parameters, outputs, example
            rows = set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", tables, flags=re.MULTILINE))
            for item in [*algorithm.parameterDefinitions(), *algorithm.outputDefinitions()]:
                if item.name() not in rows:
                    missing.append(f"{algorithm.name()}: {item.name()} is not in {page.relative_to(REPO)}")
    assert not missing, f"undocumented ({REGENERATE}):\n" + "\n".join(missing)


def test_the_committed_algorithm_pages_are_the_generated_ones(gen, generated):
    stale = [str(path.relative_to(REPO)) for path in gen.stale(generated)]
    assert not stale, f"stale or orphaned documentation pages: {', '.join(stale)}; {REGENERATE}"


def parameter_rows(page: str) -> dict[str, str]:
    """The rows of a page's parameter table by key."""
    start = page.index("\n| `", page.index("| Key |" if "| Key |" in page else "| 参数名 |"))
    table = page[start:page.index("\n## ", start)]
    return {m.group(1): m.group(0) for m in re.finditer(r"^\| `([A-Z_0-9]+)` \|.*$", table, flags=re.MULTILINE)}


def test_the_chinese_pages_are_made_with_the_translator_and_the_english_ones_without(generated, gridplugin):
    zh = generated[REPO / "docs" / "zh" / "algorithms" / "dividegrids.md"]
    en = generated[REPO / "docs" / "en" / "algorithms" / "dividegrids.md"]
    assert zh.startswith("# 划分单元网格\n") and "分组：单元网格" in zh
    assert "| 参数名 | 类型 | 说明 | 默认值 | 属性 |" in zh
    assert "`0` 规则格网<br>`1` 沿地物划分" in parameter_rows(zh)["MODE"]
    english = gridplugin.algorithm("dividegrids").displayName()  # the suite runs without a translator
    assert en.startswith(f"# {english}\n") and "| Key | Type | Description | Default | Flags |" in en


def test_the_generated_tables_show_types_defaults_flags_and_options(generated):
    page = generated[REPO / "docs" / "en" / "algorithms" / "dividegrids.md"]
    rows = parameter_rows(page)
    assert "| vector layer (polygons) |" in rows["INPUT"]
    assert "`0` Regular lattice<br>`1` Follow features" in rows["MODE"] and rows["MODE"].endswith("| `0` |  |")
    assert "| field of `INPUT` |" in rows["COMMUNITY_CODE_FIELD"] and "`community_code`" in rows["COMMUNITY_CODE_FIELD"]
    assert rows["STREET_CODE_FIELD"].endswith("| optional |")
    assert rows["OVERLAP_TOLERANCE"].endswith("| `10` | advanced |")
    assert "| number (decimal" in rows["TARGET_AREA"] and "`10000`" in rows["TARGET_AREA"]
    assert rows["OUTPUT"].endswith("| output |") and "output layer (polygons)" in rows["OUTPUT"]
    assert "qgis_process.bin run gridplugin:dividegrids --" in page and "  MODE=1" in page
    zh = generated[REPO / "docs" / "zh" / "algorithms" / "dividegrids.md"]
    assert parameter_rows(zh)["INPUT"].startswith("| `INPUT` | 矢量图层 (面) |")


def test_an_example_naming_a_parameter_the_algorithm_lacks_stops_the_generation(gen, monkeypatch):
    monkeypatch.setitem(gen.EXAMPLES, "dividegrids", {**gen.EXAMPLES["dividegrids"], "NO_SUCH_KEY": "1"})
    with pytest.raises(gen.DocsError, match="NO_SUCH_KEY"):
        gen.generate()


def test_help_text_becomes_markdown_that_shows_it_as_written(gen):
    text = "Gi* per grid: <name>.csv | a_b_c\n- first\n  - nested\nAfter the list."
    markdown = gen.help_markdown(text)
    assert markdown == ("Gi\\* per grid: &lt;name&gt;.csv \\| a\\_b\\_c\n\n- first\n    - nested\n\n"
                        "After the list.\n")
