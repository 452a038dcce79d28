"""Error messages at a terminal: wrapped at words, a path never broken in two."""

from __future__ import annotations

from careerpath.cli.base import _at_words

PATH = "/home/sam/careerpath/stages/with/a/folder/name/longer/than/the/line/exploration.toml"


def test_wrapped_at_words_with_room_for_the_prefix() -> None:
    text = "stages/exploration.toml line 3: clarity: Input should be a valid integer, not text"
    lines = _at_words(text, 40, "", taken=7).splitlines()
    assert len(lines[0]) <= 40 - 7 and all(len(line) <= 40 for line in lines)
    assert " ".join(lines).split() == text.split()  # no word split


def test_a_path_longer_than_the_line_is_kept_whole() -> None:
    lines = _at_words(f"cannot read {PATH} now", 40, "  ", taken=0).splitlines()
    assert f"  {PATH}" in lines  # on a line of its own, in one piece
    assert lines[-1] == "  now"


def test_not_a_terminal_is_not_wrapped() -> None:
    assert _at_words(f"cannot read {PATH}", None, "", taken=0) == f"cannot read {PATH}"
