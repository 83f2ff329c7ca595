"""Console logins: argon2id passwords and TOTP codes, sessions that expire, failed-login rate limits, and who may
see which county (a county lead: their own; an admin: all)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from canvass_server.members import MemberError, get_member
from canvass_server.models import County, Member, utcnow

from .models import ConsoleLogin, ConsoleLoginFailure, ConsoleSession

ROLES = ("county_lead", "admin")  # the roles that may have a console login
PASSWORD_MIN = 12
IDLE = dt.timedelta(minutes=30)  # a session unused this long ends
LIFETIME = dt.timedelta(hours=12)  # and every session ends this long after login
WINDOW = dt.timedelta(minutes=15)  # failed logins are counted over this window...
MAX_FAILURES_PER_USER = 5  # ...per login name typed
MAX_FAILURES_PER_ADDRESS = 20  # ...and per client address
ISSUER = "Canvass HQ"
_hasher = PasswordHasher()  # argon2id with the library's (RFC 9106 low-memory) parameters
_DUMMY = _hasher.hash("not a password anyone has")


class ConsoleAuthError(ValueError):
    """A login cannot be set up or used; the message is for the person."""


class TooManyFailures(ConsoleAuthError):
    """Too many failed logins lately for this name or address."""


@dataclass(frozen=True)
class NewLogin:
    member_id: int
    name: str
    role: str
    totp_secret: str
    otpauth_uri: str


@dataclass(frozen=True)
class Viewer:
    """Who is signed in to the console, and the one county they are confined to (None: an admin, every county)."""

    member: Member
    county: County | None
    csrf: str

    @property
    def is_admin(self) -> bool:
        return self.county is None

    def may_see(self, county_id: int) -> bool:
        return self.county is None or self.county.id == county_id


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def set_login(session: Session, member_id: int, password: str) -> NewLogin:
    """Give an active county lead or admin a console login with this password and a new TOTP secret (replacing any
    login they had, and ending their sessions). Raises ConsoleAuthError with the reason."""
    try:
        member = get_member(session, member_id)
    except MemberError as exc:
        raise ConsoleAuthError(str(exc)) from exc
    if member.role not in ROLES:
        raise ConsoleAuthError(f"member {member.id} ({member.name}) is a {member.role}: console logins are for "
                               "county leads and admins")
    if member.status != "active":
        raise ConsoleAuthError(f"member {member.id} ({member.name}) is {member.status}")
    if len(password) < PASSWORD_MIN:
        raise ConsoleAuthError(f"the password must have at least {PASSWORD_MIN} characters")
    secret = pyotp.random_base32()
    login = session.get(ConsoleLogin, member.id)
    if login is None:
        login = ConsoleLogin(member_id=member.id)
        session.add(login)
    login.password_hash, login.totp_secret, login.last_totp_step = _hasher.hash(password), secret, 0
    session.execute(delete(ConsoleSession).where(ConsoleSession.member_id == member.id))
    session.flush()
    uri = pyotp.TOTP(secret).provisioning_uri(name=f"member {member.id} ({member.name})", issuer_name=ISSUER)
    return NewLogin(member.id, member.name, member.role, secret, uri)


def _find(session: Session, who: str) -> Member | None:
    """The member a login name means: their member number, or their email (when only one member has it)."""
    who = who.strip()
    if who.isdigit():
        return session.get(Member, int(who))
    found = session.scalars(select(Member).where(func.lower(Member.email) == who.lower())).all()
    return found[0] if len(found) == 1 else None


def _failures(session: Session, key: str, since: dt.datetime) -> int:
    return session.scalar(select(func.count()).select_from(ConsoleLoginFailure)
                          .where(ConsoleLoginFailure.key == key, ConsoleLoginFailure.at >= since)) or 0


def check_rate(session: Session, who: str, address: str) -> None:
    """Raise TooManyFailures when this name or this address failed too often in the last WINDOW."""
    since = utcnow() - WINDOW
    if (_failures(session, f"user:{who.strip().lower()}"[:160], since) >= MAX_FAILURES_PER_USER
            or _failures(session, f"ip:{address}"[:160], since) >= MAX_FAILURES_PER_ADDRESS):
        minutes = int(WINDOW.total_seconds() // 60)
        raise TooManyFailures(f"Too many failed logins. Wait {minutes} minutes, then try again.")


def record_failure(session: Session, who: str, address: str) -> None:
    session.add_all([ConsoleLoginFailure(key=f"user:{who.strip().lower()}"[:160]),
                     ConsoleLoginFailure(key=f"ip:{address}"[:160])])
    session.execute(delete(ConsoleLoginFailure).where(ConsoleLoginFailure.at < utcnow() - WINDOW))


def _totp_step(secret: str, code: str, after: int) -> int | None:
    """The time step (30 s) that `code` belongs to, now or one step either side, if later than `after`."""
    code = "".join(code.split())
    totp, now = pyotp.TOTP(secret), int(time.time()) // 30
    for step in (now - 1, now, now + 1):
        if step > after and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def verify(session: Session, who: str, password: str, code: str) -> Member:
    """The member whose password and TOTP code these are (a code is good once). The same message for every
    failure, so the form tells nobody which part was wrong."""
    refused = ConsoleAuthError("Wrong member, password or code.")
    member = _find(session, who)
    login = session.get(ConsoleLogin, member.id) if member is not None else None
    if member is None or login is None:
        try:
            _hasher.verify(_DUMMY, password)  # the same work as a real check: timing says nothing
        except VerificationError:
            pass
        raise refused
    try:
        _hasher.verify(login.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise refused from None
    step = _totp_step(login.totp_secret, code, login.last_totp_step)
    if step is None or member.status != "active" or member.role not in ROLES:
        raise refused
    login.last_totp_step = step
    if _hasher.check_needs_rehash(login.password_hash):
        login.password_hash = _hasher.hash(password)
    return member


def start_session(session: Session, member: Member) -> str:
    """A new session for a member who just logged in; returns the cookie's token (only its hash is kept)."""
    token = secrets.token_urlsafe(32)
    session.add(ConsoleSession(token_hash=_sha(token), member_id=member.id, csrf_token=secrets.token_urlsafe(32)))
    session.execute(delete(ConsoleSession).where(ConsoleSession.created_at < utcnow() - LIFETIME))
    return token


def viewer_of(session: Session, token: str | None) -> Viewer | None:
    """The signed-in viewer behind a session cookie, or None (unknown, expired, or the member is no longer an
    active county lead or admin). Using a session keeps it alive for another IDLE."""
    if not token:
        return None
    row = session.get(ConsoleSession, _sha(token))
    if row is None:
        return None
    now = utcnow()
    member = session.get(Member, row.member_id)
    if (row.created_at + LIFETIME <= now or row.last_seen_at + IDLE <= now or member is None
            or member.status != "active" or member.role not in ROLES):
        session.delete(row)
        return None
    row.last_seen_at = now
    county = None if member.role == "admin" else session.get_one(County, member.county_id)
    return Viewer(member, county, row.csrf_token)


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == _sha(token)))
