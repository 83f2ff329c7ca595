"""Ballots on proposed briefs: votes cast offline with a receipt to check, the ballots pulled, the receipts check."""
