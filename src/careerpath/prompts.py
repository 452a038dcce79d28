"""The one adapter around questionary: a question model in, a validated answer out.

Nothing else in careerpath imports questionary or prompt_toolkit, and this module imports them
only inside functions, so commands that never prompt start fast (ruff's TID253 enforces it).
Ctrl-C or Ctrl-D at any prompt raises ``Interrupted``; the caller knows how many answers it saved.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from careerpath.definition import Question
from careerpath.errors import Interrupted, NoTerminal

if TYPE_CHECKING:
    import questionary

SKIP = "(skip this one)"
ENOUGH = "(that's enough)"

_MULTILINE_KINDS = {"long_text", "list"}
_HINTS = {
    "text": "",
    "date": "e.g. 2026-12-08, 8 Dec, friday, 3d",
    "money": "e.g. 45000 EUR",
    "money_range": "e.g. 45000-60000 EUR per year",
    "long_text": "Esc then Enter to finish",
    "list": "one per line; Esc then Enter to finish",
}
_SKIP_TYPED = {False: "optional: Enter on a blank skips", True: "optional: leave blank to skip"}


class Prompter(Protocol):
    """What the workbook session needs from whatever asks the questions."""

    def ask(self, question: Question, default: Any = None, draft: str | None = None) -> Any:
        """An answer to ``question`` (not a records question); None when an optional one is
        left blank. ``default`` is the earlier answer, offered for editing; ``draft`` is text
        typed last time before Ctrl-C, offered instead when there is one."""

    def confirm(self, message: str, default: bool = True) -> bool: ...

    def select(self, message: str, options: Sequence[str], default: str | None = None) -> str: ...


def require_terminal(alternative: str) -> None:
    """Stop with a clear message unless a person can be asked at a terminal."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise NoTerminal(
            "careerpath needs a terminal to ask questions, and there is none here "
            "(input or output is redirected).",
            hint=alternative,
        )


class TerminalPrompter:
    """Asks at the terminal with questionary; validates as the person types."""

    def __init__(self, today: date) -> None:
        self.today = today

    # --- the Prompter protocol ---------------------------------------------------------------

    def ask(self, question: Question, default: Any = None, draft: str | None = None) -> Any:
        if question.kind == "ranking":
            return self._ranking(question, default, draft)
        if question.kind == "choice":
            return self._choice(question, default)
        if question.kind == "multi_choice":
            return self._multi_choice(question, default)
        if question.kind == "scale":
            return self._scale(question, default)
        if question.kind == "yes_no":
            return self._yes_no(question, default)
        return self._typed(question, draft if draft is not None else question.as_text(default))

    def confirm(self, message: str, default: bool = True) -> bool:
        import questionary

        return bool(_run(questionary.confirm(message, default=default, style=_style())))

    def select(self, message: str, options: Sequence[str], default: str | None = None) -> str:
        import questionary

        return str(
            _run(questionary.select(message, list(options), default=default, style=_style()))
        )

    # --- one method per kind of prompt ------------------------------------------------------

    def _typed(self, question: Question, start: str) -> Any:
        """Kinds answered by typing text: text, long text, list, number, money, date.

        ``start`` is the text already in the box: an earlier answer or a kept draft."""
        import questionary

        def validate(text: str) -> bool | str:
            try:
                value = question.parse(text, self.today)
            except ValueError as error:
                return str(error)
            if value is None and question.required:
                return "An answer is needed here (a few words are enough)."
            return True

        hints = [question.describe() if question.kind == "number" else _HINTS[question.kind]]
        if not question.required:
            hints.append(_SKIP_TYPED[question.kind in _MULTILINE_KINDS])
        hint = "; ".join(h for h in hints if h)
        text = _run(
            questionary.text(
                question.prompt,
                default=start,
                validate=validate,
                multiline=question.kind in _MULTILINE_KINDS,
                instruction=f"({hint})" if hint else None,
                style=_style(),
            )
        )
        return question.parse(text, self.today)

    def _choice(self, question: Question, default: Any) -> Any:
        import questionary

        options: list[Any] = list(question.choices or [])
        if not question.required:
            options.append(SKIP)
        picked = _run(
            questionary.select(
                _message(question),
                options,
                default=default if default in (question.choices or []) else None,
                style=_style(),
            )
        )
        return None if picked == SKIP else picked

    def _multi_choice(self, question: Question, default: Any) -> Any:
        import questionary

        chosen = set(default or [])
        picked = _run(
            questionary.checkbox(
                _message(question),
                [questionary.Choice(c, checked=c in chosen) for c in question.choices or []],
                validate=lambda items: (
                    True
                    if items or not question.required
                    else "Pick at least one (space to tick, Enter to finish)."
                ),
                instruction="(space to tick, Enter to finish)",
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
        elif default and self.confirm(f"Keep your ranking: {question.format(default)}?"):
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
                    else f"  Number {len(ranked) + 1}: which matters most of what is left?"
                )
                picked = self.select(message, options)
                if picked in (ENOUGH, SKIP):
                    break
                ranked.append(picked)
                remaining.remove(picked)
        except Interrupted:
            raise Interrupted(draft=question.as_text(ranked) or None) from None
        return ranked or None

    def _scale(self, question: Question, default: Any) -> Any:
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
        picked = _run(
            questionary.select(_message(question), options, default=start, style=_style())
        )
        return None if picked == SKIP else picked

    def _yes_no(self, question: Question, default: Any) -> Any:
        if question.required:
            return self.confirm(_message(question), default=True if default is None else default)
        options = ["Yes", "No", SKIP]
        start = None if default is None else ("Yes" if default else "No")
        picked = self.select(_message(question), options, default=start)
        return None if picked == SKIP else picked == "Yes"


def _message(question: Question) -> str:
    """The question as shown above a list to pick from; typed answers say "optional" in
    their instruction instead."""
    return question.prompt if question.required else f"{question.prompt} (optional)"


def _run(prompt: questionary.Question) -> Any:
    """Ask, turning Ctrl-C / Ctrl-D into ``Interrupted`` carrying any text typed so far.

    (questionary's ``ask`` would swallow them and return None, which looks like a blank.)"""
    try:
        return prompt.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        typed = prompt.application.current_buffer.text
        raise Interrupted(draft=typed if typed.strip() else None) from None


def _style() -> Any:
    import questionary

    return questionary.Style(
        [
            ("qmark", "fg:ansicyan bold"),
            ("question", "bold"),
            ("answer", "fg:ansigreen"),
            ("instruction", "fg:ansibrightblack italic"),
            ("pointer", "fg:ansicyan bold"),
            ("highlighted", "fg:ansicyan"),
            ("selected", "fg:ansigreen"),
        ]
    )
