"""The Typer app and what every command shares: the home, "today", consoles, error handling.

Errors are turned into a message on stderr and an exit code in one place (``_Commands.invoke``);
tracebacks appear only with ``--debug``. Modules beyond typer are imported inside functions so
that ``--help`` and the reading commands start fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, cast

import typer
from typer.core import TyperGroup

from careerpath import __version__
from careerpath.cli import coercion
from careerpath.core.errors import (
    CannotWrite,
    CareerpathError,
    Interrupted,
    InvalidFiles,
    InvalidInput,
)

if TYPE_CHECKING:
    from rich.console import Console

    from careerpath.workbook.definition import StageDefinition, WorkbookDefinition
    from careerpath.workbook.home import Home
    from careerpath.workbook.models import Workbook

coercion.install()

TODAY_ENV = "CAREERPATH_TODAY"
NO_TERMINAL_HINT = (
    "To answer from a file instead: `careerpath questions --format toml > answers.toml`, "
    "fill it in, then `careerpath next --answers answers.toml`."
)


_COMMAND_LINE = "careerpath.command_line"

_DEFERRED: dict[str, tuple[Callable[[], typer.Typer], str]] = {}
"""Commands built only when used: name → (what gives their Typer app, help)."""


def defer(name: str, target: str, help: str) -> None:
    """Register a command, or a group of them, that is imported and built only when it is
    used. ``target`` names a Typer app as "module:attribute"; ``help`` is shown in the list
    of commands, so the module is not even imported for ``careerpath --help``."""

    def load() -> typer.Typer:
        import importlib

        module, attribute = target.split(":")
        found: typer.Typer = getattr(importlib.import_module(module), attribute)
        return found

    _DEFERRED[name] = (load, help)


class _Deferred(TyperGroup):
    """Stands in for a deferred command in the list of commands (``--help``) and builds the
    real one when it is run, completed or asked for its own help.

    Typer otherwise builds every command of the app, with all its options, on every run:
    with a few dozen commands that costs more than the rest of ``careerpath report``."""

    def __init__(self, name: str, load: Callable[[], typer.Typer], help: str) -> None:
        super().__init__(name=name, help=help, short_help=_one_line(help))
        self.load = load
        self._built: Any = None

    def built(self) -> Any:
        if self._built is None:
            command = typer.main.get_command(self.load())
            command.name = self.name
            _short_helps(command)
            self._built = command
        return self._built

    def make_context(self, info_name: Any, args: Any, parent: Any = None, **extra: Any) -> Any:
        return self.built().make_context(info_name, args, parent=parent, **extra)


def _one_line(help: str) -> str | None:
    """A command's line in a list of commands: its help's first paragraph on one line.
    Typer keeps a docstring's line breaks there, so a wrapped docstring showed as a ragged
    list ("…giving your" / "three-letter interest code…")."""
    import inspect

    first = inspect.cleandoc(help).partition("\f")[0].split("\n\n")[0]
    return " ".join(first.split()) or None


def _short_helps(group: Any) -> None:
    """Every command under ``group`` listed on one line (see ``_one_line``)."""
    for command in getattr(group, "commands", {}).values():
        if command.short_help is None and command.help:
            command.short_help = _one_line(command.help)
        _short_helps(command)


class _App(typer.Typer):
    """The careerpath app: ``@app.command()`` registers a command that is built only when
    it is used (see ``_Deferred``); nothing else changes for the modules that add commands."""

    def command(self, name: str | None = None, **settings: Any) -> Callable[[Any], Any]:
        def register(function: Any) -> Any:
            import inspect

            one = typer.Typer(add_completion=False)
            one.command(name, **settings)(function)
            command_name = name or typer.main.get_command_name(function.__name__)
            help = settings.get("help") or inspect.getdoc(function) or ""
            _DEFERRED[command_name] = (lambda: one, help)
            return function

        return register


class _Commands(TyperGroup):
    """Maps careerpath's errors to a clear message and exit code, for every command."""

    def list_commands(self, ctx: Any) -> list[str]:
        # In the order registered, whichever were built already (`help` builds some).
        names = super().list_commands(ctx)
        return [name for name in names if name not in _DEFERRED] + list(_DEFERRED)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in _DEFERRED:
            load, help = _DEFERRED[cmd_name]
            found = self.commands[cmd_name] = _Deferred(cmd_name, load, help)
        return found

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """As typer's, but "Did you mean" also draws on commands not built yet."""
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException as error:
            message = getattr(error, "message", None)
            if args and isinstance(message, str) and "Did you mean" not in message:
                from difflib import get_close_matches

                matches = get_close_matches(args[0], self.list_commands(ctx))
                if matches:
                    suggestions = ", ".join(repr(match) for match in matches)
                    error.message = f"{message.rstrip('.')}. Did you mean {suggestions}?"
            raise

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: Any = None
    ) -> None:
        # At a TAB: Typer's completion classes (with the descriptions zsh and fish show),
        # registered only now, so that no other run pays for them.
        name = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        if os.environ.get(name):
            from typer._completion_classes import completion_init

            completion_init()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

    def invoke(self, ctx: Any) -> Any:  # click's Context; typer does not export its type
        # What was typed after `careerpath` (its own options aside), for commit messages.
        ctx.meta[_COMMAND_LINE] = [*ctx._protected_args, *ctx.args]
        try:
            return super().invoke(ctx)
        except CareerpathError as error:
            if _settings(ctx).debug:
                raise
            _print_error(error)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            if _settings(ctx).debug:
                raise
            err_console().print("\nStopped.")
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (`careerpath due --all | head`): stop quietly, as click does
            # when this happens after the command. Output goes to /dev/null from here, so
            # Python does not complain again when it flushes at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(1) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as error:
            if _settings(ctx).debug:
                raise
            if isinstance(error, OSError) and CannotWrite.refused(error):
                # The disk said no somewhere storage does not already say it plainly.
                _print_error(CannotWrite(Path(error.filename or _settings(ctx).home), error))
                raise typer.Exit(1) from None
            from rich.markup import escape

            err_console().print(
                f"[red]careerpath hit an unexpected problem:[/red] {type(error).__name__}: "
                f"{escape(str(error))}\nWhat was saved before it stays saved. Run the same "
                "command with --debug for the details, and please report it.",
                markup=True,
                highlight=False,
            )
            raise typer.Exit(1) from None


