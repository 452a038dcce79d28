"""The exercises' results as text: interest scores and code, work values, and occupations that
fit, each with the one line that says why. Pure: data in, lines on a rich console out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from careerpath.core.errors import InvalidInput
from careerpath.instruments.interests import DESCRIPTIONS, TYPES, Result
from careerpath.instruments.work_values import VALUES
from careerpath.views.tables import columns

if TYPE_CHECKING:
    from rich.console import Console

    from careerpath.instruments.matching import Suggestion
    from careerpath.instruments.models import EarlierResult
    from careerpath.workbook.home import Home
    from careerpath.workbook.models import Workbook

BAR = 20
SHORT_BAR = 6
ZONE_WORDS = {
    1: "little or no preparation",
    2: "some preparation",
    3: "medium preparation",
    4: "bachelor's usually",
    5: "graduate degree usually",
}


def code_words(code: str) -> str:
    """ "ISA" → "Investigative-Social-Artistic"."""
    return "-".join(TYPES[letter] for letter in code)


def render_interests(
    console: Console, result: Result, earlier: Sequence[EarlierResult] = ()
) -> None:
    """Six bars, the code with its ties named, and a few sentences per top type."""
    from rich.progress_bar import ProgressBar
    from rich.text import Text

    console.print(Text(f"Your interest code: {result.code}", style="bold"), end="")
    console.print(Text(f"  ({code_words(result.code)})"))
    for tie in result.ties:
        console.print(Text(f"Note: {tie}, so the order of those letters is a coin toss."))
    console.print()
    rows = [
        [name, ProgressBar(total=100, completed=result.scores[letter], width=BAR),
         str(result.scores[letter])]
        for letter, name in TYPES.items()
    ]  # fmt: skip
    columns(console, rows, fixed={1: BAR}, right={2}, indent=2)
    for letter in result.code:
        console.print()
        console.print(Text(TYPES[letter], style="bold"))
        console.print(Text(DESCRIPTIONS[letter]))
    for kept in earlier:
        console.print(Text(f"Earlier: {kept.code} on {kept.taken.isoformat()}", style="dim"))


def render_values(console: Console, order: Sequence[str]) -> None:
    """The six work values as bars, most important first, each with its meaning."""
    from rich.progress_bar import ProgressBar
    from rich.text import Text

    console.print(Text("Your work values, most important first", style="bold"))
    console.print()
    rows = [
        [name, ProgressBar(total=len(order), completed=len(order) - place, width=SHORT_BAR),
         VALUES[name]]
        for place, name in enumerate(order)
    ]  # fmt: skip
    columns(console, rows, fixed={1: SHORT_BAR}, wrap=True, indent=2)


def why(suggestion: Suggestion, pay_used: bool) -> str:
    """One line: interests fit, high points, zone, and pay against the floor."""
    parts = [f"interests {suggestion.interest_fit:.2f}", code_words(suggestion.interest_code[:2])]
    if suggestion.values_fit is not None:
        parts.append(f"values {suggestion.values_fit:.2f}")
    if suggestion.job_zone:
        zone = f"zone {suggestion.job_zone}: {ZONE_WORDS[suggestion.job_zone]}"
        if suggestion.within_reach is False:
            zone += " (more than you would take on)"
        parts.append(zone)
    if suggestion.median_pay is not None:
        pay = f"median {suggestion.median_pay:,} USD"
        if pay_used and suggestion.above_floor is not None:
            pay += ", above your floor" if suggestion.above_floor else ", below your floor"
        parts.append(pay)
    return " · ".join(parts)


READING = (
    "How to read it: interests and values say how closely the occupation's profile follows "
    "yours, from -1 (opposite) to 1 (the same shape); above 0.7 is close."
)


def render_suggestions(
    console: Console, suggestions: Sequence[Suggestion], code: str, notes: Sequence[str]
) -> None:
    """The suggestions, numbered, each with its why line, then how the list was made."""
    from rich.padding import Padding
    from rich.text import Text

    console.print(Text(f"Occupations that fit {code} ({code_words(code)})", style="bold"))
    pay_used = not any(note.startswith("Pay was not used") for note in notes)
    for number, suggestion in enumerate(suggestions, start=1):
        console.print()
        console.print(Text(f"{number:>2}. {suggestion.title}  {suggestion.code}"))
        console.print(Padding(Text(why(suggestion, pay_used), style="dim"), (0, 0, 0, 4)))
    console.print()
    console.print(Text(READING, style="dim"))
    for note in notes:
        console.print(Text(note, style="dim"))
    console.print(Text("More: `careerpath occupations show CODE`", style="dim"))
    console.print(Text("Add one as a target: `careerpath target add --from CODE`", style="dim"))


def suggestions_data(suggestions: Sequence[Suggestion]) -> list[dict[str, Any]]:
    return [s._asdict() for s in suggestions]


# --- energy log and futures --------------------------------------------------------------------

SIDE = 10  # cells on each side of the energy bar's middle


def energy_bar(energy: float) -> str:
    """−2…+2 as a bar from the middle: to the left drains, to the right lifts."""
    cells = round(abs(energy) / 2 * SIDE)
    if energy < 0:
        return " " * (SIDE - cells) + "━" * cells + "│" + " " * SIDE
    return " " * SIDE + "│" + "━" * cells + " " * (SIDE - cells)


def render_energy(console: Console, activities: Sequence[Any], days: int, entries: int) -> None:
    """What lifts and what drains, by activity: a bar from the middle, mean energy,
    engagement and how often it was logged."""
    from rich.text import Text

    if not activities:
        console.print(Text('Nothing logged yet: careerpath energy log "ACTIVITY" --engagement '
                           "1-5 --energy -2..2"))  # fmt: skip
        return
    from careerpath.core.values import plural

    said = f"Your energy, {plural(entries, 'entry', 'entries')} over {plural(days, 'day')}"
    console.print(Text(said, style="bold"))
    console.print(Text(f"{'drains':>{SIDE}} {'lifts':<{SIDE}}", style="dim"))
    rows = [
        [
            energy_bar(a.energy),
            f"{a.energy:+.1f}" if round(a.energy, 1) else "0.0",
            f"engaged {a.engagement:.1f}",
            f"×{a.times}",
            a.activity,
        ]
        for a in activities
    ]
    columns(console, rows, right={1, 3}, wrap=True)
    lifts = [a.activity for a in activities if a.energy > 0][:3]
    drains = [a.activity for a in reversed(activities) if a.energy < 0][:3]
    console.print()
    if lifts:
        console.print(Text("Lifts you most: " + "; ".join(lifts)))
    if drains:
        console.print(Text("Drains you most: " + "; ".join(drains)))


GAUGE_MEANINGS = {
    "resources": "the time, money, skills and people you have for it",
    "liking": "how much you like the idea",
    "confidence": "how sure you are you could make it happen",
    "coherence": "how well it fits who you are and what you value",
}
"""What each gauge (1–5) asks, said under the futures so they can be read without help."""
GAUGES = tuple(GAUGE_MEANINGS)


def gauge(value: int) -> str:
    return "●" * value + "○" * (5 - value)


def render_futures(console: Console, futures: Sequence[Any]) -> None:
    """Up to three futures side by side: title, what happens, questions, four gauges."""
    from rich.table import Table
    from rich.text import Text

    if not futures:
        console.print(Text('No futures yet: careerpath futures add "TITLE" --story "..." '
                           "--resources 3 --liking 4 --confidence 2 --coherence 3"))  # fmt: skip
        return
    table = Table(box=None, show_header=True, header_style="bold", expand=False, padding=(0, 1))
    table.add_column("")
    for number, future in enumerate(futures, start=1):
        table.add_column(Text(f"{number}. {future.title}"), overflow="fold")
    table.add_row("happens", *(Text(f.story or "–") for f in futures))
    table.add_row(
        "tests", *(Text("\n".join(f"· {q}" for q in f.questions) or "–") for f in futures)
    )
    for name in GAUGES:
        table.add_row(name, *(gauge(getattr(f, name)) for f in futures))
    console.print(table)
    console.print()
    for name, meaning in GAUGE_MEANINGS.items():
        console.print(Text(f"{name}: {meaning}", style="dim"))


# --- in the report ---------------------------------------------------------------------------

REPORT_SUGGESTIONS = 3
REPORT_VALUES = 3


def exercises_section(home: Home, workbook: Workbook) -> dict[str, Any] | None:
    """The report's section on the exercises: the interest code, the top work values and the
    three best-fitting occupations. ``None`` when nothing was taken; the pack's small fit
    table is read only when there are interest results to match."""
    from careerpath.instruments import store

    if not store.path(home).exists():
        return None
    found = store.read(home)
    done = found.interests is not None and found.interests.finished is not None
    if not done and found.work_values is None:
        return None
    section: dict[str, Any] = {}
    values = None
    if found.work_values is not None:
        section["top_values"] = found.work_values.order[:REPORT_VALUES]
        from careerpath.instruments.work_values import scores

        values = scores(found.work_values.order)
    if done:
        assert found.interests is not None
        from careerpath import occupations
        from careerpath.instruments import interests, matching

        result = interests.score(found.interests.answers)
        section["interest_code"] = result.code
        section["interest_ties"] = list(result.ties)
        floor = workbook.answers_for("exploration").get("income_floor")
        floor_usd = (
            float(floor["amount"])
            if isinstance(floor, dict) and floor.get("currency") == "USD"
            else None
        )
        try:
            best = matching.suggest(
                occupations.fits(), result.scores, values, found.max_zone, floor_usd
            )[:REPORT_SUGGESTIONS]
        except InvalidInput:
            best = []
        section["suggestions"] = [
            {"code": s.code, "title": s.title, "why": why(s, floor_usd is not None)} for s in best
        ]
    return section


def _exercise_lines(section: dict[str, Any]) -> list[tuple[str, str]]:
    lines = []
    if "interest_code" in section:
        code = section["interest_code"]
        ties = "; ".join(section.get("interest_ties", []))
        lines.append(
            ("Interest code", f"{code} ({code_words(code)})" + (f"; {ties}" if ties else ""))
        )
    if "top_values" in section:
        lines.append(("Top work values", ", ".join(section["top_values"])))
    for number, s in enumerate(section.get("suggestions", []), start=1):
        label = "Fits best" if number == 1 else ""
        lines.append((label, f"{number}. {s['title']} ({s['code']}): {s['why']}"))
    return lines


def render_exercises(section: dict[str, Any], console: Console) -> None:
    from rich.text import Text

    console.print()
    console.print(Text("Interests and work values", style="bold"))
    rows = [[(label, "cyan"), text] for label, text in _exercise_lines(section)]
    columns(console, rows, wrap=True, indent=2)


def exercises_markdown(section: dict[str, Any], escape: Callable[[str], str]) -> list[str]:
    out = ["## Interests and work values", ""]
    for label, text in _exercise_lines(section):
        if label == "Fits best":
            out.append(f"- **{escape(label)}:**")
        out.append(
            f"  - {escape(text)}"
            if label in ("", "Fits best")
            else f"- **{label}:** {escape(text)}"
        )
    if section.get("suggestions"):
        from careerpath.occupations import SHORT_CREDIT

        out += ["", f"*{escape(SHORT_CREDIT)}*"]
    out.append("")
    return out
