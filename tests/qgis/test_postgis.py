"""The PostGIS server that `make test` starts is there, with PostGIS, for the store tests."""

from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from tests.conftest import read_postgis_env


def test_postgis_server_answers_through_the_qgis_connection_api():
    env = read_postgis_env()
    uri = QgsDataSourceUri()
    uri.setConnection(env["PGHOST"], env["PGPORT"], env["PGDATABASE"], env["PGUSER"], env["PGPASSWORD"])
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.createConnection(uri.uri(), {})
    rows = connection.executeSql("SELECT postgis_lib_version(), current_database()")
    version, database = rows[0]
    assert database == env["PGDATABASE"]
    assert int(str(version).split(".")[0]) >= 3
