"""The scene every corpus message is played in (docs/understanding.md), and what a message changed.

Lamphun's demo province with its people and chats, อบต.บ้านไผ่ at IIT 30 and EIT 12 with OIT
being answered, on Thursday 10 April 2025. Each message is posted through the webhook as its
sender would; what it wrote is read back from the database and the scene is put back as it was.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa
import yaml

from bot.clock import BANGKOK
from bot.ita.units import find_unit
from bot.line.simulator import source, text_event
from models import (AuditEntry, Chat, Delivery, InboundEvent, JoinCode, JoinRequest, Member, OitState, Province, Push, Quota, ReminderRules,
                    Report, UnclearMessage, Unit)
from tests.provinces import COORDINATOR, COORDINATORS, EXECUTIVE, OTHER_COORDINATOR, STAFF, STRANGER, UNIT_GROUP

CORPUS = Path(__file__).resolve().parents[3] / "data" / "corpus"  # also what the reader learns from
NOW = datetime(2025, 4, 10, 9, 0, tzinfo=BANGKOK)
PEOPLE = {"member": STAFF, "executive": EXECUTIVE, "coordinator": COORDINATOR, "other_coordinator": OTHER_COORDINATOR,
          "stranger": STRANGER}
OTHER_GROUP = "Cunbound"
PLACES = {"unit_group": UNIT_GROUP, "coordinators": COORDINATORS, "other_group": OTHER_GROUP}
BOT_NAMES = re.compile(r"^@(?:ITA Bot|itabot|ผู้ช่วย ITA|บอท ITA|ผู้ช่วยITA|\S+)\s*", re.IGNORECASE)


def load(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))


def reads_of(case: dict) -> list[dict]:
    return case["read"] if isinstance(case["read"], list) else [case["read"]]


@dataclass
class Outcome:
    replies: list[dict]
    effects: dict


class Scene:
    def __init__(self, app, session, line, clock):
        self.app, self.session, self.line, self.clock = app, session, line, clock
        banphai = self.unit("อบต.บ้านไผ่")
        session.add_all([Report(unit_id=banphai.id, year=2568, form=form, count=count, reported_at=NOW)
                         for form, count in (("IIT", 30), ("EIT", 12))])
        session.add(OitState(unit_id=banphai.id, year=2568, state="answering", updated_at=NOW))
        session.commit()
        self.saved = self._state()
        self.last_report = session.scalar(sa.select(sa.func.max(Report.id)))
        self.province = session.scalar(sa.select(Province).where(Province.name == "ลำพูน"))

    def unit(self, name: str) -> Unit:
        return self.session.scalar(sa.select(Unit).where(Unit.name == name))

    def resolve(self, typed: str | None) -> str | None:
        """The canonical name of a unit as typed, as the bot would find it in Lamphun."""
        if not typed:
            return None
        found = find_unit(self.session, typed, self.province.id)
        return found.unit.name if found.unit else f"? {typed}"

    def event(self, case: dict) -> dict:
        text = str(case["say"])
        user = PEOPLE[case.get("by", "member")]
        group = PLACES.get(case.get("in", "direct"))
        if case.get("mention_bot") and not text.startswith("@"):
            text = f"@ผู้ช่วย ITA {text}"
        event = text_event(text, source(user, group), clock=self.clock)
        if case.get("mention_bot"):
            length = BOT_NAMES.match(text).end()
            event["message"]["mention"] = {"mentionees": [
                {"index": 0, "length": length, "type": "user", "userId": "Ubot0000000000000000000000000000",
                 "isSelf": True}]}
        return event

    def send(self, case: dict) -> Outcome:
        at = case.get("at")
        self.clock.freeze(_instant(at) if at else NOW)
        replies = self.line.send(self.event(case))
        effects = self.effects()
        self.restore()
        return Outcome(replies, effects)

    # -- what changed ------------------------------------------------------------------------
    def _state(self) -> dict:
        s = self.session
        s.rollback()
        return {
            "quotas": {(q.unit_id, q.year): (q.iit_min, q.eit_min, q.internal_stakeholders)
                       for q in s.scalars(sa.select(Quota))},
            "oit": {(o.unit_id, o.year): o.state for o in s.scalars(sa.select(OitState))},
            "members": {m.user_id: (m.role, m.unit_id, m.province_id) for m in s.scalars(sa.select(Member))},
            "chats": {c.id: (c.unit_id, c.province_id, c.reminders_on, c.active) for c in s.scalars(sa.select(Chat))},
            "rules": {r.province_id: (r.days_before, r.at, r.working_days_only) for r in s.scalars(sa.select(ReminderRules))},
        }

    def effects(self) -> dict:
        now, before, s = self._state(), self.saved, self.session
        names = dict(s.execute(sa.select(Unit.id, Unit.name)).all())
        found: dict = {}
        reports = [{"unit": names[r.unit_id], "form": r.form, "count": r.count}
                   for r in s.scalars(sa.select(Report).where(Report.id > self.last_report).order_by(Report.id))]
        if reports:
            found["report"] = reports
        asked = [{"unit": names[r.unit_id]} for r in s.scalars(sa.select(JoinRequest).order_by(JoinRequest.id))]
        if asked:
            found["join_request"] = asked
        fields = ("iit_min", "eit_min", "internal_stakeholders")
        quotas = [{"unit": names[unit_id], "field": f, "value": new[i]}
                  for (unit_id, _), new in now["quotas"].items() for i, f in enumerate(fields)
                  if before["quotas"].get((unit_id, _), (None,) * 3)[i] != new[i]]
        if quotas:
            found["quota"] = quotas
        oit = [{"unit": names[unit_id], "state": state} for (unit_id, year), state in now["oit"].items()
               if before["oit"].get((unit_id, year)) != state]
        if oit:
            found["oit"] = oit
        for user, (role, unit_id, _) in now["members"].items():
            old = before["members"].get(user)
            if unit_id is not None and (old is None or old[1] != unit_id):
                found.setdefault("register", []).append({"unit": names.get(unit_id)})
            if old is not None and old[0] != role or old is None and role != "member":
                found.setdefault("grant", []).append({"user": user, "role": role})
        for chat_id, (unit_id, province_id, on, _) in now["chats"].items():
            old = before["chats"].get(chat_id, (None, None, True, True))
            if old[0] != unit_id and unit_id is not None and not chat_id.startswith("U"):  # a 1:1 chat follows its member
                found.setdefault("register", []).append({"unit": names.get(unit_id)})
            elif old[1] != province_id and unit_id is None and province_id is not None:
                found["bind_province"] = {"province": s.get(Province, province_id).name}
            if old[2] != on:
                found["reminders_on"] = on
        for province_id, (days, at, working) in now["rules"].items():
            if before["rules"].get(province_id) != (days, at, working):
                found["rules"] = {"days_before": [int(d) for d in days.split(",") if d], "at": at,
                                  "working_days_only": working}
        return found

    def restore(self) -> None:
        s, saved = self.session, self.saved
        s.rollback()
        s.execute(sa.delete(Report).where(Report.id > self.last_report))
        for table in (AuditEntry, InboundEvent, UnclearMessage, Delivery, Push, ReminderRules, JoinRequest, JoinCode):
            s.execute(sa.delete(table))
        for (unit_id, year), (iit, eit, staff) in saved["quotas"].items():
            s.execute(sa.update(Quota).where(Quota.unit_id == unit_id, Quota.year == year)
                      .values(iit_min=iit, eit_min=eit, internal_stakeholders=staff))
        s.execute(sa.delete(OitState).where(sa.tuple_(OitState.unit_id, OitState.year).not_in(list(saved["oit"]))))
        for (unit_id, year), state in saved["oit"].items():
            s.execute(sa.update(OitState).where(OitState.unit_id == unit_id, OitState.year == year).values(state=state))
        s.execute(sa.delete(Member).where(Member.user_id.not_in(list(saved["members"]))))
        for user, (role, unit_id, province_id) in saved["members"].items():
            s.execute(sa.update(Member).where(Member.user_id == user)
                      .values(role=role, unit_id=unit_id, province_id=province_id))
        s.execute(sa.delete(Chat).where(Chat.id.not_in(list(saved["chats"]))))
        for chat_id, (unit_id, province_id, on, active) in saved["chats"].items():
            s.execute(sa.update(Chat).where(Chat.id == chat_id)
                      .values(unit_id=unit_id, province_id=province_id, reminders_on=on, active=active))
        s.commit()
        self.line.fake.clear()


def _instant(value) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=BANGKOK)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, 9, 0, tzinfo=BANGKOK)
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=BANGKOK)
