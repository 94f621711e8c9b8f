"""importcases on exports shaped like the ones users bring (issue 17): a US 311 export read with only
the README (US dates with AM/PM, New York's DST changes, complaint types the class table does not know,
requests without a type), a day/month column nothing decides, an export whose every row fails; and
codecomponents' totals with classes it cannot code.

The 311 rows stand on the sample district's grids (coordinates of the sample cases), so that every row
the parser takes lands in a grid and the counts say exactly what the parser did.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from grid_plugin.store.gpkg import GpkgStore
from tests.qgis.conftest import Messages
from tests.qgis.test_case_algorithms import read_rejects, sample_rows

HEADER = ["Unique Key", "Created Date", "Closed Date", "Agency", "Complaint Type", "Descriptor", "Incident Address",
          "Status", "Latitude", "Longitude"]
FIELD_MAP = ("case_id=Unique Key; reported_at=Created Date; closed_at=Closed Date; source=Agency; "
             "class_name=Complaint Type; description=Descriptor; address=Incident Address")
US = "%m/%d/%Y %I:%M:%S %p"
KNOWN = ["Construction nuisance", "Illegally parked motor vehicle", "Vagrancy and begging", "09011", "共享单车乱象"]
# the first rows: 12 AM and 12 PM, a date only the others decide, New York's DST changes of 2015
EDGES = [("01/01/2015 12:20:09 AM", "2015-01-01T05:20:09.000Z"), ("01/01/2015 12:00:00 PM", "2015-01-01T17:00:00.000Z"),
         ("03/04/2015 10:00:00 AM", "2015-03-04T15:00:00.000Z"), ("03/08/2015 01:30:00 AM", "2015-03-08T06:30:00.000Z"),
         ("03/08/2015 03:30:00 AM", "2015-03-08T07:30:00.000Z"), ("11/01/2015 01:30:00 AM", "2015-11-01T05:30:00.000Z"),
         ("07/04/2015 12:00:00 AM", "2015-07-04T04:00:00.000Z")]
DECIDING_ROW = 12  # rows 1-11 read both ways (or alike); row 12 is the first that only month first reads
BAD_CLOSING_ROW = 20  # 'Graffiti' and 02/30/2015: two reasons


def complaint(k: int) -> str:
    """Complaint type of row k + 1: known classes, two unknown ones, and requests without a type."""
    if k < len(EDGES):
        return KNOWN[k % len(KNOWN)]
    if k % 7 == 3:
        return "Noise - Residential"
    if k % 11 == 5 or k + 1 == BAD_CLOSING_ROW:
        return "Graffiti"
    if k % 9 == 8:
        return ""
    return KNOWN[k % len(KNOWN)]


def rows_311(count: int = 60) -> list[dict[str, str]]:
    _, sample = sample_rows()
    start = dt.datetime(2015, 1, 2, 8, 15, 42)
    out = []
    for k in range(count):
        if k < len(EDGES):
            created = EDGES[k][0]
        elif k + 1 < DECIDING_ROW:
            created = dt.datetime(2015, k - 4, k - 2, 14, 5, 17).strftime(US)  # day <= 12
        elif k + 1 == DECIDING_ROW:
            created = "01/13/2015 12:20:09 PM"
        else:
            created = (start + dt.timedelta(days=5 * k, hours=7 * k, minutes=13 * k)).strftime(US)
        closed = "" if k % 4 == 1 else (dt.datetime.strptime(created, US) + dt.timedelta(hours=26)).strftime(US)
        if k + 1 == BAD_CLOSING_ROW:
            closed = "02/30/2015 10:00:00 AM"
        out.append({"Unique Key": str(30_000_000 + k), "Created Date": created, "Closed Date": closed,
                    "Agency": "NYPD" if k % 2 else "DSNY", "Complaint Type": complaint(k),
                    "Descriptor": 'Loud "Music"/Party, near 5th Ave', "Incident Address": f"{100 + k} BROADWAY",
                    "Status": "Closed" if closed else "Open",
                    "Latitude": sample[k]["lat"], "Longitude": sample[k]["lon"]})
    return out


def write(path: Path, rows: list[dict[str, str]], header: list[str] = HEADER) -> str:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def run(source, store, rejects, feedback=None, **extra):
    parameters = {"INPUT": str(source), "FIELD_MAP": FIELD_MAP, "TIMEZONE": "America/New_York",
                  "STORE": str(store), "REJECTS": str(rejects), **extra}
    return processing.run("gridplugin:importcases", parameters, feedback=feedback)


def stored_cases(store) -> dict[str, dict]:
    with GpkgStore(store) as opened:
        columns = opened.case_columns(("case_id", "reported_at", "closed_at", "class_code", "kind"))
    return {case_id: dict(zip(columns, values)) for case_id, *values in zip(columns["case_id"], *columns.values())}


def test_a_311_export_with_us_dates_imports_with_only_the_readme(gridplugin, sample_grids, tmp_path):
    rows = rows_311()
    source = write(tmp_path / "311_Service_Requests.csv", rows)
    store = tmp_path / "nyc.gpkg"
    log = Messages()
    result = run(source, store, tmp_path / "rejects.csv", log, GRIDS=sample_grids)

    unknown = {"Noise - Residential": sum(complaint(k) == "Noise - Residential" for k in range(60)),
               "Graffiti": sum(complaint(k) == "Graffiti" for k in range(60))}
    empty = sum(complaint(k) == "" for k in range(60))
    assert result["READ_COUNT"] == 60
    assert result["REJECTED_COUNT"] == sum(unknown.values())  # the bad closing time is on a Graffiti row
    assert result["IMPORTED_COUNT"] == 60 - sum(unknown.values())
    assert result["UNCLASSIFIED_COUNT"] == empty > 0
    # the order, decided by row 12 and named; the unknown types in one warning, with their counts
    assert (f"Dates read as month/day/year: row {DECIDING_ROW} has Created Date '01/13/2015 12:20:09 PM', which only "
            "month first reads; set DATE_FORMAT to change it.") in log.lines
    warning = next(w for w in log.warnings if "not in the class table" in w)
    assert warning.startswith(f"{sum(unknown.values())} rows have a class that is not in the class table "
                              "GB/T 47678.5-2026, and are rejected: 'Noise - Residential' "
                              f"({unknown['Noise - Residential']} rows); 'Graffiti' ({unknown['Graffiti']} rows).")
    assert "USER_CLASSES" in warning
    assert not any("swapped" in line for line in log.lines)

    cases = stored_cases(store)
    for k, (_, expected) in enumerate(EDGES):
        assert cases[str(30_000_000 + k)]["reported_at"] == expected, EDGES[k]
    for k, row in enumerate(rows):
        case = cases.get(row["Unique Key"])
        if complaint(k) in unknown:
            assert case is None
            continue
        local = dt.datetime.strptime(row["Created Date"], US)
        assert dt.datetime.fromisoformat(case["reported_at"][:19]) == local + _utc_offset(local)  # every row, US
        if complaint(k) == "":
            assert case["class_code"] is None and case["kind"] is None  # unclassified, kind unknown
        else:
            assert case["class_code"] in ("08001", "09009", "09003", "09011") and case["kind"] == "事件"
    # every reason of a row, in the rejects file
    reasons = {int(r["row"]): r["reason"] for r in read_rejects(result["REJECTS"])}
    assert reasons[BAD_CLOSING_ROW] == (
        "Closed Date '02/30/2015 10:00:00 AM' is not a date and time; write it as 2025-03-01 08:05:00, or set "
        "DATE_FORMAT to the format of the file (e.g. %d.%m.%Y %H:%M); unknown class 'Graffiti': no class of "
        "GB/T 47678.5-2026 has this code or exact name; use the class code or the name as written in the class "
        "table")

    # the fix the warning names: the unknown types as classes of one's own
    user = tmp_path / "nyc_classes.csv"
    user.write_text("class_code,name_en\n21001,Noise - Residential\n21002,Graffiti\n", encoding="utf-8")
    again = run(source, store, tmp_path / "rejects2.csv", GRIDS=sample_grids, USER_CLASSES=str(user))
    assert again["IMPORTED_COUNT"] == sum(unknown.values()) - 1 and again["REJECTED_COUNT"] == 1
    assert again["UNCHANGED_COUNT"] == 60 - sum(unknown.values())

    # downstream: a class filter leaves the unclassified cases out, the period report counts them
    counts = processing.run("gridplugin:caseheatmap", {
        "STORE": str(store), "TIMEZONE": "America/New_York", "CLASSES": "21001", "RADIUS": 200, "PIXEL_SIZE": 50,
        "GRID_COUNTS": str(tmp_path / "counts.gpkg"), "DENSITY": str(tmp_path / "density.tif"),
        "LIVE_LAYER": False})["GRID_COUNTS"]
    assert sum(f["case_count"] for f in QgsVectorLayer(counts, "c", "ogr").getFeatures()) == unknown[
        "Noise - Residential"]
    report = processing.run("gridplugin:casehotspots", {
        "STORE": str(store), "TIMEZONE": "America/New_York", "PERIOD": 2, "TOP_N": 50,
        "OUTPUT": str(tmp_path / "hot.gpkg"), "REPORT_CSV": str(tmp_path / "report.csv"),
        "REPORT_HTML": str(tmp_path / "report.html")})["REPORT_CSV"]
    classes = [r for r in read_rejects(report) if r["Dimension"] == "Case class"]
    assert sum(int(r["Count"]) for r in classes if r["Name"] == "(not assigned)") == empty


def _utc_offset(local: dt.datetime) -> dt.timedelta:
    from zoneinfo import ZoneInfo

    return -local.replace(tzinfo=ZoneInfo("America/New_York")).utcoffset()


def test_a_day_month_column_nothing_decides_stops_and_names_both_readings(gridplugin, sample_grids, tmp_path):
    rows = rows_311(12)[:11]  # rows 1-11: every date reads both ways (or alike)
    for row in rows:
        row["Closed Date"] = ""
        row["Complaint Type"] = "Vagrancy and begging"
    source = write(tmp_path / "ambiguous.csv", rows)
    store = tmp_path / "s.gpkg"
    with pytest.raises(QgsProcessingException) as caught:
        run(source, store, tmp_path / "rejects.csv", GRIDS=sample_grids)
    assert str(caught.value) == (
        "Every day/month/year date reads both ways, so the order is unknown: row 3 has Created Date "
        "'03/04/2015 10:00:00 AM', which is 2015-03-04 read month first (DATE_FORMAT=US) and 2015-04-03 read day "
        "first (DATE_FORMAT=DMY); set DATE_FORMAT.")
    assert not store.exists() or stored_cases(store) == {}
    day_first = run(source, store, tmp_path / "rejects.csv", GRIDS=sample_grids, DATE_FORMAT="dmy")
    assert day_first["IMPORTED_COUNT"] == 11
    assert stored_cases(store)["30000002"]["reported_at"] == "2015-04-03T14:00:00.000Z"  # 3 April, EDT


def test_an_export_whose_every_row_fails_is_an_error_and_writes_nothing(gridplugin, sample_grids, tmp_path):
    store = tmp_path / "s.gpkg"
    first = run(write(tmp_path / "good.csv", rows_311(8)[:7]), store, tmp_path / "r0.csv", GRIDS=sample_grids,
                DATE_FORMAT="US")  # these seven read both ways
    assert first["IMPORTED_COUNT"] == 7
    rows = rows_311(40)[7:]
    for k, row in enumerate(rows):
        moment = dt.datetime.strptime(row["Created Date"], US)
        row["Created Date"] = moment.strftime("%b %d %Y %I:%M %p")  # month names: no form auto reads
        row["Closed Date"] = ""
        row["Complaint Type"] = "Noise - Residential" if k % 3 == 0 else "Vagrancy and begging"
    source = write(tmp_path / "bad.csv", rows)
    rejects = tmp_path / "rejects.csv"
    rejects.write_text("an old rejects file\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as caught:
        run(source, store, rejects, GRIDS=sample_grids)
    text = str(caught.value)
    assert text.startswith(
        "All 33 rows were rejected, so nothing was imported and the store is unchanged. Most common reasons: 33 × "
        f"Created Date '{rows[0]['Created Date']}' is not a date and time; write it as 2025-03-01 08:05:00, or set "
        "DATE_FORMAT to the format of the file (e.g. %d.%m.%Y %H:%M) (first in row 1); 11 × unknown class "
        "'Noise - Residential': no class of GB/T 47678.5-2026 has this code or exact name;")
    assert text.endswith(f"Every row and its reasons are in {rejects}.")
    written = read_rejects(str(rejects))  # written all the same: it lists what to fix
    assert len(written) == 33 and all("Created Date" in r["reason"] for r in written)
    assert "; unknown class 'Noise - Residential'" in written[0]["reason"]
    assert len(stored_cases(store)) == 7
    with GpkgStore(store) as opened:
        assert opened.query('SELECT COUNT(*) FROM "import_batches"')[0][0] == 1
    # the fix: the source's format as a pattern (and the types as own classes)
    user = tmp_path / "own.csv"
    user.write_text("class_code,name_en\n21001,Noise - Residential\n", encoding="utf-8")
    fixed = run(source, store, rejects, GRIDS=sample_grids, DATE_FORMAT="%b %d %Y %I:%M %p", USER_CLASSES=str(user))
    assert fixed["IMPORTED_COUNT"] == 33 and fixed["REJECTED_COUNT"] == 0


def test_codecomponents_totals_add_up_and_unknown_classes_are_named(gridplugin, sample_gpkg, sample_grids, tmp_path):
    import fiona

    from tests.qgis.conftest import write_gpkg

    with fiona.open(sample_gpkg, layer="components") as source:
        points = [f["geometry"]["coordinates"] for f in list(source)[:12]]
    classes = ["01001", "供水井盖", "井盖子", "井盖子", "Manhole (water)", "", "0101", "01001", "01001", "01001",
               "01001", "01001"]
    ids = [None, None, None, None, None, None, None, "99010101001000007", "99010101001000007", "99010101001ABC123",
           "99010101001000009", None]
    records = [({"type": "Point", "coordinates": (x + (1.0 if k == 11 else 0.0), y)},
                {"cls": cls, "component_id": cid})
               for k, ((x, y), cls, cid) in enumerate(zip(points, classes, ids))]
    components = write_gpkg(tmp_path / "in.gpkg", "c", "Point", records, {"cls": "str", "component_id": "str"})
    for renumber in (False, True):
        log = Messages()
        result = processing.run("gridplugin:codecomponents", {
            "INPUT": components, "CLASS_FIELD": "cls", "GRIDS": sample_grids, "GRID_CODE_FIELD": "grid_code",
            "DISTRICT_CODE": "990101", "RENUMBER_DUPLICATES": renumber, "RENUMBER_INVALID": renumber,
            "OUTPUT": str(tmp_path / f"out{renumber}.gpkg")}, feedback=log)
        assert result["COMPONENT_COUNT"] == 12
        assert result["COMPONENT_COUNT"] == result["KEPT_COUNT"] + result["NEW_COUNT"] + result["PROBLEM_COUNT"]
        text = "\n".join(log.warnings)
        assert "Features 3, 4, 5: unknown class name: '井盖子' × 2, 'Manhole (water)' × 1; they get no ID." in text
        assert "Features 6: empty class" in text and "class code of the other coding scheme: '0101' × 1" in text
        assert "Features 12: outside every unit grid; they get no grid code and no ID." in text
        with fiona.open(result["OUTPUT"]) as coded:
            out = [f["properties"]["component_id"] for f in coded]
        assert sum(1 for i in out if i) == result["KEPT_COUNT"] + result["NEW_COUNT"]
        assert not any(out[k] for k in (2, 3, 4, 5, 6, 11))  # a problem: no ID, even with DISTRICT_CODE
        assert (out[7], out[10]) == ("99010101001000007", "99010101001000009")  # kept: ...007's first holder
        assert result["KEPT_COUNT"] == 2
        # new serials above every serial in use (7 and 9), in feature order; duplicate and malformed ones only
        # when renumbering is asked for
        if renumber:
            assert [out[k] for k in (0, 1, 8, 9)] == [f"990101010010000{s}" for s in (10, 11, 12, 13)]
            assert (result["NEW_COUNT"], result["PROBLEM_COUNT"]) == (4, 6)
        else:
            assert [out[k] for k in (0, 1, 8, 9)] == ["99010101001000010", "99010101001000011", None, None]
            assert (result["NEW_COUNT"], result["PROBLEM_COUNT"]) == (2, 8)


def test_swapped_coordinates_are_a_warning_not_an_error(gridplugin, sample_grids, tmp_path):
    from tests.qgis.test_case_algorithms import import_cases, write_csv

    fields, rows = sample_rows()
    rows = rows[:3]
    rows[1]["lat"], rows[1]["lon"] = rows[1]["lon"], rows[1]["lat"]

    class Errors(Messages):
        def __init__(self):
            super().__init__()
            self.errors = []

        def reportError(self, error, fatalError=False):
            self.errors.append(error)
            super().reportError(error, fatalError)

    log = Errors()
    result = import_cases(write_csv(tmp_path / "swapped.csv", fields, rows), tmp_path / "s.gpkg", grids=sample_grids,
                          feedback=log)
    assert result["REJECTED_COUNT"] == 1
    assert not any("swapped" in e for e in log.errors)
    assert [w for w in log.warnings if "swapped" in w] == [
        "1 rows look like latitude and longitude swapped; check the x/y field mapping."]
