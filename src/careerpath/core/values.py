"""Answer values and the pure parsing of what a person types into them: dates, times,
numbers (money is in ``money``).

The prompt adapter and the command-line options both turn text into values here, so a date
or a salary means the same thing wherever it is typed. Every parser raises ``ValueError`` with
a message written for the person, never for a developer.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time, timedelta
from typing import Literal

# --- parsing ---------------------------------------------------------------------------------

_RELATIVE = re.compile(r"^(?:in\s+)?\+?(\d+)\s*(d|day|days|w|week|weeks|m|month|months)$")
_AGO = re.compile(r"^(?:-\s*(\d+)\s*([dwm])\w*|(\d+)\s*([dwm])\w*\s+ago)$")


DateOrder = Literal["dmy", "mdy"]
DATE_ORDER_ENV = "CAREERPATH_DATE_ORDER"
# The forms of a date in one short line, for hints and refusals that must fit 80 columns.
DATE_FORMS = "e.g. 2026-12-08, 8 Dec, friday, 3d"
TIME_FORMS = "14:00, 2pm or 14h"

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(rf"^{_ORDINAL}\s+([a-z]{{3,}})\.?(?:\s+(\d{{4}}))?$")
_MONTH_DAY = re.compile(rf"^([a-z]{{3,}})\.?\s+{_ORDINAL}(?:\s+(\d{{4}}))?$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$")
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_WEEKDAY = re.compile(r"^(?:(next|this|last)\s+)?([a-z]{3,})$")
_TIME = r"(\d{1,2})(?:([:.h])(\d{2})?)?\s*([ap]\.?m\.?)?"


def date_order() -> DateOrder:
    """Whether ``8/12`` is 8 December (``dmy``, the default) or August 12 (``mdy``), from
    ``$CAREERPATH_DATE_ORDER`` or the ``date_order`` setting (``careerpath config``)."""
    from careerpath.core import config
    from careerpath.core.errors import InvalidInput

    try:
        chosen = config.value("date_order")
    except InvalidInput as error:
        raise ValueError(error.message) from None
    return "mdy" if chosen == "mdy" else "dmy"


def parse_date(text: str, today: date, order: DateOrder | None = None) -> date:
    """A date as people write it: ISO (2026-12-08), day and month by ``order`` (8/12/2026,
    8/12), with a month name (8 Dec, Dec 8 2026), a weekday (friday, next monday, last fri),
    ``today``, ``tomorrow``, a distance (3d, 2w, 1m, next week) or one back (``yesterday``,
    ``3d ago``, ``-3d``). Without a year, the nearest such date to ``today``."""
    typed = text.strip()
    cleaned = " ".join(typed.lower().replace(",", " ").split())
    simple = {"today": 0, "tomorrow": 1, "yesterday": -1, "next week": 7}
    if cleaned in simple:
        return today + timedelta(days=simple[cleaned])
    if cleaned == "next month":
        return add_months(today, 1)
    ago = _AGO.match(cleaned)
    if ago:
        count = int(ago.group(1) or ago.group(3))
        return _moved(today, -count, ago.group(2) or ago.group(4))
    relative = _RELATIVE.match(cleaned)
    if relative:
        return _moved(today, int(relative.group(1)), relative.group(2)[0])
    found = _YEAR_FIRST.match(cleaned)
    if found:
        year, month, day = (int(part) for part in found.groups())
        return _real(typed, year, month, day)
    found = _WEEKDAY.match(cleaned)
    weekday = _named(found.group(2), _WEEKDAYS) if found else None
    if found and weekday is not None:
        return _weekday(today, weekday, found.group(1))
    found = _NUMERIC.match(cleaned)
    if found:
        return _numeric(typed, found, today, order or date_order())
    found = _DAY_MONTH.match(cleaned) or _MONTH_DAY.match(cleaned)
    if found:
        day_text, month_text = found.group(1), found.group(2)
        if found.re is _MONTH_DAY:
            month_text, day_text = day_text, month_text
        named = _named(month_text, _MONTHS)
        if named is not None:
            given = int(found.group(3)) if found.group(3) else None
            return _dated(typed, given, named + 1, int(day_text), today)
    raise ValueError(f"{typed!r} is not a date ({DATE_FORMS}).")


def _moved(today: date, count: int, unit: str) -> date:
    if unit == "d":
        return today + timedelta(days=count)
    if unit == "w":
        return today + timedelta(weeks=count)
    return add_months(today, count)


def _named(word: str, names: list[str]) -> int | None:
    """The index of the name ``word`` starts (3 letters at least: "dec", "sept", "thurs")."""
    for index, name in enumerate(names):
        if len(word) >= 3 and name.startswith(word):
            return index
    return None


def _weekday(today: date, weekday: int, which: str | None) -> date:
    """``friday``: today or the coming one; ``next friday``: the first after today;
    ``last friday``: the last before today."""
    if which == "last":
        return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    ahead = (weekday - today.weekday()) % 7
    if which == "next" and ahead == 0:
        ahead = 7
    return today + timedelta(days=ahead)


def _numeric(typed: str, found: re.Match[str], today: date, order: DateOrder) -> date:
    first, second = int(found.group(1)), int(found.group(3))
    day, month = (first, second) if order == "dmy" else (second, first)
    year_text = found.group(4)
    year = None if year_text is None else int(year_text) + (2000 if len(year_text) == 2 else 0)
    if month > 12 and day <= 12:  # the other order would read it: say so, never guess
        other = "month first" if order == "dmy" else "day first"
        meant = f"{month} {_MONTHS[day - 1].title()}" + (f" {year}" if year else "")
        raise ValueError(
            f"{typed!r} read {'day' if order == 'dmy' else 'month'} first has no month "
            f"{month}. For {meant} ({other}), write it with the month's name, or set "
            f"{DATE_ORDER_ENV}={'mdy' if order == 'dmy' else 'dmy'}."
        )
    return _dated(typed, year, month, day, today)


def _dated(typed: str, year: int | None, month: int, day: int, today: date) -> date:
    """The date, or without a year the nearest one to ``today`` (8 Jan in late November is
    next January; 20 Nov is this one)."""
    if year is not None:
        return _real(typed, year, month, day)
    candidates = []
    for near in range(today.year - 4, today.year + 5):  # a 29 February needs a leap year
        try:
            candidates.append(date(near, month, day))
        except ValueError:
            continue
    if not candidates:
        _real(typed, 2000, month, day)  # raises, naming what was read
    return min(candidates, key=lambda found: abs(found - today))


def _real(typed: str, year: int, month: int, day: int) -> date:
    """The date, or a refusal that says how ``typed`` was read."""
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if not 1 <= month <= 12:
        raise ValueError(f"{typed!r} is not a real date: there is no month {month}.") from None
    named = _MONTHS[month - 1].title()
    raise ValueError(f"{typed!r} is not a real date: {named} has no day {day}.") from None


def parse_time(text: str) -> time:
    """A time of day: ``14:00``, ``14.30``, ``14h``, ``14h30``, ``2pm``, ``2:30 pm``."""
    cleaned = text.strip().lower()
    found = re.fullmatch(_TIME, cleaned)
    if not found or not (found.group(2) or found.group(4)):
        raise ValueError(f"{text.strip()!r} is not a time; write it like {TIME_FORMS}.")
    hour, minute = int(found.group(1)), int(found.group(3) or 0)
    meridiem = (found.group(4) or "").replace(".", "")
    if meridiem and not 1 <= hour <= 12:
        raise ValueError(f"{text.strip()!r} is not a time of day ({TIME_FORMS}).")
    if meridiem:
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{text.strip()!r} is not a time of day ({TIME_FORMS}).")
    return time(hour, minute)


def parse_when(text: str, today: date, order: DateOrder | None = None) -> date | datetime:
    """A date with an optional time, before or after it: "2026-12-18 14:00", "18/12/2026 14h",
    "friday 2pm", "tomorrow at 9.15", "2pm friday"; a time alone is today at that time."""
    typed = text.strip()
    cleaned = re.sub(r"(\d)t(\d)", r"\1 \2", " ".join(typed.lower().split()))
    pieces = (
        re.fullmatch(rf"(?P<day>.+?)\s+(?:at\s+)?(?P<time>{_TIME})", cleaned),
        re.fullmatch(rf"(?P<time>{_TIME})\s+(?:on\s+)?(?P<day>.+)", cleaned),
    )
    try:
        for found in pieces:
            if found and re.search(r"[:.h]|[ap]\.?m", found.group("time")):
                day = parse_date(found.group("day"), today, order)
                return datetime.combine(day, parse_time(found.group("time")))
        if re.fullmatch(_TIME, cleaned) and re.search(r"[:h]|[ap]\.?m", cleaned):
            return datetime.combine(today, parse_time(cleaned))
        return parse_date(cleaned, today, order)
    except ValueError as error:
        if "time" in str(error):
            raise
        raise ValueError(f"{error} A time goes after the date: {TIME_FORMS}.") from None


def date_echo(text: str, value: date) -> str | None:
    """What a relative or partial date became, to show back: "→ Fri 4 Dec 2026" (with the
    time for a moment: "→ Fri 18 Dec 2026 14:00"); None when ``text`` was already the full
    ISO date (and time), which needs no echo."""
    iso = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?"
    if re.fullmatch(iso, text.strip()):
        return None
    if isinstance(value, datetime):
        return f"→ {format_day(value.date())} {value:%H:%M}"
    return f"→ {format_day(value)}"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (Jan 31 + 1m = Feb 28/29)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def read_number(text: str, original: str) -> float | None:
    """The number ``text`` says, by a rule that never silently divides by a thousand; None
    when it is no number at all.

    Spaces, ``_`` and ``'`` group thousands. With both ``.`` and ``,``, the last one is the
    decimal point (``50,000.50``, ``50.000,50``). A lone ``,`` before three digits groups
    thousands (``50,000``); before other digits it is refused (``50,5``: write ``50.5``).
    A lone ``.`` before three digits (``50.000``) could be either: it is refused, naming both.
    """
    digits = re.sub(r"[_ ']", "", text)
    if not re.fullmatch(r"\d[\d.,]*\d|\d", digits):
        return None
    if "." in digits and "," in digits:
        point = "." if digits.rfind(".") > digits.rfind(",") else ","
        whole, _, fraction = digits.rpartition(point)
        grouping = "," if point == "." else "."
        groups = whole.split(grouping)
        if point in whole or not _grouped(groups):
            return None
        return float("".join(groups) + "." + fraction)
    separator = "." if "." in digits else "," if "," in digits else None
    if separator is None:
        return float(digits)
    groups = digits.split(separator)
    if len(groups) > 2:
        return float("".join(groups)) if _grouped(groups) else None
    whole, fraction = groups
    if separator == "." and len(fraction) != 3:
        return float(digits)
    if separator == "," and len(fraction) == 3:
        return float(whole + fraction)
    if separator == ",":
        raise ValueError(
            f"{original.strip()!r}: careerpath reads a comma as a thousands separator "
            f"(50,000); for a decimal, write {whole}.{fraction}."
        )
    thousand = format_amount(float(whole + fraction))
    decimal = f"{whole}.{fraction.rstrip('0') or '0'}"
    raise ValueError(
        f"{original.strip()!r} could mean {thousand} or {decimal}: write {whole}{fraction} "
        f"(or {thousand}) for the first, {decimal} for the second."
    )


def _grouped(groups: list[str]) -> bool:
    """Thousands groups: 1 to 3 digits, then threes."""
    return 1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


def parse_number(text: str, *, integer: bool = False) -> float:
    """A number, allowing thousands separators (``40,000``, ``40 000``, ``40_000``,
    ``40'000``); see ``read_number`` for the rule."""
    cleaned = text.strip()
    negative = cleaned.startswith("-")
    read = read_number(cleaned.removeprefix("-").strip(), text)
    if read is None:
        raise ValueError(f"{cleaned!r} is not a number.")
    value = -read if negative else read
    if integer and not value.is_integer():
        raise ValueError(f"{cleaned!r} is not a whole number.")
    return value


# --- formatting ------------------------------------------------------------------------------


def format_amount(amount: float) -> str:
    """``45000.0`` → ``45,000``; keeps cents only when there are some."""
    if float(amount).is_integer():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def format_day(day: date) -> str:
    """A date in a sentence or a heading: "Sat 28 Nov 2026". Tables, lists and files keep ISO
    (2026-11-28), the form a person copies into a command."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_when(at: date | datetime) -> str:
    """A date, or a date and time to the minute: "2026-12-01 10:00" (ISO, as in tables)."""
    return at.strftime("%Y-%m-%d %H:%M") if isinstance(at, datetime) else at.isoformat()


def plural(count: int, word: str, words: str | None = None) -> str:
    """``count`` and the word for that many: "1 contact", "2 contacts", "1,000 contacts";
    ``words`` for a plural not made with an s ("2 people")."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def plain_number(value: float) -> int | float:
    """Whole numbers as ``int`` so the TOML a person reads says ``45000``, not ``45000.0``."""
    return int(value) if float(value).is_integer() else value
