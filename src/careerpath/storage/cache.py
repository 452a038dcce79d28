"""A parse cache that cannot be stale: TOML parsed once, kept by the hash of its text.

The TOML files stay the one source of truth. For each file read, ``<home>/.cache/`` keeps the
parsed data (plain dicts, lists, strings, numbers and dates, pickled) next to a hash of the
exact text it came from — for a stage file, its answers already validated, hashed with the
stage's questions too. A read hashes the text it just read — much cheaper than parsing it
— and uses the cached data only when the hash matches, so a hand edit, a ``git checkout`` or a
file copied back from ``.backups`` (same size and time or not) is parsed afresh. A cache file
that is missing, corrupt or from another version is rebuilt without a word; the folder is safe
to delete at any time.

Results worked out from files are kept the same way (``derived``, ``derived_text``): a
report, what is due, an export, next to a hash of the bytes of every file they were worked
out from, so a read command on an unchanged home of 10,000 records does not read them again.

Only plain data, ``datetime`` values and the dataclasses of the careerpath modules a caller
names are unpickled (``_PlainUnpickler``): a cache file cannot make careerpath run code,
whoever wrote it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import io
import os
import pickle
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

CACHE_DIR = ".cache"
_FORMAT = 3
"""Bumped when what is cached, or what parsing accepts, changes; older cache files are then
rebuilt (a new careerpath version rebuilds them too)."""

_SLICE = 1 << 20
"""Characters of a long text encoded, or read back, at a time."""

_LEFT_BEHIND_AFTER = 3600
"""Seconds after which a cache file still being written aside counts as left behind."""

_APPENDS_KEPT = 20
"""Appends to one file noted in a row (``appended``), for results kept before the first."""

_ALLOWED = {("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone")}

T = TypeVar("T")


class _PlainUnpickler(pickle.Unpickler):
    def __init__(self, file: IO[bytes], modules: Collection[str] = ()) -> None:
        super().__init__(file)
        self.modules = modules
        """careerpath's modules whose dataclasses may be read back: named by the caller,
        as importing a module runs it."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module in self.modules:
            import dataclasses

            found = super().find_class(module, name)
            # A dataclass is put back field by field, without calling any of its code.
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


