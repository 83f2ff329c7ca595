"""GET /v1/changes: one page of one pull scope after a cursor, for the calling device's county."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from canvass_protocol import wire
from canvass_server import changes as service
from canvass_server.api.deps import ERRORS, AnyCallerDep, SessionDep, SettingsDep

router = APIRouter(tags=["sync"], responses=ERRORS)


@router.get("/v1/changes", response_model=wire.ChangesPage)
def changes(
    scope: Annotated[str, Query(max_length=20)],
    session: SessionDep,
    caller: AnyCallerDep,  # a revoked device may still pull its status (scope=device); the service refuses data
    settings: SettingsDep,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> wire.ChangesPage:
    return service.changes(session, caller, scope, cursor, settings.page_size)
