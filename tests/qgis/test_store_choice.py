"""The store choice as one value (grid_plugin.store.choice.StoreChoice): parameters both ways, the default
schema in one place, opening a real GeoPackage and PostGIS store, and what is refused; the dock and the
settings go through it."""

from __future__ import annotations

import pytest

from grid_plugin.core.errors import GridInputError
from grid_plugin.store.choice import DEFAULT_SCHEMA, GPKG, POSTGIS, StoreChoice
from grid_plugin.store.gpkg import GpkgStore
from grid_plugin.store.postgis import PostgisStore
from grid_plugin.toolbelt.settings import PluginSettings
from tests.qgis.test_case_algorithms import postgis_connection

__all__ = ["postgis_connection"]  # a fixture of test_case_algorithms, used here too


def test_parameters_go_both_ways_and_a_connection_chooses_postgis():
    gpkg = StoreChoice.geopackage("/data/城区 cases.gpkg")
    assert gpkg.parameters() == {"STORE": "/data/城区 cases.gpkg"}
    assert StoreChoice.from_parameters(gpkg.parameters()) == gpkg
    pg = StoreChoice.postgis(" 市网格中心 ", "cases_2026")
    assert pg.parameters() == {"CONNECTION": "市网格中心", "DB_SCHEMA": "cases_2026"}
    assert StoreChoice.from_parameters(pg.parameters()) == pg
    # both given (a form that kept a file while PostGIS was picked): the connection wins, as the algorithms read it
    both = StoreChoice.from_parameters({"STORE": "/data/a.gpkg", "CONNECTION": "c", "DB_SCHEMA": ""})
    assert both.kind == POSTGIS and both.parameters() == {"CONNECTION": "c", "DB_SCHEMA": DEFAULT_SCHEMA}


@pytest.mark.parametrize("schema", ["", "   ", None])
def test_a_blank_schema_is_the_default_schema(schema):
    assert StoreChoice.postgis("c", schema).schema == DEFAULT_SCHEMA == "gridplugin"
    assert StoreChoice(POSTGIS, connection="c", schema=schema).label() == "c / gridplugin"


def test_is_set_and_label_follow_the_chosen_kind():
    kept = StoreChoice(GPKG, path="/data/a.gpkg", connection="c", schema="s")  # the picker keeps both
    assert kept.is_set() and kept.label() == "/data/a.gpkg" and kept.parameters() == {"STORE": "/data/a.gpkg"}
    assert not StoreChoice(GPKG).is_set() and not StoreChoice(POSTGIS, path="/data/a.gpkg").is_set()


def test_unknown_kind_and_missing_targets_are_refused_with_the_fix():
    with pytest.raises(GridInputError, match="gpkg .*or postgis"):
        StoreChoice("sqlite")
    with pytest.raises(GridInputError, match="No store chosen"):
        StoreChoice(GPKG).open()
    with pytest.raises(GridInputError, match="choose one of QGIS's PostgreSQL connections"):
        StoreChoice(POSTGIS).open()


def test_opens_a_geopackage_store_creating_it_only_when_asked(tmp_path):
    path = tmp_path / "新建 store.gpkg"
    with pytest.raises(GridInputError):
        StoreChoice.geopackage(path).open(create=False)
    assert not path.exists()
    store = StoreChoice.geopackage(path).open(create=True)
    try:
        assert isinstance(store, GpkgStore) and path.exists()
    finally:
        store.close()


def test_opens_the_postgis_store_of_a_qgis_connection(postgis_connection):
    name, schema = postgis_connection
    store = StoreChoice.from_parameters({"CONNECTION": name, "DB_SCHEMA": schema}).open()
    try:
        assert isinstance(store, PostgisStore) and store.schema == schema
    finally:
        store.close()


def test_settings_leave_the_defaults_to_the_store_and_the_time_parser():
    settings = PluginSettings()
    assert settings.db_schema == "" and settings.time_zone == ""
    assert StoreChoice(settings.store_kind, settings.store_path, settings.connection,
                       settings.db_schema).schema == DEFAULT_SCHEMA
