"""The one adapter around questionary: a question model in, a validated answer out.

Nothing else in careerpath imports questionary or prompt_toolkit, and this module imports them
only inside functions, so commands that never prompt start fast (ruff's TID253 enforces it).
Ctrl-C or Ctrl-D at any prompt raises ``Interrupted``; the caller knows how many answers it saved.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from careerpath.core.errors import Interrupted, NoTerminal

if TYPE_CHECKING:
    import questionary

    # Only named: a command that merely checks for a terminal starts without the definition.
    from careerpath.workbook.definition import PromptStyle, Question

SKIP = "(skip this one)"
ENOUGH = "(that's enough)"
KEEP = "Keep these"

_SKIP_TYPED = {False: "optional: Enter on a blank skips", True: "optional: leave blank to skip"}
_WEIGHT_LABELS = {0: "ignore it", 1: "hardly", 3: "counts", 5: "essential"}
_PICK = "\n  (arrow keys to move, Enter to pick)"
"""A picking prompt's instruction, on a line of its own so a long question keeps its width."""
_TRIES_AT_A_PICK = 2
"""A picking prompt that hands back an unusable value this often is replaced by typing."""


class Prompter(Protocol):
    """What the workbook session needs from whatever asks the questions."""

    def ask(self, question: Question, default: Any = None, draft: str | None = None) -> Any:
        """An answer to ``question`` (not a records question); None when an optional one is
        left blank. ``default`` is the earlier answer, offered for editing; ``draft`` is text
        typed last time before Ctrl-C, offered instead when there is one."""

    def confirm(self, message: str, default: bool = True) -> bool: ...

    def select(self, message: str, options: Sequence[str], default: str | None = None) -> str: ...


