"""Addresses: parsing and geocoding Chinese addresses to unit grids."""
