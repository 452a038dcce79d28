"""A person's home: which files a workbook keeps, reading and validating them, writing them.

Layout of a home::

    workbook.toml           schema version, which definition, stage dates, skipped questions
    stages/<stage-id>.toml  that stage's answers
    program.toml            the program, when one was started (see ``program``)
    definition.toml         a copy of a coach's own workbook definition (built-ins are not copied)
    .backups/               earlier versions of files, a bounded number of each
    .lock                   held while a command writes, names who holds it
    drafts.txt              what was typed when no file could take it (both broken)
    .gitignore              keeps the backups and the lock out of git (written by ``create``)

Every write is atomic (``storage.folder``); a file that does not validate is reported and never
written over; every change re-reads the file first, so an edit made by hand in the meantime is
kept.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from careerpath.core.errors import InvalidFiles, NoWorkbook, Problem, WorkbookExists
from careerpath.storage import cache, tomlio
from careerpath.storage.folder import Folder, validate
from careerpath.workbook.builtins import builtin_dir

# The definition and the state's models are pydantic's, imported where a workbook is read or
# written: a command that only needs the home's folder (``explore``, ``occupations``) starts
# without them.
if TYPE_CHECKING:
    from careerpath.workbook.definition import StageDefinition, WorkbookDefinition
    from careerpath.workbook.models import Answers, Workbook, WorkbookState
    from careerpath.workbook.program_file import Program

_BUILTIN_PREFIX = "builtin:"
_DEFINITION_COPY = "definition.toml"

T = TypeVar("T")


def _out_of_the_collectors_way(load: Callable[..., Workbook]) -> Callable[..., Workbook]:
    """``load``, with Python's cycle collector paused while it reads, and what it read then
    frozen (``gc.freeze``), so the collector does not walk it again: a home of 10,000
    records is over a million dicts, lists and strings, in no cycle, alive until the command
    ends, and walking them was a fifth of a command's time. They are freed as ever."""
    import functools

    @functools.wraps(load)
    def paused(*args: Any, **kwargs: Any) -> Workbook:
        import gc

        collecting = gc.isenabled()
        gc.disable()
        try:
            return load(*args, **kwargs)
        finally:
            gc.freeze()
            if collecting:
                gc.enable()

    return paused


_STAGE_FILES_READ: list[Path] | None = None
"""While ``Home.derived`` works a result out: the stage files asked for (``stage_file``,
the one way to a stage's file), by any ``Home`` (a command makes a new one for each part
of its work)."""


class _Read(NamedTuple):
    """A whole workbook as ``load`` read it, while a result is worked out."""

    workbook: Workbook
    stage_files: list[Path]
    files: list[Path]
    """Every file it was read from, the settings too, and (``file_states``) their inode,
    size, time and a hash of their bytes, taken before they were read: it stands for the
    home only while they are the same."""
    states: list[tuple[str, bytes]]
    looks: int
    """How many file states were noted when these were (``cache.looks_taken``)."""


_WORKBOOKS_READ: dict[Path, _Read] | None = None
"""While a result is worked out (``derived``, ``derived_text``): the whole workbook ``load``
read last, by home: read once for a result and for the results worked out inside it (a
report, and the due items it counts), which only read it, while its files are unchanged."""


@contextlib.contextmanager
def _working_out(read: list[Path] | None) -> Iterator[None]:
    """The time a result is worked out: the stage files asked for go to ``read`` (None:
    not tracked), and a workbook read whole is read once (``_WORKBOOKS_READ``)."""
    global _STAGE_FILES_READ, _WORKBOOKS_READ
    outer, outer_workbooks = _STAGE_FILES_READ, _WORKBOOKS_READ
    _STAGE_FILES_READ = read
    if outer_workbooks is None:
        _WORKBOOKS_READ = {}
    try:
        with cache.watching():
            yield
    finally:
        _STAGE_FILES_READ, _WORKBOOKS_READ = outer, outer_workbooks


