"""A messy hotline export made from the sample's cases, for the tests of imports read in chunks: GBK, Chinese
headers, quotes and commas in names, US dates whose day/month order only rows far down decide, duplicates
far apart (identical, and with other content), a row with more values than the header, swapped coordinates,
unknown classes, a time that is none, a point outside the district, a case without an id and a
default-location pile whose cases come all through the file. Row k of the file is messy_rows()[1][k - 1]."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CSV = REPO / "resources" / "sample" / "sample_cases.csv"
CLASSES_DIR = REPO / "resources" / "classes"
TIME_FIELDS = ("reported_at", "立案时间", "派遣时间", "处置时间", "结案时间", "处置时限")
CHINESE = {"case_id": "案件编号", "description": "问题描述", "address": "地址", "reported_at": "上报时间",
           "status": "状态", "lon": "经度", "lat": "纬度"}
ROWS = 400
PILE = ("116.4100000", "39.9200000")  # a default point: 60 cases spread over the file


def us_time(text: str) -> str:
    """'2025-01-05T08:05:09+08:00' -> '01/05/2025 08:05:09 AM' (local time, month first)."""
    if not text:
        return text
    moment = dt.datetime.fromisoformat(text)
    return moment.strftime("%m/%d/%Y %I:%M:%S %p")


def sample() -> tuple[list[str], list[dict[str, str]]]:
    with open(SAMPLE_CSV, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def messy_rows() -> tuple[list[str], list[dict[str, str]]]:
    """The sample's first ROWS rows made messy (row k of the file is rows[k - 1])."""
    fields, rows = sample()
    rows = [dict(r) for r in rows[:ROWS]]
    for r in rows:
        for name in TIME_FIELDS:
            r[name] = us_time(r[name])
    rows[2]["description"] = '店主称"快乐"超市门口, 占道经营'  # quotes and a comma
    rows[3]["address"] = '示例路"1"号,北侧'
    for k in range(7, ROWS, 7):  # a pile, in every chunk of 7 and beyond
        rows[k]["lon"], rows[k]["lat"] = PILE
    rows[40]["lon"], rows[40]["lat"] = rows[40]["lat"], rows[40]["lon"]  # swapped
    rows[41]["class_code"], rows[41]["class_name"] = "99999", ""  # unknown class
    rows[42]["class_code"], rows[42]["class_name"] = "Noise", ""
    rows[43]["reported_at"] = "下周一"  # not a time
    rows[44]["lon"] = "116.60"  # outside the stand-in grids
    rows[250] = dict(rows[4])  # an identical duplicate of row 5, far away
    rows[260] = dict(rows[9], status="处置中")  # row 10 again, with other content
    rows[11] = dict(rows[10])  # an identical duplicate next to its first row
    rows[300] = dict(rows[20])  # row 21: identical in row 301 ...
    rows[350] = dict(rows[20], status="已作废")  # ... but other content in row 351: all three rejected
    rows[120]["case_id"] = ""  # no id
    return fields, rows


def write_messy(path: Path, fields: list[str], rows: list[dict[str, str]], long_row: int | None = 330) -> Path:
    """The rows as a GBK CSV with Chinese headers; `long_row` gets an unquoted comma (a value too many)."""
    header = [CHINESE.get(f, f) for f in fields]
    with open(path, "w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for k, r in enumerate(rows, start=1):
            values = [r[f] for f in fields]
            if k == long_row:
                handle.write(",".join(values[:-1]) + ",备注：来电人要求回电," + values[-1] + "\r\n")
            else:
                writer.writerow(values)
    return path