class ParseCache:
    """The parsed data of a home's TOML files, kept in ``<home>/.cache/``."""

    def __init__(self, root: Path, *, write: bool = True) -> None:
        self.root = root
        self.folder = root / CACHE_DIR
        self.write = write
        """False to use what is cached without adding to it (a folder looked at, not owned)."""

    def parse(
        self,
        path: Path,
        text: str,
        parse: Callable[[str, Path], dict[str, Any]],
        *,
        rules: str = "",
    ) -> dict[str, Any]:
        """``parse(text, path)``, or the data it gave for exactly this text before.

        ``rules`` names whatever else ``parse`` depends on — for a stage file, the stage's
        questions, as its answers are kept already validated — so that the data is used
        again only for the same text read by the same rules."""
        digest = _digest(text, rules)
        entry = self._entry(path)
        cached = _load(entry)
        if (
            cached is not None
            and len(cached) == 3
            and cached[0] == _FORMAT
            and cached[1] == digest
            and isinstance(cached[2], dict)
        ):
            found: dict[str, Any] = cached[2]
            return found
        data: dict[str, Any] = _shared(parse(text, path), {})  # a syntax error raises here
        self.keep(path, text, data, rules=rules, digest=digest)
        return data

    def keep(
        self,
        path: Path,
        text: str,
        data: dict[str, Any],
        *,
        rules: str = "",
        digest: bytes | None = None,
    ) -> None:
        """Keep ``data`` as what ``text`` (just written to ``path``) parses to by ``rules``:
        the caller vouches for it, as for a record appended to what was read."""
        if not self.write:
            return
        with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
            self._store(self._entry(path), (_FORMAT, digest or _digest(text, rules), data))

    def appended(
        self, path: Path, before: str, after: str, question: str, records: list[Any]
    ) -> None:
        """Note that ``after``, just written to ``path``, is ``before`` (the text read) with
        ``records`` added at the end of ``question``'s and nothing else: as they read back
        (the caller vouches for it, as for ``keep``). A result kept for ``before``
        (``derived`` with ``extend``) is then brought up to date rather than worked out
        again. A run of appends is noted while each starts from the text the last one left."""
        if not self.write:
            return
        step = (_hash(before.encode("utf-8")), _hash(after.encode("utf-8")), question, records)
        entry = self.folder / f"appended@{self._entry(path).name}"
        with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
            steps = self._appends(entry)
            if not (steps and steps[-1][1] == step[0]):
                steps = []
            self._store(entry, (_FORMAT, _appends_key(), [*steps, step][-_APPENDS_KEPT:]))

    def _appends(self, entry: Path) -> list[tuple[bytes, bytes, str, list[Any]]]:
        """The appends noted in ``entry``, oldest first; none when it is missing, unreadable
        or of another careerpath."""
        cached = _load(entry)
        if cached is None or len(cached) != 3 or cached[:2] != (_FORMAT, _appends_key()):
            return []
        steps: list[tuple[bytes, bytes, str, list[Any]]] = cached[2]
        return steps

    def derived(
        self,
        name: str,
        files: Sequence[Path],
        key: str,
        compute: Callable[[], T],
        *,
        modules: Collection[str] = (),
        maybe: Sequence[Path] = (),
        read: Callable[[], Collection[Path]] | None = None,
        used: list[Path] | None = None,
        extend: Callable[[T, Path, str, list[Any]], T | None] | None = None,
    ) -> T:
        """``compute()``, or what it gave before while every file it was worked out from
        holds the same bytes as then (a missing one still missing), and ``key`` is the same.

        It is worked out from ``files``, and from those of ``maybe`` that ``read()`` names
        once it is done (a list of contacts reads the stage file of its own, so a change to
        the applications does not work it out again); without ``read``, from all of them.
        Those of ``maybe`` it was worked out from are added to ``used``, kept or not.
        For a result worked out from those files and ``key`` (the day, the options given)
        alone, of plain data and the dataclasses of careerpath's ``modules``. Nothing is
        kept when a file changed while it was worked out, or when ``compute`` raises.

        ``extend(value, path, question, records)``: the result after ``records`` were added
        at the end of ``question``'s in ``path`` (``appended``), from the result before;
        None when it must be worked out again. It is used when appends are all that changed
        since the result kept was worked out (a record's results must not depend on the
        records of another file)."""
        key = f"{name}\0{key}"
        entry = self.folder / f"derived@{name}.pickle"
        cached = _load(entry, modules)
        if cached is not None and len(cached) == 5 and cached[0] == _FORMAT:
            read_then = [Path(path) for path in cached[3]]
            sources = [*files, *read_then]
            states = file_states(sources)
            if _combined(key, sources, states) == cached[1]:
                if used is not None:
                    used += read_then
                kept: T = cached[2]
                return kept
            extended = (
                None if extend is None else self._extended(key, sources, states, cached, extend)
            )
            if extended is not None:
                if used is not None:
                    used += read_then
                self._keep_derived(entry, key, sources, states, extended[0], read_then)
                return extended[0]
        candidates = [*files, *maybe]
        states = file_states(candidates)
        found = dict(zip(candidates, states, strict=True))
        value = compute()
        extra = sorted(set(maybe if read is None else read()) - set(files))
        if used is not None:
            used += extra
        for path in extra:
            if path not in found:  # named by ``read`` only: kept if it is not there at all
                state = found[path] = file_states([path])[0]
                if not state[0].startswith(f"unreadable {errno.ENOENT}"):
                    return value
        sources = [*files, *extra]
        self._keep_derived(entry, key, sources, [found[path] for path in sources], value, extra)
        return value

    def _extended(
        self,
        key: str,
        sources: list[Path],
        states: list[tuple[str, bytes]],
        cached: tuple[Any, ...],
        extend: Callable[[T, Path, str, list[Any]], T | None],
    ) -> tuple[T] | None:
        """The result ``cached`` brought up to the ``states`` of ``sources`` by ``extend``,
        when those that changed since did by appends alone; None when not."""
        then = cached[4]
        if len(then) != len(sources) or _combined(key, sources, then) != cached[1]:
            return None  # kept for another key, or by another careerpath
        value: T = cached[2]
        for index, (was, now) in enumerate(zip(then, states, strict=True)):
            if was == now:
                continue
            path = sources[index]
            steps = self._appends(self.folder / f"appended@{self._entry(path).name}")
            first = next((i for i, step in enumerate(steps) if step[0] == was[1]), None)
            if first is None or not now[1] or steps[-1][1] != now[1]:
                return None  # changed otherwise
            for _, _, question, records in steps[first:]:
                later = extend(value, path, question, records)
                if later is None:
                    return None
                value = later
        return (value,)

    def _keep_derived(
        self,
        entry: Path,
        key: str,
        sources: list[Path],
        states: list[tuple[str, bytes]],
        value: Any,
        extra: Sequence[Path],
    ) -> None:
        """Keep ``value`` as the result for ``sources`` in their ``states``, unless one
        changed since they were taken (what was worked out may be of either version)."""
        if self.write and _unchanged(sources, [state for state, _ in states]):
            digest = _combined(key, sources, states)
            kept = (_FORMAT, digest, value, [str(path) for path in extra], states)
            with contextlib.suppress(OSError):
                self._store(entry, kept)

    def derived_text(
        self,
        name: str,
        files: Sequence[Path],
        key: str,
        pieces: Callable[[], Iterable[bytes]],
        *,
        same_files: Callable[[], bool] = lambda: True,
    ) -> Iterator[bytes]:
        """The text ``pieces()`` gives in UTF-8, a piece at a time, kept as ``derived``
        keeps a value: for a long text (an export), written to the cache as it is given, so
        that it is never whole in memory. The entry starts with the hash and the text's
        length, written once the text is whole: an entry cut short (a crash) is not used.
        ``same_files()``: whether ``files`` are still all it may be worked out from (no
        stage file appeared meanwhile); nothing is kept when not."""
        digest, seen = _files_digest(files, f"{name}\0{key}")
        entry = self.folder / f"derived@{name}.txt"
        expected = _FORMAT.to_bytes(2, "big") + digest
        header = len(expected) + 8
        try:
            kept = entry.open("rb")
        except OSError:
            pass
        else:
            with kept:
                found = kept.read(header)
                length = int.from_bytes(found[len(expected) :], "big")
                whole = os.fstat(kept.fileno()).st_size == header + length
                if found[: len(expected)] == expected and whole:
                    while chunk := kept.read(_SLICE):
                        yield chunk
                    return
        produced = iter(pieces())  # a home that cannot be read says so before anything is kept
        aside = self._aside(entry) if self.write else None
        finished = False
        try:
            if aside is not None:
                aside[1].write(bytes(header))  # room for the header, written last
            for piece in produced:
                if aside is not None:
                    try:
                        aside[1].write(piece)
                    except OSError:  # a cache that cannot be written is only slower
                        _drop(aside)
                        aside = None
                yield piece
            finished = True
        finally:
            if aside is not None:
                if finished and _unchanged(files, seen) and same_files():
                    with contextlib.suppress(OSError):
                        length = aside[1].tell() - header
                        aside[1].seek(0)
                        aside[1].write(expected + length.to_bytes(8, "big"))
                        aside[1].close()
                        os.replace(aside[0], entry)
                _drop(aside)

    def _aside(self, entry: Path) -> tuple[str, IO[bytes]] | None:
        """A new file beside ``entry``, to be renamed over it once whole; None when the
        folder cannot take one."""
        import tempfile
        import time

        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
            # What a command killed while writing left behind (an export's can be tens of
            # MB); one still being written is minutes old at most.
            for left in self.folder.glob(f".{entry.name}.*"):
                with contextlib.suppress(OSError):
                    if left.stat().st_mtime < time.time() - _LEFT_BEHIND_AFTER:
                        left.unlink()
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{entry.name}.")
        except OSError:
            return None
        return temporary, os.fdopen(handle, "wb")

    def _entry(self, path: Path) -> Path:
        try:
            name = str(path.relative_to(self.root)).replace(os.sep, "__")
        except ValueError:  # not in the home: keyed by the full path instead
            name = hashlib.blake2b(str(path).encode(), digest_size=10).hexdigest()
        return self.folder / f"{name}.pickle"

    def _store(self, entry: Path, value: tuple[Any, ...]) -> None:
        # Written aside then renamed, so a reader never sees half a file; no fsync: a cache
        # lost in a crash is only rebuilt.
        aside = self._aside(entry)
        if aside is None:
            return
        try:
            with aside[1] as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(aside[0], entry)
        finally:
            _drop(aside)


