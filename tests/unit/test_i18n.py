"""Every user-visible string has a finished Chinese and English translation."""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
sys.path.insert(0, str(I18N))
import update_ts  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def translations(language):
    root = ET.parse(update_ts.ts_path(language)).getroot()
    return {
        m.findtext("source"): (m.find("translation").text, m.find("translation").get("type"))
        for m in root.iter("message")
    }


def test_collector_finds_tr_calls_and_core_message_templates():
    strings = update_ts.collect_strings()
    assert "Divide communities into unit grids" in strings  # self.tr in processing
    assert "feature {fid} has no geometry; draw it or remove the feature" in strings  # core template
    assert "Grid city management" in strings  # QCoreApplication.translate


def test_every_string_has_a_finished_chinese_translation_with_the_same_placeholders():
    strings = update_ts.collect_strings()
    zh = translations("zh_CN")
    missing = [s for s in strings if s not in zh or not zh[s][0] or zh[s][1] == "unfinished"]
    assert not missing, f"untranslated (run make translations and translate): {missing}"
    for source in strings:
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(zh[source][0])), source
        assert re.search(r"[\u4e00-\u9fff]", zh[source][0]), f"not Chinese: {zh[source][0]!r}"


def test_english_file_is_complete():
    strings = update_ts.collect_strings()
    en = translations("en")
    assert all(en.get(s, (None, None))[0] == s for s in strings)


def test_ts_files_are_up_to_date():
    strings = update_ts.collect_strings()
    for language in update_ts.LANGUAGES:
        current = update_ts.ts_path(language).read_text(encoding="utf-8")
        fresh = update_ts.render_ts(language, strings, update_ts.read_translations(update_ts.ts_path(language)))
        assert current == fresh, f"{language}: run make translations"
