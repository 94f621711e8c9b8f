"""Schema version 7 on PostGIS: the cases table partitioned by month of the report time
(store/postgis_partitions.py). A version 6 store with cases is migrated and taken back to version 6 with
every value kept; a period's queries read only its months (EXPLAIN); months an import brings are staged,
indexed and attached with the same content as rows written into held months; readers never wait for a
lock during an import; case ids stay unique across months, whoever writes. Schemas: g21part_...
"""

from __future__ import annotations

import re
import threading

import numpy as np
import psycopg2
import psycopg2.errors
import pytest

from grid_plugin.core.cases.evaluation import evaluation_periods
from grid_plugin.core.cases.months import month_keys
from grid_plugin.core.cases.records import CaseFilter, CaseRecords, content_hash
from grid_plugin.io.geopackage import decode_points
from grid_plugin.store import base as base_module
from grid_plugin.store import postgis as postgis_module
from grid_plugin.store.base import ImportCounts, StoreError, import_cases
from grid_plugin.store.case_import import CaseUpsert
from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.store.schema import CASE_COLUMNS, MIGRATIONS
from tests.qgis.test_case_store import make_cases, pg_parameters, store_backend

EVERYTHING = CaseFilter(include_piles=True)
NAMES = ("O'Brien \"老王\" 修车铺", "东城区城管委; DROP TABLE cases;--", None, "交通委 100%")
PILE = (116.4004, 39.9104)  # a street office where unlocatable cases are put
MONTH = re.compile(r"\b(cases_\d{4}_\d{2})\b")


@pytest.fixture()
def postgis(tmp_path):
    yield from store_backend("postgis", tmp_path, "g21part_")


def realistic(n: int, start: int = 0, seed: int = 3) -> CaseRecords:
    """make_cases with what real exports hold: names with quotes, semicolons and per cent signs, cases at the
    edges of Beijing months (midnight local = 16:00 UTC the day before), across the turn of the year, filed
    up to 3 hours after the report (one 40 days after, one before it), a pile at one point."""
    records = make_cases(n, start=start, seed=seed)
    values = {name: list(column) for name, column in records.values.items()}
    values["address"] = [NAMES[i % 4] for i in range(n)]
    values["description"] = [f"井盖 '{i}' 破损\t第{i}号" for i in range(n)]
    edges = ["2025-02-28T16:00:00.000Z", "2025-02-28T15:59:59.000Z", "2024-12-31T16:00:00.000Z",
             "2024-12-31T15:59:59.000Z", "2025-12-31T15:59:59.000Z"]
    values["reported_at"][:len(edges)] = edges
    rng = np.random.default_rng(seed)
    lag = rng.integers(1, 3 * 3600, n)
    values["filed_at"] = [None if i % 7 == 0 else _plus(t, int(lag[i])) for i, t in enumerate(values["reported_at"])]
    values["filed_at"][5] = _plus(values["reported_at"][5], 40 * 86_400)
    values["filed_at"][6] = _plus(values["reported_at"][6], -3_600)
    values["closed_at"] = [None if f is None or i % 3 == 0 else _plus(f, 7_200)
                           for i, f in enumerate(values["filed_at"])]
    values["department"] = [NAMES[(i + 1) % 4] for i in range(n)]
    values["rework_count"] = [i % 3 for i in range(n)]
    values["postpone_count"] = [None if i % 5 == 0 else i % 2 for i in range(n)]
    values["invalid"] = [int(i % 17 == 0) for i in range(n)]
    values["location_quality"] = ["pile" if i % 50 == 0 else "exact" for i in range(n)]
    lon, lat = records.lon.copy(), records.lat.copy()
    lon[::50], lat[::50] = PILE
    values["content_hash"] = [content_hash([values[k][i] for k in values if k != "content_hash"] + [lon[i], lat[i]])
                              for i in range(n)]
    return CaseRecords(values, lon, lat, records.rows)


def _plus(text: str, seconds: int) -> str:
    moment = np.datetime64(text[:19]) + np.timedelta64(seconds, "s")
    return str(moment) + ".000Z"


def load(store, records: CaseRecords) -> ImportCounts:
    return import_cases(store, records, ImportCounts(read=len(records)), "test")


