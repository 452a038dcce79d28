"""Walking a person through a stage: ask, save each answer at once, recap, move on.

This is the glue between the pure engine, the home and a ``Prompter``. It never imports
questionary: the terminal prompter and the scripted prompter of the tests both fit.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from careerpath.core.errors import Interrupted, InvalidFiles
from careerpath.workbook import engine
from careerpath.workbook.companion import Companion
from careerpath.workbook.definition import Question, StageDefinition, record_kind
from careerpath.workbook.home import Home
from careerpath.workbook.models import Answers, Workbook
from careerpath.workbook.prompts import Prompter


class Sitting:
    """What a sitting with the stages and one with the program's questions share: counting
    what was saved, so Ctrl-C can say so, and keeping what was being typed as a draft."""

    def __init__(
        self, home: Home, workbook: Workbook, prompter: Prompter, console: Console, today: date
    ) -> None:
        self.home = home
        self.workbook = workbook
        self.prompter = prompter
        self.console = console
        self.today = today
        self.saved = 0

    @contextlib.contextmanager
    def _counting_interrupts(self, resume: str | None = None) -> Iterator[None]:
        """Ctrl-C anywhere in a sitting reports how many answers this sitting saved, and how
        to carry on (``resume``; else the default: `careerpath next`)."""
        try:
            yield
        except Interrupted as stop:
            # What an exercise taken in the sitting kept says how to carry on with it, too.
            carry_on = stop.hint if stop.also else None
            error = Interrupted(self.saved, kept_draft=stop.kept_draft, also=stop.also)
            # A line each: the hint is printed unwrapped (for the paths it may name).
            error.hint = "\n".join(h for h in (carry_on, resume or error.hint) if h)
            raise error from None

    def _ask_keeping_drafts(
        self,
        question: Question,
        earlier: Any,
        key: str,
        drafts: Mapping[str, str],
        change_drafts: Callable[[Callable[[dict[str, str]], object]], None],
    ) -> Any:
        """Ask, offering the draft kept under ``key`` from an earlier Ctrl-C; on Ctrl-C keep
        what was typed as a new draft. ``drafts`` are the saved ones; ``change_drafts``
        applies a change to them in their file."""
        if key in drafts:
            self.console.print("  [dim]Picking up what you were typing last time.[/dim]")
        try:
            value = self.prompter.ask(question, earlier, drafts.get(key))
        except Interrupted as stop:
            typed = stop.draft
            if typed and typed.strip() and typed != question.as_text(earlier):
                change_drafts(lambda saved: saved.update({key: typed}))
                raise Interrupted(self.saved, kept_draft=True) from None
            raise
        if key in drafts:
            change_drafts(lambda saved: saved.pop(key, None))
        return value


def _a(item: str | None) -> str:
    """ "an offer", "a contact"."""
    word = item or "record"
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


AfterAnswer = Callable[["Session", StageDefinition, str, Any], None]
"""Called after each answer of ``next`` is saved, so a layer above (the exercises) can offer
something right there: (the sitting, the stage, the question's id, the answer)."""


StartFrom = Callable[["Session", StageDefinition, Question], Any]
"""Called before a question without an answer is asked, for an answer a layer above has
worked out to start from (the top values from the work-values sort), or None. Unlike what a
companion offers, it is saved as the person's own when they keep it."""


class Session(Sitting):
    """One sitting with the workbook's stages, and what takes part in it (``companions``)."""

    def __init__(
        self,
        home: Home,
        workbook: Workbook,
        prompter: Prompter,
        console: Console,
        today: date,
        companions: Sequence[Companion] = (),
        after_answer: AfterAnswer | None = None,
        start_from: StartFrom | None = None,
    ) -> None:
        super().__init__(home, workbook, prompter, console, today)
        self.companions = companions
        self.after_answer = after_answer
        self.start_from = start_from

    # --- entry points -----------------------------------------------------------------------

    def continue_current(self) -> None:
        """``careerpath next``: the current stage from its first open question, then onwards."""
        with self._counting_interrupts():
            self._sitting_started()
            self._ask_arrived()
            stage = engine.current_stage(self.workbook)
            if stage is None:
                self._all_done()
                return
            first = True
            while stage is not None:
                self._open_stage(stage, resuming=first)
                first = False
                asked: set[str] = set()
                # Worked out again after each answer: a record added may bring a moment.
                while question := next(
                    (q for q in self._pending(stage) if q.id not in asked), None
                ):
                    asked.add(question.id)
                    self._ask(stage, question, revisit=False)
                stage = self._offer_to_complete(stage)

    def _ask_arrived(self) -> None:
        """Questions of completed stages whose moment has come since (an interview had):
        asked first, once; a skip is final, as for any other question."""
        for stage, question in engine.arrived(self.workbook):
            until = question.after.until if question.after else ""
            self.console.print(
                f"\n[bold]Now that {escape(until)}:[/bold] a question from "
                f"{escape(stage.title)} that waited for this.",
                highlight=False,
            )
            self._ask(stage, question, revisit=False)

    def ask_one(self, stage: StageDefinition, question: Question) -> bool:
        """``careerpath next --stage ID --question QID``: just that question, earlier answer
        as the default; True when something was saved."""
        with self._counting_interrupts():
            before = self.saved
            waiting = {q.id for q in engine.waiting(self.workbook, stage)}
            if question.id in waiting and question.after is not None:
                self.console.print(
                    f"[dim]This one usually waits until {escape(question.after.until)}.[/dim]"
                )
            self._ask(stage, question, revisit=True)
            return self.saved > before

    def revisit(self, stage: StageDefinition) -> None:
        """``careerpath next --stage ID``: every question again, earlier answers as defaults."""
        with self._counting_interrupts():
            self._started(stage)
            self._header(stage, "Revisiting")
            if self._status(stage) != "complete":
                self._stage_begun(stage)
            for question in stage.questions:
                if question.after and question in engine.waiting(self.workbook, stage):
                    self.console.print(
                        f"\n[dim]“{escape(question.title)}” waits until "
                        f"{escape(question.after.until)}.[/dim]",
                        highlight=False,
                    )
                    continue
                self._ask(stage, question, revisit=True)
            if self._status(stage) == "complete":
                self.console.print(
                    f"\nYour changes are saved. {escape(stage.title)} stays complete.",
                    highlight=False,
                )
                return
            following = self._offer_to_complete(stage)
            if following is not None:
                self.console.print(
                    f"Run `careerpath next` to continue with {escape(following.title)}.",
                    highlight=False,
                )

    def ask_again(self, stage: StageDefinition, question: Question) -> None:
        """One question asked again from what takes part in the sitting (``after_answer``),
        its saved answer as the default: kept as it is with Enter, and nothing else runs after
        it. Ctrl-C is counted by the sitting."""
        self._ask(stage, question, revisit=True)

    def ask_record(self, stage: StageDefinition, question: Question, index: int) -> None:
        """Every field of one record, the one at ``index`` (a new one at the end): the record
        commands at a terminal (``careerpath contact add``). Each answer is saved as it is
        given, and Ctrl-C keeps what was being typed, as in a sitting."""
        with self._counting_interrupts():
            self._ask_record(stage, question, index, only_missing=False)

    def ask_field(self, stage: StageDefinition, question: Question, key: str) -> Any:
        """One question outside a sitting (``careerpath contact log``): what was being typed at
        Ctrl-C is kept as a draft under ``key`` and offered the next time it is asked."""
        return self._prompt(stage, question, key, None)

    # --- what runs beside the stages ---------------------------------------------------------

    def _stage_begun(self, stage: StageDefinition) -> None:
        for companion in self.companions:
            companion.stage_begun(self, stage)

    def _sitting_started(self) -> None:
        for companion in self.companions:
            companion.sitting_started(self)

    # --- stage flow -------------------------------------------------------------------------

    def _open_stage(self, stage: StageDefinition, resuming: bool) -> None:
        progress = engine.progress(self.workbook, stage)
        if resuming and progress.status == "in progress":
            self._header(stage, "Continuing")
            self.console.print(
                f"[dim]{progress.answered} of {progress.total} questions answered so far.[/dim]"
            )
        else:
            self._header(stage, "Stage")
            self.console.print(Padding(escape(stage.intro.strip()), (0, 0, 0, 2)))
        self._started(stage)
        self._stage_begun(stage)

    def _offer_to_complete(self, stage: StageDefinition) -> StageDefinition | None:
        """Recap a stage whose required questions are answered and ask to move on.

        Returns the stage to continue with, or None to stop this sitting.
        """
        answers = self.workbook.answers_for(stage)
        missing = engine.missing_required(engine.askable(self.workbook, stage), answers)
        if missing:
            names = ", ".join(f"“{q.title}”" for q in missing)
            self.console.print(
                f"\nStill to answer in {escape(stage.title)}: {escape(names)}. "
                "Run `careerpath next` when you are ready.",
                highlight=False,
            )
            return None
        self._recap(stage)
        open_work = engine.progress(self.workbook, stage).work_open
        following = engine.next_open_stage(self.workbook, after=stage)
        question = f"Move on to {following.title}?" if following else "Mark this stage complete?"
        if open_work:
            # The questions are answered; the work they are about is not. Moving on stays
            # possible, but only when asked for: the default (and an answers file) stays.
            todo = engine.open_work_sentence(stage, answers, open_work)
            self.console.print(
                f"\n{escape(stage.title)} is not done yet: {escape(todo)}.", highlight=False
            )
            question = (
                f"Move on to {following.title} with this work still open?"
                if following
                else "Mark this stage complete with its work still open?"
            )
        if not self.prompter.confirm(question, default=not open_work):
            self.console.print(
                f"\nStaying with {escape(stage.title)}. Your answers are saved. Change any of them "
                f"with `careerpath next --stage {stage.id}`; run `careerpath next` to move on "
                "when you are ready.",
                highlight=False,
            )
            return None
        self._update_state(lambda state: engine.mark_complete(state, stage.id, self.today))
        self.console.print(f"\n[green]✓[/green] {escape(stage.title)} complete.", highlight=False)
        if following is None:
            self._all_done()
            return None
        # One confirmation per stage change: Ctrl-C at the next stage's first question is the
        # pause, and this stage stays complete.
        return following

    def _all_done(self) -> None:
        book = self.workbook.definition
        self.console.print(f"\n[bold]You have completed every stage of {escape(book.title)}.")
        if book.outro.strip():
            self.console.print(Padding(escape(book.outro.strip()), (1, 0, 1, 2)))
        self.console.print(
            "See where you stand with `careerpath report` "
            "(`--format markdown` makes a copy to share with a coach).",
            highlight=False,
        )

    # --- asking -----------------------------------------------------------------------------

    def _pending(self, stage: StageDefinition) -> list[Question]:
        skipped = self.workbook.state.stage(stage.id).skipped
        askable = engine.askable(self.workbook, stage)
        todo = engine.pending(askable, self.workbook.answers_for(stage), skipped)
        # A records question answered enough, but with a field typed at Ctrl-C: asked again
        # so that the draft is offered, not left in workbook.toml for ever.
        drafts = self.workbook.state.stage(stage.id).drafts
        return [
            q
            for q in askable
            if q in todo or (q.kind == "records" and any(k.startswith(f"{q.id}.") for k in drafts))
        ]

    def _ask(self, stage: StageDefinition, question: Question, revisit: bool) -> None:
        self.console.print()
        self._show_recalled(question)
        if question.kind == "records":
            self.console.print(f"[bold]{escape(question.prompt)}[/bold]")
        if question.help.strip():
            self.console.print(Padding(f"[dim]{escape(question.help.strip())}[/dim]", (0, 0, 0, 2)))
        if question.kind == "records":
            self._ask_records(stage, question, revisit)
            return
        earlier = self.workbook.answers_for(stage).get(question.id)
        offered = self._offered(question, earlier)
        start = None
        if earlier is None and offered is None and self.start_from is not None:
            start = self.start_from(self, stage, question)
        value = self._prompt(stage, question, question.id, offered if start is None else start)
        if earlier is None and offered is not None and value == offered:
            value = None  # what was offered, kept: it stays worked out from the answers
        if revisit and value == earlier:
            return
        with self._keeping_if_refused(stage, question, question.id, value):
            self._update_state(
                lambda state: engine.set_skipped(state, stage.id, question.id, value is None)
            )
            self._save(stage, question.id, value)
        for companion in self.companions:
            companion.answered(self, stage, question, value)
        if self.after_answer is not None and not revisit:
            self.after_answer(self, stage, question.id, value)

    def _offered(self, question: Question, earlier: Any) -> Any:
        """What a question offers to start from: the saved answer, or what a companion puts
        in its place (for offers' weights, every need they are compared on, weighted now)."""
        for companion in self.companions:
            earlier = companion.offered(self.workbook, question, earlier)
        return earlier

    def _ask_records(self, stage: StageDefinition, question: Question, revisit: bool) -> None:
        records = self.workbook.answers_for(stage).get(question.id, [])
        drafts = self.workbook.state.stage(stage.id).drafts
        for index, record in enumerate(records):
            drafted = any(k.startswith(f"{question.id}.{index + 1}.") for k in drafts)
            if drafted or not question.record_is_complete(record):
                self.console.print(f"  Let's finish {escape(question.record_label(record))}.")
                self._ask_record(stage, question, index, only_missing=True)
        if revisit and records:
            self._records_menu(stage, question)
            return
        if not revisit:
            for start in self._records_start(stage, question):
                index = len(self.workbook.answers_for(stage).get(question.id, []))
                self._ask_record(stage, question, index, only_missing=False, start=start)
            records = self.workbook.answers_for(stage).get(question.id, [])
        if not records:
            if not question.required and not self.prompter.confirm(
                f"Add {_a(question.item)}?", default=True
            ):
                self._update_state(
                    lambda state: engine.set_skipped(state, stage.id, question.id, True)
                )
                return
            self._ask_record(stage, question, 0, only_missing=False)
        while self.prompter.confirm(f"Add another {question.item}?", default=False):
            index = len(self.workbook.answers_for(stage).get(question.id, []))
            self._ask_record(stage, question, index, only_missing=False)
        self._update_state(lambda state: engine.set_skipped(state, stage.id, question.id, False))

    def _records_menu(self, stage: StageDefinition, question: Question) -> None:
        while True:
            records = self.workbook.answers_for(stage).get(question.id, [])
            edits = {f"Edit {question.record_label(r)}": i for i, r in enumerate(records)}
            add = f"Add {_a(question.item)}"
            remove = f"Remove {_a(question.item)}"
            done = "Done"
            options = [*edits, add, *([remove] if records else []), done]
            picked = self.prompter.select(f"Your {question.item}s:", options, default=done)
            if picked == done:
                return
            if picked == add:
                self._ask_record(stage, question, len(records), only_missing=False)
            elif picked == remove:
                self._remove_record(stage, question, records)
            else:
                self._ask_record(stage, question, edits[picked], only_missing=False)

    def _remove_record(
        self, stage: StageDefinition, question: Question, records: list[dict[str, Any]]
    ) -> None:
        labels = [question.record_label(r) for r in records]
        keep = "(keep them all)"
        picked = self.prompter.select(f"Remove which {question.item}?", [*labels, keep])
        if picked == keep or not self.prompter.confirm(f"Remove {picked} for good?", default=False):
            return
        index = labels.index(picked)
        removed = records[index]

        def drop(answers: Answers) -> None:
            del answers[question.id][index]

        self._change_answers(stage, drop)
        if question.record_type:
            self._update_state(lambda state: engine.retire_id(state, question, removed))

    def _ask_record(
        self,
        stage: StageDefinition,
        question: Question,
        index: int,
        only_missing: bool,
        start: dict[str, Any] | None = None,
    ) -> None:
        """Ask a record's fields one by one, saving each as it is typed. A new record
        starts from ``start``, else from what the companions offer (``record_start``)."""
        item = (question.item or "record").capitalize()
        self.console.print(f"  [cyan]{escape(item)} {index + 1}[/cyan]")
        is_new = index >= len(self.workbook.answers_for(stage).get(question.id, []))
        if is_new and start is None:
            start = {}
            for companion in self.companions:
                start.update(companion.record_start(self, stage, question))
        start = start or {}
        fields = self._record_fields(question)
        asked = {field.id for field in fields}
        extra = {key: value for key, value in start.items() if key not in asked}
        for field in fields:
            records = self.workbook.answers_for(stage).get(question.id, [])
            record = records[index] if index < len(records) else {}
            earlier = question.record_value(record, field.id)
            key = f"{question.id}.{index + 1}.{field.id}"
            drafted = key in self.workbook.state.stage(stage.id).drafts
            if only_missing and not drafted and (not field.required or field.is_answered(earlier)):
                continue
            offered = earlier
            if not field.is_answered(earlier) and field.id in start:
                offered = question.record_value(start, field.id)
            value = self._prompt(stage, field, key, offered)
            if index < len(records) and value == earlier:
                continue
            with self._keeping_if_refused(stage, field, key, value):
                self._save_field(stage, question, index, field.id, value, extra)

    def _records_start(self, stage: StageDefinition, question: Question) -> list[dict[str, Any]]:
        starts: list[dict[str, Any]] = []
        for companion in self.companions:
            starts += companion.records_start(self, stage, question)
        return starts

    def _record_fields(self, question: Question) -> list[Question]:
        """The fields of one record; a built-in record type may add some from earlier answers
        (a rating for each top value)."""
        if not question.record_type:
            return question.record_fields
        kind = record_kind(question.record_type)
        return kind.fields_for(question, engine.recalled(self.workbook, question))

    def _prompt(self, stage: StageDefinition, question: Question, key: str, earlier: Any) -> Any:
        """Ask; drafts are kept in the stage's state in workbook.toml."""

        def change_drafts(change: Callable[[dict[str, str]], object]) -> None:
            self._update_state(lambda state: change(state.stage(stage.id).drafts))

        drafts = self.workbook.state.stage(stage.id).drafts
        return self._ask_keeping_drafts(question, earlier, key, drafts, change_drafts)

    # --- saving -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _keeping_if_refused(
        self, stage: StageDefinition, question: Question, key: str, value: Any
    ) -> Iterator[None]:
        """A save refused because a file broke while the prompt was open keeps what was
        typed as a draft (in workbook.toml, else in a side file) and says where it is."""
        try:
            yield
        except InvalidFiles as refused:
            typed = question.as_text(value)
            if not typed.strip():
                raise
            try:
                self._update_state(lambda state: state.stage(stage.id).drafts.update({key: typed}))
                kept = (
                    f"What you typed is kept as a draft in {self.home.workbook_file}: once the "
                    "file is fixed, `careerpath next` offers it again."
                )
            except InvalidFiles:
                aside = self.home.keep_aside(f"{stage.id}.{key}", typed)
                kept = (
                    f"What you typed is kept in {aside}: copy it from there when you answer again."
                )
            hint = f"{refused.hint} {kept}" if refused.hint else kept
            raise InvalidFiles(refused.problems, hint=hint) from None

    def _save(self, stage: StageDefinition, question_id: str, value: Any) -> None:
        def change(answers: Answers) -> None:
            if value is None:
                answers.pop(question_id, None)
            else:
                answers[question_id] = value

        self._change_answers(stage, change)

    def _save_field(
        self,
        stage: StageDefinition,
        question: Question,
        index: int,
        field_id: str,
        value: Any,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        """Save one field; a record it creates gets ``extra`` too (its links, its code)."""

        def change(answers: Answers) -> None:
            records = answers.setdefault(question.id, [])
            while len(records) <= index:
                records.append({**self._new_record(question, records), **(extra or {})})
            question.set_record_value(records[index], field_id, value, self.today)

        self._change_answers(stage, change)

    def _new_record(self, question: Question, records: list[dict[str, Any]]) -> dict[str, Any]:
        """An empty record; a built-in record type gives it its id."""
        if not question.record_type:
            return {}
        floor = self.workbook.state.id_floor(question.id)
        return record_kind(question.record_type).new_record(records, floor)

    def _change_answers(self, stage: StageDefinition, change: Any) -> None:
        # workbook.toml first: the answer is the last write, so a refused one saved nothing.
        if self.workbook.state.stage(stage.id).worked != self.today:
            self._update_state(lambda state: engine.mark_worked(state, stage.id, self.today))
        answers, _ = self.home.update_answers(stage, change)
        self.workbook.answers[stage.id] = answers
        self.saved += 1

    def _update_state(self, change: Any) -> None:
        self.workbook.state, _ = self.home.update_state(change)

    def _started(self, stage: StageDefinition) -> None:
        if not self.workbook.state.stage(stage.id).started:
            self._update_state(lambda state: engine.mark_started(state, stage.id, self.today))

    def _status(self, stage: StageDefinition) -> engine.Status:
        return engine.progress(self.workbook, stage).status

    # --- showing ----------------------------------------------------------------------------

    def _header(self, stage: StageDefinition, verb: str) -> None:
        number = self.workbook.definition.stages.index(stage) + 1
        count = len(self.workbook.definition.stages)
        self.console.rule(
            f"[bold]{verb} {number} of {count} · {escape(stage.title)}[/bold]"
            if verb == "Stage"
            else f"[bold]{verb}: {escape(stage.title)}[/bold] (stage {number} of {count})"
        )

    def _show_recalled(self, question: Question) -> None:
        """Earlier answers this question builds on, e.g. top values before checking an offer."""
        lines = []
        for ref in question.recall:
            stage, earlier = self.workbook.definition.recalled(ref)
            value = self.workbook.answers_for(stage).get(earlier.id)
            if earlier.is_answered(value):
                lines.append(
                    f"[bold]{escape(earlier.title)}:[/bold] {escape(earlier.format(value))}"
                )
        if lines:
            self.console.print(Padding("[dim]Earlier you said:[/dim]", (0, 0, 0, 2)))
            self.console.print(Padding("\n".join(lines), (0, 0, 0, 4)))

    def _recap(self, stage: StageDefinition) -> None:
        answers = self.workbook.answers_for(stage)
        skipped = self.workbook.state.stage(stage.id).skipped
        table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
        table.add_column(style="bold", max_width=32)
        table.add_column()
        waiting = {q.id for q in engine.waiting(self.workbook, stage)}
        passed = {q.id for q in engine.no_longer_needed(self.workbook, stage)}
        for question in stage.questions:
            value = answers.get(question.id)
            if question.id in waiting and question.after is not None:
                shown = f"(waits until {question.after.until})"
            elif question.id in passed and question.needed_until is not None:
                shown = f"(not needed now: {question.needed_until.until})"
            elif question.is_answered(value):
                shown = question.format(value)
            elif (offered := self._offered(question, None)) is not None:
                # Kept as offered (the weights): worked out from the answers, not skipped.
                shown = f"{question.format(offered)} (from your answers)"
            elif question.id in skipped:
                shown = "[dim](skipped)[/dim]"
                table.add_row(escape(question.title), shown)
                continue
            else:
                shown = "(not answered yet)"
            table.add_row(escape(question.title), escape(shown))
        self.console.print()
        self.console.rule(f"Recap: {escape(stage.title)}", style="dim")
        self.console.print(table)