def _shared(value: Any, seen: dict[Any, Any]) -> Any:
    """``value`` with each text and date that occurs in it again and again (a status, an
    employer, a day) made one object, as the pickle then writes it once: 10,000 records of a
    long list read back in half the time. Tables and lists stay each their own: commands
    change them in place."""
    if isinstance(value, dict):
        return {seen.setdefault(key, key): _shared(item, seen) for key, item in value.items()}
    if isinstance(value, list):
        return [_shared(item, seen) for item in value]
    # Not a date-time: one at another offset can be equal and still be written otherwise.
    if type(value) is str or type(value) is dt.date:
        return seen.setdefault(value, value)
    return value


def _drop(aside: tuple[str, IO[bytes]]) -> None:
    """Close and remove a file written aside, if it is still there."""
    with contextlib.suppress(OSError):
        aside[1].close()
    with contextlib.suppress(OSError):
        os.unlink(aside[0])


def _digest(text: str, rules: str) -> bytes:
    from careerpath import __version__

    hasher = hashlib.blake2b(digest_size=20, key=_key(__version__))
    hasher.update(rules.encode("utf-8"))
    hasher.update(b"\0")
    hasher.update(text.encode("utf-8"))
    return hasher.digest()


def _files_digest(files: Sequence[Path], key: str) -> tuple[bytes, list[str]]:
    """``_combined`` for ``files`` as they are now, and the inode, size and time of each,
    for ``_unchanged``."""
    states = file_states(files)
    return _combined(key, files, states), [state for state, _ in states]


