"""The loopback cluster of tools/cluster.py (nginx, N `canvass-server serve` nodes, PgBouncer, PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cluster import Cluster, cluster, missing_tools

from canvass_server.db import Database


@pytest.fixture
def lb_cluster() -> Iterator[Cluster]:
    """Two single-worker nodes behind nginx, PgBouncer in transaction mode, a fresh PostgreSQL (fsync off)."""
    missing = missing_tools()
    if missing:
        pytest.skip(f"the cluster needs {', '.join(missing)}: run tools/system-deps.sh (apt-get install "
                    "postgresql nginx-light pgbouncer)")
    with cluster(nodes=2, workers=1, durable=False) as c:
        yield c


@pytest.fixture
def cluster_db(lb_cluster: Cluster) -> Iterator[Database]:
    """PostgreSQL itself (not through PgBouncer), for seeding and for counting what arrived."""
    database = Database.connect(lb_cluster.database_url)
    yield database
    database.dispose()
