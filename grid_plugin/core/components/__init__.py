"""Components (部件): class tables, component IDs and their validation."""
