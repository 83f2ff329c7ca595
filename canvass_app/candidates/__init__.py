"""Candidates on their record: officials' scorecards against the adopted briefs, as pulled, and their printout."""
