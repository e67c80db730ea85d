"""Who may do what: every permission is decided here, every refusal audited here.

A command declares what it needs, a role and a scope (`Need`); the dispatcher finds the
command's subject (the unit or province it acts on) and asks `refusal` before the handler
runs. Handlers never check permissions themselves.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Protocol

from bot import texts
from bot.audit import audit
from bot.context import Context, Subject
from models import Chat, Member, Unit


class Role(IntEnum):
    """Ordered: a role may do everything the roles below it may."""

    ANYONE = 0
    MEMBER = 1
    EXECUTIVE = 2
    COORDINATOR = 3
    SUPERADMIN = 4


class Scope(Enum):
    """Where the role must hold."""

    ANYWHERE = "anywhere"  # nothing in particular
    UNIT = "unit"  # the unit the message names, else the one the chat or the sender speaks for
    PROVINCE = "province"  # the province the message names, else the chat's, else the sender's


@dataclass(frozen=True)
class Need:
    role: Role
    scope: Scope


ANYONE = Need(Role.ANYONE, Scope.ANYWHERE)
UNIT_MEMBER = Need(Role.MEMBER, Scope.UNIT)  # the unit's staff (or anyone in its own group), its coordinators
UNIT_EXECUTIVE = Need(Role.EXECUTIVE, Scope.UNIT)  # the unit's executives, its coordinators
UNIT_COORDINATOR = Need(Role.COORDINATOR, Scope.UNIT)  # coordinators of the unit's province
PROVINCE_COORDINATOR = Need(Role.COORDINATOR, Scope.PROVINCE)  # coordinators of that province
SUPERADMIN = Need(Role.SUPERADMIN, Scope.ANYWHERE)  # the NACC's own matters: its calendar, new years

_BY_NAME = {"member": Role.MEMBER, "executive": Role.EXECUTIVE, "coordinator": Role.COORDINATOR,
            "superadmin": Role.SUPERADMIN}


class Guarded(Protocol):
    """A command or postback as permissions see it."""

    name: str
    need: Need
    refused: str  # what the person may not do, for the refusal: "รายงานยอดของ {subject}"


def role_of(member: Member | None) -> Role:
    return _BY_NAME.get(member.role, Role.ANYONE) if member is not None else Role.ANYONE


def permits(member: Member | None, chat: Chat | None, need: Need, subject: Subject) -> bool:
    """The one rule: coordinators act within their province, staff within their own unit; and what
    changes a chat (its binding, its reminders) only those who keep it may change."""
    if subject.chat is not None and not keeps(member, subject.chat):
        return False
    role = role_of(member)
    if need.role is Role.ANYONE or role is Role.SUPERADMIN:
        return True
    if need.role is Role.SUPERADMIN:
        return False
    if role is Role.COORDINATOR:
        # Nothing named yet: let the handler say what is missing; it cannot act on anything.
        return subject.province_id in (None, member.province_id)
    if need.scope is not Scope.UNIT or need.role > Role.EXECUTIVE:
        return False  # the province's matters are its coordinators'
    if subject.unit is None:
        return role >= need.role
    own_unit = member.unit_id if member is not None else None
    if need.role is Role.EXECUTIVE:
        return role is Role.EXECUTIVE and own_unit == subject.unit.id
    # In a unit's own group everyone speaks for the unit (the group's binding was approved).
    return subject.unit.id in (own_unit, chat.unit_id if chat is not None else None)


def sees_province_pages(member: Member | None, province_id: int) -> bool:
    """Who may open a province's dashboard and export through a link made for them: its coordinators
    and superadmins, checked on every visit, so a role revoked closes the link at once."""
    role = role_of(member)
    return role is Role.SUPERADMIN or (role is Role.COORDINATOR and member.province_id == province_id)


def keeps(member: Member | None, chat: Chat) -> bool:
    """Who may rebind a chat or switch its reminders: anyone their own 1:1 chat or a group bound to
    nothing; a coordinators' group, its province's coordinators; a unit's group, those and the
    unit's own members."""
    if chat.kind == "user" or (chat.unit_id is None and chat.province_id is None):
        return True
    role = role_of(member)
    if role is Role.SUPERADMIN:
        return True
    if role is Role.COORDINATOR:
        return member.province_id == chat.province_id
    return chat.unit_id is not None and member is not None and member.unit_id == chat.unit_id


def joins_directly(member: Member | None, unit: Unit, code_given: bool) -> bool:
    """Whether a person may make themselves, or a group, speak for `unit` without a coordinator's
    approval: with the unit's join code, as one of its province's coordinators, or as its own staff."""
    role = role_of(member)
    if code_given or role is Role.SUPERADMIN:
        return True
    if role is Role.COORDINATOR:
        return member.province_id == unit.province_id
    return member is not None and member.unit_id == unit.id


def changes_naccs_calendar(member: Member | None) -> bool:
    """Whose calendar a move changes: a superadmin's, the NACC's; a coordinator's, their province's."""
    return role_of(member) is Role.SUPERADMIN


def may_change_role(actor: Member | None, target: Member | None, province_id: int) -> bool:
    """A coordinator grants and revokes within their own province: never a superadmin, never
    someone who belongs to another province."""
    if role_of(actor) is Role.SUPERADMIN or target is None:
        return True
    return role_of(target) is not Role.SUPERADMIN and target.province_id in (None, province_id)


def refusal(ctx: Context, command: Guarded, subject: Subject, sent: str) -> str | None:
    """None when the sender may run `command` on `subject`; else the Thai refusal, audited."""
    if command.need.role is Role.ANYONE and subject.chat is None:
        return None  # no membership to look up for what anyone may do
    if permits(ctx.sender, ctx.chat, command.need, subject):
        return None
    target = subject.name or (ctx.chat.id if ctx.chat is not None else None)
    audit(ctx.session, ctx.now, ctx.user_id, f"command.{command.name}", target, allowed=False, after=sent[:500])
    if subject.chat is not None and not keeps(ctx.sender, subject.chat):
        return texts.NOT_THE_CHATS_KEEPER
    if command.need == UNIT_MEMBER and subject.unit is None:
        return texts.NO_UNIT  # staff become members by registering: say how
    if command.refused and subject.name:
        what = command.refused.format(subject=subject.name)
        sender = ctx.sender
        if subject.unit is not None and role_of(sender) is Role.COORDINATOR and sender.province is not None:
            return texts.REFUSED_OTHER_PROVINCE.format(unit=subject.unit.name, province=subject.unit.province.name,
                                                       own=sender.province.name, what=what)
        return texts.REFUSED.format(what=what)
    return texts.NOT_ALLOWED