class Home(Folder):
    """A folder holding one person's workbook."""

    def __init__(
        self, root: Path, *, write_cache: bool = True, command_line: Sequence[str] = ()
    ) -> None:
        super().__init__(root, write_cache=write_cache, command_line=command_line)
        self.workbook_file = root / "workbook.toml"
        self.stages_dir = root / "stages"

    def stage_file(self, stage_id: str) -> Path:
        path = self.stages_dir / f"{stage_id}.toml"
        if _STAGE_FILES_READ is not None:  # for ``derived``: a file its result may depend on
            _STAGE_FILES_READ.append(path)
        return path

    def exists(self) -> bool:
        return self.workbook_file.exists()

    # --- creating ----------------------------------------------------------------------------

    def create(self, definition_path: Path, *, now: datetime) -> Workbook:
        """Start a new workbook from a definition (``archive`` first moves an old one aside)."""
        from careerpath.workbook import definition as definitions
        from careerpath.workbook.models import DefinitionRef, Workbook, WorkbookState

        book = definitions.load(definition_path)
        if self.exists():
            raise WorkbookExists(
                f"a workbook already exists in {self.root} — continue with `careerpath next`",
                hint="To start over, `careerpath start --force` moves the old one to a backup.",
            )
        tomlio.ensure_dir(self.root)
        builtin = definition_path.resolve().parent == builtin_dir().resolve()
        if builtin:
            source = _BUILTIN_PREFIX + definition_path.stem
        else:
            source = _DEFINITION_COPY
            tomlio.write_atomic(
                self.root / _DEFINITION_COPY, definition_path.read_text(encoding="utf-8")
            )
        state = WorkbookState(
            created=now.replace(microsecond=0),
            definition=DefinitionRef(source=source, id=book.id, version=book.version),
        )
        self.write_state(state)
        gitignore = self.root / ".gitignore"
        if not gitignore.exists():  # a person's own is theirs to keep
            tomlio.write_atomic(gitignore, _GITIGNORE)
        return Workbook(definition=book, state=state)

    def keep_out_of_git(self) -> bool:
        """Make sure ``.gitignore`` keeps careerpath's own files out of git: written when
        there is none, the missing lines added to a person's own. True when it changed."""
        gitignore = self.root / ".gitignore"
        try:
            before = gitignore.read_text(encoding="utf-8")
        except FileNotFoundError:
            tomlio.write_atomic(gitignore, _GITIGNORE)
            return True
        present = {line.strip() for line in before.splitlines()}
        missing = [line for line in _GITIGNORE.splitlines() if line and not line.startswith("#")]
        missing = [line for line in missing if line not in present]
        if not missing:
            return False
        added = "# Added by `careerpath git init`: careerpath's own files.\n" + "\n".join(missing)
        joiner = "" if not before or before.endswith("\n") else "\n"
        tomlio.write_atomic(gitignore, f"{before}{joiner}{added}\n")
        return True

    def archive(self, now: datetime) -> Path:
        """Move the whole workbook, its program too, into ``.backups/workbook-<time>/``
        (``start --force``)."""
        import shutil

        target = self.unused_backup("workbook", now, "")
        tomlio.ensure_dir(target)
        for name in ("workbook.toml", "stages", _DEFINITION_COPY, self.program_file.name):
            source = self.root / name
            if source.exists():
                shutil.move(source, target / name)
        self.prune("workbook-[0-9]*")
        return target

    # --- reading -----------------------------------------------------------------------------

    @_out_of_the_collectors_way
    def load(
        self, stages: Callable[[WorkbookDefinition], Collection[str]] | None = None
    ) -> Workbook:
        """The whole workbook, validated; every problem in every file is reported at once.

        ``stages`` picks, from the definition, the ids of the only stages whose answers are
        read (a list of one kind of record need not read the other stages' files; those
        stages then look unanswered)."""
        from careerpath.workbook.models import Workbook

        remembered = stages is None and _WORKBOOKS_READ is not None
        if remembered:
            read_before = self._read_before()
            if read_before is not None:  # by the result this one is worked out inside
                if _STAGE_FILES_READ is not None:
                    _STAGE_FILES_READ.extend(read_before.stage_files)
                return read_before.workbook
            from careerpath.core import config

            files = [self.workbook_file, self.program_file, config.config_file()]
            states = cache.states_seen(files)  # as the result is keyed on: before reading
        state = self.read_state()
        if remembered:
            files.append(self._definition_file(state.definition.source))
            states += cache.states_seen(files[-1:])
        book = self.read_definition(state)
        if remembered:
            stage_files = [self.stages_dir / f"{stage.id}.toml" for stage in book.stages]
            files, states = files + stage_files, states + cache.states_seen(stage_files)
            looks = cache.looks_taken()
        wanted = None if stages is None else stages(book)
        answers: dict[str, Answers] = {}
        problems: list[Problem] = []
        for stage in book.stages:
            if wanted is not None and stage.id not in wanted:
                continue
            try:
                answers[stage.id] = self.read_answers(stage)
            except InvalidFiles as error:
                problems += error.problems
        problems += _state_against_definition(state, book, self.workbook_file)
        program = None
        try:
            program = self.read_program(book)
        except InvalidFiles as error:
            problems += error.problems
        if problems:
            raise InvalidFiles(problems, hint=_FIX_HINT)
        workbook = Workbook(definition=book, state=state, answers=answers, program=program)
        if remembered:
            assert _WORKBOOKS_READ is not None
            _WORKBOOKS_READ[self.root] = _Read(workbook, stage_files, files, states, looks)
        return workbook

    def _read_before(self) -> _Read | None:
        """The workbook read whole while the result being worked out is, if its files are
        still as they were then."""
        found = None if _WORKBOOKS_READ is None else _WORKBOOKS_READ.get(self.root)
        if found is None or not cache.still_the_same(found.files, found.states, found.looks):
            return None
        return found

    def still_as_read(self, workbook: Workbook) -> bool:
        """Whether ``workbook`` is the one ``load`` read while a result is worked out, and
        every file it was read from is still as it was then: results kept for the home's
        files as they are now (``derived``) are then results of this workbook."""
        found = self._read_before()
        return found is not None and found.workbook is workbook

    def read_state(self) -> WorkbookState:
        from careerpath.workbook.models import WorkbookState

        if not self.exists():
            raise NoWorkbook(
                f"there is no workbook in {self.root} yet",
                hint="Start one with `careerpath start` (or point --home at an existing one).",
            )
        raw, text = tomlio.read(self.workbook_file, self.parse_cache)
        _check_schema_version(raw, text, self.workbook_file)
        return validate(WorkbookState, raw, text, self.workbook_file, _FIX_HINT)

    def read_definition(self, state: WorkbookState) -> WorkbookDefinition:
        from careerpath.workbook import definition as definitions

        source = state.definition.source
        if source.startswith(_BUILTIN_PREFIX):
            return definitions.load_builtin(source.removeprefix(_BUILTIN_PREFIX), self.parse_cache)
        return definitions.load(self._definition_file(source), self.parse_cache)

    def _definition_file(self, source: str) -> Path:
        """The file of the definition ``workbook.toml`` names: a built-in's, or a coach's
        copy in the home."""
        if source.startswith(_BUILTIN_PREFIX):
            return builtin_dir() / f"{source.removeprefix(_BUILTIN_PREFIX)}.toml"
        return self.root / source

    def read_answers(self, stage: StageDefinition) -> Answers:
        path = self.stage_file(stage.id)
        if not path.exists():
            return {}
        return self._answers_in(stage, path, tomlio.read_text(path))

    def _answers_in(self, stage: StageDefinition, path: Path, text: str) -> Answers:
        def validated(text: str, path: Path) -> Answers:
            raw = tomlio.parse(text, path)
            model = validate(stage.answers_model, raw, text, path, _FIX_HINT)
            return model.model_dump(exclude_none=True)

        # Kept validated: the same text read by the same questions gives the same answers.
        return self.parse_cache.parse(path, text, validated, rules=_rules_of(stage))

    # --- results worked out from the workbook ------------------------------------------------

    def derived(
        self,
        name: str,
        key: str,
        compute: Callable[[], T],
        *,
        also: Sequence[Path] = (),
        modules: Collection[str] = (),
        more: Callable[[T, str, str, list[dict[str, Any]]], T | None] | None = None,
    ) -> T:
        """``compute()``, or what it gave before while none of what it is worked out from has
        changed: the files ``load`` reads, the files ``also`` names, the person's settings,
        and ``key`` (the day, the options given). ``compute`` (which reads the workbook with
        ``load``) must depend on nothing else; its result is plain data and the dataclasses
        of ``modules``. A report of 10,000 records on an unchanged home then costs a read of
        its files' bytes, not their parsing.

        Of the stage files, only those ``compute`` read count: a list of one kind of record
        (``load`` with ``stages``) is not worked out again for a change to another stage.

        ``more(value, stage_id, question_id, added)``: what ``compute`` would give now that
        the records ``added`` were put at the end of that question's (``add_record``), from
        what it gave before; None when it cannot tell. Used when that is all that changed
        since: a list of 10,000 records with one added is not worked out again."""
        read: list[Path] = []

        def reading() -> T:
            with _working_out(read):
                return compute()

        files, stages = self._sources(also)
        used: list[Path] = []
        with cache.watching():  # the files as this result is keyed on them, for ``load``
            value = self.parse_cache.derived(
                name,
                files,
                _with_settings(key),
                reading,
                modules=modules,
                maybe=stages,
                read=lambda: read,
                used=used,
                extend=None if more is None else self._more_of(more),
            )
        if _STAGE_FILES_READ is not None:  # worked out, or kept, inside another result
            _STAGE_FILES_READ.extend(used)
        return value

    def _more_of(
        self, more: Callable[[T, str, str, list[dict[str, Any]]], T | None]
    ) -> Callable[[T, Path, str, list[Any]], T | None]:
        """``more`` for records added to a file: to a stage's, by the stage's id."""

        def extend(value: T, path: Path, question: str, added: list[Any]) -> T | None:
            if path.parent != self.stages_dir or path.suffix != ".toml":
                return None
            return more(value, path.stem, question, added)

        return extend

    def derived_text(
        self,
        name: str,
        key: str,
        pieces: Callable[[], Iterable[bytes]],
        *,
        also: Sequence[Path] = (),
    ) -> Iterator[bytes]:
        """As ``derived``, for a long text given a piece at a time in UTF-8 (an export)."""

        def reading() -> Iterable[bytes]:
            with _working_out(_STAGE_FILES_READ):
                return pieces()

        files, stages = self._sources(also)
        return self.parse_cache.derived_text(
            name,
            files + stages,
            _with_settings(key),
            reading,
            same_files=lambda: self._sources(also)[1] == stages,  # no stage file appeared
        )

    def _sources(self, also: Sequence[Path]) -> tuple[list[Path], list[Path]]:
        """Every file ``load`` reads, and ``also``: the stage files apart (a stage file that
        is not there counts as one not there)."""
        from careerpath.core import config

        files = [self.workbook_file, self.program_file, config.config_file(), *also]
        try:
            raw, _ = tomlio.read(self.workbook_file, self.parse_cache)
            source = raw["definition"]["source"]
        except (InvalidFiles, OSError, KeyError, TypeError):  # ``load`` says what is wrong
            return files, []
        if isinstance(source, str):
            files.append(self._definition_file(source))
        stages = []
        with contextlib.suppress(OSError):
            stages = sorted(set(self.stages_dir.glob("*.toml")) - set(files))
        return files, stages

    # --- writing -----------------------------------------------------------------------------

    def write_state(self, state: WorkbookState) -> None:
        data = state.model_dump(exclude_none=True, exclude_defaults=False)
        data["stages"] = {
            stage_id: stage.model_dump(exclude_none=True, exclude_defaults=True)
            for stage_id, stage in state.stages.items()
        }
        self.write(self.workbook_file, data, _STATE_HEADER)

    def write_answers(self, stage: StageDefinition, answers: Answers) -> None:
        path = self.stage_file(stage.id)
        header = _ANSWERS_HEADER.format(stage=stage.id, title=stage.title)
        self.write(path, self._checked(stage, answers, path), header)

    def add_record(
        self,
        stage: StageDefinition,
        question_id: str,
        make: Callable[[list[dict[str, Any]]], dict[str, Any]],
    ) -> Answers:
        """Add a record at the end of one of the stage's records questions; ``make`` gives
        it from the records there now. The stage's answers after.

        As ``update_answers`` (the file read again first, the change validated and written
        atomically with a backup), but a file that keeps these records as ``[[question_id]]``
        tables is not written out afresh: only the new record is validated, and it is
        appended to the text as it was read (a long file costs a copy, not a rewrite, and
        its comments and layout stay as they are)."""
        path = self.stage_file(stage.id)
        text = tomlio.read_text(path) if path.exists() else ""
        answers = self._answers_in(stage, path, text) if text else {}
        items = answers.setdefault(question_id, [])
        record = make(items)
        with_ids = sum(
            isinstance(item, dict) and "id" in item
            for value in answers.values()
            if isinstance(value, list)
            for item in value
        )
        new = self._checked(stage, {question_id: [record]}, path)
        addition = self.toml(new)  # small records come out inline: those cannot be appended
        if not (
            addition.startswith(f"[[{question_id}]]\n")
            and tomlio.takes_one_more(text, question_id, len(items), with_ids)
        ):
            items.append(record)
            self.write_answers(stage, answers)
            return answers
        written = self.append(path, text, addition)
        # What reading the new text gives: the records read before, then the one added,
        # as it reads back; kept, so the next command need not read the whole file again,
        # nor work out again what it worked out from the records before (``derived``).
        added = self._checked(stage, tomlio.parse(addition, path), path)[question_id]
        items += added
        self.parse_cache.keep(path, written, answers, rules=_rules_of(stage))
        self.parse_cache.appended(path, text, written, question_id, added)
        return answers

    def _checked(self, stage: StageDefinition, answers: Answers, path: Path) -> Answers:
        from pydantic import ValidationError

        try:
            model = stage.answers_model.model_validate(answers)
        except ValidationError as error:  # a bug in careerpath, never the person's doing
            raise AssertionError(f"refusing to write invalid answers to {path}: {error}") from None
        dumped: Answers = model.model_dump(exclude_none=True)
        return dumped

    def keep_aside(self, key: str, text: str) -> Path:
        """Keep ``text`` typed for ``key`` in ``drafts.txt`` when no file it belongs in can
        be written (both broken); appended, so nothing kept there before is lost."""
        path = self.root / "drafts.txt"
        earlier = path.read_text(encoding="utf-8") if path.exists() else ""
        stamp = datetime.now().isoformat(timespec="seconds")
        tomlio.write_atomic(path, f"{earlier}--- {key} ({stamp})\n{text}\n")
        return path

    def update_state(self, change: Callable[[WorkbookState], T]) -> tuple[WorkbookState, T]:
        """Re-read ``workbook.toml``, apply ``change`` to it and write it back."""
        state = self.read_state()
        result = change(state)
        self.write_state(state)
        return state, result

    def update_answers(
        self, stage: StageDefinition, change: Callable[[Answers], T]
    ) -> tuple[Answers, T]:
        """Re-read the stage's answers, apply ``change`` and write them back.

        Re-reading first means a hand edit made while a prompt was open is kept, and a file
        broken in the meantime is reported instead of overwritten.
        """
        answers = self.read_answers(stage)
        result = change(answers)
        self.write_answers(stage, answers)
        return answers, result

    # --- the program (program.toml) ----------------------------------------------------------

    @property
    def program_file(self) -> Path:
        return self.root / "program.toml"

    def read_program(self, book: WorkbookDefinition) -> Program | None:
        """The program, checked against the workbook's questions; None when there is none."""
        if not self.program_file.exists():
            return None
        from careerpath.workbook import program_file

        raw, text = tomlio.read(self.program_file, self.parse_cache)
        _check_schema_version(raw, text, self.program_file)
        return program_file.validate(raw, text, self.program_file, book, _FIX_HINT)

    def archive_program(self, now: datetime) -> Path:
        """Move ``program.toml`` to ``.backups/program-<time>.toml`` (``program start
        --force``); the caller holds the lock, so the name stays unused until it is moved."""
        tomlio.ensure_dir(self.backups_dir)
        target = self.unused_backup("program", now, ".toml")
        os.replace(self.program_file, target)
        self.prune("program-[0-9]*.toml")
        return target

    def write_program(self, book: WorkbookDefinition, program: Program) -> None:
        from careerpath.workbook import program_file

        self.write(self.program_file, program_file.dump(program, book), program_file.HEADER)

    def update_program(
        self, book: WorkbookDefinition, change: Callable[[Program], T]
    ) -> tuple[Program, T]:
        """Re-read ``program.toml``, apply ``change`` and write it back (as ``update_answers``)."""
        from careerpath.core.errors import NoProgram

        program = self.read_program(book)
        if program is None:
            raise NoProgram(self.root)
        result = change(program)
        self.write_program(book, program)
        return program, result

    # --- checking ----------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        """Every problem in every file of the home, for ``doctor``. Empty when all is well."""
        try:
            self.load()
        except InvalidFiles as error:
            return error.problems
        return []

    # --- locking -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, command: str, *, create: bool = False) -> Iterator[None]:
        """Hold the home for one writing command; a second one stops with who holds it.

        Only ``start`` (``create``) makes a home that is not there yet: a mistyped --home
        gets "no workbook", not a new folder."""
        if create:
            tomlio.ensure_dir(self.root)
        elif not self.exists():
            self.read_state()  # raises NoWorkbook with the way to start one
        with super().lock(command):
            yield


