"""Qt item models over core services (one per view)."""
