"""The alliance's own candidates as pulled (scope `candidates`), each with their record against their promises:
the questionnaire's answers set beside the official's scored votes on the same policies, vote by vote
(canvass_formats.promises, the same rule the server's `candidates show` uses), and this device's petition
signature with what the published receipts say of it. Signing queues a `petition_sign` op in the same
transaction (sent at the next sync); the signer is whoever the server knows this device by."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column
from uuid6 import uuid7

from canvass_app.candidates.petition import PetitionSignature, my_signature, receipt_of, signature_check
from canvass_app.candidates.scorecards import Scorecard
from canvass_app.i18n import translate
from canvass_app.store.database import upsert_by_id
from canvass_app.store.models import Base, County, utcnow
from canvass_app.store.outbox import enqueue
from canvass_formats import promises

PULLED_FIELDS = ("name", "official_id", "office", "state", "chamber", "district", "status", "questionnaire",
                 "petition", "endorsement_ballot_id", "recall_ballot_id", "nominations_open", "in_my_district")


class Candidate(Base):
    """A candidate as last pulled (migration 0019); `id` is the server's."""

    __tablename__ = "candidate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    official_id: Mapped[str | None] = mapped_column(String(80))  # Open Civic Data person id: their scorecard
    office: Mapped[str] = mapped_column(String(120))
    state: Mapped[str] = mapped_column(String(2))
    chamber: Mapped[str] = mapped_column(String(20))
    district: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(10))  # vetting, endorsed, withdrawn, recalled
    questionnaire: Mapped[list[Any]] = mapped_column(JSON, default=list)  # wire.QuestionnaireItem
    petition: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # wire.PetitionState
    endorsement_ballot_id: Mapped[int | None] = mapped_column(Integer)
    recall_ballot_id: Mapped[int | None] = mapped_column(Integer)
    nominations_open: Mapped[bool] = mapped_column(Boolean, default=False)
    in_my_district: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


def apply_pulled_candidates(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    """Upsert pulled candidates by the server's id (a pull.APPLY function); a refetch sends them all again."""
    return len(upsert_by_id(session, Candidate, items, PULLED_FIELDS, updated_at=utcnow()))


@dataclass(frozen=True)
class CandidateView:
    """A candidate with the petition as this device sees it and their record against their promises."""

    id: int
    name: str
    official_id: str | None
    office: str
    state: str
    chamber: str
    district: str
    status: str
    questionnaire: list[dict[str, Any]]
    petition: dict[str, Any]  # round, open, signatures, needed (receipts left out)
    endorsement_ballot_id: int | None
    recall_ballot_id: int | None
    nominations_open: bool
    in_my_district: bool
    my_signature: str | None  # verified, pending, missing, refused; None when this device has not signed
    my_signature_reason: str | None
    my_receipt: str | None
    record: list[promises.PromiseCheck]
    scored: bool  # the official's scorecard is on this device (False: a newcomer, or not pulled yet)

    @property
    def may_sign(self) -> bool:
        return bool(self.petition.get("open")) and self.in_my_district and self.my_signature is None

    @property
    def broken(self) -> int:
        return sum(c.verdict == promises.BROKEN for c in self.record)

    def as_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k not in ("record", "my_signature_reason")}
        data["may_sign"] = self.may_sign
        data["my_signature"] = None if self.my_signature is None else {
            "status": self.my_signature, "receipt": self.my_receipt, "reason": self.my_signature_reason}
        del data["my_receipt"]
        data["record"] = [c.as_dict() for c in self.record]
        data["record_summary"] = promises.summary(self.record)
        return data


def _view(session: Session, c: Candidate) -> CandidateView:
    petition = dict(c.petition or {})
    published = list(petition.pop("receipts", []) or [])
    sig = my_signature(session, c.id, int(petition.get("round") or 1))
    status, reason = signature_check(session, sig, published) if sig is not None else (None, None)
    card = session.get(Scorecard, c.official_id) if c.official_id else None
    record = promises.compare(c.questionnaire or [], card.votes or []) if card is not None else []
    return CandidateView(c.id, c.name, c.official_id, c.office, c.state, c.chamber, c.district, c.status,
                         list(c.questionnaire or []), petition, c.endorsement_ballot_id, c.recall_ballot_id,
                         c.nominations_open, c.in_my_district, status, reason, sig.receipt if sig else None, record,
                         card is not None)


def list_candidates(session: Session) -> list[CandidateView]:
    """Every candidate: those of the member's district first, then by state, chamber, district and name."""
    rows = session.scalars(select(Candidate).order_by(Candidate.in_my_district.desc(), Candidate.state,
                                                      Candidate.chamber, Candidate.district, Candidate.name))
    return [_view(session, c) for c in rows]


class SignRefused(ValueError):
    """The petition cannot be signed from here; the message is for people."""


@dataclass(frozen=True)
class Signed:
    id: str
    candidate_id: int
    round: int
    receipt: str
    outbox_seq: int


def sign_petition(session: Session, candidate_id: int) -> Signed:
    """Sign the recall petition of a candidate as last pulled (offline; sent at the next sync). Raises SignRefused
    for an unknown candidate, a closed petition, a district that is not the member's, or a second signature."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise SignRefused(translate("Candidates", "no such candidate here: sync first to receive the candidates"))
    petition = candidate.petition or {}
    if not petition.get("open"):
        raise SignRefused(translate("Candidates", "this candidate's recall petition takes no signatures now"))
    if not candidate.in_my_district:
        raise SignRefused(translate("Candidates", "only members of the candidate's district sign the petition"))
    round_ = int(petition.get("round") or 1)
    if my_signature(session, candidate_id, round_) is not None:
        raise SignRefused(translate("Candidates", "you have already signed this petition"))
    nonce = secrets.token_bytes(32).hex()
    sig = PetitionSignature(id=str(uuid7()), candidate_id=candidate_id, round=round_, nonce=nonce,
                            receipt=receipt_of(candidate_id, round_, nonce), created_at=utcnow())
    session.add(sig)
    op = enqueue(session, "petition_sign", {"id": sig.id, "candidate_id": candidate_id, "round": round_,
                                            "receipt": sig.receipt, "created_at": sig.created_at.isoformat()})
    return Signed(sig.id, candidate_id, round_, sig.receipt, op.seq)
