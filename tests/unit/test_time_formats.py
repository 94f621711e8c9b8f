"""DATE_FORMAT: how the times of a case export are written (grid_plugin.core.cases.time_formats).

Values are shaped like real exports: a US 311 export ('01/13/2015 12:20:09 PM', New York time with its
DST changes), European day-first dates, Excel serial numbers saved into a CSV. The numpy reader is
checked against datetime.strptime value by value.
"""

import datetime as dt

import numpy as np
import pytest

from grid_plugin.core.cases import time_layouts
from grid_plugin.core.cases.time_formats import AUTO, DateFormat, TimeColumns, date_format
from grid_plugin.core.cases.times import TimeWindow, parse_time, time_zone
from grid_plugin.core.errors import GridInputError

NEW_YORK = time_zone("America/New_York")
SHANGHAI = time_zone("Asia/Shanghai")
WINDOW = TimeWindow(1990, 2030)


def utc(local: dt.datetime, zone=NEW_YORK) -> str:
    """The stored form of a local time, as parse_time makes it (fold=0 in a DST change)."""
    return parse_time(local, zone)


def rows_of(values):
    return np.arange(1, len(values) + 1)


def read(values, chosen=AUTO, zone=NEW_YORK, field="reported_at", **others):
    """(texts, {index: reason}, notes) of one column, surveyed together with `others` (field -> values)."""
    columns = TimeColumns(chosen, zone, WINDOW)
    columns.survey([(field, values, rows_of(values)), *((name, v, rows_of(v)) for name, v in others.items())])
    out, problems = columns.parse(field, values, rows_of(values))
    return out, {i: str(reason) for i, reason in problems}, [str(note) for note in columns.notes]


# ---- auto: the day/month order ----------------------------------------------------------------------------
def test_a_value_only_month_first_reads_decides_and_is_named():
    values = ["01/01/2015 12:20:09 AM", "03/04/2015 10:00:00 AM", "", "01/13/2015 12:20:09 PM", "02/14/2015 1:05 PM"]
    out, problems, notes = read(values)
    assert problems == {}
    assert out[1] == utc(dt.datetime(2015, 3, 4, 10))  # ambiguous alone: the column decides (March 4)
    assert out[3] == utc(dt.datetime(2015, 1, 13, 12, 20, 9))
    assert notes == ["Dates read as month/day/year: row 4 has reported_at '01/13/2015 12:20:09 PM', which only "
                     "month first reads; set DATE_FORMAT to change it."]


def test_a_value_only_day_first_reads_decides():
    values = ["03.04.2015 10:00", "13.01.2015 08:00", "1.2.2015 7:05"]
    out, problems, notes = read(values, zone=SHANGHAI)
    assert problems == {}
    assert out == [utc(dt.datetime(2015, 4, 3, 10), SHANGHAI), utc(dt.datetime(2015, 1, 13, 8), SHANGHAI),
                   utc(dt.datetime(2015, 2, 1, 7, 5), SHANGHAI)]
    assert "day/month/year: row 2 has reported_at '13.01.2015 08:00'" in notes[0]


def test_the_order_is_decided_for_all_time_columns_together():
    """reported_at reads both ways; closed_at decides, and reported_at is read the same way."""
    reported = ["03/04/2015 10:00", "05/06/2015 11:00"]
    closed = ["03/04/2015 18:00", "05/25/2015 09:00"]
    out, problems, notes = read(reported, closed_at=closed)
    assert problems == {} and out[0] == utc(dt.datetime(2015, 3, 4, 10))
    assert "row 2 has closed_at '05/25/2015 09:00'" in notes[0]


def test_a_column_every_value_of_which_reads_both_ways_stops_naming_both_readings():
    values = ["03/04/2015 10:00:00 AM", "05/06/2015 11:00:00 AM", "01/01/2015 09:00:00 AM"]
    with pytest.raises(GridInputError) as caught:
        read(values)
    text = str(caught.value)
    assert "row 1 has reported_at '03/04/2015 10:00:00 AM'" in text
    assert "2015-03-04 read month first (DATE_FORMAT=US) and 2015-04-03 read day first (DATE_FORMAT=DMY)" in text
    assert text.endswith("set DATE_FORMAT.")
    out, problems, _ = read(values, date_format("dmy"))  # the fix: say the order
    assert problems == {} and out[0] == utc(dt.datetime(2015, 4, 3, 10))


