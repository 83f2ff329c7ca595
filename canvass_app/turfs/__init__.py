"""Turfs: cutting a county into turfs, walk order, doors, and the printed walk list."""