_LOOKS: list[tuple[Path, tuple[str, bytes]]] | None = None
"""While ``watching``: every state of a file ``file_states`` found, in order."""


@contextlib.contextmanager
def watching() -> Iterator[None]:
    """While it lasts, what ``file_states`` finds is noted, so that ``still_the_same`` need
    not read a file again that was looked at since (a result worked out inside another, and
    the results it is put together with, look at the same files)."""
    global _LOOKS
    outer = _LOOKS
    if outer is None:
        _LOOKS = []
    try:
        yield
    finally:
        _LOOKS = outer


def looks_taken() -> int:
    """How many file states were noted so far while ``watching`` (0 when not)."""
    return 0 if _LOOKS is None else len(_LOOKS)


def states_seen(files: Sequence[Path]) -> list[tuple[str, bytes]]:
    """``file_states`` of ``files``, each as the last look taken at it while ``watching``
    found it, when one was (what a result being worked out was keyed on), else looked at
    now."""
    last = dict(_LOOKS or [])
    rest = [path for path in files if path not in last]
    found = dict(zip(rest, file_states(rest), strict=True))
    return [last[path] if path in last else found[path] for path in files]


def still_the_same(files: Sequence[Path], states: Sequence[tuple[str, bytes]], since: int) -> bool:
    """Whether ``files`` are still of their state of ``states``: every look taken at one
    since look number ``since`` (``looks_taken``) found it so, and one not looked at since
    is so now. What was worked out or kept meanwhile, keyed on those looks, is then of
    that state."""
    expected = dict(zip(files, states, strict=True))
    looked = set()
    for path, state in (_LOOKS or [])[since:]:
        if path in expected:
            if state != expected[path]:
                return False
            looked.add(path)
    rest = [path for path in files if path not in looked]
    return file_states(rest) == [expected[path] for path in rest]


