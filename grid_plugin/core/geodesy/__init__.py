"""Coordinate systems: CGCS2000 and its Gauss-Krüger zones, GCJ-02/BD-09 offsets, BeiDou grid codes, reprojection."""