def content(store) -> dict[str, list]:
    """Every case column of every case (case-id order), with the positions (either backend)."""
    columns = store.case_columns([c for c in CASE_COLUMNS if c != "batch_id"], EVERYTHING)
    if isinstance(store, GpkgStore):
        x, y = decode_points([row[0] for row in store.query('SELECT "geom" FROM "cases" ORDER BY "case_id"')])
    else:
        rows = store.query(f'SELECT ST_X(geom), ST_Y(geom) FROM {store.table("cases")} ORDER BY case_id')
        x, y = [row[0] for row in rows], [row[1] for row in rows]
    columns["position"] = [(round(float(a), 9), round(float(b), 9)) for a, b in zip(x, y, strict=True)]
    return columns


def months(store) -> dict[str, int]:
    """The attached months and their cases."""
    rows = store.query(f"SELECT tableoid::regclass::text, COUNT(*) FROM {store.table('cases')} GROUP BY 1")
    return {name.rsplit(".", 1)[-1].strip('"'): int(count) for name, count in rows}


def relkind(store) -> str:
    return store.query("SELECT relkind FROM pg_class WHERE oid = %s::regclass", (store.table("cases"),))[0][0]


def structure(store) -> tuple:
    """The cases table as PostgreSQL has it: columns with types, defaults, keys and index definitions
    (schema and table names left out)."""
    columns = store.query("SELECT column_name, data_type, collation_name, is_nullable, column_default FROM "
                          "information_schema.columns WHERE table_schema = %s AND table_name = 'cases' "
                          "ORDER BY ordinal_position", (store.schema,))
    keys = store.query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass "
                       "ORDER BY 1", (store.table("cases"),))
    indexes = store.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = %s AND tablename = 'cases' "
                          "ORDER BY 1", (store.schema,))
    plain = [(name, re.sub(r" ON (ONLY )?\S+ ", " ON ", definition)) for name, definition in indexes]
    return [(*c[:4], re.sub(r"'[^']*'::regclass", "seq", c[4] or "")) for c in columns], keys, plain


def as_version(monkeypatch, version: int) -> None:
    """This plugin as the plugin of an older schema version (its migrations, its version check)."""
    monkeypatch.setattr(postgis_module, "MIGRATIONS", MIGRATIONS[:version])
    monkeypatch.setattr(base_module, "SCHEMA_VERSION", version)


# ---- migration both ways --------------------------------------------------------------------------------------
def test_a_version_6_store_with_cases_is_partitioned_by_month_and_taken_back(postgis, monkeypatch):
    as_version(monkeypatch, 6)
    old = postgis()
    assert old.schema_version() == 6 and relkind(old) == "r"
    records = realistic(3_000)
    load(old, records)
    flat = structure(old)
    before = content(old)
    old.close()
    monkeypatch.undo()

    store = postgis()  # migrated on opening, in one transaction
    assert store.schema_version() == 7 and relkind(store) == "p"
    held = months(store)
    assert set(held) == {"cases_2024_12", *(f"cases_2025_{m:02d}" for m in range(1, 13))}
    assert sum(held.values()) == 3_000
    assert content(store) == before  # every value of every case, and its position
    where = dict(store.query(f"SELECT case_id, tableoid::regclass::text FROM {store.table('cases')} "
                             f"WHERE case_id IN ('AJ00000000', 'AJ00000001', 'AJ00000002', 'AJ00000003', "
                             f"'AJ00000004')"))
    assert [where[f"AJ0000000{i}"].rsplit(".", 1)[-1] for i in range(5)] == [
        "cases_2025_03", "cases_2025_02", "cases_2025_01", "cases_2024_12", "cases_2025_12"]  # Beijing months
    assert store.query(f"SELECT COUNT(*) FROM {store.table('case_keys')}")[0][0] == 3_000
    assert load(store, records).unchanged == 3_000  # the upsert finds every case in its month
    assert backend_count(store) == 3_000

    store.downgrade(6)
    assert store.schema_version() == 6 and relkind(store) == "r"
    assert structure(store) == flat  # the version 6 table, keys and indexes as a version 6 plugin made them
    assert content(store) == before
    store.close()
    as_version(monkeypatch, 6)
    again = postgis()  # the version 6 plugin opens it and goes on importing
    assert again.schema_version() == 6 and content(again) == before
    assert load(again, records).unchanged == 3_000
    assert load(again, realistic(200, start=5_000)).imported == 200
    after = content(again)
    again.close()
    monkeypatch.undo()
    last = postgis()  # and this plugin partitions it again
    assert last.schema_version() == 7 and content(last) == after


