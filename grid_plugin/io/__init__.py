"""File formats and writers below the store: the GeoPackage format (core tables, R-tree, geometry
blobs), the feature files Processing writes, the export formats, and quoted SQL names."""