def has_terminal() -> bool:
    """Whether a person can be asked at a terminal (input and output not redirected)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def require_terminal(alternative: str) -> None:
    """Stop with a clear message unless a person can be asked at a terminal."""
    if not has_terminal():
        raise NoTerminal(
            "careerpath needs a terminal to ask questions, and there is none here "
            "(input or output is redirected).",
            hint=alternative,
        )


class TerminalPrompter:
    """Asks at the terminal with questionary; validates as the person types."""

    def __init__(self, today: date) -> None:
        self.today = today
        # A terminal that never answers prompt_toolkit's cursor-position request makes it wait,
        # warn, and can hand back odd values; careerpath's prompts do not need the answer.
        os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")

    # --- the Prompter protocol ---------------------------------------------------------------

    def ask(self, question: Question, default: Any = None, draft: str | None = None) -> Any:
        """Ask until the answer is one ``question`` can take: whatever a prompt hands back is
        checked against the question's stored type before it goes anywhere."""
        asker = _ASKERS[question.rules.prompt]
        failures = 0
        while True:
            if failures >= _TRIES_AT_A_PICK:
                asker = TerminalPrompter._typed_answer
            value = asker(self, question, default, draft)
            problem = unusable(question, value)
            if problem is None:
                return value
            failures += 1
            draft = None
            _say(f"That answer cannot be used here ({problem}); please answer again.")

    def confirm(self, message: str, default: bool = True) -> bool:
        import questionary

        # Room for " (Y/n) " and the answer it echoes after it ("Yes").
        return bool(
            _run(questionary.confirm(_above(message, room=10), default=default, style=_style()))
        )

    def select(self, message: str, options: Sequence[str], default: str | None = None) -> str:
        while True:
            picked = _pick(message, list(options), default=default)
            if picked in options:
                return str(picked)
            _say("Nothing was picked; please pick again.")

    def pick_numbered(
        self, message: str, options: Sequence[str], default: str | None = None
    ) -> str:
        """One of a few ``options``, numbered 1, 2, 3…: the number (or the arrows) moves to
        it, Enter takes it. For screens of one quick choice after another (the inventory)."""
        return str(
            _pick(
                message,
                list(options),
                default=default,
                use_shortcuts=True,
                instruction="(1, 2 or 3, then Enter)" if len(options) == 3 else None,
            )
        )

    # --- one method per kind of prompt ------------------------------------------------------

    def _typed_answer(self, question: Question, default: Any, draft: str | None) -> Any:
        return self._typed(question, draft if draft is not None else question.as_text(default))

    def _records(self, question: Question, default: Any, draft: str | None) -> Any:
        raise TypeError("a records question is asked field by field by the sitting")

    def _typed(self, question: Question, start: str) -> Any:
        """Kinds answered by typing text: text, long text, list, number, money, date, and any
        kind whose picking prompt failed.

        ``start`` is the text already in the box: an earlier answer or a kept draft. The
        question and its hint sit on lines of their own, so the input always has the full
        width of the terminal."""
        import questionary

        def validate(text: str) -> bool | str:
            try:
                value = question.parse(text, self.today)
            except ValueError as error:
                return str(error)
            if value is None and question.required:
                return "An answer is needed here (a few words are enough)."
            return True

        hint = question.rules.hint or question.describe()
        if "(one per line)" in question.prompt:  # said once is enough
            hint = hint.removeprefix("one per line").lstrip("; ")
        hints = [hint]
        if not question.required:
            hints.append(_SKIP_TYPED[question.rules.multiline])
        hint = "; ".join(h for h in hints if h)
        below = "\n".join(_wrap(f"({hint})", first="  ")) + "\n" if hint else ""
        text = _run(
            questionary.text(
                _above(question.prompt),
                default=start,
                validate=validate,
                # Checked when the answer is given, not at every key: an empty box is not
                # met with "An answer is needed here" before a word is typed.
                validate_while_typing=False,
                multiline=question.rules.multiline,
                instruction=f"\n{below}›",
                style=_style(),
            )
        )
        value = question.parse(text, self.today)
        if isinstance(value, date):  # "friday", "3d", "12/12": say which day it became
            from careerpath.core.values import date_echo

            became = date_echo(text, value)
            if became:
                _say(f"  {became}")
        return value

    def _choice(self, question: Question, default: Any, draft: str | None) -> Any:
        options: list[Any] = list(question.choices or [])
        if not question.required:
            options.append(SKIP)
        picked = _pick(
            _message(question),
            options,
            default=default if default in (question.choices or []) else None,
        )
        return None if picked == SKIP else picked

    def _multi_choice(self, question: Question, default: Any, draft: str | None) -> Any:
        import questionary

        chosen = set(default or [])
        picked = _run(
            questionary.checkbox(
                _above(_message(question), room=_CHECKED_ROOM),
                [questionary.Choice(c, checked=c in chosen) for c in question.choices or []],
                validate=lambda items: (
                    True
                    if items or not question.required
                    else "Pick at least one (space to tick, Enter to finish)."
                ),
                instruction="\n  (space to tick, Enter to finish)",
                style=_style(),
            )
        )
        return list(picked) or None

    def _ranking(self, question: Question, default: Any, draft: str | None) -> Any:
        """Ranking by picking the most important of what is left, one at a time.

        A draft (the picks made before a Ctrl-C) is continued rather than started over."""
        ranked: list[str] = []
        if draft:
            try:
                ranked = question.parse(draft, self.today) or []
            except ValueError:
                ranked = []
        elif default and self.confirm(
            # "4." and its value on one line (textwrap does not break at a no-break space)
            "Keep this ranking: "
            + "  ".join(f"{n}.\u00a0{item}" for n, item in enumerate(default, start=1))
            + "?"
        ):
            return list(default)
        remaining = [choice for choice in question.choices or [] if choice not in ranked]
        try:
            while remaining and len(ranked) < question.count:
                if len(remaining) == 1 and question.top is None:
                    ranked.append(remaining.pop())
                    break
                options = list(remaining)
                if ranked:
                    options.append(ENOUGH)
                elif not question.required:
                    options.append(SKIP)
                message = (
                    _message(question)
                    if not ranked
                    else f"Number {len(ranked) + 1} of {question.count}: which matters most "
                    "of what is left?"
                )
                picked = self.select(message, options)
                if picked in (ENOUGH, SKIP):
                    break
                ranked.append(picked)
                remaining.remove(picked)
        except Interrupted:
            raise Interrupted(draft=question.as_text(ranked) or None) from None
        return ranked or None

    def _scale(self, question: Question, default: Any, draft: str | None) -> Any:
        import questionary

        labels = {1: question.low_label, 5: question.high_label}
        options: list[Any] = [
            questionary.Choice(f"{n}  {labels.get(n, '')}".rstrip(), value=n) for n in range(1, 6)
        ]
        if not question.required:
            # questionary gives a choice whose value is None its title as value, so skipping
            # is told apart by the title.
            options.append(questionary.Choice(SKIP, value=SKIP))
        start = next((c for c in options if c.value == default), None)
        picked = _pick(_message(question), options, default=start)
        return None if picked == SKIP else picked

    def _yes_no(self, question: Question, default: Any, draft: str | None) -> Any:
        if question.required:
            return self.confirm(_message(question), default=True if default is None else default)
        options = ["Yes", "No", SKIP]
        start = None if default is None else ("Yes" if default else "No")
        picked = self.select(_message(question), options, default=start)
        return None if picked == SKIP else picked == "Yes"

    def _weights(self, question: Question, default: Any, draft: str | None) -> Any:
        """Weights rated one need at a time, 0 to 5. ``default`` is every need with the weight
        it has now (the sitting works them out from the earlier answers); without it the
        weights are typed as NAME=N."""
        if not isinstance(default, Mapping) or not default:
            return self._typed_answer(question, default, draft)
        import questionary

        titles: Mapping[str, str] = getattr(default, "titles", {})
        shown = ", ".join(f"{titles.get(name, name)}={weight}" for name, weight in default.items())
        if self.confirm(f"{_message(question)}\nNow: {shown}. Keep these?", default=True):
            return dict(default)
        weights: dict[str, int] = {}
        for name, weight in default.items():
            options = [
                questionary.Choice(f"{n}  {_WEIGHT_LABELS.get(n, '')}".rstrip(), value=n)
                for n in range(6)
            ]
            start = next((c for c in options if c.value == weight), None)
            try:
                picked = _pick(
                    f"How much should “{titles.get(name, name)}” count?", options, default=start
                )
            except Interrupted:
                raise Interrupted(draft=question.as_text(weights) or None) from None
            weights[str(name)] = picked
        return weights