def test_values_of_both_orders_stop_naming_a_row_of_each():
    values = ["01/13/2015 10:00", "02/14/2015 10:00", "25/01/2015 10:00"]
    with pytest.raises(GridInputError) as caught:
        read(values)
    text = str(caught.value)
    assert "row 1 has reported_at '01/13/2015 10:00', which only month/day/year reads (2 values" in text
    assert "row 3 has reported_at '25/01/2015 10:00', which only day/month/year reads (1 values)" in text
    out, problems, _ = read(values, date_format("us"))
    assert list(problems) == [2] and "in the format US" in problems[2]


def test_day_equal_to_month_everywhere_needs_no_order():
    out, problems, notes = read(["01/01/2015 10:00", "02/02/2015 10:00"])
    assert problems == {} and notes == [] and out[1] == utc(dt.datetime(2015, 2, 2, 10))


def test_leading_spaces_and_empty_values_do_not_hide_the_deciding_row():
    values = [None, "   ", " 01/13/2015 10:00", "03/04/2015 10:00 "]
    out, problems, notes = read(values)
    assert problems == {} and out[3] == utc(dt.datetime(2015, 3, 4, 10)) and "row 3" in notes[0]


# ---- 12-hour clock and DST ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "local"), [
    ("01/01/2015 12:00:00 AM", dt.datetime(2015, 1, 1, 0, 0)),  # midnight
    ("01/01/2015 12:20:09 AM", dt.datetime(2015, 1, 1, 0, 20, 9)),
    ("01/01/2015 12:00:00 PM", dt.datetime(2015, 1, 1, 12, 0)),  # noon
    ("01/01/2015 12:59:59 PM", dt.datetime(2015, 1, 1, 12, 59, 59)),
    ("01/01/2015 01:00:00 PM", dt.datetime(2015, 1, 1, 13, 0)),
    ("12/31/2015 11:59:59 PM", dt.datetime(2015, 12, 31, 23, 59, 59)),
    ("1/2/2015 3:04 pm", dt.datetime(2015, 1, 2, 15, 4)),
    ("1/2/2015 3:04 p.m.", dt.datetime(2015, 1, 2, 15, 4)),
    ("01/02/2015 15:04", dt.datetime(2015, 1, 2, 15, 4)),  # 24 h
    ("01/02/2015 0:04:05", dt.datetime(2015, 1, 2, 0, 4, 5)),
    ("01/02/2015", dt.datetime(2015, 1, 2)),
    ("01-02-2015 03:04:05.250 AM", dt.datetime(2015, 1, 2, 3, 4, 5)),  # fractions dropped
    # New York's DST changes of 2015: EST before 2 AM on March 8, EDT after; 1-2 AM twice on November 1
    ("03/08/2015 01:59:59 AM", dt.datetime(2015, 3, 8, 1, 59, 59)),
    ("03/08/2015 03:00:00 AM", dt.datetime(2015, 3, 8, 3, 0)),
    ("03/08/2015 02:30:00 AM", dt.datetime(2015, 3, 8, 2, 30)),  # no such local time: read as parse_time does
    ("11/01/2015 01:30:00 AM", dt.datetime(2015, 11, 1, 1, 30)),  # twice: the first (fold=0), as parse_time
    ("11/01/2015 02:30:00 AM", dt.datetime(2015, 11, 1, 2, 30)),
])
def test_us_times(text, local):
    out, problems, _ = read([text], date_format("us"))
    assert problems == {} and out == [utc(local)]
    out, problems, _ = read([text, "01/13/2015"])  # auto, with a deciding value
    assert problems == {} and out[0] == utc(local)


def test_dst_changes_in_utc():
    out, _, _ = read(["03/08/2015 01:30:00 AM", "03/08/2015 03:30:00 AM", "07/04/2015 12:00:00 PM"],
                     date_format("us"))
    assert out == ["2015-03-08T06:30:00.000Z", "2015-03-08T07:30:00.000Z", "2015-07-04T16:00:00.000Z"]


