"""Answer value types and the pure parsing of what a person types into them.

The prompt adapter and the command-line options both turn text into values here, so a date
or a salary means the same thing wherever it is typed. Every parser raises ``ValueError`` with
a message written for the person, never for a developer.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

Period = Literal["year", "month", "week", "day", "hour"]

# Working time behind a yearly figure: 52 weeks, 5 days, 8 hours. A convention, stated in the
# README, so that ranges quoted per hour and per year can sit on one scale.
PERIODS_PER_YEAR: dict[str, float] = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Money(_Value):
    """An amount of money in a named currency."""

    amount: float = Field(ge=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$")


class MoneyRange(_Value):
    """A pay range such as a salary band: low to high, in one currency, per period."""

    low: float = Field(ge=0)
    high: float = Field(ge=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    period: Period = "year"

    @model_validator(mode="after")
    def _low_not_above_high(self) -> Self:
        if self.low > self.high:
            raise ValueError(
                f"the low end ({format_amount(self.low)}) is above the high end "
                f"({format_amount(self.high)})"
            )
        return self

    def per_year(self) -> tuple[float, float]:
        """The range on a yearly scale, so ranges quoted per hour or per month compare."""
        factor = PERIODS_PER_YEAR[self.period]
        return self.low * factor, self.high * factor


# --- parsing ---------------------------------------------------------------------------------

_NUMBER = r"\d[\d,_ ]*(?:\.\d+)?"
_RELATIVE = re.compile(r"^(?:in\s+)?\+?(\d+)\s*(d|day|days|w|week|weeks|m|month|months)$")
_AGO = re.compile(r"^(?:-\s*(\d+)\s*([dwm])\w*|(\d+)\s*([dwm])\w*\s+ago)$")
_PERIOD_WORDS: dict[str, Period] = {
    **{word: "year" for word in ("year", "years", "yr", "yearly", "annually", "annual", "pa")},
    **{word: "month" for word in ("month", "months", "mo", "monthly")},
    **{word: "week" for word in ("week", "weeks", "wk", "weekly")},
    **{word: "day" for word in ("day", "days", "daily")},
    **{word: "hour" for word in ("hour", "hours", "hr", "hourly")},
}
_PERIOD = re.compile(
    r"(?:/|\bper\b|\ba\b|\ban\b)?\s*\b(" + "|".join(_PERIOD_WORDS) + r")\b", re.IGNORECASE
)
_CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY"}


def parse_date(text: str, today: date) -> date:
    """A date from ISO form (2026-12-01), ``today``, ``tomorrow`` or ``3d`` / ``2w`` / ``1m``;
    for something that happened: ``yesterday``, ``3d ago`` or ``-3d``."""
    cleaned = text.strip().lower()
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return today + timedelta(days=1)
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    ago = _AGO.match(cleaned)
    if ago:
        count = int(ago.group(1) or ago.group(3))
        unit = ago.group(2) or ago.group(4)
        if unit == "d":
            return today - timedelta(days=count)
        if unit == "w":
            return today - timedelta(weeks=count)
        return add_months(today, -count)
    relative = _RELATIVE.match(cleaned)
    if relative:
        count, unit = int(relative.group(1)), relative.group(2)[0]
        if unit == "d":
            return today + timedelta(days=count)
        if unit == "w":
            return today + timedelta(weeks=count)
        return add_months(today, count)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", cleaned):
        year, month, day = (int(part) for part in cleaned.split("-"))
        try:
            return date(year, month, day)
        except ValueError as error:
            raise ValueError(f"{text.strip()!r} is not a real date ({error}).") from None
    raise ValueError(
        f"{text.strip()!r} is not a date. Use YYYY-MM-DD (e.g. {today + timedelta(days=7)}), "
        "`today`, `tomorrow`, `yesterday`, or a distance like 3d, 2w, 1m (or 3d ago)."
    )


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (Jan 31 + 1m = Feb 28/29)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_number(text: str, *, integer: bool = False) -> float:
    """A number, allowing thousands separators (``40,000``, ``40 000``, ``40_000``)."""
    cleaned = text.strip()
    if not re.fullmatch(rf"-?{_NUMBER}", cleaned):
        raise ValueError(f"{cleaned!r} is not a number.")
    value = float(re.sub(r"[,_ ]", "", cleaned))
    if integer and not value.is_integer():
        raise ValueError(f"{cleaned!r} is not a whole number.")
    return value


def _parse_amount(text: str, original: str) -> float:
    cleaned = text.strip().lower()
    multiplier = 1.0
    if cleaned.endswith("k"):
        cleaned, multiplier = cleaned[:-1].strip(), 1000.0
    if not re.fullmatch(_NUMBER, cleaned):
        raise ValueError(f"{original.strip()!r} is not an amount; write it like `45000 EUR`.")
    return float(re.sub(r"[,_ ]", "", cleaned)) * multiplier


def _split_currency(text: str, default_currency: str | None) -> tuple[str, str]:
    """Pull a currency code or symbol out of ``text``; return (rest, currency)."""
    rest = text
    found: list[str] = []
    for symbol, code in _CURRENCY_SYMBOLS.items():
        if symbol in rest:
            rest = rest.replace(symbol, " ")
            found.append(code)
    for code in re.findall(r"\b[A-Za-z]{3}\b", rest):
        if code.lower() in {"per", "and"}:
            continue
        found.append(code.upper())
        rest = re.sub(rf"\b{code}\b", " ", rest)
    codes = set(found)
    if len(codes) > 1:
        raise ValueError(f"Two currencies given ({', '.join(sorted(codes))}); use one.")
    if codes:
        return rest, codes.pop()
    if default_currency:
        return rest, default_currency
    raise ValueError("Add a currency code, e.g. `45000 EUR`.")


def _refuse_negative(rest: str, original: str) -> None:
    """A minus sign before an amount (``-5000``, ``50k to -60k``) is a mistake worth naming,
    not "not an amount", and must never be read as a range separator."""
    if re.match(r"\s*[-−]\s*\d", rest) or re.search(r"(?:[-−–—]|\bto\b)\s*[-−]\s*\d", rest):
        raise ValueError(f"{original.strip()!r}: an amount of money cannot be negative.")


def parse_money(text: str, default_currency: str | None = None) -> Money:
    """Money from ``45000 EUR``, ``EUR 45,000``, ``45k``, ``€45000``."""
    rest, currency = _split_currency(text, default_currency)
    _refuse_negative(rest, text)
    return Money(amount=_parse_amount(rest, text), currency=currency)


def parse_money_range(
    text: str, default_currency: str | None = None, default_period: Period = "year"
) -> MoneyRange:
    """A range from ``45000-60000 EUR per year``, ``45k to 60k``, ``20-30 USD/hour``."""
    rest = text
    period: Period = default_period
    period_match = _PERIOD.search(rest)
    if period_match:
        period = _PERIOD_WORDS[period_match.group(1).lower()]
        rest = rest[: period_match.start()] + " " + rest[period_match.end() :]
    rest, currency = _split_currency(rest, default_currency)
    _refuse_negative(rest, text)
    parts = re.split(r"\s*(?:-|–|—|\bto\b)\s*", rest.strip(), flags=re.IGNORECASE)
    parts = [part for part in parts if part.strip()]
    if len(parts) != 2:
        raise ValueError(
            f"{text.strip()!r} is not a range. Write low and high, e.g. `45000-60000 EUR per year`."
        )
    low, high = _parse_amount(parts[0], text), _parse_amount(parts[1], text)
    thousands = parts[1].strip().lower().endswith("k") and not parts[0].strip().lower().endswith(
        "k"
    )
    if thousands and low * 1000 <= high:
        low *= 1000  # "45-60k" is 45k to 60k (but "900-1.2k" is 900 to 1,200)
    if low > high:
        raise ValueError(
            f"The low end ({format_amount(low)}) is above the high end ({format_amount(high)})."
        )
    return MoneyRange(low=low, high=high, currency=currency, period=period)


# --- formatting ------------------------------------------------------------------------------


def format_amount(amount: float) -> str:
    """``45000.0`` → ``45,000``; keeps cents only when there are some."""
    if float(amount).is_integer():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def format_money(money: Money) -> str:
    return f"{format_amount(money.amount)} {money.currency}"


def format_money_range(pay: MoneyRange) -> str:
    return f"{format_amount(pay.low)}–{format_amount(pay.high)} {pay.currency} per {pay.period}"


def format_day(day: date) -> str:
    """A date in a sentence or a heading: "Sat 28 Nov 2026". Tables, lists and files keep ISO
    (2026-11-28), the form a person copies into a command."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def plural(count: int, word: str, words: str | None = None) -> str:
    """``count`` and the word for that many: "1 contact", "2 contacts", "1,000 contacts";
    ``words`` for a plural not made with an s ("2 people")."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def plain_number(value: float) -> int | float:
    """Whole numbers as ``int`` so the TOML a person reads says ``45000``, not ``45000.0``."""
    return int(value) if float(value).is_integer() else value