def backend_count(store) -> int:
    return store.count_cases(EVERYTHING)


def test_a_migration_that_cannot_be_made_is_refused_and_changes_nothing(postgis, monkeypatch):
    as_version(monkeypatch, 6)
    old = postgis()
    load(old, realistic(500))
    before = content(old)
    with old.transaction():  # a table of the name the migration needs, made by someone else
        old._run(f"CREATE TABLE {old.table('cases_unpartitioned')} (note text)")
    old.close()
    monkeypatch.undo()
    with pytest.raises(StoreError, match="holds a table cases_unpartitioned, which the change of the cases table "
                                         "needs; rename or drop it"):
        postgis()
    as_version(monkeypatch, 6)
    kept = postgis()
    assert kept.schema_version() == 6 and relkind(kept) == "r" and content(kept) == before


def test_a_store_that_is_not_version_7_cannot_be_downgraded(postgis, monkeypatch):
    as_version(monkeypatch, 6)
    store = postgis()
    with pytest.raises(StoreError, match="has schema version 6; only version 7 can be taken back, to version 6"):
        store.downgrade(6)


# ---- a period reads its months only ---------------------------------------------------------------------------
def scanned(store, run) -> list[set[str]]:
    """The months each query of `run(store)` reads, from the EXPLAIN of the very SQL and parameters it sent."""
    sent: list[tuple[str, tuple]] = []
    query = store.query

    def recording(sql, params=()):
        if sql.lstrip().upper().startswith("SELECT") and "FROM" in sql and "cases" in sql:
            sent.append((sql, tuple(params)))
        return query(sql, params)

    store.query = recording
    try:
        run(store)
    finally:
        store.query = query
    plans = []
    for sql, params in sent:
        plan = "\n".join(row[0] for row in query("EXPLAIN " + sql, params))
        plans.append(set(MONTH.findall(plan)))
    return plans


def test_a_periods_queries_read_only_its_months_and_count_what_the_geopackage_counts(postgis, tmp_path):
    store = postgis()
    records = realistic(6_000)
    load(store, records)
    assert len(months(store)) == 13
    march = CaseFilter(start="2025-02-28T16:00:00.000Z", end="2025-03-31T16:00:00.000Z", class_codes=("09011",))
    for run in (lambda s: s.counts_per_grid(march), lambda s: s.case_points(march), lambda s: s.hourly_counts(march),
                lambda s: s.count_cases(march)):
        plans = scanned(store, run)
        assert plans and all(plan == {"cases_2025_03"} for plan in plans), plans
    # the evaluation's periods are of the filing time: March and February, filed up to 3 hours after the report
    # (and one case 40 days after): the months those report times fall in, no other
    periods = evaluation_periods("2025-03-01", "2025-04-01")
    plans = scanned(store, lambda s: s.evaluation_counts("grid", periods))
    assert len(plans) == 3  # the filing lags (one end of each month's index), the counts, the medians
    # the report times of cases filed in February and March: back to 40 days before February (the case
    # filed 40 days after its report), on to an hour into April (the one filed an hour before its report)
    assert plans[1] == plans[2] == {"cases_2024_12", "cases_2025_01", "cases_2025_02", "cases_2025_03",
                                    "cases_2025_04"}, plans
    # and the months left out held none of the periods' cases: the counts are the GeoPackage's, which reads all
    gpkg = GpkgStore(tmp_path / "same.gpkg")
    load(gpkg, records)
    for start, end in (("2025-03-01", "2025-04-01"), ("2025-01-01", "2025-01-16"), ("2025-04-01", "2025-07-01")):
        periods = evaluation_periods(start, end)
        for level in ("grid", "department"):
            got, expected = store.evaluation_counts(level, periods), gpkg.evaluation_counts(level, periods)
            assert [plain(p) for p in got] == [plain(p) for p in expected], (start, level)
            assert sum(u.filed for u in got[0].values()) > 0
    gpkg.close()


