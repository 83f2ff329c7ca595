"""The console's tables (migration 0003): logins of members, their sessions, failed logins, and the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from canvass_server.models import Base, ContactAttempt, utcnow


class ConsoleLogin(Base):
    """A member's console login: an argon2id password hash and a TOTP secret (set by `console-user`)."""

    __tablename__ = "console_login"

    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    totp_secret: Mapped[str] = mapped_column(String(64))
    last_totp_step: Mapped[int] = mapped_column(default=0)  # a code is accepted once (no replay)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ConsoleSession(Base):
    """A signed-in browser: only the cookie token's SHA-256 is kept; it ends when idle or old (auth.py)."""

    __tablename__ = "console_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ConsoleLoginFailure(Base):
    """One failed login, by what was typed and by address: the rate limit counts these (auth.py)."""

    __tablename__ = "console_login_failure"
    __table_args__ = (Index("ix_console_login_failure_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160))  # "user:<typed>" or "ip:<address>"
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Every change made through the console (and every login), who made it, where and when."""

    __tablename__ = "console_audit"
    __table_args__ = (Index("ix_console_audit_county_at", "county_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))  # None: a failed login
    county_id: Mapped[int | None] = mapped_column(ForeignKey("county.id"))  # the county the change touched
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(120), default="")
    detail: Mapped[dict[str, Any] | None]
    address: Mapped[str | None] = mapped_column(String(64))


# "Effective" results (stats.effective) ask of every contact row whether a later row corrects it: on millions of rows
# that NOT EXISTS needs this index (made by migration 0003, with the console's overview that leans on it).
Index("ix_contact_attempt_corrects_id", ContactAttempt.corrects_id)
