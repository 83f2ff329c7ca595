"""This device's recall petition signatures, each with the secret nonce behind its receipt, and what the receipts
the server publishes with the candidate say of it (docs/candidates.md). Signing: candidates.sign_petition."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from canvass_app.store.models import Base, OutboxOp, utcnow

# What the published receipts say of this device's signature.
VERIFIED, PENDING, MISSING, REFUSED = "verified", "pending", "missing", "refused"


class PetitionSignature(Base):
    """A signature this device made (migration 0019), with the nonce that opens its receipt."""

    __tablename__ = "petition_signature"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    candidate_id: Mapped[int] = mapped_column(Integer, index=True)
    round: Mapped[int] = mapped_column(Integer)
    nonce: Mapped[str] = mapped_column(String(64))
    receipt: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


def receipt_of(candidate_id: int, round_: int, nonce_hex: str) -> str:
    """The commitment the server publishes: SHA-256 over the candidate, the petition round and a random nonce."""
    return hashlib.sha256(f"canvass-petition-receipt:v1:{candidate_id}:{round_}:{nonce_hex}".encode()).hexdigest()


def my_signature(session: Session, candidate_id: int, round_: int) -> PetitionSignature | None:
    return session.scalar(select(PetitionSignature).where(PetitionSignature.candidate_id == candidate_id,
                                                          PetitionSignature.round == round_)
                          .order_by(PetitionSignature.created_at.desc()).limit(1))


def signature_check(session: Session, sig: PetitionSignature, published: list[str]) -> tuple[str, str | None]:
    """(status, the server's reason when refused): verified when the receipt is published and opens with the
    stored nonce; refused when the server refused the op; missing when it took the op but does not list it;
    pending until it is sent."""
    if sig.receipt in published and receipt_of(sig.candidate_id, sig.round, sig.nonce) == sig.receipt:
        return VERIFIED, None
    op = session.scalar(select(OutboxOp).where(func.json_extract(OutboxOp.payload, "$.id") == sig.id,
                                               OutboxOp.op_type == "petition_sign"))
    if op is not None and op.status == "rejected":
        return REFUSED, op.reject_reason
    if op is not None and op.status == "synced":
        return MISSING, None
    return PENDING, None