def plain(units) -> dict:
    """Unit counts comparable across backends (sums of hours to 6 decimals)."""
    return {key: ({name: round(value, 6) for name, value in unit.valid.items()}, unit.invalid, unit.unfiled,
                  unit.invalid_from_report, None if unit.median_hours is None else round(unit.median_hours, 6))
            for key, unit in units.items()}


# ---- months an import brings: staged, indexed, attached ----------------------------------------------------------
def test_staged_months_hold_what_the_plain_path_writes(postgis):
    records = realistic(4_000)
    staged = postgis()
    assert load(staged, records).imported == 4_000  # thirteen new months: each staged, indexed and attached
    month = month_keys(records.values["reported_at"], "Asia/Shanghai").tolist()
    first = sorted({key: i for i, key in reversed(list(enumerate(month)))}.values())
    rest = sorted(set(range(4_000)) - set(first))
    plain = content_of_imports(records.take(first), records.take(rest))  # the months held, then their cases
    assert content(staged) == plain
    assert staged.query(f"SELECT COUNT(*) FROM {staged.table('case_keys')}")[0][0] == 4_000
    # each month has the parent's seven keys and indexes, each attached to the parent's, none twice
    rows = staged.query("SELECT c.relname, COUNT(*), COUNT(p.inhparent) FROM pg_index x JOIN pg_class c "
                        "ON c.oid = x.indrelid LEFT JOIN pg_inherits p ON p.inhrelid = x.indexrelid "
                        "WHERE c.relnamespace = %s::regnamespace AND c.relname ~ '^cases_[0-9]{4}_[0-9]{2}$' "
                        "GROUP BY 1", (staged.schema,))
    assert len(rows) == 13 and all((count, attached) == (7, 7) for _name, count, attached in rows), rows
    bounds = staged.query("SELECT conname FROM pg_constraint WHERE connamespace = %s::regnamespace AND "
                          "contype = 'c'", (staged.schema,))
    assert bounds == []  # the CHECK that spared ATTACH its scan is gone


def test_an_import_in_chunks_stages_its_months_across_calls(postgis):
    store = postgis()
    records = realistic(3_000)
    first = [i for i, t in enumerate(records.values["reported_at"]) if t < "2025-03-31T16"]  # to March
    load(store, records.take(first))
    rest = records.take(sorted(set(range(3_000)) - set(first)))  # April to December: nine new months
    with store.transaction():  # as the streaming import writes: chunk after chunk, then end_cases
        upsert = CaseUpsert(store, len(rest))
        for begin in range(0, len(rest), 500):
            upsert.add(rest.take(np.arange(begin, min(begin + 500, len(rest)))))
        assert store.count_cases(EVERYTHING) == len(first)  # the new months are staged, not yet attached
        counts = upsert.finish(ImportCounts(read=len(rest)), "chunks")
    assert (counts.imported, backend_count(store), len(months(store))) == (len(rest), 3_000, 13)
    assert content(store) == content_of_imports(realistic(3_000))


def content_of_imports(*batches: CaseRecords) -> dict[str, list]:
    """content() of a new store after importing the batches one after the other."""
    generator = store_backend("postgis", None, "g21part_")
    open_store = next(generator)
    try:
        store = open_store()
        for records in batches:
            load(store, records)
        return content(store)
    finally:
        next(generator, None)


def test_a_case_id_twice_in_one_import_across_chunks_is_refused_whole(postgis):
    store = postgis()
    records = realistic(400)
    load(store, records.take(np.arange(0, 10)))
    with pytest.raises(StoreError, match=r"refused the import .*\(case_id.*AJ0000"), store.transaction():
        upsert = CaseUpsert(store, 390)
        upsert.add(records.take(np.arange(10, 300)))
        upsert.add(records.take(np.arange(250, 400)))  # 250-299 again, in a later chunk
        upsert.finish(ImportCounts(read=390), "twice")
    assert backend_count(store) == 10 and sum(months(store).values()) == 10


