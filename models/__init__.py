"""Typed SQLAlchemy 2.0 models, one module per concept."""
from models.base import Base
from models.calendar import Calendar, Step
from models.chat import Chat
from models.inbound import InboundEvent
from models.province import Province, get_or_create_province

__all__ = ["Base", "Calendar", "Chat", "InboundEvent", "Province", "Step", "get_or_create_province"]
