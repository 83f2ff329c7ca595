"""Voters: importing a voter file into the store, search and filtered queries, the demo county."""
