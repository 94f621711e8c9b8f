"""One module per algorithm."""
