"""Parameters that several algorithms share, one module a family: the case store (store.py), the
input tables (tables.py), components (components.py), default-location piles (piles.py) and the
inputs of the division (division.py); each declares its parameters and reads what they name."""
