"""The one exception hierarchy: every error a person can cause has a message and an exit code.

The CLI turns these into a line on stderr and the exit code; tracebacks only with ``--debug``.
The README's exit-code table mirrors the ``exit_code`` values here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: where it is and what is wrong."""

    file: Path
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class CareerpathError(Exception):
    """Base class: a message for the person and the exit code the process ends with."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class NoWorkbook(CareerpathError):
    """The home has no workbook yet."""


class WorkbookExists(CareerpathError):
    """``start`` was asked to create a workbook where one already exists."""


class NotFound(CareerpathError):
    """A stage, workbook definition or file the person named does not exist."""


class InvalidInput(CareerpathError):
    """A value typed on the command line is not acceptable."""


class NoTerminal(CareerpathError):
    """A command that asks questions was run without a terminal to ask them in."""


class Busy(CareerpathError):
    """Another careerpath process is writing to the same home."""


class CannotWrite(CareerpathError):
    """The disk refused a write (full, read-only, no permission, over quota). The file
    written is left as it was: writes are atomic, and the one that holds the change comes
    last, so running the command again once the disk takes it does it once."""

    def __init__(self, path: Path, error: OSError) -> None:
        import errno

        reasons = {
            errno.ENOSPC: "the disk is full",
            errno.EDQUOT: "you are over your disk quota",
            errno.EROFS: "the disk is read-only",
            errno.EACCES: "you do not have permission to write there",
            errno.EPERM: "you do not have permission to write there",
        }
        reason = reasons.get(error.errno or 0, error.strerror or str(error))
        super().__init__(
            f"cannot save {path}: {reason}; this change was not saved",
            hint="Make room (or fix the permissions), then run the same command again.",
        )
        self.errno = error.errno

    @staticmethod
    def refused(error: OSError) -> bool:
        """Whether ``error`` is the disk refusing a write (not a bug of careerpath's)."""
        import errno

        names = ("ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM")
        return error.errno in {getattr(errno, name) for name in names if hasattr(errno, name)}


class InvalidFiles(CareerpathError):
    """One or more files failed validation; nothing was written over them."""

    def __init__(self, problems: list[Problem], hint: str | None = None) -> None:
        files = sorted({str(p.file) for p in problems})
        what = files[0] if len(files) == 1 else f"{len(files)} files"
        super().__init__(f"{what} cannot be used as it is:", hint)
        self.problems = problems


class DanglingLinks(InvalidFiles):
    """Records name records that do not exist (``doctor``); the files themselves are fine."""

    def __init__(self, problems: list[Problem], hint: str | None = None) -> None:
        super().__init__(problems, hint)
        count = len(problems)
        self.message = (
            f"{count} link{'s' if count != 1 else ''} between your records "
            f"name{'s' if count == 1 else ''} a record that does not exist:"
        )


class Interrupted(CareerpathError):
    """The person pressed Ctrl-C (or Ctrl-D) at a prompt.

    ``draft`` carries what they had typed at that prompt, so it can be kept for next time.
    ``also`` names what was kept besides the workbook's answers ("10 of 54 inventory
    answers"); its ``hint`` says how to carry on with that.
    """

    exit_code = 130

    def __init__(
        self,
        saved: int = 0,
        draft: str | None = None,
        kept_draft: bool = False,
        also: tuple[str, ...] = (),
        hint: str | None = None,
    ) -> None:
        noun = "answer" if saved == 1 else "answers"
        if also:
            given = [f"the {saved} workbook {noun} given this time"] if saved else []
            typing = ", and what you were typing for next time" if kept_draft else ""
            message = f"Stopped. Kept {' and '.join([*also, *given])}{typing}."
        else:
            kept = (
                ", and kept what you were typing for next time"
                if kept_draft
                else "; everything you confirmed is kept"
            )
            message = f"Stopped. Saved {saved} {noun} this time{kept}."
        super().__init__(
            message, hint=hint or "Run `careerpath next` to continue where you left off."
        )
        self.saved = saved
        self.draft = draft
        self.kept_draft = kept_draft
        self.also = also


class NoProgram(CareerpathError):
    """A program command was run in a home where no program has been started."""

    def __init__(self, home: object) -> None:
        super().__init__(
            f"there is no program in {home} yet",
            hint="Start one with `careerpath program start` (2 to 6 months, 3 by default; "
            "`--help` shows the options).",
        )
