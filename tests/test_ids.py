"""Short ids: the next number, never a number given before, never an id twice."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from careerpath.core import ids


def test_the_next_id_is_above_every_id_given() -> None:
    assert ids.next_id("h", ["h1", "h7", "h3"]) == "h8"
    assert ids.next_id("g", []) == "g1"
    assert ids.next_number("a", ["a2", "t9", "a", "a02", "x"]) == 3  # other shapes ignored
    assert ids.next_number("a", ["a2"], floor=9) == 10  # a removed a9 is not given again


def test_an_id_given_twice_is_refused() -> None:
    items = [SimpleNamespace(id="g1"), SimpleNamespace(id="g1")]
    with pytest.raises(ValueError, match="'g1' is listed twice"):
        ids.unique_ids(items)
