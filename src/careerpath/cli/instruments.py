"""``careerpath interests``, ``work-values`` and ``explore``: the exercises for a person who does
not know where to go yet, and the pack's occupations ranked against their results."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careerpath.cli.base import app, home_of, out_console, today
from careerpath.core.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from careerpath.instruments.matching import Suggestion
    from careerpath.workbook.home import Home


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="text, or json for a program to read.")
]
_ANSWER_WORDS = {"1": "like", "2": "unsure", "3": "dislike", "like": "like",
                 "not sure": "unsure", "unsure": "unsure", "dislike": "dislike"}  # fmt: skip


@app.command()
def interests(
    ctx: typer.Context,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="A TOML file of answers, item id = like / not sure / dislike (or 1, 2, 3).",
            dir_okay=False,
        ),
    ] = None,
    again: Annotated[
        bool, typer.Option("--again", help="Take it afresh; the earlier result is kept.")
    ] = False,
    format: FormatOption = OutputFormat.text,
) -> None:
    """The interest inventory: 54 activities, each Like / Not sure / Dislike, giving your
    three-letter interest code (Holland's six types). Resumes where you stopped."""
    from careerpath.instruments import interests as inventory
    from careerpath.instruments import sitting, store
    from careerpath.views.instruments import render_interests

    home = home_of(ctx)
    with home.lock("interests"):
        found = sitting.begin(home, today(), again=again)
        assert found.interests is not None
        if answers is not None:
            result = sitting.record_answers(home, _read_answers(answers), today())
        elif found.interests.finished is not None:
            result = inventory.score(found.interests.answers)
        else:
            from careerpath.workbook import prompts

            prompts.require_terminal(
                "Answer from a file instead: `careerpath interests --answers FILE` "
                "(`careerpath interests --items` lists the item ids)."
            )
            result = sitting.take_inventory(home, prompts.TerminalPrompter(today()), today())
    stored = store.read(home)
    kept = stored.interests.earlier if stored.interests else []
    if format is OutputFormat.json:
        _print_json(
            {
                **result._asdict(),
                "earlier": [k.model_dump(mode="json") for k in kept],
            }
        )
        return
    render_interests(out_console(), result, kept)
    after = (
        "`careerpath explore`"
        if stored.work_values
        else ("`careerpath work-values`, then `careerpath explore`")
    )
    out_console().print(f"\nNext: {after}.", markup=False, highlight=False)


def _read_answers(path: Path) -> dict[str, Any]:
    from careerpath.instruments.interests import BY_ID
    from careerpath.storage import tomlio

    raw, _ = tomlio.read(path)
    table = raw.get("answers", raw)
    if not isinstance(table, dict):
        raise InvalidInput(f"{path}: `answers` must be a table of item id = answer")
    given: dict[str, Any] = {}
    for key, value in table.items():
        if key not in BY_ID:
            raise InvalidInput(f"{path}: {key!r} is not an item of the inventory")
        word = _ANSWER_WORDS.get(str(value).strip().lower())
        if word is None:
            raise InvalidInput(
                f"{path}: {key} = {value!r}: answer like, not sure or dislike (or 1, 2, 3)"
            )
        given[key] = word
    return given


@app.command(name="work-values")
def work_values(
    ctx: typer.Context,
    order: Annotated[
        str | None,
        typer.Option(
            "--order",
            help="All six, most important first, separated by commas (a clear start of each "
            "name will do).",
        ),
    ] = None,
    again: Annotated[bool, typer.Option("--again", help="Sort them afresh at the prompt.")] = False,
    format: FormatOption = OutputFormat.text,
) -> None:
    """Sort six work values (Achievement, Independence, Recognition, Relationships, Support,
    Working Conditions) from most to least important to you; shows them as bars."""
    from careerpath.instruments import sitting, store
    from careerpath.instruments.work_values import parse_order
    from careerpath.views.instruments import render_values

    home = home_of(ctx)
    with home.lock("work-values"):
        if order is not None:
            names = parse_order(order)
            sitting.save_values(home, names, today())
        else:
            found = store.read(home).work_values
            if found is not None and not again:
                names = found.order
            else:
                from careerpath.workbook import prompts

                prompts.require_terminal("Give the order instead: `--order A,B,C,D,E,F`.")
                names = sitting.sort_values(home, prompts.TerminalPrompter(today()), today())
    if format is OutputFormat.json:
        from careerpath.instruments.work_values import scores

        _print_json({"order": names, "scores": scores(names)})
        return
    render_values(out_console(), names)


@app.command()
def explore(
    ctx: typer.Context,
    zone: Annotated[
        list[int] | None,
        typer.Option("--zone", min=1, max=5, help="Only this job zone (1–5); repeat for more."),
    ] = None,
    min_pay: Annotated[
        int | None,
        typer.Option("--min-pay", min=0, help="Only a U.S. median of at least this (USD)."),
    ] = None,
    type_letter: Annotated[
        str | None,
        typer.Option("--type", help="Only occupations with this type (R I A S E C) in their "
                     "first two high points."),
    ] = None,
    prepare: Annotated[
        int | None,
        typer.Option("--prepare", min=1, max=5, help="The most preparation (job zone) you "
                     "would take on; asked once at the prompt when not given."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many to show.")] = 10,
    format: FormatOption = OutputFormat.text,
) -> None:  # fmt: skip
    """Occupations that fit your interests, then the preparation you are open to, your
    income floor and your work values, each with one line saying why. At a terminal, pick
    one to read in full or to add as a target job."""
    from careerpath import occupations
    from careerpath.instruments import interests as inventory
    from careerpath.instruments import matching, store
    from careerpath.instruments.floor import usd_floor
    from careerpath.instruments.work_values import scores

    letter = type_letter.strip().upper() if type_letter else None
    if letter is not None and letter not in inventory.TYPES:
        raise InvalidInput(f"--type {type_letter!r}: give one of R, I, A, S, E, C")
    home = home_of(ctx)
    found = store.results(home)
    if found.finished is None:
        raise NotFound(
            "no interest results yet",
            hint="Take the inventory first: `careerpath interests`.",
        )
    result = inventory.score(found.answers)
    max_zone = prepare or found.max_zone
    if prepare is not None or max_zone is None:
        with home.lock("explore"):
            if prepare is not None:
                store.update(home, lambda stored: setattr(stored, "max_zone", prepare))
            elif format is OutputFormat.text:
                from careerpath.workbook import prompts

                if prompts.has_terminal():
                    from careerpath.instruments import sitting

                    max_zone = sitting.ask_preparation(home, prompts.TerminalPrompter(today()))
    floor_usd, notes = usd_floor(home)
    if max_zone is None:
        notes.append("Preparation was not used: say how much you would take on with --prepare.")
    values = scores(found.values_order) if found.values_order else None
    if values is None:
        notes.append("Work values were not used: sort them with `careerpath work-values`.")
    ranked = matching.suggest(occupations.fits(), result.scores, values, max_zone, floor_usd)
    shown = matching.keep(ranked, zone or (), min_pay, letter)[:limit]
    if format is OutputFormat.json:
        _print_json(
            {
                "code": result.code,
                "scores": result.scores,
                "max_zone": max_zone,
                "floor_usd": floor_usd,
                "notes": notes,
                "suggestions": [s._asdict() for s in shown],
                "credit": occupations.SHORT_CREDIT,
            }
        )
        return
    from careerpath.views.instruments import render_suggestions

    if not shown:
        raise NotFound("no occupation passes those filters", hint="Try fewer filters.")
    console = out_console()
    render_suggestions(console, shown, result.code, notes)
    from rich.text import Text

    console.print(Text(occupations.SHORT_CREDIT, style="dim"))
    from careerpath.workbook import prompts

    if prompts.has_terminal():
        console.print()
        pick_from(
            prompts.TerminalPrompter(today()),
            console,
            shown,
            floor_usd,
            lambda code: _add_target(ctx, code),
            _target_codes(home),
        )


PICK_DONE = "Done"
PICK_ADD = "Add it as a target job, filled from the pack"
PICK_BACK = "Back to the list"
PICK_ASK = "Pick one to read:"
TARGET_MARK = "  (a target)"
PICK_WIDTH = 58  # the picked option, echoed after PICK_ASK, stays on one 80-column line


def pick_from(
    asker: Any,
    console: Any,
    shown: Sequence[Suggestion],
    floor_usd: float | None,
    add: Callable[[str], None],
    targets: Collection[str] = (),
) -> list[str]:
    """Let the person pick a suggestion to read in full (as ``occupations show``) and add it
    as a target job with ``add(code)``, until they are done; an occupation among
    ``targets`` (codes of their target jobs) is marked and not offered again. Ctrl-C here
    just ends the list: nothing typed is at stake.

    Returns:
        The codes added as targets.
    """
    from careerpath import occupations
    from careerpath.cli.occupations import render_profile
    from careerpath.core.errors import Interrupted

    added: list[str] = []
    already = set(targets)
    try:
        while True:
            labels = [
                _one_line(f"{n}. {s.title}" + (TARGET_MARK if s.code in already else ""))
                for n, s in enumerate(shown, start=1)
            ]
            picked = asker.select(PICK_ASK, [*labels, PICK_DONE])
            if picked == PICK_DONE:
                return added
            suggestion = shown[labels.index(picked)]
            console.print()
            render_profile(console, occupations.get(suggestion.code), floor_usd=floor_usd)
            console.print()
            options = [PICK_BACK, PICK_DONE]
            if suggestion.code not in already:
                options.insert(0, PICK_ADD)
            then = asker.select(f"{suggestion.code}:", options)
            if then == PICK_ADD:
                add(suggestion.code)
                added.append(suggestion.code)
                already.add(suggestion.code)
            elif then == PICK_DONE:
                return added
    except Interrupted:
        return added


def _one_line(text: str) -> str:
    """``text`` cut at a word to fit the picker's line, with … when cut."""
    if len(text) <= PICK_WIDTH:
        return text
    return text[: PICK_WIDTH - 1].rsplit(" ", 1)[0].rstrip(",") + "…"


def _target_codes(home: Home) -> set[str]:
    """The occupation codes of the person's target jobs (those filled from the pack)."""
    from careerpath.tracking import records  # noqa: F401  (explore does not register them)
    from careerpath.tracking.prefill import targets_by_occupation

    if not home.exists():
        return set()
    return set(targets_by_occupation(home.load()))


def _add_target(ctx: typer.Context, code: str) -> None:
    """``careerpath target add --from CODE``, as typed."""
    import dataclasses

    from careerpath.cli.targets import TargetOptions, target_add

    # The command as Typer calls it: its shared options come one by one (see with_options).
    command: Any = target_add
    blank = {field.name: None for field in dataclasses.fields(TargetOptions)}
    command(ctx=ctx, title=None, from_pack=code, again=False, **blank)


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
