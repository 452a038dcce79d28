"""``careerpath futures``: up to three five-year sketches of where you could go (the Odyssey
plan idea), each with what happens, what it would test and four gauges, side by side."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from careerpath.cli.base import home_of, out_console, today
from careerpath.cli.groups import HELP
from careerpath.cli.instruments import FormatOption, OutputFormat

futures_app = typer.Typer(
    name="futures", help=HELP["futures"], invoke_without_command=True, add_completion=False
)

Gauge = Annotated[int, typer.Option(min=1, max=5, help="1 to 5.")]


@futures_app.callback()
def futures(ctx: typer.Context, format: FormatOption = OutputFormat.text) -> None:
    """Your futures side by side."""
    if ctx.invoked_subcommand is not None:
        return
    from careerpath.instruments import store

    found = store.read(home_of(ctx)).futures
    if format is OutputFormat.json:
        data = [f.model_dump(mode="json") for f in found]
        typer.echo(json.dumps({"futures": data}, indent=2, ensure_ascii=False))
        return
    from careerpath.views.instruments import render_futures

    render_futures(out_console(), found)


@futures_app.command("add")
def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="Six words at most.")],
    resources: Annotated[
        int, typer.Option("--resources", min=1, max=5, help="Time, money, skills, people you "
                          "have for it, 1 to 5.")
    ],
    liking: Annotated[int, typer.Option("--liking", min=1, max=5, help="How much you like it.")],
    confidence: Annotated[
        int, typer.Option("--confidence", min=1, max=5, help="How sure you are you could do it.")
    ],
    coherence: Annotated[
        int, typer.Option("--coherence", min=1, max=5, help="How well it fits who you are.")
    ],
    story: Annotated[
        str | None, typer.Option("--story", help="What happens in these five years.")
    ] = None,
    question: Annotated[
        list[str] | None,
        typer.Option("--question", help="A question this future would test (repeatable)."),
    ] = None,
) -> None:  # fmt: skip
    """Sketch one future (up to three): a title, what happens, what it would test, and how
    it scores on resources, liking, confidence and coherence."""
    from pydantic import ValidationError

    from careerpath.core.errors import InvalidInput
    from careerpath.instruments import models, store

    try:
        future = models.Future(
            title=" ".join(title.split()),
            story=story.strip() if story else None,
            questions=[q.strip() for q in question or [] if q.strip()],
            resources=resources,
            liking=liking,
            confidence=confidence,
            coherence=coherence,
            sketched=today(),
        )
    except ValidationError as error:
        raise InvalidInput(
            f"title: {error.errors()[0]['msg'].removeprefix('Value error, ')}"
        ) from None
    home = home_of(ctx)

    def change(found: models.Instruments) -> int:
        if len(found.futures) >= models.MAX_FUTURES:
            raise InvalidInput(
                f"you have {models.MAX_FUTURES} futures already",
                hint="Edit instruments.toml to replace one, then add again.",
            )
        found.futures.append(future)
        return len(found.futures)

    with home.lock("futures add"):
        number = store.update(home, change)
    out_console().print(f"Added future {number}: {future.title}.", markup=False, highlight=False)
