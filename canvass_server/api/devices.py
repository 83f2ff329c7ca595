"""GET /v1/device: the calling device's status (revoked devices are told to wipe their voter data)."""

from __future__ import annotations

from fastapi import APIRouter

from canvass_protocol import wire
from canvass_server import devices
from canvass_server.api.deps import ERRORS, AnyCallerDep

router = APIRouter(tags=["devices"], responses=ERRORS)


@router.get("/v1/device", response_model=wire.DeviceStatus)
def device_status(caller: AnyCallerDep) -> wire.DeviceStatus:
    return devices.device_status(caller.device, caller.county, caller.member)
