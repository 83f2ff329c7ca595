"""Get out the vote: who has voted (imported voted files, or pulled), chase lists of supporters, ballot cure."""
