"""Alembic environment for the local store: always run on the connection the store hands over."""

from alembic import context

from canvass_app.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic revision --autogenerate` during development, against a scratch file
    from sqlalchemy import create_engine

    connection = create_engine(context.config.get_main_option("sqlalchemy.url") or "sqlite://").connect()

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
