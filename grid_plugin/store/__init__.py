"""Case, grid and component stores behind one interface (GeoPackage and PostGIS backends)."""
