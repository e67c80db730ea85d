"""Typed SQLAlchemy 2.0 models, one module per concept."""
from models.audit import AuditEntry
from models.base import Base
from models.calendar import Calendar, CalendarChange, CalendarProposal, Step
from models.chat import Chat
from models.inbound import InboundEvent
from models.itas import ItasFigures, ItasUnitFigures
from models.joining import JoinCode, JoinRequest
from models.member import Member
from models.province import Province, get_or_create_province
from models.reminder import Delivery, Lease, Push, ReminderRules
from models.report import OitState, Report
from models.unit import Quota, Unit, UnitAlias
from models.unknown import UnclearMessage

__all__ = ["AuditEntry", "Base", "Calendar", "CalendarChange", "CalendarProposal", "Chat", "Delivery", "InboundEvent", "ItasFigures", "ItasUnitFigures", "JoinCode", "JoinRequest", "Lease", "Member", "OitState", "Province", "Push",
           "Quota", "ReminderRules", "Report", "Step", "UnclearMessage", "Unit", "UnitAlias",
           "get_or_create_province"]
