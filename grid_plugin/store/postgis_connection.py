"""Reaching the PostGIS server through a QGIS connection, and what a failure tells the user.

The database is reached through a QGIS connection chosen by name (Browser > PostgreSQL): host,
database and user come from that connection and the password from it or from its authentication
configuration, so no credential is ever written into a project, a parameter or a log line.

A failed write says the server's reason and what was lost. A write runs in one transaction, so
a refused write saves nothing; a lost connection (the server restarted, the network dropped, an
administrator ended the session) loses the transaction on the server, and saying so is all there
is to do: rolling back on a dead connection would only raise "connection already closed". The
server's reason is its primary message and detail, never its CONTEXT: for COPY that holds a line
number of the data sent, which is not a row of the user's file.
"""

from __future__ import annotations

import psycopg2
import psycopg2.errors

from grid_plugin.store.base import StoreError

_MAX_REASON = 300  # characters of the server's reason in a message (a failing row's DETAIL can be long)


def connection_parameters(name: str) -> tuple[dict[str, str], str]:
    """psycopg2 keyword arguments of a saved QGIS PostgreSQL connection, and the connection's
    URI without its password (for layers). Raises StoreError when there is no such connection."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = metadata.findConnection(name)
    except Exception:  # QgsProviderConnectionException when missing (raised, not returned, in 3.22)
        connection = None
    if connection is None:
        known = ", ".join(sorted(metadata.connections())) or "none"
        raise StoreError("There is no QGIS PostgreSQL connection named '{name}' (known: {known}); add it under "
                         "Browser > PostgreSQL > New Connection.", name=name, known=known)
    uri = QgsDataSourceUri(connection.uri())
    public = QgsDataSourceUri(connection.uri())
    public.setPassword("")
    user, password = uri.username(), uri.password()
    if uri.authConfigId():  # user and password from QGIS's encrypted authentication database
        config = QgsAuthMethodConfig()
        loaded = QgsApplication.authManager().loadAuthenticationConfig(uri.authConfigId(), config, True)
        loaded = loaded[0] if isinstance(loaded, tuple) else loaded
        if not loaded or config.method() != "Basic":
            raise StoreError("The authentication configuration {authcfg} of connection '{name}' cannot be used: "
                             "it must exist and be of type Basic (user name and password).",
                             authcfg=uri.authConfigId(), name=name)
        user, password = config.config("username") or user, config.config("password")
    parameters = {"host": uri.host(), "port": uri.port(), "dbname": uri.database(), "user": user,
                  "password": password, "service": uri.service()}
    return {key: value for key, value in parameters.items() if value}, public.uri(False)



def is_lost(conn, error: BaseException) -> bool:
    """True when the error means the connection is gone (psycopg2 marks the connection closed)."""
    return bool(conn.closed) or isinstance(error, psycopg2.InterfaceError)


def reason(error: BaseException) -> str:
    """The server's primary message (and detail), or the driver's first line; never the CONTEXT."""
    diag = getattr(error, "diag", None)
    primary = getattr(diag, "message_primary", None)
    detail = getattr(diag, "message_detail", None)
    if primary:
        text = f"{primary}; {detail}" if detail else primary
    else:
        lines = [line.strip() for line in str(error).splitlines() if line.strip()]
        text = lines[0] if lines else type(error).__name__
    return text if len(text) <= _MAX_REASON else text[:_MAX_REASON - 3] + "..."


def connection_lost(store: str, error: BaseException, importing: bool | None) -> StoreError:
    """`importing`: True for an import, False for another write, None for a read."""
    if importing:
        return StoreError("The connection to the database of {store} was lost during the import ({error}); nothing "
                          "was imported. Check that the server is running and run the import again.",
                          store=store, error=reason(error))
    if importing is False:
        return StoreError("The connection to the database of {store} was lost ({error}); nothing was saved. Check "
                          "that the server is running and run again.", store=store, error=reason(error))
    return StoreError("The connection to the database of {store} was lost ({error}). Check that the server is "
                      "running and run again.", store=store, error=reason(error))


def refused(store: str, error: BaseException, importing: bool) -> StoreError:
    if isinstance(error, psycopg2.errors.InsufficientPrivilege):
        return StoreError("The database user of {store} lacks a right this needs ({error}); nothing was saved. Ask "
                          "the database's owner to grant it (a new store needs CREATE on the database, or on its "
                          "schema), or choose another schema.", store=store, error=reason(error))
    if importing:
        return StoreError("The database of {store} refused the import ({error}); nothing was imported.",
                          store=store, error=reason(error))
    return StoreError("The database of {store} refused the change ({error}); nothing was saved.",
                      store=store, error=reason(error))
