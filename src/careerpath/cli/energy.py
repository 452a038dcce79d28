"""``careerpath energy``: log what you did and what it did to your energy; see what lifts and
what drains you, by activity."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer

from careerpath.cli.base import home_of, out_console, today
from careerpath.cli.groups import HELP
from careerpath.cli.instruments import FormatOption, OutputFormat

energy_app = typer.Typer(
    name="energy", help=HELP["energy"], invoke_without_command=True, add_completion=False
)


@energy_app.callback()
def energy(ctx: typer.Context, format: FormatOption = OutputFormat.text) -> None:
    """What lifts and what drains you, grouped by activity, over everything logged."""
    if ctx.invoked_subcommand is not None:
        return
    from careerpath.instruments import store
    from careerpath.instruments.energy import by_activity

    entries = store.read(home_of(ctx)).energy
    activities = by_activity(entries)
    days = len({e.date for e in entries})
    if format is OutputFormat.json:
        typer.echo(
            json.dumps(
                {
                    "entries": [e.model_dump(mode="json") for e in entries],
                    "activities": [a._asdict() for a in activities],
                    "days": days,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    from careerpath.views.instruments import render_energy

    render_energy(out_console(), activities, days, len(entries))


@energy_app.command("log")
def log(
    ctx: typer.Context,
    activity: Annotated[
        str | None,
        typer.Argument(
            help="What you did, in a few words; asked when left out.", show_default=False
        ),
    ] = None,
    engagement: Annotated[
        int | None,
        typer.Option(
            "--engagement", min=1, max=5, help="How engaged you were, 1 to 5; asked when left out."
        ),
    ] = None,
    energy: Annotated[
        int | None,
        typer.Option(
            "--energy",
            min=-2,
            max=2,
            help="What it did to your energy: -2 (drained) to +2; asked when left out.",
        ),
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="The day (YYYY-MM-DD); default today.")
    ] = None,
) -> None:
    """Log one activity: how engaged it kept you and whether it gave or took energy.

    Leave out what you would rather be asked: `careerpath energy log` alone asks for all three.
    """
    from careerpath.core.errors import Interrupted, InvalidInput
    from careerpath.core.values import plural
    from careerpath.instruments import models, store

    day = today()
    if on is not None:
        try:
            day = date.fromisoformat(on)
        except ValueError:
            raise InvalidInput(f"--date {on!r}: give a date as YYYY-MM-DD") from None
    if activity is None or engagement is None or energy is None:
        from careerpath.instruments.sitting import ask_energy_entry
        from careerpath.workbook import prompts

        prompts.require_terminal(
            'Without a terminal, give all three: `careerpath energy log "ACTIVITY" '
            "--engagement 1..5 --energy -2..2`."
        )
        try:
            activity, engagement, energy = ask_energy_entry(
                prompts.TerminalPrompter(day), activity, engagement, energy
            )
        except Interrupted as stop:
            stop.message, stop.hint = "Stopped. Nothing was logged.", None
            raise
    text = " ".join(activity.split())
    if not text:
        raise InvalidInput('say what you did: `careerpath energy log "ACTIVITY" ...`')
    if len(text) > 200:
        raise InvalidInput("say what you did in a few words (200 characters at most)")
    home = home_of(ctx)
    entry = models.EnergyEntry(date=day, activity=text, engagement=engagement, energy=energy)

    def change(found: models.Instruments) -> int:
        found.energy.append(entry)
        return len(found.energy)

    with home.lock("energy log"):
        count = store.update(home, change)
    out_console().print(
        f"Logged {text!r} on {day.isoformat()} ({plural(count, 'entry', 'entries')} so far).",
        markup=False,
        highlight=False,
    )