@pytest.mark.parametrize("text", ["01/01/2015 13:00:00 PM", "01/01/2015 00:30:00 AM", "02/29/2015 10:00",
                                  "02/30/2016 10:00", "13/13/2015", "01/01/2015 24:00", "01/01/2015 10:60",
                                  "01/01/2015 10:00:60", "1/1/15 10:00", "01/01/2015 10:00 XM", "01/01/2015T"])
def test_no_real_us_time_is_rejected_naming_value_and_format(text):
    out, problems, _ = read([text], date_format("us"))
    assert out == [None]
    assert problems[0] == (f"reported_at '{text}' is not a date and time in the format US (MM/DD/YYYY hh:mm:ss "
                           "AM/PM, or 24 h); correct it, or set DATE_FORMAT to the format of the file")


def test_a_us_time_outside_the_window_names_the_years():
    _, problems, _ = read(["01/01/1985 10:00:00 AM", "01/01/2015 10:00:00 AM"], date_format("us"))
    assert problems == {0: "row 1: reported_at '01/01/1985 10:00:00 AM' is outside the years 1990–2030 accepted "
                           "for case times; correct it, or widen the window (EARLIEST_YEAR, LATEST_YEAR)"}


# ---- numpy against strptime ---------------------------------------------------------------------------------
FORMS = ["%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y",
         "%m-%d-%Y %I:%M:%S %p", "%m.%d.%Y %H:%M"]


def reference(texts, patterns, zone):
    """Each text read by the first of `patterns` strptime takes, then parse_time; None when none does."""
    out = []
    for text in texts:
        moment = None
        for pattern in patterns:
            try:
                moment = dt.datetime.strptime(text.strip(), pattern)
                break
            except ValueError:
                continue
        out.append(None if moment is None or not WINDOW.holds(moment) else parse_time(moment, zone))
    return out


def random_texts(seed, count, forms, unpadded=True):
    rng = np.random.default_rng(seed)
    start = dt.datetime(2014, 1, 1)
    texts = []
    for _ in range(count):
        moment = start + dt.timedelta(seconds=int(rng.integers(0, 3 * 365 * 86400)))
        text = moment.strftime(forms[int(rng.integers(len(forms)))])
        if unpadded and rng.random() < 0.3:  # '1/2/2015 3:04 PM', as Excel writes CSV
            text = text.lstrip("0").replace("/0", "/").replace(" 0", " ")
        if rng.random() < 0.03:  # a broken value
            text = text.replace("1", "7", 1).replace("2", "9", 1)
        texts.append(text)
    return texts


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Shanghai", "Europe/Berlin"])
def test_us_preset_equals_strptime_on_thousands_of_values(zone):
    texts = random_texts(17, 6000, FORMS)
    out, _, _ = read(texts, date_format("us"), time_zone(zone))
    assert out == reference(texts, FORMS, time_zone(zone))


def test_dmy_preset_and_a_pattern_equal_strptime():
    forms = ["%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d-%m-%Y"]
    texts = random_texts(5, 3000, forms)
    assert read(texts, date_format("dmy"), SHANGHAI)[0] == reference(texts, forms, SHANGHAI)
    pattern = "%d.%m.%Y %H:%M:%S"
    assert read(texts, date_format(pattern), SHANGHAI)[0] == reference(texts, [pattern], SHANGHAI)
    pattern = "%y%m%d %I%p"  # two-digit years (strptime's pivot), hours without minutes
    texts = [moment.strftime(pattern) for moment in (dt.datetime(2015, 1, 2, 3), dt.datetime(1999, 12, 31, 23))]
    assert read(texts, date_format(pattern), SHANGHAI)[0] == reference(texts, [pattern], SHANGHAI)


def test_a_pattern_numpy_cannot_read_takes_strptime():
    pattern = "%b %d %Y %H:%M"
    texts = ["Jan 13 2015 10:00", "Feb 30 2015 10:00", "jan 13 2015 10:00", "Foo 13 2015 10:00", "Jan 13 2015 10:00"]
    out, problems, _ = read(texts, date_format(pattern))
    assert out == reference(texts, [pattern], NEW_YORK)
    assert sorted(problems) == [1, 3]


