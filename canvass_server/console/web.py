"""The console's web plumbing: the mounted sub-application, the signed-in viewer, CSRF checks, cookies, security
headers, audit entries and HTML error pages. The pages themselves are in pages.py and manage.py."""

from __future__ import annotations

import hmac
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Form, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session
from starlette.datastructures import State
from starlette.exceptions import HTTPException as StarletteHTTPException

from canvass_server import rollup_queue
from canvass_server.api.deps import SessionDep
from canvass_server.models import County

from . import auth
from .models import AuditEntry

HERE = Path(__file__).parent
COOKIE = "canvass_console"  # the session token
LOGIN_COOKIE = "canvass_console_login"  # the login form's CSRF token, before there is a session
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
# No script runs in the console at all; styles and images come from the console itself.
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'")
templates = Jinja2Templates(directory=HERE / "templates")


class ConsoleError(Exception):
    """A request the console refuses, shown as a page: 403 another county, 404 nothing there, 400 bad input."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class LoginNeeded(Exception):
    """No valid session: the browser is sent to the login page."""


def base(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def secure_cookies(request: Request) -> bool:
    """Cookies are Secure except over plain http on loopback (tests and a first look on the host itself)."""
    return not (request.url.scheme == "http" and (request.url.hostname or "") in LOOPBACK)


def set_cookie(response: Response, request: Request, name: str, value: str) -> None:
    response.set_cookie(name, value, httponly=True, secure=secure_cookies(request), samesite="strict",
                        path=base(request) or "/")


def address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def render(request: Request, name: str, viewer: auth.Viewer | None, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"viewer": viewer, "base": base(request), "status": status,
                                                **context},
                                      status_code=status)


def get_viewer(request: Request, session: SessionDep) -> auth.Viewer:
    viewer = auth.viewer_of(session, request.cookies.get(COOKIE))
    if viewer is None:
        raise LoginNeeded()
    return viewer


ViewerDep = Annotated[auth.Viewer, Depends(get_viewer)]


def drained(request: Request) -> None:
    """Before a page reads the rollups: count what pushes queued for them (canvass_server.rollup_queue), in a
    transaction of its own, so the page is exact. A route dependency, solved before the page's session starts
    (on SQLite that session would hold the write lock the drain needs)."""
    rollup_queue.drain_all(request.app.state.db)


DRAINED = [Depends(drained)]  # `dependencies=` of the pages that read rollups


def checked(viewer: ViewerDep, csrf: Annotated[str, Form()] = "") -> auth.Viewer:
    """The viewer of a form POST whose CSRF token is the session's (else 403)."""
    if not hmac.compare_digest(csrf.encode(), viewer.csrf.encode()):
        raise ConsoleError(403, "This form did not come from your console session (or the session was renewed): "
                                "reload the page and try again.")
    return viewer


FormViewerDep = Annotated[auth.Viewer, Depends(checked)]


def county_for(session: Session, viewer: auth.Viewer, county_id: int) -> County:
    """The county, if this viewer may see it: 404 when there is none, 403 another county's for a county lead."""
    county = session.get(County, county_id)
    if county is None:
        raise ConsoleError(404, f"There is no county {county_id}.")
    if not viewer.may_see(county.id):
        raise ConsoleError(403, f"Your login covers {viewer.county.name if viewer.county else ''} only.")
    return county


def audit(session: Session, request: Request, viewer: auth.Viewer | None, action: str, *, target: str = "",
          county_id: int | None = None, detail: dict[str, Any] | None = None, member_id: int | None = None) -> None:
    """Write one audit entry in the change's own transaction (by the viewer, or by `member_id` at login)."""
    session.add(AuditEntry(member_id=viewer.member.id if viewer else member_id, county_id=county_id, action=action,
                           target=target[:120], detail=detail, address=address(request)[:64]))


def build(state: State) -> FastAPI:
    """The console as an app to mount under /console; it shares the main app's state (database, settings, key)."""
    from . import login, manage, pages

    app = FastAPI(title="Canvass HQ console", docs_url=None, redoc_url=None, openapi_url=None)
    app.state = state
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (login, pages, manage):
        app.include_router(module.router)

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        if not request.url.path.startswith(base(request) + "/static"):
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.exception_handler(LoginNeeded)
    async def login_needed(request: Request, _exc: LoginNeeded) -> Response:
        return RedirectResponse(base(request) + "/login", status_code=303)

    @app.exception_handler(ConsoleError)
    async def refused(request: Request, exc: ConsoleError) -> Response:
        return render(request, "error.html", None, exc.status, message=exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        fields = sorted({str(e.get("loc", ("", ""))[-1]) for e in exc.errors()})
        return render(request, "error.html", None, 400, message=f"Check what you typed in: {', '.join(fields)}.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return render(request, "error.html", None, exc.status_code, message=str(exc.detail))

    return app
