"""gridplugin:archivecases: the months before a month taken out of the store, written first into an archive
GeoPackage (a case store), all or nothing; a PostGIS store keeps them as tables or drops them, a GeoPackage
store deletes them. Schemas: g21arch_..."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from grid_plugin.core.cases.records import CaseFilter
from grid_plugin.core.output_files import StagedFile
from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.store.postgis import PostgisStore
from tests.qgis.test_case_algorithms import saved_connection
from tests.qgis.test_case_store import pg_parameters
from tests.qgis.test_partitioned_store import content, load, months, realistic

EVERYTHING = CaseFilter(include_piles=True)
MARCH = "2025-02-28T16:00:00.000Z"  # March 2025 begins in Beijing
ARCHIVE_NAME = "旧案件 'archive' 100%.gpkg"


@pytest.fixture()
def postgis_connection():
    yield from saved_connection("g21arch_")


def archive(parameters: dict) -> dict:
    import processing

    return processing.run("gridplugin:archivecases", parameters)


def before(values: dict[str, list], end: str = MARCH) -> dict[str, list]:
    """content() restricted to the cases reported before `end`."""
    keep = [i for i, t in enumerate(values["reported_at"]) if t < end]
    return {name: [column[i] for i in keep] for name, column in values.items()}


def tables(store: PostgisStore) -> dict[str, int]:
    rows = store.query("SELECT relname FROM pg_class WHERE relnamespace = %s::regnamespace AND relkind = 'r' AND "
                       "relname LIKE 'cases%%archived'", (store.schema,))
    return {name: store.query(f'SELECT COUNT(*) FROM {store.table(name)}')[0][0] for (name,) in rows}


def test_postgis_months_are_archived_and_kept_as_tables(gridplugin, postgis_connection, tmp_path):
    name, schema = postgis_connection
    records = realistic(3_000)
    with PostgisStore(pg_parameters(), schema) as store:
        load(store, records)
        everything = content(store)
    expected = before(everything)
    result = archive({"CONNECTION": name, "DB_SCHEMA": schema, "BEFORE": "2025-03-01", "MODE": 0,
                      "ARCHIVE": str(tmp_path / ARCHIVE_NAME)})
    assert result["ARCHIVED_COUNT"] == len(expected["case_id"]) > 0
    with PostgisStore(pg_parameters(), schema) as store:
        assert set(months(store)) == {f"cases_2025_{m:02d}" for m in range(3, 13)}
        assert store.count_cases(EVERYTHING) == 3_000 - result["ARCHIVED_COUNT"]
        assert store.query(f"SELECT COUNT(*) FROM {store.table('case_keys')}")[0][0] == store.count_cases(EVERYTHING)
        kept = tables(store)
        assert set(kept) == {"cases_2024_12_archived", "cases_2025_01_archived", "cases_2025_02_archived"}
        assert sum(kept.values()) == result["ARCHIVED_COUNT"]
        again = load(store, records)  # an import of archived months brings them back as new months
        assert (again.imported, again.unchanged) == (result["ARCHIVED_COUNT"], 3_000 - result["ARCHIVED_COUNT"])
        assert content(store) == everything
    with GpkgStore(tmp_path / ARCHIVE_NAME, create=False) as kept_store:  # the archive is a case store
        assert content(kept_store) == expected
        assert kept_store.counts_per_grid(EVERYTHING)
    layer = QgsVectorLayer(f"{tmp_path / ARCHIVE_NAME}|layername=cases", "archive", "ogr")
    assert layer.isValid() and layer.featureCount() == result["ARCHIVED_COUNT"]


def test_deleting_postgis_months_is_all_or_nothing(gridplugin, postgis_connection, tmp_path, monkeypatch):
    name, schema = postgis_connection
    with PostgisStore(pg_parameters(), schema) as store:
        load(store, realistic(2_000))
        everything = content(store)
        held = months(store)
    base = {"CONNECTION": name, "DB_SCHEMA": schema, "MODE": 1}

    def unchanged() -> None:
        with PostgisStore(pg_parameters(), schema) as store:
            assert months(store) == held and content(store) == everything and tables(store) == {}

    with pytest.raises(QgsProcessingException, match="needs an archive GeoPackage to write them to first"):
        archive({**base, "BEFORE": "2025-03"})
    unchanged()
    with pytest.raises(QgsProcessingException, match="ARCHIVE must be a .gpkg file"):
        archive({**base, "BEFORE": "2025-03", "ARCHIVE": str(tmp_path / "archive.csv")})
    unchanged()
    with pytest.raises(QgsProcessingException, match="'2025-03-15' is not the start of a month"):
        archive({**base, "BEFORE": "2025-03-15", "ARCHIVE": str(tmp_path / "archive.gpkg")})
    unchanged()

    target = tmp_path / "archive.gpkg"
    first = archive({**base, "BEFORE": "2025-01", "ARCHIVE": str(target)})  # December 2024 goes first
    assert first["ARCHIVED_COUNT"] > 0
    held.pop("cases_2024_12")
    everything = {name: [v for v, t in zip(column, everything["reported_at"], strict=True) if t >= "2024-12-31T16"]
                  for name, column in everything.items()}
    unchanged()
    archived_before = target.read_bytes()

    def fails(self) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(StagedFile, "put_in_place", fails)  # the last step before the store commits
    with pytest.raises(QgsProcessingException, match="disk full"):
        archive({**base, "BEFORE": "2025-03", "ARCHIVE": str(target)})
    unchanged()  # the months are still there, detached nowhere
    assert target.read_bytes() == archived_before  # the archive as it was
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".archive.gpkg.")]  # no temporary file left
    monkeypatch.undo()

    result = archive({**base, "BEFORE": "2025-03", "ARCHIVE": str(target)})
    with PostgisStore(pg_parameters(), schema) as store:
        assert set(months(store)) == {f"cases_2025_{m:02d}" for m in range(3, 13)} and tables(store) == {}
    with GpkgStore(target, create=False) as kept:  # the months of both runs
        assert kept.count_cases(EVERYTHING) == first["ARCHIVED_COUNT"] + result["ARCHIVED_COUNT"]


def test_a_geopackage_store_deletes_archived_months_and_cannot_keep_them(gridplugin, tmp_path):
    path = tmp_path / "cases.gpkg"
    with GpkgStore(path) as store:
        load(store, realistic(2_000))
        everything = content(store)
    with pytest.raises(QgsProcessingException, match="A GeoPackage store cannot keep old months apart"):
        archive({"STORE": str(path), "BEFORE": "2025-03", "MODE": 0, "ARCHIVE": str(tmp_path / "a.gpkg")})
    with pytest.raises(QgsProcessingException, match="is the store itself"):
        archive({"STORE": str(path), "BEFORE": "2025-03", "MODE": 1, "ARCHIVE": str(path)})
    with GpkgStore(path) as store:
        assert content(store) == everything
    assert not (tmp_path / "a.gpkg").exists()

    result = archive({"STORE": str(path), "BEFORE": "2025-03", "MODE": 1, "ARCHIVE": str(tmp_path / "a.gpkg")})
    expected = before(everything)
    assert result["ARCHIVED_COUNT"] == len(expected["case_id"]) > 0
    with GpkgStore(path) as store:
        rest = content(store)
        assert min(rest["reported_at"]) >= MARCH and len(rest["case_id"]) == 2_000 - result["ARCHIVED_COUNT"]
    with GpkgStore(tmp_path / "a.gpkg", create=False) as kept:
        assert content(kept) == expected
    connection = sqlite3.connect(path)  # the spatial index followed the deleted rows
    assert connection.execute("SELECT rtreecheck('rtree_cases_geom')").fetchone()[0] == "ok"
    assert connection.execute("SELECT COUNT(*) FROM rtree_cases_geom").fetchone()[0] == len(rest["case_id"])
    assert connection.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'cases'").fetchone()[0] \
        == len(rest["case_id"])
    connection.close()
    nothing = archive({"STORE": str(path), "BEFORE": "2025-03", "MODE": 1, "ARCHIVE": str(tmp_path / "b.gpkg")})
    assert nothing["ARCHIVED_COUNT"] == 0 and not Path(tmp_path / "b.gpkg").exists()
