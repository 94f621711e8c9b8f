"""Unit grids: division (lattice and road-following), precision, codes, stability and validation."""
