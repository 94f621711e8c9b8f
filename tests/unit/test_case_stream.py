"""Cases read in chunks (core.cases.case_stream) give what the whole file read at once gives: the same
cases with the same content hashes, the same rejects with the same reasons, the same counts and notes,
whatever the chunk size. The input is a messy export made from the sample: GBK, Chinese headers, quotes
and commas in names, US dates whose day/month order only a later chunk decides, duplicates far apart
(identical, and with other content), a row with more values than the header, swapped coordinates, an
unknown class, a default-location pile. The grids are a stand-in (a code per 0.01° square), the store a
dict of content hashes.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from grid_plugin.core.cases.case_stream import CaseStream
from grid_plugin.core.cases.duplicates import DuplicateTracker, SeenIds, id_keys
from grid_plugin.core.cases.records import CaseParser, finish_records, resolve_field_map
from grid_plugin.core.components import tables as tables_module
from grid_plugin.core.components.classes import ClassTable
from grid_plugin.core.components.tables import chunk_rows, read_csv
from grid_plugin.core.errors import GridInputError
from tests.messy_export import CLASSES_DIR, ROWS, TIME_FIELDS, messy_rows, sample, write_messy


def locate(lon: np.ndarray, lat: np.ndarray):
    """Stand-in grids: a code per 0.01° square west of 116.5°E; None east of it."""
    grid = [None if x > 116.5 else f"G{int(x * 100)}-{int(y * 100)}" for x, y in zip(lon.tolist(), lat.tolist())]
    return grid, [None if g is None else g[:5] for g in grid], [None if g is None else g[:7] for g in grid]


@pytest.fixture(scope="module")
def tables():
    return (ClassTable.load("gbt47678", CLASSES_DIR, kind="events"),
            ClassTable.load("gbt47678", CLASSES_DIR, kind="components"))


def parser_for(table, tables, **options) -> CaseParser:
    events, components = tables
    return CaseParser(resolve_field_map(table.fields, {}), events=events, components=components, **options)


def whole(path: Path, tables, **options):
    """The file read at once, as before chunks: (cases by id, rejects, parsed)."""
    table = read_csv(path)
    parser = parser_for(table, tables, **options)
    found = table.columns(list(dict.fromkeys(parser.mapping.values())))
    parsed = parser.parse_columns(found.columns, found.rows, row_problems=found.problems, nul_free=found.nul_free)
    parsed = finish_records(parsed, *locate(parsed.records.lon, parsed.records.lat))
    return cases_of([parsed.records]), rejects_of(parsed.rejects), parsed


def streamed(path: Path, tables, size: int, stored: dict[str, str] | None = None, **options):
    """The file in chunks of `size` rows into a dict store, read again when the stream says so:
    (cases by id, rejects, last stream, readings, the chunks' row counts)."""
    table = read_csv(path)
    known, readings = None, 0
    while True:
        readings += 1
        store = dict(stored or {})
        parser = parser_for(table, tables, **options)
        stream = CaseStream(parser, lambda wanted, shared=(): table.chunks(wanted, shared, size), locate,
                            lambda ids, held=store: {i: held[i] for i in ids if i in held}, store_empty=not store,
                            known=known)
        records, rejects, sizes = [], [], []
        stream.unchanged = 0
        for piece in stream:
            sizes.append(len(piece.table))
            stream.unchanged += sum(piece.stored.get(case_id) == digest for case_id, digest
                                    in zip(piece.records.case_ids, piece.records.values["content_hash"]))
            for case_id, digest in zip(piece.records.case_ids, piece.records.values["content_hash"]):
                store[case_id] = digest
            records.append(piece.records)
            rejects += piece.rejects
        if not stream.rerun:
            return cases_of(records), rejects_of(rejects), stream, readings, sizes
        known = stream.rerun_known()


def cases_of(parts) -> dict[str, tuple]:
    out = {}
    for records in parts:
        for i, case_id in enumerate(records.case_ids):
            assert case_id not in out
            out[case_id] = ({name: column[i] for name, column in records.values.items()},
                            round(float(records.lon[i]), 9), round(float(records.lat[i]), 9), int(records.rows[i]))
    return out


def rejects_of(rejects) -> list[tuple]:
    return [(r.row, r.case_id, tuple(str(reason) for reason in r.reasons)) for r in rejects]


@pytest.fixture()
def messy(tmp_path) -> Path:
    return write_messy(tmp_path / "messy.csv", *messy_rows())


@pytest.mark.parametrize("size", [1, 7, 50, 10_000])
def test_chunks_give_the_whole_files_cases_rejects_and_counts(messy, tables, size):
    cases, rejects, parsed = whole(messy, tables)
    chunked, chunk_rejects, stream, _, sizes = streamed(messy, tables, size)
    assert max(sizes) <= size and sum(sizes) == ROWS
    assert chunked == cases
    assert chunk_rejects == rejects
    assert (stream.read, stream.kept, stream.rejected) == (parsed.read, len(parsed.records), len(parsed.rejects))
    assert (stream.swapped, stream.geocoded) == (parsed.swapped, parsed.geocoded)
    assert dict(stream.unknown_classes) == parsed.unknown_classes == {"99999": 1, "Noise": 1}
    assert [str(n) for n in stream.notes] == [str(n) for n in parsed.notes]
    # the messy parts are there: a later chunk decided the US dates, duplicates far apart were found
    assert "month/day/year" in str(stream.notes[0])
    reasons = {row: text for row, _, text in rejects}
    assert reasons[251] == ("identical duplicate of row 5; imported once",)
    assert "appears again in rows 261" in reasons[10][0] and "appears again in rows 10" in reasons[261][0]
    assert [row for row, _, text in rejects if "AJ2025000021" in text[0]] == [21, 301, 351]
    assert "row 330 has 21 values but the header has 20" in reasons[330][0]


def test_a_conflict_reaching_back_into_a_written_chunk_reads_the_file_again(messy, tables):
    *_, readings, _ = streamed(messy, tables, 50)
    assert readings == 2  # rows 10 and 261 lie in different chunks
    *_, readings, _ = streamed(messy, tables, 10_000)
    assert readings == 1


def test_a_reimport_in_chunks_finds_every_case_unchanged(messy, tables):
    first, _, stream, _, _ = streamed(messy, tables, 10_000)
    assert stream.unchanged == 0
    store = {case_id: values[0]["content_hash"] for case_id, values in first.items()}
    again, _, stream, _, _ = streamed(messy, tables, 13, stored=store)
    assert again == first
    assert stream.unchanged == stream.kept == len(store)


def test_dates_that_no_chunk_decides_stop_the_import_as_the_whole_file_does(tmp_path, tables):
    fields, rows = messy_rows()
    rows = rows[:60]  # reported January 1-6: every date reads both ways (or alike), and no other time
    for r in rows:
        r.update({name: "" for name in TIME_FIELDS[1:]})
    path = write_messy(tmp_path / "early.csv", fields, rows, long_row=None)
    with pytest.raises(GridInputError) as whole_error:
        whole(path, tables)
    with pytest.raises(GridInputError) as chunk_error:
        streamed(path, tables, 7)
    assert str(chunk_error.value) == str(whole_error.value)
    assert "reads both ways" in str(chunk_error.value)


def test_dates_of_both_orders_in_different_chunks_stop_with_the_whole_files_counts(tmp_path, tables):
    fields, rows = messy_rows()
    rows[380]["reported_at"] = "25/01/2025 10:00:00"  # day first, far from the month-first ones
    rows[390]["处置时限"] = "28/01/2025 10:00:00"
    path = write_messy(tmp_path / "mixed.csv", fields, rows)
    with pytest.raises(GridInputError) as whole_error:
        whole(path, tables)
    with pytest.raises(GridInputError) as chunk_error:
        streamed(path, tables, 25)
    assert str(chunk_error.value) == str(whole_error.value)
    assert "mix both orders" in str(chunk_error.value) and "(2 values)" in str(chunk_error.value)


def test_excel_numbers_get_one_note_per_column(tmp_path, tables):
    fields, rows = sample()
    rows = rows[:40]
    for k, r in enumerate(rows):
        r["处置时限"] = "45700.5" if k in (15, 33) else ""
    path = tmp_path / "excel.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    _, _, parsed = whole(path, tables)
    *_, stream, _, _ = streamed(path, tables, 5)
    assert [str(n) for n in stream.notes] == [str(n) for n in parsed.notes]
    assert len(stream.notes) == 1 and "row 16" in str(stream.notes[0])


def test_wide_tables_are_read_in_fewer_rows_a_chunk(tmp_path, monkeypatch):
    assert chunk_rows(11) == tables_module.CHUNK_ROWS
    assert chunk_rows(300) == tables_module.CHUNK_CELLS // 300 < tables_module.CHUNK_ROWS
    monkeypatch.setattr(tables_module, "CHUNK_CELLS", 900)
    fields = [f"备用{k}" for k in range(300)]
    path = tmp_path / "wide.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        for row in range(10):
            writer.writerow([f"{row}-{k}" for k in range(300)])
    table = read_csv(path)
    chunks = list(table.chunks(["备用7", "备用299"]))
    assert [len(c) for c in chunks] == [3, 3, 3, 1]
    assert [v for c in chunks for v in c.columns["备用299"]] == [f"{row}-299" for row in range(10)]
    assert chunks[1].raw_rows([5]) == {5: [f"4-{k}" for k in range(300)]}


def test_seen_ids_find_their_first_rows_and_content_across_merges():
    seen = SeenIds()
    ids = [f"AJ{k:08d}" for k in range(30_000)]
    for start in range(0, len(ids), 1_000):
        keys = id_keys(ids[start:start + 1_000])
        assert (seen.find(keys)[0] == -1).all()
        seen.add(keys, np.arange(start + 1, start + 1_001), np.arange(start, start + 1_000) * 7)
    assert len(seen) == 30_000
    rows, marks = seen.find(id_keys(["AJ00000000", "AJ00029999", "AJ00012345", "其他"]))
    assert rows.tolist() == [1, 30_000, 12_346, -1]
    assert marks[:3].tolist() == [0, 29_999 * 7, 12_345 * 7]


def test_the_tracker_rejects_repeats_of_earlier_chunks_and_asks_for_a_rerun_on_conflicts():
    from grid_plugin.core.cases.records import CaseRecords

    def records(ids, hashes, rows):
        return CaseRecords({"case_id": ids, "content_hash": hashes}, np.zeros(len(ids)), np.zeros(len(ids)),
                           np.asarray(rows))

    a, b, c, x = (f"{k:x}" * 40 for k in (10, 11, 12, 13))
    tracker = DuplicateTracker()
    keep, rejects = tracker.judge(records(["A", "B"], [a, b], [1, 2]))
    assert keep.tolist() == [0, 1] and rejects == [] and not tracker.rerun
    keep, rejects = tracker.judge(records(["A", "C", "B"], [a, c, x], [3, 4, 5]))
    assert keep.tolist() == [1]
    assert (rejects[0].row, str(rejects[0].reason)) == (3, "identical duplicate of row 1; imported once")
    assert tracker.rerun
    assert sorted(tracker.rerun_known().values()) == [[2, 5]]
    again = DuplicateTracker(tracker.rerun_known())
    keep, rejects = again.judge(records(["A", "B"], [a, b], [1, 2]))
    assert keep.tolist() == [0] and str(rejects[0].reason).startswith("case id B appears again in rows 5 ")