def unusable(question: Question, value: Any) -> str | None:
    """Why ``value`` cannot be saved as an answer to ``question``; None when it can. The same
    check the store makes before it writes, so a prompt's odd value is caught at the prompt."""
    if value is None:
        return "an answer is needed" if question.required else None
    from pydantic import TypeAdapter, ValidationError

    try:
        TypeAdapter(question.value_type()).validate_python(value)
    except ValidationError as error:
        return error.errors()[0]["msg"]
    return None


_Asker = Callable[["TerminalPrompter", "Question", Any, "str | None"], Any]
_ASKERS: dict[PromptStyle, _Asker] = {
    "typed": TerminalPrompter._typed_answer,
    "choice": TerminalPrompter._choice,
    "multi_choice": TerminalPrompter._multi_choice,
    "ranking": TerminalPrompter._ranking,
    "scale": TerminalPrompter._scale,
    "yes_no": TerminalPrompter._yes_no,
    "records": TerminalPrompter._records,
    "weights": TerminalPrompter._weights,
}
"""The asker of each way a kind is asked (``_Rules.prompt`` in ``definition``); a test checks
that every style has one, so a missing one stops the build, not a person at the closing stage."""


def _width() -> int:
    return max(20, shutil.get_terminal_size().columns - 1)


def _wrap(text: str, first: str = "", indent: str = "  ", room: int = 0) -> list[str]:
    """``text`` wrapped at the terminal's width, the first line after ``first``. prompt_toolkit
    does not wrap the lines above the input, so they are wrapped here; ``room`` is kept free
    at the end of each line for what the prompt adds (a confirmation's "(Y/n)")."""
    lines: list[str] = []
    for number, paragraph in enumerate(text.splitlines() or [""]):
        lead = first if number == 0 else indent
        wrapped = textwrap.wrap(
            paragraph, _width() - room, initial_indent=lead, subsequent_indent=indent
        )
        lines += wrapped or [lead.rstrip()]
    return lines


