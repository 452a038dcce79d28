"""A home kept in git: making it a repository, and the commit after each writing command.

``Folder.lock`` calls ``commit_changes`` as it releases the lock, so every command that writes
commits in one place, with the command line as its message. All of it is optional: with the
``git`` setting off (the default), or a home that is not a repository, nothing here runs git;
with git missing, a command still works and says once why nothing was committed. A commit
that fails never undoes a write: the files were saved before git was asked.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

SUBJECT_WIDTH = 72
"""Longest first line of a commit message, as git's tools show it whole."""

OWN_FILES = (".lock", ".backups", ".cache")
"""careerpath's own files in a home, never committed (the home's .gitignore lists them)."""
_FALLBACK_IDENTITY = ("careerpath", "careerpath@localhost")
_MISSING_HINT = ".cache/git-missing-noted"


class GitFailed(Exception):
    """git ran and refused; the message is what it said."""


def available() -> bool:
    return shutil.which("git") is not None


def is_repository(root: Path) -> bool:
    """Whether the home is the top of a git repository of its own."""
    return (root / ".git").exists()


def run(root: Path, *args: str) -> str:
    """``git -C root ARGS``: its output, or ``GitFailed`` with what git said."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except OSError as error:
        raise GitFailed(f"git could not run: {error.strerror}") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise GitFailed(said[-1] if said else f"git {args[0]} failed ({done.returncode})")
    return done.stdout


def init(root: Path) -> bool:
    """Make ``root`` a repository (False when it already was one), with an identity of its
    own when the person has none configured, so that commits never fail for the want of one."""
    created = not is_repository(root)
    if created:
        run(root, "init", "-q")
    try:
        run(root, "config", "user.email")
    except GitFailed:  # no identity anywhere: a local one, for this home only
        name, email = _FALLBACK_IDENTITY
        run(root, "config", "user.name", name)
        run(root, "config", "user.email", email)
    return created


def commit_all(root: Path, message: str) -> bool:
    """Commit everything in ``root`` that is not ignored; False when nothing changed."""
    run(root, "add", "-A", ".")
    try:
        run(root, "diff", "--cached", "--quiet")
        return False
    except GitFailed:  # exit 1: there is something to commit
        pass
    run(root, "commit", "-q", "--no-verify", "-m", message)
    return True


def message(command: str, words: Sequence[str] | None) -> str:
    """``careerpath app add: Acme 'UX researcher'``: the command, then what it was given; a
    long line is cut for the subject and kept whole below it."""
    named = command.split()
    given = list(words or [])
    if given[: len(named)] == named:
        given = given[len(named) :]
    line = f"careerpath {command}" + (f": {shlex.join(given)}" if given else "")
    if len(line) <= SUBJECT_WIDTH:
        return line
    return f"{line[: SUBJECT_WIDTH - 1].rstrip()}…\n\n{line}\n"


def commit_changes(root: Path, command: str, words: Sequence[str] | None) -> None:
    """After a writing command: commit what it changed when the ``git`` setting is on and the
    home is a repository. Never raises: a problem is a note on stderr, the data stays saved."""
    if not is_repository(root):  # first: most homes are not, and settings cost a read
        return
    from careerpath.core import config
    from careerpath.core.errors import CareerpathError

    try:
        if not config.value("git"):
            return
    except CareerpathError:
        return  # a broken setting is reported by the command that needs it, not here
    if not available():
        _note_missing_once(root)
        return
    try:
        commit_all(root, message(command, words))
    except GitFailed as error:
        _note(
            f"your change is saved, but git did not commit it ({error}). "
            f"Commit it yourself: git -C {shlex.quote(str(root))} add -A, then commit."
        )


def _note_missing_once(root: Path) -> None:
    marker = root / _MISSING_HINT
    if marker.exists():
        return
    _note(
        "the git setting is on but git is not installed, so changes are not committed. "
        "Install git, or `careerpath config set git off`."
    )
    try:
        marker.parent.mkdir(mode=0o700, exist_ok=True)
        marker.touch(mode=0o600)
    except OSError:
        pass  # said again next time: no harm


def _note(text: str) -> None:
    try:
        sys.stderr.write(f"Note: {text}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
