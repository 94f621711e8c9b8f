"""Names that become SQL identifiers: the rules they must meet, and their quoting.

A name that reaches SQL is always quoted, never trusted because it looks plain: a PostGIS schema
typed by a user, a GeoPackage output's table (its file name) and its columns (a layer's field
names) may hold quotes, spaces, semicolons, per cent signs or Chinese characters and still be
good names. What a name cannot be is refused here, with a message naming it and the fix:
PostgreSQL keeps only the first 63 bytes of an identifier (a Chinese character takes 3 in UTF-8)
and would silently merge two long names into one, text cannot carry a NUL byte, and PostgreSQL
reserves its system schemas.
"""

from __future__ import annotations

from grid_plugin.core.errors import GridInputError


class StoreError(GridInputError):
    """The store cannot be opened or used as it is (wrong file, newer schema, no server, a name it cannot
    hold). Defined with the names it most often refuses; grid_plugin.store.base gives it to the store."""

PG_MAX_IDENTIFIER_BYTES = 63  # NAMEDATALEN - 1: PostgreSQL cuts longer identifiers silently


def shown(name: str) -> str:
    """A name for a message: control characters (NUL, tab, line breaks) written as escapes."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name)


def check_schema_name(schema: str) -> str:
    """The PostGIS schema name of a store as given, or a StoreError saying what to change.

    `public` is accepted: the store keeps its own tables there like anywhere else, and refuses a
    schema that already holds tables of its names made by someone else (PostgisStore)."""
    if not schema:
        raise StoreError("The PostGIS schema name is empty; give one, e.g. gridplugin.")
    if any(not c.isprintable() for c in schema):
        raise StoreError("The PostGIS schema name '{schema}' contains a control character (a NUL character, tab "
                         "or line break); type the name again without it.", schema=shown(schema))
    if schema != schema.strip():
        raise StoreError("The PostGIS schema name '{schema}' begins or ends with a space, which PostgreSQL would "
                         "keep as part of the name; remove the space.", schema=schema)
    size = len(schema.encode("utf-8"))
    if size > PG_MAX_IDENTIFIER_BYTES:
        raise StoreError("The PostGIS schema name '{schema}' is {size} bytes long in UTF-8 (a Chinese character "
                         "takes 3); PostgreSQL keeps only the first 63 and would silently make two such names one "
                         "store. Choose a shorter name.", schema=schema, size=size)
    if schema.startswith("pg_") or schema == "information_schema":
        raise StoreError("The PostGIS schema name '{schema}' is reserved for PostgreSQL's own catalogs (names "
                         "beginning with pg_, and information_schema); choose another name, e.g. gridplugin.",
                         schema=schema)
    return schema


def check_pg_identifier(name: str) -> str:
    """A table, index or constraint name the store makes itself: refused when PostgreSQL would cut it."""
    size = len(name.encode("utf-8"))
    if size > PG_MAX_IDENTIFIER_BYTES or "\x00" in name:
        raise StoreError("The database name '{name}' that the store makes is {size} bytes long; PostgreSQL keeps "
                         "only 63 and would silently cut it. This is a fault of the plugin: please report it.",
                         name=shown(name), size=size)
    return name


def quote_sqlite(name: str) -> str:
    """An SQLite (GeoPackage) identifier, quoted: any text but a NUL byte, double quotes doubled."""
    if "\x00" in name:
        raise StoreError("The name '{name}' contains a NUL character (\\x00), which a GeoPackage cannot hold in a "
                         "table or column name; rename it.", name=shown(name))
    return '"' + name.replace('"', '""') + '"'


def sqlite_names(names) -> str:
    """Quoted identifiers, comma separated."""
    return ", ".join(quote_sqlite(name) for name in names)