def test_shapes_that_share_a_hash_are_told_apart(monkeypatch):
    """The shape hash may collide: the groups are then split exactly (here every hash is equal)."""
    monkeypatch.setattr(time_layouts, "HASH", np.zeros(time_layouts.MAX_WIDTH, dtype=np.uint64))
    texts = random_texts(3, 500, FORMS)
    assert read(texts, date_format("us"))[0] == reference(texts, FORMS, NEW_YORK)


def test_a_column_longer_than_a_chunk(monkeypatch):
    monkeypatch.setattr(time_layouts, "CHUNK", 7)
    texts = random_texts(11, 100, FORMS)
    assert read(texts, date_format("us"))[0] == reference(texts, FORMS, NEW_YORK)


# ---- auto with other forms, and strict formats -----------------------------------------------------------------
def test_auto_reads_iso_us_excel_and_am_pm_in_one_column_and_says_so():
    values = ["2015-01-13 12:20:09", "01/13/2015 12:20:09 PM", "2015/1/13 12:20:09 PM", "42017.513993055556", 42017.5,
              "2015年1月13日 12时20分", dt.datetime(2015, 1, 13, 12, 20, 9), "20150113122009", "yesterday"]
    out, problems, notes = read(values, zone=SHANGHAI)
    noon = utc(dt.datetime(2015, 1, 13, 12, 20, 9), SHANGHAI)
    assert out[:4] == [noon] * 4 and out[6:8] == [noon] * 2
    assert out[4] == utc(dt.datetime(2015, 1, 13, 12), SHANGHAI)
    assert out[5] == utc(dt.datetime(2015, 1, 13, 12, 20), SHANGHAI)
    assert list(problems) == [8] and "set DATE_FORMAT" in problems[8]
    assert notes[1] == ("reported_at: numbers read as Excel serial dates, e.g. row 4 '42017.513993055556' = "
                        "2015-01-13 12:20:09 local time; set DATE_FORMAT if they are something else.")


def test_iso_keeps_the_year_first_forms_and_refuses_day_month_dates():
    values = ["2015-01-13 12:20:09", "2015/1/13 12:20:09 AM", "01/13/2015 12:20"]
    out, problems, notes = read(values, date_format("iso"))
    assert out[0] is not None and out[1] == utc(dt.datetime(2015, 1, 13, 0, 20, 9)) and list(problems) == [2]
    assert notes == []


def test_strict_formats_refuse_other_texts_but_take_time_cells():
    cell = dt.datetime(2015, 1, 13, 8, 0)
    out, problems, _ = read(["2015-01-13 08:00:00", cell, "01/13/2015 08:00", 42017, None, ""], date_format("us"))
    assert out == [None, utc(cell), utc(cell), None, None, None] and sorted(problems) == [0, 3]
    out, problems, _ = read([42017.25, "42017.25", "1", cell, "01/13/2015", "x" * 50], date_format("excel"))
    assert out[:2] == [utc(dt.datetime(2015, 1, 13, 6))] * 2 and out[3] == utc(cell)
    assert sorted(problems) == [2, 4, 5]  # 1 = 1900-01-01, before the window; a date text; a long text
    assert "outside the years" in problems[2] and "in the format Excel serial numbers" in problems[4]


# ---- the parameter -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("", "auto"), (None, "auto"), ("Auto", "auto"), ("US", "us"), ("mdy", "us"),
    ("MM/DD/YYYY hh:mm:ss AM/PM", "us"), ("dmy", "dmy"), ("DD/MM/YYYY HH:MM", "dmy"), ("iso", "iso"),
    ("Chinese", "iso"), ("YYYY-MM-DD", "iso"), (" excel ", "excel")])
def test_presets(text, name):
    assert date_format(text) == DateFormat(name)


def test_patterns_and_what_is_refused():
    assert date_format("%d.%m.%Y %H:%M") == DateFormat("pattern", "%d.%m.%Y %H:%M")
    for text, words in (("spring", "neither a preset (auto, iso, us, dmy, excel) nor a strftime pattern"),
                        ("%H:%M", "has no full date"), ("%m/%d %H:%M", "has no full date"),
                        ("%Q/%d/%Y", "is not a pattern datetime.strptime reads")):
        with pytest.raises(GridInputError, match="DATE_FORMAT") as caught:
            date_format(text)
        assert words in str(caught.value) and text in str(caught.value)
