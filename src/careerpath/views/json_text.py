"""JSON text as careerpath writes it: two-space indent, UTF-8 as is, dates as ISO text, and
the C1 and direction controls a terminal acts on escaped (``core.safe_text.for_json``).

The standard library's encoder is pure Python once ``indent`` is given, which is most of the
time of a big ``export --format json``; ``orjson`` (an optional dependency) writes the same text
many times faster, and is used when it is installed. ``pieces`` gives the same text a piece at a
time, so a big export is never all in memory at once; it gives UTF-8 bytes, as orjson
writes them and as they are kept and printed (10 MB of text decoded and encoded again, twice,
was a tenth of a big export).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

from careerpath.core.safe_text import for_json
from careerpath.views.report_model import json_value

INDENT = b"  "
LONG = 50
"""A list or table longer than this is written by ``pieces`` item by item (records, due items)."""
BATCH = 500
OPENED = 4
"""How deep ``pieces`` opens a shorter one that holds lists or tables (the export's stages, a
stage, its answers) before it encodes what is inside in one piece."""


def dumps(data: Any) -> str:
    """``data`` as indented JSON text ending in a newline."""
    return encode(data).decode("utf-8")


def encode(data: Any) -> bytes:
    """``dumps(data)`` in UTF-8."""
    return _encoded(data) + b"\n"


def pieces(data: Any) -> Iterator[bytes]:
    """The text of ``dumps(data)``, in pieces: long containers, and short ones holding others
    down to depth ``OPENED``, are written a few hundred items at a time, each run of items
    encoded in one go and indented where it stands.

    A long list met twice (the export's records: in their stage's answers, and again in the
    report's key answers) is encoded once: its text is kept and written again where it
    stands at the same depth."""
    kept: _Kept = dict.fromkeys(_met_twice(data))
    yield from _pieces(data, 0, kept)
    yield b"\n"


_Kept = dict[int, tuple[int, list[bytes]] | None]
"""By the id of a long container met twice: its depth and text, once written."""


def _met_twice(data: Any) -> set[int]:
    """The ids of the long containers ``data`` holds more than once (not looking inside a
    long one: its items are records)."""
    seen: set[int] = set()
    twice: set[int] = set()
    waiting = [data] if isinstance(data, list | dict) else []
    while waiting:
        value = waiting.pop()
        if len(value) > LONG:
            (twice if id(value) in seen else seen).add(id(value))
            continue
        items = value.values() if isinstance(value, dict) else value
        waiting += [item for item in items if isinstance(item, list | dict)]
    return twice


def _pieces(data: Any, depth: int, kept: _Kept) -> Iterator[bytes]:
    if not _opens(data, depth):
        yield _indented(data, depth)
        return
    if id(data) not in kept:
        yield from _opened(data, depth, kept)
        return
    found = kept[id(data)]
    if found is not None and found[0] == depth:
        yield from found[1]
        return
    text = []
    for piece in _opened(data, depth, kept):
        text.append(piece)
        yield piece
    kept[id(data)] = (depth, text)


def _opened(data: list[Any] | dict[str, Any], depth: int, kept: _Kept) -> Iterator[bytes]:
    """``data`` written item by item (``_pieces``)."""
    table = isinstance(data, dict)
    yield b"{" if table else b"["
    run: list[Any] = []  # items encoded together, up to BATCH at a time
    written = 0
    # Of a long container (10,000 records), only an item that is long itself is opened: the
    # others are encoded in runs, whatever they hold, without looking inside each.
    opens = _long if len(data) > LONG else _opens
    for item in data.items() if isinstance(data, dict) else data:
        value = item[1] if table else item
        if opens(value, depth + 1):
            if run:
                yield _run(run, table, depth, written)
                written, run = written + len(run), []
            key = _encoded(item[0]) + b": " if table else b""
            yield (b"," if written else b"") + b"\n" + INDENT * (depth + 1) + key
            yield from _pieces(value, depth + 1, kept)
            written += 1
            continue
        run.append(item)
        if len(run) >= BATCH:
            yield _run(run, table, depth, written)
            written, run = written + len(run), []
    if run:
        yield _run(run, table, depth, written)
    yield b"\n" + INDENT * depth + (b"}" if table else b"]")


def _run(items: list[Any], table: bool, depth: int, written: int) -> bytes:
    """Items of a container at ``depth`` (key and value pairs of a table), encoded in one go
    as they stand in it, after the ``written`` ones before them."""
    text = _encoded(dict(items) if table else items)[2:-2]  # without the brackets' lines
    if depth:
        text = INDENT * depth + text.replace(b"\n", b"\n" + INDENT * depth)
    return (b"," if written else b"") + b"\n" + text


def _opens(data: Any, depth: int) -> bool:
    """Whether ``pieces`` writes ``data`` item by item rather than encoding it whole."""
    return (
        isinstance(data, list | dict)
        and (len(data) > LONG or (depth < OPENED and bool(data) and not _flat(data)))
        and (isinstance(data, list) or all(type(key) is str for key in data))
    )


def _long(data: Any, depth: int) -> bool:
    """``_opens`` for an item of a long container: only a long list or table opens."""
    return (
        isinstance(data, list | dict)
        and len(data) > LONG
        and (isinstance(data, list) or all(type(key) is str for key in data))
    )


def _indented(data: Any, depth: int) -> bytes:
    """``data`` encoded whole, its lines indented to stand at ``depth``."""
    text = _encoded(data)
    return text.replace(b"\n", b"\n" + INDENT * depth) if depth and b"\n" in text else text


def _flat(data: list[Any] | dict[str, Any]) -> bool:
    values = data.values() if isinstance(data, dict) else data
    return not any(isinstance(value, list | dict) for value in values)


def _encoded(data: Any) -> bytes:
    """``data`` as indented JSON text in UTF-8, without the newline at the end."""
    return _encoder()(data)


@functools.cache
def _encoder() -> Callable[[Any], bytes]:
    try:
        import orjson
    except ImportError:
        import json

        def in_python(data: Any) -> bytes:
            text = json.dumps(data, indent=2, ensure_ascii=False, default=json_value)
            # Printable ASCII has nothing to escape but DEL.
            return (text if text.isascii() and "\x7f" not in text else for_json(text)).encode()

        return in_python
    # orjson writes dates and date-times as ``isoformat`` does, as json_value does for the
    # standard library (a test holds them to the same text), and in its own code.
    options = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS

    def encoded(data: Any) -> bytes:
        raw = orjson.dumps(data, default=json_value, option=options)
        # What for_json escapes starts, in UTF-8, with one of these bytes: most text has
        # none of them, and is then not searched character by character.
        if b"\x7f" in raw or b"\xc2" in raw or b"\xe2\x80" in raw or b"\xe2\x81" in raw:
            return for_json(raw.decode("utf-8")).encode("utf-8")
        return raw

    return encoded
