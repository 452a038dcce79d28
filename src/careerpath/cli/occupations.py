"""``careerpath occupations``: search the built-in O*NET® occupations, show one with its BLS
pay, compare a few side by side, and say where the data comes from.

Everything printed comes from the pack, as plain text (never read as markup). Bars are rich's;
the pay range is drawn with characters in a table cell, on a scale shared by what is compared.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from careerpath.cli import completion
from careerpath.cli.base import out_console
from careerpath.cli.groups import HELP
from careerpath.core.errors import InvalidInput
from careerpath.views.tables import columns

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from careerpath.occupations import Pay, Percentiles, Profile

occupations_app = typer.Typer(
    name="occupations", help=HELP["occupations"], no_args_is_help=True, add_completion=False
)

BAR = 30  # cells of the pay range bar
SCORE_BAR = 20  # cells of an interest or work-value bar
MAIN_TASKS = 6
RELATED = 6


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="text, or json for a program to read.")
]


@occupations_app.command()
def search(
    text: Annotated[str, typer.Argument(help="A job title or a few words, in any order.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many to show.")] = 10,
    format: FormatOption = OutputFormat.text,
) -> None:
    """Find occupations by title, other names for them and what they do, best first."""
    from careerpath import occupations
    from careerpath.core.errors import NotFound
    from careerpath.occupations import as_data

    found = occupations.search(text, limit)
    if not found:
        raise NotFound(
            f"no occupation matches {text.strip()!r}",
            hint="Try fewer words, or another name for the job.",
        )
    if format is OutputFormat.json:
        _print_json(as_data(found))
        return
    console = out_console()
    rows = [
        [
            match.code,
            str(match.job_zone) if match.job_zone else "–",
            _money(match.median_pay) if match.median_pay else "–",
            match.title if match.has_details else f"{match.title} (title only)",
        ]
        for match in found
    ]
    columns(console, rows, ["Code", "Zone", "Median/yr", "Occupation"], wrap=True, right={2})
    _dim(console, "Zone: preparation needed, 1 (little) to 5 (extensive). Median: U.S., USD.")
    _dim(console, "More: `careerpath occupations show CODE`")


@occupations_app.command()
def show(
    ctx: typer.Context,
    occupation: Annotated[
        str,
        typer.Argument(
            help="An O*NET-SOC code (15-2051.00) or a title.",
            autocompletion=completion.occupation_codes,
        ),
    ],
    area: Annotated[
        str | None,
        typer.Option("--area", help="Pay in one U.S. state: its abbreviation (CA) or name."),
    ] = None,
    format: FormatOption = OutputFormat.text,
) -> None:
    """One occupation: what it is, its main tasks, the education it takes, the interests and
    values it suits, its pay, and related occupations."""
    from careerpath import occupations

    profile = occupations.get(occupation)
    state = occupations.state_pay(profile, area) if area else None
    if format is OutputFormat.json:
        data = occupations.as_data(profile)
        if area:
            data["area_pay"] = occupations.as_data(state)
        _print_json(data)
        return
    from careerpath.cli.base import has_workbook, home_of

    floor = None
    if has_workbook(ctx):  # no workbook, no floor: its models are not even imported
        from careerpath.instruments.floor import income_floor_answer

        floor = income_floor_answer(home_of(ctx))
    currency = floor.get("currency") if floor else None
    floor_usd = float(floor["amount"]) if floor and currency == "USD" else None
    console = out_console()
    render_profile(console, profile, state=state, asked_area=area, floor_usd=floor_usd)
    if currency and currency != "USD" and profile.pay is not None:
        # Two currencies are never drawn on one scale.
        _dim(console, f"Your income floor is in {currency}, so it is not marked on U.S. pay.")


@occupations_app.command()
def compare(
    codes: Annotated[
        list[str],
        typer.Argument(
            help="Two or more O*NET-SOC codes or titles.",
            show_default=False,
            autocompletion=completion.occupation_codes,
        ),
    ],
    format: FormatOption = OutputFormat.text,
) -> None:
    """Occupations side by side: pay ranges on one scale, preparation, typical education and
    top interests."""
    from careerpath import occupations

    if len(codes) < 2:
        raise InvalidInput("give two or more occupations to compare")
    profiles = [occupations.get(code) for code in codes]
    if format is OutputFormat.json:
        _print_json(occupations.as_data(profiles))
        return
    render_comparison(out_console(), profiles)


@occupations_app.command()
def about(format: FormatOption = OutputFormat.text) -> None:
    """Where the occupation data comes from: sources, releases, licences and credit."""
    from careerpath import occupations

    facts = occupations.about()
    if format is OutputFormat.json:
        _print_json(facts)
        return
    from rich.text import Text

    console = out_console()
    sections = [
        ("Occupations", f"{facts['onet_release']}. Licence: {facts['onet_licence']}."),
        ("", facts["onet_credit"]),
        ("Pay", f"BLS {facts['oews_release']}. Licence: {facts['oews_licence']}."),
        ("", facts["oews_credit"]),
        ("Outside the United States", facts["us_note"]),
    ]
    for title, text in sections:
        if title:
            console.print(Text(title, style="bold"))
        console.print(Text(text))
        console.print()


# --- rendering -------------------------------------------------------------------------------


def render_profile(
    console: Console,
    profile: Profile,
    *,
    state: Pay | None = None,
    asked_area: str | None = None,
    floor_usd: float | None = None,
) -> None:
    """Print ``profile`` as ``occupations show`` does. ``state`` is its pay in the state
    ``asked_area`` (``None`` if BLS has none there); ``floor_usd``, the person's income floor
    per year in USD, is marked on the pay range when given."""
    from rich.text import Text

    from careerpath.occupations import INTERESTS

    console.print(Text(f"{profile.title}  ({profile.code})", style="bold"))
    console.print(Text(profile.description))
    if not profile.has_details:
        console.print()
        console.print(
            Text(
                "O*NET has only a title and description for this occupation: no tasks, "
                "education, interests or values.",
                style="dim",
            )
        )
    else:
        _section(console, "Main tasks")
        columns(console, [["•", task.text] for task in profile.tasks[:MAIN_TASKS]], wrap=True)
        if len(profile.tasks) > MAIN_TASKS:
            _dim(console, f"{len(profile.tasks) - MAIN_TASKS} more with --format json")

        _section(console, "Typical education", "share of workers who say the job needs it")
        _bars(
            console,
            [
                (level.name, level.share, 100.0, f"{level.share:.0f}%")
                for level in profile.typical_education(3)
            ],
        )
        if profile.job_zone:
            zone = profile.job_zone
            name = zone.name.split(": ", 1)[-1]
            _section(console, "Preparation", f"job zone {zone.zone} of 5")
            console.print(Text(f"{name}. {zone.education} {zone.training}"))

        low, high = 1.0, 7.0
        code = f"code {profile.interest_code}" if profile.interest_code else ""
        _section(console, "Interests", code)
        _bars(
            console,
            [
                (
                    name,
                    profile.interests[letter] - low,
                    high - low,
                    f"{profile.interests[letter]:.1f}",
                )
                for letter, name in INTERESTS.items()
                if letter in profile.interests
            ],
        )
        _section(console, "Work values", "1 to 7")
        _bars(
            console,
            [
                (name, score - low, high - low, f"{score:.1f}")
                for name, score in profile.work_values.items()
            ],
        )

    _render_pay(console, profile, state, asked_area, floor_usd)

    if profile.related:
        _section(console, "Related occupations")
        columns(console, [[r.code, r.title] for r in profile.related[:RELATED]], wrap=True)
    console.print()
    _dim(console, _short_credit())


def render_comparison(console: Console, profiles: Sequence[Profile]) -> None:
    """Print ``profiles`` as ``occupations compare`` does: one pay scale for all."""
    from rich.text import Text

    ranges = [_pay_figures(p.pay) for p in profiles]
    annual = [figures for figures, per in ranges if figures and per == "year"]
    line = Text("Pay per year", style="bold")
    line.append("  U.S., USD: ├ 10th ━ 25th to 75th percentile ┃ median ┤ 90th", style="dim")
    console.print(line)
    scale = (min(f.p10 or 0 for f in annual), max(f.p90 or 0 for f in annual)) if annual else None
    rows: list[list[Any]] = []
    for profile, (figures, per) in zip(profiles, ranges, strict=True):
        # The title beside its bar: a person compares jobs, not codes.
        if figures and per == "year" and scale:
            rows.append(
                [profile.code, pay_bar(figures, scale, BAR), _money(figures.median), profile.title]
            )
        elif figures:
            rows.append(
                [
                    profile.code,
                    Text(f"per hour only: median ${figures.median:,.2f}"),
                    "",
                    profile.title,
                ]
            )
        else:
            rows.append([profile.code, Text("no BLS pay figures"), "", profile.title])
    columns(console, rows, fixed={1: BAR}, right={2}, wrap=True)
    if scale:
        _dim(console, f"Scale: {_money(scale[0])} to {_money(scale[1])}")

    console.print()
    table = []
    for profile in profiles:
        education = ", ".join(f"{e.name} {e.share:.0f}%" for e in profile.typical_education(2))
        interests = ", ".join(profile.top_interests())
        zone = str(profile.job_zone.zone) if profile.job_zone else "–"
        details = (
            f"{profile.title}. Zone {zone}. {education or 'Education: not known'}. "
            f"Interests: {interests or 'not known'}."
        )
        table.append([profile.code, details])
    columns(
        console,
        table,
        ["Code", "Occupation, preparation (zone 1–5), education, interests"],
        wrap=True,
    )
    for profile in profiles:
        if profile.pay_source and profile.pay_source.note:
            _dim(console, f"{profile.code}: {profile.pay_source.note}")
    console.print()
    _dim(console, _short_credit())


def pay_bar(
    figures: Percentiles, scale: tuple[float, float], width: int, floor: float | None = None
) -> Text:
    """The range from the 10th to the 90th percentile on ``scale`` (low, high), ``width``
    cells: thin from p10 to p25 and p75 to p90, thick from p25 to p75, the median as ┃, and
    ``floor`` (when on the scale) as ▼."""
    from rich.text import Text

    low, high = scale
    span = max(high - low, 1.0)

    def at(value: float | None) -> int:
        assert value is not None
        return max(0, min(width - 1, round((value - low) / span * (width - 1))))

    cells = [" "] * width
    p10, p25, p75, p90 = at(figures.p10), at(figures.p25), at(figures.p75), at(figures.p90)
    for index in range(p10, p90 + 1):
        cells[index] = "━" if p25 <= index <= p75 else "─"
    cells[p10], cells[p90] = "├", "┤"
    cells[at(figures.median)] = "┃"
    bar = Text("".join(cells))
    if floor is not None and low <= floor <= high:
        where = at(floor)
        bar = Text("".join(cells[:where]) + "▼" + "".join(cells[where + 1 :]))
    return bar


def _render_pay(
    console: Console,
    profile: Profile,
    state: Pay | None,
    asked_area: str | None,
    floor_usd: float | None,
) -> None:
    from rich.text import Text

    pay = profile.pay
    if asked_area and state is None and pay is not None:
        _section(console, "Pay")
        _dim(console, f"BLS publishes no pay for this occupation in {asked_area}; U.S. figures:")
    shown = state or pay
    if shown is None:
        _section(console, "Pay")
        console.print(Text("BLS publishes no pay figures for this occupation."))
        return
    figures, per = _pay_figures(shown)
    where = shown.area_name if shown.area != "US" else "U.S."
    employed = f", {shown.employment:,} employed" if shown.employment else ""
    if not (asked_area and state is None):
        _section(console, "Pay", f"{where}, USD per {per}{employed}")
    if figures is None:
        console.print(Text("BLS publishes no pay range for this occupation here."))
    else:
        money = _money if per == "year" else _hourly
        assert figures.p10 is not None and figures.p90 is not None
        floor = floor_usd if per == "year" else None
        scale = (min(figures.p10, floor or figures.p10), max(figures.p90, floor or figures.p90))
        bar = pay_bar(figures, scale, BAR, floor)
        columns(console, [[money(scale[0]), bar, money(scale[1])]], fixed={1: BAR})
        line = (
            f"median {money(figures.median)}; half earn {money(figures.p25)} to "
            f"{money(figures.p75)}; 1 in 10 less than {money(figures.p10)}, "
            f"1 in 10 more than {money(figures.p90)}."
        )
        if shown.top_coded:
            line += " (BLS caps the highest figures: they mean at least this much.)"
        if floor is not None:
            line += f" ▼ your floor: {money(floor)}."
        console.print(Text(line))
        if per == "year" and shown.hourly.median is not None:
            _dim(console, f"Hourly median {_hourly(shown.hourly.median)}.")
    if profile.pay_source and profile.pay_source.note:
        _dim(console, profile.pay_source.note)


def _pay_figures(pay: Pay | None) -> tuple[Percentiles | None, str]:
    """The percentiles to draw and their period: per year, or per hour for occupations BLS
    publishes only hourly (actors, dancers)."""
    if pay is None:
        return None, "year"
    if pay.annual.complete():
        return pay.annual, "year"
    if pay.hourly.complete():
        return pay.hourly, "hour"
    return None, "year"


def _bars(console: Console, rows: Sequence[tuple[str, float, float, str]]) -> None:
    """One rich bar per row: (label, value, total, value as text)."""
    from rich.progress_bar import ProgressBar

    if not rows:
        _dim(console, "  O*NET has no figures for this occupation yet.")
        return

    cells = [
        [label, ProgressBar(total=total, completed=value, width=SCORE_BAR), shown]
        for label, value, total, shown in rows
    ]
    columns(console, cells, fixed={1: SCORE_BAR}, right={2}, indent=2)


def _section(console: Console, title: str, extra: str = "") -> None:
    from rich.text import Text

    console.print()
    line = Text(title, style="bold")
    if extra:
        line.append(f"  {extra}", style="dim")
    console.print(line)


def _dim(console: Console, text: str) -> None:
    from rich.text import Text

    console.print(Text(text, style="dim"))


def _short_credit() -> str:
    from careerpath.occupations import SHORT_CREDIT

    return SHORT_CREDIT


def _money(value: float | None) -> str:
    return "–" if value is None else f"${value:,.0f}"


def _hourly(value: float | None) -> str:
    return "–" if value is None else f"${value:,.2f}"


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