_CHECKED_ROOM = len(" done (99 selections)")
"""What a ticked list puts after its question once answered."""


def _shortened(text: str, width: int) -> str:
    """``text`` if it fits in ``width``, else cut at a word with "…"."""
    return text if len(text) <= width else textwrap.shorten(text, width, placeholder="…")


def _above(message: str, room: int = 0) -> str:
    """A question for questionary, wrapped to the width with room for the "? " it puts in
    front (and ``room`` for what it adds after)."""
    return "\n".join(_wrap(message, first="? ", room=room))[2:]


def _pick(
    message: str,
    options: list[Any],
    default: Any = None,
    instruction: str | None = _PICK,
    use_shortcuts: bool = False,
) -> Any:
    """questionary's select, its echo of the answer written by us: questionary puts
    "? question  answer" on one line, which the terminal breaks mid-word when it is long;
    ours breaks at words, the answer on a line of its own when it does not fit beside."""
    import questionary

    # An option wider than the screen is shown cut at a word with "…" (prompt_toolkit would
    # cut it by the letter); the echo below gives it whole.
    room = _width() - 4
    options = [
        questionary.Choice(_shortened(option, room), value=option)
        if isinstance(option, str)
        else option
        for option in options
    ]
    prompt = questionary.select(
        _above(message),
        options,
        default=default,
        instruction=instruction,
        use_shortcuts=use_shortcuts,
        style=_style(),
        erase_when_done=True,
    )
    try:
        picked = _run(prompt)
    except Interrupted:
        _echo(message, "")
        raise
    titles = {c.value: c.title for c in options if isinstance(c, questionary.Choice)}
    shown = titles.get(picked, picked)
    if isinstance(picked, str) and str(shown).endswith("…"):
        shown = picked  # cut to fit the list; whole in the echo
    _echo(message, str(shown))
    return picked


def _echo(message: str, answer: str) -> None:
    """What was asked and the answer picked, wrapped at words, styled as questionary's."""
    import questionary

    lines = _wrap(message, first="? ")
    parts = [("qmark", "?"), ("question", "\n".join(lines)[1:])]
    if answer:
        beside = len(lines[-1]) + 2 + len(answer) <= _width()
        shown = "  " + answer if beside else "\n" + "\n".join(_wrap(answer, first="  "))
        parts.append(("answer", shown))
    for part, text in parts:
        questionary.print(text, style=_STYLES[part], end="")
    questionary.print("", style=_STYLES["answer"])


def _say(message: str) -> None:
    """A short line between prompts (they write to the terminal themselves)."""
    print(message, file=sys.stdout, flush=True)


def _message(question: Question) -> str:
    """The question as shown above a list to pick from; typed answers say "optional" in
    their instruction instead."""
    return question.prompt if question.required else f"{question.prompt} (optional)"


def _run(prompt: questionary.Question) -> Any:
    """Ask, turning Ctrl-C / Ctrl-D into ``Interrupted`` carrying any text typed so far.

    (questionary's ``ask`` would swallow them and return None, which looks like a blank.)"""
    _drop_stray_mouse_reports(prompt.application)
    try:
        return prompt.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        typed = prompt.application.current_buffer.text
        raise Interrupted(draft=typed if typed.strip() else None) from None


def _drop_stray_mouse_reports(application: Any) -> None:
    """A colour code typed or pasted into an answer (ESC [31m) reads to prompt_toolkit as a
    mouse report, and its mouse handler fails on it with a traceback on the screen. careerpath
    never turns mouse reporting on, so whatever reads as one is dropped."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    dropping = KeyBindings()
    dropping.add(Keys.Vt100MouseEvent)(lambda event: None)
    application.key_bindings = merge_key_bindings(
        [application.key_bindings or KeyBindings(), dropping]
    )


_STYLES = {
    "qmark": "fg:ansicyan bold",
    "question": "bold",
    "answer": "fg:ansigreen",
    "instruction": "fg:ansibrightblack italic",
    "pointer": "fg:ansicyan bold",
    "highlighted": "fg:ansicyan",
    "selected": "fg:ansigreen",
}


def _style() -> Any:
    import questionary

    return questionary.Style(list(_STYLES.items()))