# --- validation helpers ----------------------------------------------------------------------

_FIX_HINT = (
    "Fix it by hand (for a stage file, `careerpath edit STAGE` checks it when you close the "
    "editor), or copy a version back from the .backups folder. careerpath will not write "
    "over it."
)

_GITIGNORE = """\
# Written by `careerpath start`: the files careerpath keeps for itself, not for your history.
.backups/
.lock
.cache/
*.tmp
"""

_STATE_HEADER = """\
careerpath workbook: where you are in the stages. Safe to read; edit with care.
Stage status and progress are worked out from your answers in stages/*.toml."""

_ANSWERS_HEADER = """\
careerpath answers: stage {stage!r} ({title}). These are yours: read, edit, keep in git.
`careerpath doctor` checks this file after a hand edit."""


def _with_settings(key: str) -> str:
    """``key``, and the settings given in the environment (``$CAREERPATH_*``), which a
    result worked out from the workbook may depend on as much as on the config file."""
    given = sorted(item for item in os.environ.items() if item[0].startswith("CAREERPATH_"))
    return f"{key}\0{given!r}"


def _rules_of(stage: StageDefinition) -> str:
    """What a stage file's answers depend on beside its text: the stage's questions."""
    return stage.model_dump_json()


def _check_schema_version(raw: dict[str, Any], text: str, path: Path) -> None:
    from careerpath.workbook.models import SCHEMA_VERSION

    version = raw.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise InvalidFiles(
            [
                Problem(
                    path,
                    f"was written by a newer careerpath (schema {version}; this one reads "
                    f"{SCHEMA_VERSION}). Upgrade careerpath to open it.",
                    line=tomlio.line_of(text, ("schema_version",)),
                    field="schema_version",
                )
            ]
        )


def _state_against_definition(
    state: WorkbookState, book: WorkbookDefinition, path: Path
) -> list[Problem]:
    """Stage ids and skipped questions in workbook.toml must exist in the definition."""
    text = path.read_text(encoding="utf-8")
    problems = []
    for stage_id, stage_state in state.stages.items():
        if stage_id not in book.stage_ids:
            problems.append(
                Problem(
                    path,
                    f"unknown stage (the stages are: {', '.join(book.stage_ids)})",
                    line=tomlio.line_of(text, ("stages", stage_id)),
                    field=f"stages.{stage_id}",
                )
            )
            continue
        asked = {q.id for q in book.stage(stage_id).questions}
        for question_id in stage_state.skipped:
            if question_id not in asked:
                problems.append(
                    Problem(
                        path,
                        f"{question_id!r} is not a question of this stage",
                        line=tomlio.line_of(text, ("stages", stage_id, "skipped")),
                        field=f"stages.{stage_id}.skipped",
                    )
                )
    return problems
