"""The encrypted local store: SQLCipher engine and unit of work, key handling, ORM models, outbox, migrations."""
