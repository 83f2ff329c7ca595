"""GET /v1/device: the calling device's status; a revoked device asking with a nonce gets the signed notice that
orders its wipe."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from canvass_protocol import wire
from canvass_server import devices
from canvass_server.api.deps import ERRORS, AnyCallerDep, KeyDep

router = APIRouter(tags=["devices"], responses=ERRORS)
Nonce = Annotated[str | None, Query(min_length=16, max_length=64, pattern=r"^[A-Za-z0-9_-]+$",
                                    description="Fresh random text; a revoked device's notice answers it")]


@router.get("/v1/device", response_model=wire.DeviceStatus)
def device_status(caller: AnyCallerDep, key: KeyDep, nonce: Nonce = None) -> wire.DeviceStatus:
    return devices.device_status(caller.device, caller.county, caller.member, signing=key.signing, nonce=nonce)
