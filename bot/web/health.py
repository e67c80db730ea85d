"""GET /healthz (the process answers and the database is reachable) and GET /metrics (Prometheus)."""
from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import Blueprint, Response, current_app

from bot import db
from bot.metrics import CONTENT_TYPE, from_the_ledger

log = logging.getLogger(__name__)
bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    try:
        with db.sessionmaker(current_app)() as session:
            session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError as error:
        log.warning("health: the database is unreachable (%s)", type(error).__name__)
        return {"status": "unavailable", "database": "unreachable"}, 503
    return {"status": "ok", "database": "ok"}


@bp.get("/metrics")
def metrics():
    app = current_app._get_current_object()

    def backlog() -> dict[str, float]:
        try:
            with db.sessionmaker(app)() as session:
                return from_the_ledger(session, app.extensions["itabot.clock"].now())
        except sa.exc.SQLAlchemyError:
            return {}  # /healthz says why; the counters are still worth having

    return Response(app.extensions["itabot.metrics"].exposition(backlog), content_type=CONTENT_TYPE)
