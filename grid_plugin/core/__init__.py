"""Pure logic of the plugin: stdlib, numpy, shapely and pyproj only (no qgis, no Qt)."""
