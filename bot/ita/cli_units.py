"""`itabot units ...` and `itabot admin ...`: units, minimums and the first coordinators."""
from __future__ import annotations

from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from bot import db
from bot.audit import audit
from bot.ita.calendar import fiscal_year_be
from bot.ita.unit_import import apply_rows, read_rows
from bot.ita.unit_years import RolloverRefused, rollover
from models import Member, Province, Quota, Unit
from models.member import ROLES


def _now():
    return current_app.extensions["itabot.clock"].now()


@click.group("units")
def units_group() -> None:
    """Import and list assessed units and their minimums."""


@units_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--year", type=int, help="Fiscal year (BE) of the minimums; default: the current one.")
@click.option("--skip-bad", is_flag=True, help="Apply the good rows even when some are bad.")
@with_appcontext
def units_import(file: Path, year: int | None, skip_bad: bool) -> None:
    """Upsert units by (province, unit) from CSV or XLSX: province, unit, type, iit_min, eit_min
    [, internal_stakeholders, aliases]."""
    year = year or fiscal_year_be(_now().date())
    rows, rejected = read_rows(file)
    for number, reason in rejected:
        click.echo(f"row {number}: rejected: {reason}", err=True)
    if rejected and not skip_bad:
        click.echo(f"nothing applied: {len(rejected)} bad row(s); fix them or use --skip-bad", err=True)
        raise SystemExit(1)
    with db.sessionmaker()() as session, session.begin():
        added, updated = apply_rows(session, rows, year)
        audit(session, _now(), "cli:units import", "units.import", file.name,
              after={"year": year, "added": len(added), "updated": len(updated), "rejected": len(rejected)})
    click.echo(f"year {year}: {len(added)} added, {len(updated)} updated, {len(rejected)} rejected")
    if added:
        click.echo("added rows: " + ", ".join(map(str, added)))
    if updated:
        click.echo("updated rows: " + ", ".join(map(str, updated)))


@units_group.command("rollover")
@click.argument("year", type=int)
@click.option("--from", "from_year", type=int, help="The year whose minimums are copied; default: the latest before.")
@click.option("--province", help="Only this province; default: every province with units.")
@with_appcontext
def units_rollover(year: int, from_year: int | None, province: str | None) -> None:
    """Start YEAR with each province's units and minimums of an earlier year (counts start at 0;
    a unit with minimums for YEAR already keeps them). Audited."""
    with db.sessionmaker()() as session, session.begin():
        query = sa.select(Province).order_by(Province.name)
        if province:
            query = query.where(Province.name == province.removeprefix("จังหวัด").strip())
        provinces = session.scalars(query).all()
        if not provinces:
            raise click.ClickException(f"no province {province!r}" if province else "no provinces (import units first)")
        for place in provinces:
            try:
                done = rollover(session, place, year, from_year, _now(), "cli:units rollover")
            except RolloverRefused as refused:
                click.echo(f"{place.name}: {refused.thai}", err=True)
                continue
            click.echo(f"{place.name}: {done.copied} units copied from {done.from_year} to {year}"
                       + (f", {done.kept} kept" if done.kept else ""))


@units_group.command("list")
@click.option("--province", required=True)
@click.option("--year", type=int)
@with_appcontext
def units_list(province: str, year: int | None) -> None:
    """List a province's units with their minimums."""
    year = year or fiscal_year_be(_now().date())
    with db.sessionmaker()() as session:
        rows = session.execute(
            sa.select(Unit.name, Unit.kind, Quota.iit_min, Quota.eit_min, Quota.internal_stakeholders)
            .join(Province).outerjoin(Quota, sa.and_(Quota.unit_id == Unit.id, Quota.year == year))
            .where(Province.name == province.removeprefix("จังหวัด").strip()).order_by(Unit.name)).all()
    if not rows:
        raise click.ClickException(f"no units for province {province!r}")
    click.echo(f"{province} · ปี {year} · {len(rows)} หน่วยงาน")
    for name, kind, iit, eit, staff in rows:
        click.echo(f"  {name:<40} {kind:<14} IIT ≥ {iit if iit is not None else '-':>5}  "
                   f"EIT ≥ {eit if eit is not None else '-':>5}  บุคลากร {staff if staff is not None else '-'}")


@click.group("admin")
def admin_group() -> None:
    """Grant and revoke roles (to bootstrap the first coordinator)."""


@admin_group.command("grant")
@click.argument("user_id")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--province", help="The province a coordinator acts for.")
@with_appcontext
def admin_grant(user_id: str, role: str, province: str | None) -> None:
    """Give USER_ID a role."""
    with db.sessionmaker()() as session, session.begin():
        place = None
        if province:
            place = session.scalar(sa.select(Province).where(Province.name == province.removeprefix("จังหวัด").strip()))
            if place is None:
                raise click.ClickException(f"unknown province {province!r} (import its units first)")
        elif role == "coordinator":
            raise click.ClickException("a coordinator needs --province")
        member = session.get(Member, user_id)
        before = _snapshot(member)
        if member is None:
            member = Member(user_id=user_id, joined_at=_now())
            session.add(member)
        member.role = role
        if place is not None:
            member.province_id = place.id
        session.flush()
        audit(session, _now(), "cli:admin grant", "role.grant", user_id, before, _snapshot(member))
    click.echo(f"{user_id}: {role}" + (f" of {province}" if province else ""))


@admin_group.command("revoke")
@click.argument("user_id")
@with_appcontext
def admin_revoke(user_id: str) -> None:
    """Take USER_ID's role back to plain member."""
    with db.sessionmaker()() as session, session.begin():
        member = session.get(Member, user_id)
        if member is None:
            raise click.ClickException(f"{user_id} is not a member")
        before = _snapshot(member)
        member.role = "member"
        audit(session, _now(), "cli:admin revoke", "role.revoke", user_id, before, _snapshot(member))
    click.echo(f"{user_id}: member")


def _snapshot(member: Member | None) -> dict | None:
    if member is None:
        return None
    return {"role": member.role, "province_id": member.province_id, "unit_id": member.unit_id}
