"""Money and pay ranges: their models, and the parsing of what a person types into them.

Apart from ``values`` (dates, numbers) because the models are pydantic's: a command that
only shows dates and counts (a report read from the cache) starts without it. As there, a
date or a salary means the same thing wherever it is typed, and every parser raises
``ValueError`` with a message written for the person.
"""

from __future__ import annotations

import re
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from careerpath.core.currencies import check_currency
from careerpath.core.values import format_amount, plain_number, read_number

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

    _known_currency = field_validator("currency")(check_currency)


class MoneyRange(_Value):
    """A pay range such as a salary band: low to high, in one currency, per period."""

    low: float = Field(ge=0)
    high: float = Field(ge=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    period: Period = "year"

    _known_currency = field_validator("currency")(check_currency)

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
_CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR"}
_INDIAN_UNITS = re.compile(r"^(.*?)\s*(l|lakh|lakhs|lac|lacs|cr|crore|crores)$")


def _parse_amount(text: str, original: str) -> float:
    cleaned = text.strip().lower()
    multiplier = 1.0
    indian = _INDIAN_UNITS.match(cleaned)
    if indian and read_number(indian.group(1), original) is not None:
        unit = 100_000 if indian.group(2).startswith("l") else 10_000_000
        name = "lakh" if unit == 100_000 else "crore"
        whole = read_number(indian.group(1), original) or 0.0
        raise ValueError(
            f"{original.strip()!r}: {indian.group(1)}{indian.group(2).upper()} reads as "
            f"{indian.group(1)} {name} ({format_amount(unit)} each); careerpath needs the "
            f"amount in full: write {plain_number(whole * unit)} INR."
        )
    if cleaned.endswith("k"):
        cleaned, multiplier = cleaned[:-1].strip(), 1000.0
    read = read_number(cleaned, original)
    if read is None:
        raise ValueError(
            f"{original.strip()!r} is not an amount; write it like `45000 EUR` "
            "(or `45k EUR`: k for thousands)."
        )
    return read * multiplier


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
        found.append(check_currency(code.upper()))
        rest = re.sub(rf"\b{code}\b", " ", rest)
    codes = set(found)
    if len(codes) > 1:
        raise ValueError(f"Two currencies given ({', '.join(sorted(codes))}); use one.")
    if codes:
        return rest, codes.pop()
    if default_currency:
        return rest, default_currency
    from careerpath.core import config

    configured: str | None = config.value("currency")
    if configured:
        return rest, configured
    raise ValueError(
        "Add a currency code, e.g. `45000 EUR` (or set one for all: "
        "`careerpath config set currency EUR`)."
    )


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


def format_money(money: Money) -> str:
    return f"{format_amount(money.amount)} {money.currency}"


def format_money_range(pay: MoneyRange) -> str:
    return f"{format_amount(pay.low)}–{format_amount(pay.high)} {pay.currency} per {pay.period}"