def test_a_changed_case_follows_its_report_time_to_another_month(postgis):
    store = postgis()
    records = realistic(1_000)
    load(store, records)
    moved = realistic(1_000)
    moved.values["reported_at"][10] = "2026-05-05T05:05:05.000Z"  # a month the store does not hold
    moved.values["reported_at"][11] = "2025-06-15T01:00:00.000Z"  # one it holds
    for i in (10, 11):
        moved.values["content_hash"][i] = "moved"
    counts = load(store, moved)
    assert (counts.updated, counts.unchanged) == (2, 998)
    where = dict(store.query(f"SELECT case_id, tableoid::regclass::text FROM {store.table('cases')} "
                             "WHERE case_id IN ('AJ00000010', 'AJ00000011')"))
    assert where["AJ00000010"].endswith("cases_2026_05") and where["AJ00000011"].endswith("cases_2025_06")
    assert content(store) == content_of_imports(moved)
    assert load(store, moved).unchanged == 1_000


# ---- readers and writers ---------------------------------------------------------------------------------------
def test_readers_never_wait_for_a_lock_while_an_import_is_under_way(postgis, monkeypatch):
    """An import held open after writing 30,000 cases (new months and held ones): readers on another
    connection that would need to wait for any lock fail at once (lock_timeout 1 ms); they read the
    committed cases instead."""
    store = postgis()
    load(store, realistic(1_000))
    writer = postgis()
    written, release = threading.Event(), threading.Event()
    record_batch = writer.record_batch

    def held_open(source_name, counts):
        written.set()
        assert release.wait(60)
        return record_batch(source_name, counts)

    monkeypatch.setattr(writer, "record_batch", held_open)
    errors: list[BaseException] = []
    more = make_cases(30_000, start=10_000)
    more.values["reported_at"][:5_000] = [t.replace("2025-", "2026-") for t in more.values["reported_at"][:5_000]]

    def run() -> None:
        try:
            load(writer, more)
        except BaseException as error:  # reported below
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert written.wait(120), errors
        reader = psycopg2.connect(**pg_parameters())
        try:
            cursor = reader.cursor()
            cursor.execute("SET lock_timeout = '1ms'")
            table = store.table("cases")
            for sql in (f"SELECT grid_code, COUNT(*) FROM {table} GROUP BY 1",
                        f"SELECT COUNT(*) FROM {table} WHERE reported_at >= '2025-03-01' AND class_code = '09011'",
                        f"SELECT ST_X(geom) FROM {table} WHERE reported_at >= '2025-06-01' LIMIT 5"):
                cursor.execute(sql)  # psycopg2.errors.LockNotAvailable if it had to wait
                cursor.fetchall()
                reader.commit()
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            assert cursor.fetchone()[0] == 1_000  # the committed cases, not half a batch
        finally:
            reader.close()
    finally:
        release.set()
        thread.join()
    assert not errors
    assert backend_count(store) == 31_000


def test_case_ids_stay_unique_and_keyed_whoever_writes(postgis):
    """Rows written through `cases` by anyone (QGIS editing the layer, SQL) keep case_keys right: a deleted
    case comes back with the next import, a moved one is found in its new month, an id held in another
    month is refused."""
    store = postgis()
    records = realistic(500)
    load(store, records)
    cases = store.table("cases")
    with store.transaction():
        store._run(f"DELETE FROM {cases} WHERE case_id = 'AJ00000020'")
        store._run(f"UPDATE {cases} SET reported_at = '2025-07-01T12:00:00Z' WHERE case_id = 'AJ00000021'")
    counts = load(store, records)
    assert (counts.imported, counts.updated, counts.unchanged) == (1, 0, 499)
    assert store.query(f"SELECT COUNT(*) FROM {cases} WHERE case_id = 'AJ00000021'")[0][0] == 1
    with pytest.raises(StoreError, match="case_keys"), store.transaction():
        store._run(f"INSERT INTO {cases} (case_id, reported_at, content_hash) "
                   "VALUES ('AJ00000030', '2025-11-11T00:00:00Z', 'x')")
    with store.transaction():
        store._run(f"TRUNCATE {cases}")
    assert store.query(f"SELECT COUNT(*) FROM {store.table('case_keys')}")[0][0] == 0
    assert load(store, records).imported == 500
