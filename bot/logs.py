"""Logging: one format for every process, each line carrying the webhookEventId it is about, so that
an error can be found in the record without the log holding what people wrote."""
from __future__ import annotations

import logging
from contextvars import ContextVar

# The event being handled on this thread ("-" outside one).
current_event: ContextVar[str] = ContextVar("current_event", default="-")

FORMAT = "%(asctime)s %(levelname)s %(name)s [event %(event_id)s]: %(message)s"


def configure() -> None:
    """Once per process (create_app may run many times: tests). Every record, whichever handler
    takes it, is made with the event id of its moment."""
    plain = logging.getLogRecordFactory()
    if not getattr(plain, "names_the_event", False):
        def with_event(*args, **kwargs) -> logging.LogRecord:
            record = plain(*args, **kwargs)
            record.event_id = current_event.get()
            return record

        with_event.names_the_event = True
        logging.setLogRecordFactory(with_event)
    logging.basicConfig(level=logging.INFO, format=FORMAT)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its per-run chatter drowns `itabot chat`
