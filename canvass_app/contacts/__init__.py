"""Contact attempts: logging, undoing and correcting results, listing them, entering paper results."""
