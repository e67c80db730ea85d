"""The stored ITA calendar: the NACC's yearly steps and each province's overlay."""
from __future__ import annotations

from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy import orm

from models.base import Base, Instant, one_of
from models.province import Province

SCOPES = ("nacc", "province")
ACTORS = ("unit", "province", "nacc")
FORMS = ("IIT", "EIT", "OIT")


class Calendar(Base):
    """One loaded calendar file: a fiscal year's NACC calendar or a province's overlay."""

    __tablename__ = "calendars"
    __table_args__ = (
        one_of("scope", SCOPES, "scope"),
        sa.CheckConstraint("(scope = 'nacc') = (province_id IS NULL)", name="province_iff_overlay"),
    )

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    # "2568/nacc" or "2568/province/ลำพูน": reloading a file replaces the calendar with this key.
    key: orm.Mapped[str] = orm.mapped_column(sa.String(120), unique=True)
    year: orm.Mapped[int] = orm.mapped_column(index=True)  # fiscal year, Buddhist era
    scope: orm.Mapped[str] = orm.mapped_column(sa.String(10))
    province_id: orm.Mapped[int | None] = orm.mapped_column(sa.ForeignKey("provinces.id"))
    title: orm.Mapped[str] = orm.mapped_column(sa.String(300))
    source: orm.Mapped[str] = orm.mapped_column(sa.String(500))
    file_name: orm.Mapped[str] = orm.mapped_column(sa.String(200))
    checksum: orm.Mapped[str] = orm.mapped_column(sa.String(64))
    loaded_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    # A draft: the year its dates were carried from, until the NACC's own calendar replaces it.
    estimated_from: orm.Mapped[int | None]
    # Whether the reminder pass reads this calendar: a draft's stay off until a superadmin says so.
    reminders_on: orm.Mapped[bool] = orm.mapped_column(default=True, server_default=sa.true())
    # Changed since its file was loaded (a draft, a deadline moved in chat): `itabot init` keeps it.
    edited_at: orm.Mapped[datetime | None] = orm.mapped_column(Instant())

    province: orm.Mapped[Province | None] = orm.relationship()
    steps: orm.Mapped[list["Step"]] = orm.relationship(
        back_populates="calendar", cascade="all, delete-orphan", order_by="Step.start_date, Step.end_date"
    )


class Step(Base):
    """A dated step of a calendar, e.g. OIT answering 1 Jan – 30 Apr 2568."""

    __tablename__ = "calendar_steps"
    __table_args__ = (
        sa.UniqueConstraint("calendar_id", "key", name="uq_calendar_steps_calendar_key"),
        sa.CheckConstraint("end_date >= start_date", name="ends_after_start"),
        one_of("actor", ACTORS, "actor"),
    )

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    calendar_id: orm.Mapped[int] = orm.mapped_column(sa.ForeignKey("calendars.id", ondelete="CASCADE"), index=True)
    key: orm.Mapped[str] = orm.mapped_column(sa.String(60))
    title: orm.Mapped[str] = orm.mapped_column(sa.String(500))
    short: orm.Mapped[str] = orm.mapped_column(sa.String(80))
    start_date: orm.Mapped[date]
    end_date: orm.Mapped[date]
    end_time: orm.Mapped[time | None]
    # Comma-separated subset of FORMS in that order, e.g. "IIT,EIT"; empty for none.
    forms: orm.Mapped[str] = orm.mapped_column(sa.String(20), default="")
    actor: orm.Mapped[str] = orm.mapped_column(sa.String(10))
    source: orm.Mapped[str] = orm.mapped_column(sa.String(300), default="")
    # Overlays: the NACC step this province step comes before.
    nacc_step: orm.Mapped[str | None] = orm.mapped_column(sa.String(60))
    note: orm.Mapped[str | None] = orm.mapped_column(sa.String(500))
    # How people name the step ("ลงทะเบียน ITAS|ลงทะเบียนระบบ"): questions about it find it by these.
    words: orm.Mapped[str] = orm.mapped_column(sa.Text, default="", server_default="")

    calendar: orm.Mapped[Calendar] = orm.relationship(back_populates="steps")

    @property
    def form_tuple(self) -> tuple[str, ...]:
        return tuple(f for f in self.forms.split(",") if f)

    @property
    def word_tuple(self) -> tuple[str, ...]:
        return tuple(w for w in self.words.split("|") if w)


CHANGE_KINDS = ("draft", "load", "move", "add", "remove", "reminders")


class CalendarChange(Base):
    """One change of a year's calendar, with who made it and the step before and after: the
    year's history (`ประวัติปฏิทิน`), kept even when the calendar it changed is replaced."""

    __tablename__ = "calendar_changes"
    __table_args__ = (one_of("kind", CHANGE_KINDS, "kind"), sa.Index("ix_calendar_changes_year_at", "year", "at"))

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    year: orm.Mapped[int]
    calendar_key: orm.Mapped[str] = orm.mapped_column(sa.String(120))
    step_key: orm.Mapped[str | None] = orm.mapped_column(sa.String(60))
    kind: orm.Mapped[str] = orm.mapped_column(sa.String(10))
    at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    actor: orm.Mapped[str] = orm.mapped_column(sa.String(64))  # a LINE userId, or "cli:<command>"
    before: orm.Mapped[str | None] = orm.mapped_column(sa.Text)  # JSON
    after: orm.Mapped[str | None] = orm.mapped_column(sa.Text)  # JSON


PROPOSAL_STATES = ("pending", "applied", "cancelled", "stale")
# A deadline moved in chat, a calendar sent as a file, a province's units sent as a file.
PROPOSAL_KINDS = ("move", "file", "units")


class CalendarProposal(Base):
    """A change shown to its author and waiting for their confirm button: stored only on confirm,
    once, and only while it is fresh and what it changes has not changed meanwhile."""

    __tablename__ = "calendar_proposals"
    __table_args__ = (one_of("state", PROPOSAL_STATES, "state"), one_of("kind", PROPOSAL_KINDS, "kind"))

    id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
    kind: orm.Mapped[str] = orm.mapped_column(sa.String(10), default="move", server_default="move")
    year: orm.Mapped[int]
    actor: orm.Mapped[str] = orm.mapped_column(sa.String(64))
    chat_id: orm.Mapped[str | None] = orm.mapped_column(sa.String(64))
    created_at: orm.Mapped[datetime] = orm.mapped_column(Instant())
    # JSON: the calendars' checksums when it was made (a changed one makes it stale), and the changes.
    base: orm.Mapped[str] = orm.mapped_column(sa.Text)
    changes: orm.Mapped[str] = orm.mapped_column(sa.Text)
    state: orm.Mapped[str] = orm.mapped_column(sa.String(10), default="pending")
    decided_at: orm.Mapped[datetime | None] = orm.mapped_column(Instant())
