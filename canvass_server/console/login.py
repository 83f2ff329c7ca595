"""Logging in (member number or email, password, TOTP code) and out of the console."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from canvass_server.api.deps import SessionDep

from . import auth
from .web import COOKIE, LOGIN_COOKIE, ConsoleError, FormViewerDep, audit, base, render, set_cookie

router = APIRouter()


@router.get("/login")
def login_page(request: Request, session: SessionDep) -> Response:
    if auth.viewer_of(session, request.cookies.get(COOKIE)) is not None:
        return RedirectResponse(base(request) + "/", status_code=303)
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(32)
    response = render(request, "login.html", None, csrf=token)
    set_cookie(response, request, LOGIN_COOKIE, token)
    return response


@router.post("/login")
def login(request: Request, session: SessionDep, who: Annotated[str, Form()] = "",
          password: Annotated[str, Form()] = "", code: Annotated[str, Form()] = "",
          csrf: Annotated[str, Form()] = "") -> Response:
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not hmac.compare_digest(csrf.encode(), expected.encode()):
        raise ConsoleError(403, "This login form has expired or did not come from the console: reload it.")
    where = request.client.host if request.client else "unknown"
    try:
        auth.check_rate(session, who, where)
        member = auth.verify(session, who, password, code)
    except auth.TooManyFailures as exc:
        return render(request, "login.html", None, 429, csrf=expected, error=str(exc), who=who)
    except auth.ConsoleAuthError as exc:
        auth.record_failure(session, who, where)
        audit(session, request, None, "login_failed", target=who)
        return render(request, "login.html", None, 401, csrf=expected, error=str(exc), who=who)
    token = auth.start_session(session, member)
    audit(session, request, None, "login", target=f"member {member.id}", county_id=member.county_id,
          member_id=member.id)
    response = RedirectResponse(base(request) + "/", status_code=303)
    set_cookie(response, request, COOKIE, token)
    response.delete_cookie(LOGIN_COOKIE, path=base(request) or "/")
    return response


@router.post("/logout")
def logout(request: Request, session: SessionDep, viewer: FormViewerDep) -> Response:
    auth.end_session(session, request.cookies.get(COOKIE))
    audit(session, request, viewer, "logout", target=f"member {viewer.member.id}")
    response = RedirectResponse(base(request) + "/login", status_code=303)
    response.delete_cookie(COOKIE, path=base(request) or "/")
    return response
