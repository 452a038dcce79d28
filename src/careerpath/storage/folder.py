"""A folder of a person's files, as files: where it is, atomic writes with bounded backups,
the lock a writing command holds, and checking what was read against a model.

It knows files, not what is in them: which files a workbook's home has, and their shapes, are
in ``careerpath.workbook.home``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from careerpath.core.errors import Busy, InvalidFiles
from careerpath.storage import tomlio
from careerpath.storage.cache import ParseCache

if TYPE_CHECKING:
    from pydantic import BaseModel

BACKUPS_KEPT = 20
"""Backups kept of each file, and archives kept of whole workbooks and programs."""


def default_home() -> Path:
    """The platform's user data folder, e.g. ``~/.local/share/careerpath`` on Linux."""
    import platformdirs  # only needed when no home was given

    return Path(platformdirs.user_data_dir("careerpath", appauthor=False))


def resolve_home(given: Path | None) -> Path:
    """The home given by ``--home`` or ``$CAREERPATH_HOME`` (typer reads both), else the
    platform's user data folder."""
    return given.expanduser() if given is not None else default_home()


class Folder:
    """A folder of files careerpath writes: one person's home."""

    def __init__(
        self, root: Path, *, write_cache: bool = True, command_line: Sequence[str] = ()
    ) -> None:
        self.root = root
        self.command_line = list(command_line)
        """What the person typed after ``careerpath``, for the commit message (``git``)."""
        self.backups_dir = root / ".backups"
        self.lock_file = root / ".lock"
        self.parse_cache = ParseCache(root, write=write_cache)
        self._backed_up: set[Path] = set()

    def __str__(self) -> str:
        return str(self.root)

    def unused_backup(self, name: str, now: datetime, suffix: str) -> Path:
        """``.backups/<name>-<date>-<time><suffix>``, with ``-2``, ``-3``... added when that
        is taken (two in one second), so an earlier backup is never written over."""
        stem = f"{name}-{now:%Y%m%d-%H%M%S}"
        target = self.backups_dir / f"{stem}{suffix}"
        number = 1
        while target.exists():
            number += 1
            target = self.backups_dir / f"{stem}-{number}{suffix}"
        return target

    def prune(self, pattern: str) -> None:
        """Keep only the newest ``BACKUPS_KEPT`` of the archives in ``.backups`` matching
        ``pattern`` (their names hold the time, then ``-2``, ``-3``... within a second)."""
        import re
        import shutil

        def when(path: Path) -> list[Any]:
            return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.name)]

        kept = sorted(self.backups_dir.glob(pattern), key=when)
        for old in kept[:-BACKUPS_KEPT]:
            if old.is_dir():
                shutil.rmtree(old)
            else:
                old.unlink()

    def write(self, path: Path, data: Mapping[str, Any], header: str) -> None:
        """Write ``data`` as TOML under a comment ``header``, atomically, keeping a backup of
        the version there was."""
        self.back_up(path)
        try:
            before = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            before = ""
        if before and tomlio.hand_laid_out(before, header):
            text = tomlio.dumps_keeping(before, _plain(data), header)
        else:
            text = tomlio.dumps(_plain(data), header)
        tomlio.write_atomic(path, text)

    def append(self, path: Path, before: str, addition: str) -> str:
        """Write ``before`` (the text of ``path`` as just read) with ``addition`` after it,
        as ``write`` does: atomically, keeping a backup of the version there was. The text
        written."""
        self.back_up(path)
        text = before + ("" if before.endswith("\n") else "\n") + "\n" + addition
        tomlio.write_atomic(path, text)
        return text

    @staticmethod
    def toml(data: Mapping[str, Any]) -> str:
        """``data`` as ``write`` writes it."""
        return tomlio.dumps(_plain(data))

    def back_up(self, path: Path) -> None:
        """Keep the version a command found, once per command, bounded per file."""
        if path in self._backed_up or not path.exists():
            return
        import shutil

        name = str(path.relative_to(self.root).with_suffix("")).replace(os.sep, "__")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.backups_dir / f"{name}.{stamp}{path.suffix}"
        try:
            with tomlio.refusals(target):
                tomlio.ensure_dir(self.backups_dir)
                shutil.copy2(path, target)
                os.chmod(target, tomlio.FILE_MODE)
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink()  # half a copy is no backup
            raise
        self._backed_up.add(path)
        kept = sorted(self.backups_dir.glob(f"{name}.[0-9]*{path.suffix}"))
        for old in kept[:-BACKUPS_KEPT]:
            old.unlink()

    # --- locking -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, command: str) -> Iterator[None]:
        """Hold the folder for one writing command; a second one stops with who holds it.
        The folder must be there (the caller says what to do when it is not).

        Released, it commits what the command changed, when the home is kept in git (see
        ``storage.git``); what was saved is committed even when the command stopped after."""
        import json

        with tomlio.refusals(self.lock_file):
            descriptor = os.open(self.lock_file, os.O_RDWR | os.O_CREAT, tomlio.FILE_MODE)
        try:
            holder = None if _try_lock(descriptor) else _holder(descriptor, self.lock_file)
            if holder is not None:
                raise Busy(
                    f"another careerpath is using {self.root}: {holder}",
                    hint="Finish or close that one first, then run this again.",
                )
            details = json.dumps(_me(command)).encode()
            # Written over whatever is there, then cut to length: the file is never empty
            # while held, so a second process always finds who holds it.
            os.lseek(descriptor, 0, os.SEEK_SET)  # (os.pwrite is not on Windows)
            os.write(descriptor, details)
            os.ftruncate(descriptor, len(details))
            try:
                yield
            finally:
                from careerpath.storage import git

                git.commit_changes(self.root, command, self.command_line)
                with contextlib.suppress(OSError):
                    os.ftruncate(descriptor, 0)  # released: nobody's details are left
        finally:
            os.close(descriptor)  # closing releases the lock


def _try_lock(descriptor: int) -> bool:
    """Take the lock without waiting; the operating system releases it if we crash."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _me(command: str) -> dict[str, Any]:
    import getpass
    import socket

    return {
        "command": command,
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "user": getpass.getuser(),
        "since": datetime.now().isoformat(timespec="seconds"),
    }


def _holder(descriptor: int, lock_file: Path, tries: int = 20) -> str | None:
    """Who holds the lock, from its details; None when it was let go meanwhile and is ours
    now. A holder writes its details just after taking the lock and clears them as it lets
    go, so details not there yet are read again a few times (a second in all), the lock
    tried between: a refusal never names nobody when there was nobody left to wait for."""
    import json
    import time

    for _ in range(tries):
        try:
            info = json.loads(lock_file.read_text(encoding="utf-8"))
            return (
                f"`careerpath {info['command']}` (process {info['pid']} on {info['host']}, "
                f"since {info['since'].replace('T', ' ')})"
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            if _try_lock(descriptor):
                return None
            time.sleep(0.05)
    return "a process that did not say who it is"


M = TypeVar("M", bound="BaseModel")


def validate(model: type[M], raw: dict[str, Any], text: str, path: Path, hint: str) -> M:
    """``raw`` (read from ``path``, whose ``text`` it is) checked by ``model``; problems name
    the file, line and field."""
    from pydantic import ValidationError

    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise InvalidFiles(tomlio.problems_from(error, path, text, raw), hint=hint) from None


def _plain(data: Any) -> Any:
    """Values as a person should read them in TOML: 45000, not 45000.0."""
    from careerpath.core.values import plain_number  # pydantic: only for writing commands

    def plain(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        if isinstance(value, float):
            return plain_number(value)
        return value

    return plain(data)