# Typer names each value by its Python type (``<str>``, ``<list[str]>``, ``<bool>``); a person
# reads a word. A parameter's own ``metavar`` (DATE, ID, FILE) still wins where one is given.
_TYPE_WORDS = {str: "TEXT", int: "NUMBER", float: "NUMBER", Path: "FILE", bool: ""}


def _plain_type(self: typer.core._TyperParameter, ctx: Any) -> str:
    descriptor = self.type_descriptor
    if descriptor.is_choice:
        return "|".join(str(getattr(c, "value", c)) for c in descriptor.choices or ())
    annotation = descriptor.annotation
    if descriptor.is_list:
        annotation = getattr(annotation, "__args__", (str,))[0]
    return _TYPE_WORDS.get(annotation, "TEXT")


typer.core._TyperParameter.display_type = _plain_type  # type: ignore[method-assign]


app = _App(
    cls=_Commands,
    name="careerpath",
    help=(
        "A career-exploration workbook: five stages from 'I'm lost' to a negotiated offer "
        "(exploration, diving deeper, networking, applying, closing). Begin with "
        "`careerpath start`, come back with `careerpath next`, see where you stand with "
        "`careerpath report`. Your answers are plain TOML files that stay yours."
    ),
    no_args_is_help=True,
    add_completion=False,  # careerpath's own options, which take the shell (see _main)
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class Settings:
    home: Path
    debug: bool


def _settings(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    if isinstance(root.obj, Settings):
        return root.obj
    return Settings(home=Path("."), debug=False)


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _shell(value: str) -> str:
    if value.lower() not in SHELLS:
        raise typer.BadParameter(
            f"{value!r} is not a shell careerpath completes in; use one of {', '.join(SHELLS)}."
        )
    return value.lower()


def _show_completion(ctx: typer.Context, param: Any, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer import completion

    completion.show_callback(ctx, param, _shell(value))


def _install_completion(ctx: typer.Context, param: Any, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer import completion

    completion.install_callback(ctx, param, _shell(value))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careerpath {__version__}")
        raise typer.Exit()


_READ_LATE = {"occupations", "explore", "report", "due", "export", "app", "contact"}
"""Commands that start without what reading a workbook takes (pydantic and the record
models): `occupations` never reads one; `explore` reads the exercises' file, and the workbook
only at a terminal; `report`, `due`, `export` and the lists of `app` and `contact` only when
what they show is not kept in the home's cache (``Home.derived``). Each registers the record
types itself before it reads a workbook (``cli.recording.open_book`` and ``changing`` for
`app` and `contact`)."""


@app.callback()
def _main(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            envvar="CAREERPATH_HOME",
            help="Folder holding your workbook. Default: your platform's user data folder.",
            show_default=False,
            file_okay=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show full tracebacks (for reporting a bug).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar="SHELL",
            callback=_install_completion,
            is_eager=True,
            expose_value=False,
            show_default=False,
            help="Install completion for SHELL: bash, zsh, fish or powershell.",
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="SHELL",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
            show_default=False,
            help="Print the completion script for SHELL, to copy it or install it yourself.",
        ),
    ] = None,
) -> None:
    from careerpath.storage.folder import resolve_home

    if ctx.invoked_subcommand not in _READ_LATE:
        # A command reads a workbook: its built-in record types register with the definition.
        from careerpath.tracking import records  # noqa: F401

    ctx.obj = Settings(home=resolve_home(home), debug=debug)
    for stream in (sys.stdout, sys.stderr):
        # A stream that cannot take Unicode (cp1252 on a Windows redirect) gets `?` for what
        # it cannot show, rather than the command failing half-way.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


# --- helpers ---------------------------------------------------------------------------------


def safe_console(**settings: Any) -> Console:
    """A rich console that never lets user text act on the terminal: every piece of text it
    writes, whatever renderable it came in, goes through ``safe_text.for_terminal``; only
    rich's own styles and control codes are written as they are."""
    from rich.console import Console
    from rich.segment import Segment

    from careerpath.core.safe_text import for_terminal

    class _SafeConsole(Console):
        def print(self, *objects: Any, **settings: Any) -> None:
            super().print(*(_runnable(o) for o in objects), **settings)

        def _render_buffer(self, buffer: Any) -> str:
            safe = (
                segment if segment.control else Segment(for_terminal(segment.text), *segment[1:])
                for segment in buffer
            )
            return super()._render_buffer(safe)

    return _SafeConsole(highlight=False, **settings)


@functools.cache
def command_word() -> str:
    """How to run careerpath here, for the hints that say "run `careerpath next`": the plain
    word when it is on PATH and is the program running; else the program's path, relative to
    the current folder when it is under it (``.venv/bin/careerpath`` before the environment is
    activated)."""
    import shutil

    running = Path(sys.argv[0])
    if running.name != "careerpath":  # `python -m careerpath`, or a test runner
        return "careerpath"
    found = shutil.which("careerpath")
    try:
        if found and os.path.samefile(found, running):
            return "careerpath"
    except OSError:
        pass
    full = running.absolute()
    try:
        here = full.relative_to(Path.cwd())
    except ValueError:
        return str(full)
    return str(here) if here.parent != Path(".") else f"./{here}"


def with_command_word(text: str) -> str:
    """``text`` with each `careerpath …` in backticks written as ``command_word`` says."""
    import re

    word = command_word()
    if word == "careerpath":
        return text
    return re.sub(r"`careerpath(?=[\s`])", f"`{word}", text)


def _runnable(shown: Any) -> Any:
    """``shown`` with each `careerpath …` command in backticks written as ``command_word``
    says it runs here, and each code span kept whole when lines are laid out (a command never
    breaks at a space inside it). Hints are written once, with the plain word, at every layer;
    the console puts in the command that works, before lines are laid out to the width."""

    from rich.padding import Padding
    from rich.text import Text

    from careerpath.core.safe_text import code_kept_whole

    def runnable(text: str) -> str:
        return code_kept_whole(with_command_word(text))

    if isinstance(shown, Padding):  # indented prose: the intro, a stage's welcome
        shown.renderable = _runnable(shown.renderable)
        return shown
    if isinstance(shown, str):
        return runnable(shown)
    if isinstance(shown, Text) and "`" in shown.plain:
        changed = shown.copy()
        # Styled text keeps its length, so its styles stay where they were.
        changed.plain = code_kept_whole(shown.plain) if shown.spans else runnable(shown.plain)
        return changed
    return shown


def out_console() -> Console:
    return _console(stderr=False)


def err_console() -> Console:
    return _console(stderr=True)


# Piped output is read by programs and copied whole: a line is as long as it needs to be.
PIPED_WIDTH = 10_000


def _console(*, stderr: bool) -> Console:
    """A console for a terminal, or, when the stream is not one, a console that neither wraps
    lines at an imagined 80 columns (unless $COLUMNS asks for a width) nor pads them with
    trailing spaces."""
    console = safe_console(stderr=stderr)
    if console.is_terminal:
        return console
    wide = not os.environ.get("COLUMNS")
    return safe_console(
        file=cast("IO[str]", _NoTrailingSpaces(console.file)),
        width=PIPED_WIDTH if wide else None,
        soft_wrap=wide,
    )


class _NoTrailingSpaces:
    """A text stream that drops the spaces rich pads lines with (tables, indented prose)
    before they reach a file or a pipe."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        *lines, self._pending = (self._pending + text).split("\n")
        if lines:
            self._stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:  # a line without its end yet (a prompt): written as it is
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str) -> Any:  # encoding and the rest, of the real stream
        return getattr(self._stream, name)


def _print_error(error: CareerpathError) -> None:
    """The message, each problem on its own line, and the hint. Soft-wrapped, so a path is
    never broken in two when it is copied from the terminal."""
    from rich.markup import escape
    from rich.text import Text

    console = err_console()
    width = console.width if console.is_terminal else None

    def say(text: str, indent: str = "", first: str = "") -> None:
        taken = len(Text.from_markup(first).plain)
        text = with_command_word(text)  # first: the command that works is longer
        console.print(first + escape(_at_words(text, width, indent, taken)), soft_wrap=True)

    if isinstance(error, Interrupted):
        console.print()
        say(error.message)
    else:
        say(error.message, first="[red]Error:[/red] ")
    if isinstance(error, InvalidFiles):
        for problem in error.problems:
            say(f"  {problem}", indent="    ")
    if error.hint:
        say(error.hint)


def _at_words(text: str, width: int | None, indent: str, taken: int) -> str:
    """``text`` wrapped at words to ``width`` (``taken``: columns already used on its first
    line), a word longer than a line (a path) kept whole, so it can be copied in one piece;
    unwrapped when ``width`` is None (not a terminal: the reader's tool wraps)."""
    if width is None:
        return text
    import textwrap

    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lead = " " * taken if not lines else ""
        wrapped = textwrap.wrap(
            paragraph,
            width,
            initial_indent=lead,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [lead]
        wrapped[0] = wrapped[0][len(lead) :]
        lines.extend(wrapped)
    return "\n".join(lines)


def has_workbook(ctx: typer.Context) -> bool:
    """Whether the home holds a workbook, known without importing the workbook's models
    (``Home.workbook_file``), for commands that only look at it when there is one."""
    return (_settings(ctx).home / "workbook.toml").is_file()


def home_of(ctx: typer.Context) -> Home:
    from careerpath.workbook.home import Home

    return Home(_settings(ctx).home, command_line=ctx.meta.get(_COMMAND_LINE, ()))


def today() -> date:
    """The person's local date; ``$CAREERPATH_TODAY`` (YYYY-MM-DD) pins it for tests and demos."""
    pinned = os.environ.get(TODAY_ENV)
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            raise InvalidInput(
                f"${TODAY_ENV} is {pinned!r}, which is not a YYYY-MM-DD date"
            ) from None
    return date.today()


def now() -> datetime:
    return datetime.combine(today(), datetime.now().time())


def stage_or_current(
    book: WorkbookDefinition, workbook: Workbook | None, stage: str | None
) -> StageDefinition:
    from careerpath.workbook import engine

    if stage:
        return book.stage(stage)
    current = engine.current_stage(workbook) if workbook else None
    return current or book.stages[0]


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


class QuestionsFormat(StrEnum):
    """How ``questions`` and ``program questions`` show what is asked."""

    text = "text"
    json = "json"
    toml = "toml"


class ListFormat(StrEnum):
    """How ``list``, ``show`` and ``due`` print: a table to read, or JSON for tools."""

    text = "text"
    json = "json"


FormatOption = Annotated[
    ListFormat,
    typer.Option(
        "--format", "-f", help="text to read, json for tools (the field names of `export`)."
    ),
]


TERMINAL_LIMIT = 50
"""How many rows a long list shows on a terminal unless ``--limit`` says otherwise."""

LimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit",
        min=0,
        metavar="N",
        show_default=False,
        help=f"Show at most N (0: all). Without it: {TERMINAL_LIMIT} on a terminal, all when "
        "the output goes to a file or a program, and all as JSON.",
    ),
]


def list_limit(limit: int | None, format: ListFormat) -> int | None:
    """How many rows a list prints (None: all), from its ``--limit`` and where it goes."""
    if limit is not None:
        return limit or None
    if format is ListFormat.json or not out_console().is_terminal:
        return None
    return TERMINAL_LIMIT


def left_out(console: Console, count: int, command: str) -> None:
    """Say how many rows a ``--limit`` left out, and how to see them."""
    if count > 0:
        console.print(f"… {count:,} more: {command} --limit 0 shows all", style="dim", markup=False)


def record_json(record: Any) -> Any:
    """A record as the JSON export has it: its saved fields, by their saved names."""
    return record.model_dump(mode="json", exclude_none=True)


def print_json(data: Any) -> None:
    """``data`` as JSON on stdout, as the export writes it: dates as ISO text, and the C1
    and direction controls a terminal acts on escaped (JSON itself escapes only C0)."""
    from careerpath.views import json_text

    sys.stdout.write(json_text.dumps(data))


def warn(text: str) -> None:
    """A word of warning that does not stop the command, on stderr so that what a command
    prints stays clean for a pipe or a file. ``text`` is never read as markup."""
    err_console().print(f"Note: {text}", markup=False, soft_wrap=True)


def write_output(path: Path, text: str | Iterable[bytes]) -> None:
    """``text`` (or its pieces in UTF-8, in order) written to the file ``path``, or to
    stdout when ``path`` is ``-``."""
    from careerpath.storage import tomlio

    pieces = [text] if isinstance(text, str) else _decoded(text)
    if str(path) == "-":
        out = sys.stdout
        if not isinstance(text, str) and _utf8(out):
            out.flush()  # what was printed before comes first
            for piece in text:  # as they are: 40 MB need not be decoded and encoded again
                out.buffer.write(piece)
            out.buffer.flush()
        else:
            out.writelines(pieces)
        return

    try:
        tomlio.write_atomic(path, pieces)
    except OSError as error:
        raise InvalidInput(f"cannot write {path}: {error.strerror}") from None
    err_console().print(f"Written to {path}", markup=False, soft_wrap=True)


def _decoded(pieces: Iterable[bytes]) -> Iterator[str]:
    """UTF-8 pieces as text (a character may be split between two pieces)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    for piece in pieces:
        yield decoder.decode(piece)
    yield decoder.decode(b"", final=True)


def _utf8(stream: Any) -> bool:
    """Whether ``stream`` writes text as UTF-8 to a binary stream of its own."""
    import codecs

    try:
        return hasattr(stream, "buffer") and codecs.lookup(stream.encoding).name == "utf-8"
    except (LookupError, TypeError):
        return False
