"""``instruments.toml`` in the home: the inventory's answers (saved one by one), earlier
results with their dates, the work-values order and the preparation a person is open to.

Read strictly (an unknown key or a wrong value names the file, line and field, see
``models``) and written atomically with a backup, through the home like every other file
careerpath keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from careerpath.core.errors import InvalidFiles
from careerpath.storage import tomlio
from careerpath.storage.folder import validate

if TYPE_CHECKING:
    from careerpath.instruments.models import Instruments
    from careerpath.workbook.home import Home

T = TypeVar("T")
FILE = "instruments.toml"
HEADER = """\
careerpath exercises: your interest inventory, work values and what you are open to.
Yours to read and edit; careerpath checks it strictly when it reads it."""
_HINT = "Fix it by hand, or copy a version back from the .backups folder."


def path(home: Home) -> Path:
    return home.root / FILE


def read(home: Home) -> Instruments:
    """What the home holds; empty when nothing was taken yet."""
    from careerpath.instruments.models import Instruments

    file = path(home)
    if not file.exists():
        return Instruments()
    text = tomlio.read_text(file)
    return validate(Instruments, _parsed(text, file), text, file, _HINT)


class Results(NamedTuple):
    """What ranking occupations takes from the exercises."""

    answers: dict[str, str]
    """The inventory's answers by item id (all of them once it is finished)."""
    finished: date | None
    """When the inventory was finished; None while it is not."""
    values_order: list[str] | None
    """The work values, most important first; None until they are sorted."""
    max_zone: int | None
    """The most preparation (job zone 1–5) the person would take on."""


def results(home: Home) -> Results:
    """The results ``explore`` ranks by, read as strictly as ``read`` but through the home's
    parse cache: while the file is unchanged, the validated data is used again without
    importing the models (pydantic), so ranking starts as fast as the pack's other commands."""
    file = path(home)
    data: dict[str, Any] = {}
    if file.exists():
        data = home.parse_cache.parse(file, tomlio.read_text(file), _validated, rules=_RULES)
    interests = data.get("interests") or {}
    values = data.get("work_values")
    return Results(
        answers=interests.get("answers", {}),
        finished=interests.get("finished"),
        values_order=values["order"] if values else None,
        max_zone=data.get("max_zone"),
    )


_RULES = "instruments"
"""What the cached data depends on beside the text: the models' rules, which change only with
careerpath's version (part of every cache key)."""


def _validated(text: str, file: Path) -> dict[str, Any]:
    from careerpath.instruments.models import Instruments

    found = validate(Instruments, _parsed(text, file), text, file, _HINT)
    return found.model_dump(mode="python", exclude_none=True)


def _parsed(text: str, file: Path) -> dict[str, Any]:
    """The file's TOML; a syntax error says how to mend it, as a wrong value does."""
    try:
        return tomlio.parse(text, file)
    except InvalidFiles as error:
        raise InvalidFiles(error.problems, hint=_HINT) from None


def write(home: Home, instruments: Instruments) -> None:
    home.write(path(home), instruments.model_dump(mode="python", exclude_none=True), HEADER)


def update(home: Home, change: Callable[[Instruments], T]) -> T:
    """Re-read, change and write back (the caller holds the home's lock)."""
    instruments = read(home)
    result = change(instruments)
    write(home, instruments)
    return result


def exercise_counts(home: Home) -> dict[str, int]:
    """How much of the exercises a person has done, for suggested homework to skip what is
    done: ``energy`` days logged, ``futures`` sketched."""
    found = read(home)
    return {"energy": len({entry.date for entry in found.energy}), "futures": len(found.futures)}


__all__ = ["Results", "exercise_counts", "read", "results", "update", "write"]
