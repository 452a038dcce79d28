"""A parse cache that cannot be stale: TOML parsed once, kept by the hash of its text.

The TOML files stay the one source of truth. For each file read, ``<home>/.cache/`` keeps the
parsed data (plain dicts, lists, strings, numbers and dates, pickled) next to a hash of the
exact text it came from — for a stage file, its answers already validated, hashed with the
stage's questions too. A read hashes the text it just read — much cheaper than parsing it
— and uses the cached data only when the hash matches, so a hand edit, a ``git checkout`` or a
file copied back from ``.backups`` (same size and time or not) is parsed afresh. A cache file
that is missing, corrupt or from another version is rebuilt without a word; the folder is safe
to delete at any time.

Only plain data and ``datetime`` values are unpickled (``_PlainUnpickler``): a cache file
cannot make careerpath run code, whoever wrote it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_DIR = ".cache"
_FORMAT = 2
"""Bumped when what is cached, or what parsing accepts, changes; older cache files are then
rebuilt (a new careerpath version rebuilds them too)."""

_ALLOWED = {("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone")}


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not plain data")
        return super().find_class(module, name)


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
        if cached is not None and cached[0] == _FORMAT and cached[1] == digest:
            data: dict[str, Any] = cached[2]
            return data
        data = parse(text, path)  # a syntax error raises here: nothing is cached
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

    def _entry(self, path: Path) -> Path:
        try:
            name = str(path.relative_to(self.root)).replace(os.sep, "__")
        except ValueError:  # not in the home: keyed by the full path instead
            name = hashlib.blake2b(str(path).encode(), digest_size=10).hexdigest()
        return self.folder / f"{name}.pickle"

    def _store(self, entry: Path, value: tuple[int, bytes, dict[str, Any]]) -> None:
        import tempfile

        self.folder.mkdir(mode=0o700, exist_ok=True)
        # Written aside then renamed, so a reader never sees half a file; no fsync: a cache
        # lost in a crash is only rebuilt.
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{entry.name}.")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def _digest(text: str, rules: str) -> bytes:
    from careerpath import __version__

    hasher = hashlib.blake2b(digest_size=20, key=_key(__version__))
    hasher.update(rules.encode("utf-8"))
    hasher.update(b"\0")
    hasher.update(text.encode("utf-8"))
    return hasher.digest()


def _key(version: str) -> bytes:
    """What the cached data also depends on: this careerpath and its cache format."""
    return f"{version}/{_FORMAT}".encode()[:64]


def _load(entry: Path) -> Any:
    """What a cache file holds, or None when it is missing or unreadable in any way."""
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    try:
        value = _PlainUnpickler(io.BytesIO(raw)).load()
    except Exception:  # corrupt, truncated or foreign: rebuilt by the caller
        return None
    if isinstance(value, tuple) and len(value) == 3 and isinstance(value[2], dict):
        return value
    return None