def file_states(files: Sequence[Path]) -> list[tuple[str, bytes]]:
    """Each of ``files``: its inode, size and modification time, and a hash of its bytes;
    ``unreadable ERRNO`` (and no hash) for one missing or that cannot be read. Reading and
    hashing 10 MB costs a hundredth of parsing it."""
    found = []
    for path in files:
        try:
            with path.open("rb") as stream:
                info = os.fstat(stream.fileno())
                content = stream.read()
        except OSError as error:
            found.append((f"unreadable {error.errno}", b""))
            continue
        state = f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}"
        found.append((state, _hash(content)))
    if _LOOKS is not None:
        _LOOKS.extend(zip(files, found, strict=True))
    return found


def _appends_key() -> bytes:
    """What a note of appends is kept for: this careerpath (its records read back so)."""
    return _combined("appended", [], [])


def _hash(content: bytes) -> bytes:
    """The hash of a file's bytes that ``file_states`` takes."""
    return hashlib.blake2b(content, digest_size=20).digest()


def _combined(key: str, files: Sequence[Path], states: Sequence[tuple[str, bytes]]) -> bytes:
    """A hash of ``key``, of this careerpath (``_code``) and of each of ``files`` in the
    state ``file_states`` found it: its bytes, and its inode, size and modification time, so
    that a file written over and put back while a result was worked out (an editor saving in
    place) does not read as unchanged. A file that is missing or cannot be read counts as
    such: reading it again says why."""
    from careerpath import __version__

    hasher = hashlib.blake2b(digest_size=20, key=_key(__version__))
    hasher.update(key.encode("utf-8"))
    hasher.update(_code())
    for path, (state, digest) in zip(files, states, strict=True):
        hasher.update(b"\0" + str(path).encode("utf-8", "surrogateescape") + b"\0")
        hasher.update(state.encode() + b"\0" + digest)
    return hasher.digest()


def _unchanged(files: Sequence[Path], seen: list[str]) -> bool:
    """Whether each of ``files`` has the inode, size and modification time ``seen`` when
    its bytes were hashed, so that what was worked out meanwhile is kept under that hash.
    A file written while the result was worked out, even one put back as it was (an editor
    saving in place), has a new time; one changed within the same tick of the clock is
    caught the next time, as its bytes no longer give that hash."""
    now = []
    for path in files:
        try:
            info = os.stat(path)
        except OSError as error:
            now.append(f"unreadable {error.errno}")
            continue
        now.append(f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}")
    return now == seen


def _code() -> bytes:
    """The size and time of every file of careerpath itself (its code, its data pack, its
    workbooks): a result is worked out again after an upgrade, or a change to the code of a
    source checkout, even one that kept the version number. (An editor's lock or swap file,
    a dot file that may vanish at any moment, is not careerpath's.)"""
    import careerpath

    package = Path(careerpath.__file__).parent
    found = []
    for folder, names, files in os.walk(package):
        names[:] = [name for name in names if name != "__pycache__" and not name.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            with contextlib.suppress(OSError):
                info = os.stat(os.path.join(folder, name))
                found.append(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(sorted(found)).encode("utf-8", "surrogateescape")


def _key(version: str) -> bytes:
    """What the cached data also depends on: this careerpath and its cache format."""
    return f"{version}/{_FORMAT}".encode()[:64]


def _load(entry: Path, modules: Collection[str] = ()) -> Any:
    """What a cache file holds, or None when it is missing or unreadable in any way."""
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    try:
        value = _PlainUnpickler(io.BytesIO(raw), modules).load()
    except Exception:  # corrupt, truncated or foreign: rebuilt by the caller
        return None
    return value if isinstance(value, tuple) else None
