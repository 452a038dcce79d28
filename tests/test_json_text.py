"""JSON text written a piece at a time (``views.json_text.pieces``, what a big export writes)
is the very text of encoding it whole, with orjson and with the standard library alike."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpath.core.safe_text import for_json
from careerpath.views import json_text

ZONES = [
    None,  # a local date-time
    dt.UTC,
    dt.timezone(dt.timedelta(hours=5, minutes=30)),
    dt.timezone(dt.timedelta(hours=-8)),
]
"""What a TOML date-time can be: local, or at an offset in minutes."""
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.text(max_size=12)
    | st.dates()
    | st.datetimes(timezones=st.sampled_from(ZONES))
)
NESTED = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=60) | st.dictionaries(st.text(max_size=6), inner, max_size=60)
    ),
    max_leaves=400,
)


def _export_shaped() -> dict[str, Any]:
    record = {"id": "a1", "employer": "Acme", "history": [{"date": dt.date(2026, 11, 3)}]}
    return {
        "export_version": 1,
        "stages": [{"id": "applying", "answers": {"applications": [record] * 120, "x": {}}}],
        "derived": {"applications": {f"a{n}": {"status": "applied"} for n in range(80)}},
        "due": [],
        "by_number": {3: 2},  # a key that is no text: encoded whole
        "report": {"pipeline": {"funnel": [{"status": "applied", "now": 3}]}},
    }


@pytest.fixture(params=["orjson", "stdlib"])
def encoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each of json_text's two writers: orjson's, and the standard library's when orjson
    cannot be imported."""
    if request.param == "stdlib":
        import sys

        monkeypatch.setitem(sys.modules, "orjson", None)  # its import then fails
    else:
        pytest.importorskip("orjson")
    json_text._encoder.cache_clear()
    yield str(request.param)
    json_text._encoder.cache_clear()


def test_an_export_shaped_document_in_pieces_is_the_whole_text(encoder: str) -> None:
    data = _export_shaped()
    found = list(json_text.pieces(data))
    assert b"".join(found).decode() == json_text.dumps(data)
    assert len(found) > 3  # it was written in pieces
    assert json.loads(b"".join(found))["stages"][0]["answers"]["applications"][119]["id"] == "a1"


@given(NESTED)
def test_any_data_in_pieces_is_the_whole_text(data: Any) -> None:
    assert b"".join(json_text.pieces(data)).decode() == json_text.dumps(data)


@given(
    st.dictionaries(
        st.text(max_size=6),
        st.lists(st.dates() | st.datetimes(timezones=st.sampled_from(ZONES)), max_size=4),
        max_size=8,
    )
)
def test_orjson_writes_dates_as_the_standard_library_does(data: Any) -> None:
    pytest.importorskip("orjson")
    import json as stdlib

    expected = stdlib.dumps(data, indent=2, ensure_ascii=False, default=json_text.json_value)
    assert json_text.dumps(data) == for_json(expected) + "\n"


@pytest.mark.parametrize("control", ["\x7f", "\x85", "\x9b", "\u200e", "\u202e", "\u2069"])
def test_what_a_terminal_acts_on_is_escaped_and_reads_back(encoder: str, control: str) -> None:
    data = {"employer": f"Café “Acme”{control} — Ltd", "long": [f"{control}"] * 80}
    text = b"".join(json_text.pieces(data)).decode()
    assert control not in text
    assert f"\\u{ord(control):04x}" in text
    assert json.loads(text) == data


def test_a_long_list_met_twice_is_written_twice_and_encoded_once(
    encoder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        {"id": f"a{n}", "history": [{"date": dt.date(2026, 11, 3)}] * 60} for n in range(120)
    ]
    data = {
        "stages": [{"answers": {"applications": records}}],
        "report": {"key_answers": [{"value": records}]},  # the same list, at the same depth
        "elsewhere": [records],  # and at another depth
    }
    calls: list[Any] = []
    encoded = json_text._encoded
    monkeypatch.setattr(json_text, "_encoded", lambda value: calls.append(value) or encoded(value))
    text = b"".join(json_text.pieces(data)).decode()
    assert text == json_text.dumps(data)
    written = sum(
        len(value) for value in calls if isinstance(value, list) and value[:1] == records[:1]
    )
    assert written == 2 * len(records)  # once at each depth, not once for each place
