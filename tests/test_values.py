"""Parsing what a person types into dates, numbers and money."""

from __future__ import annotations

from datetime import date

import pytest

from careerpath.core.values import (
    MoneyRange,
    add_months,
    format_amount,
    format_day,
    parse_date,
    parse_money,
    parse_money_range,
    parse_number,
    plural,
)

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        (" 2026-2-3 ", date(2026, 2, 3)),
        ("today", TODAY),
        ("Tomorrow", date(2026, 11, 26)),
        ("3d", date(2026, 11, 28)),
        ("2w", date(2026, 12, 9)),
        ("in 2 weeks", date(2026, 12, 9)),
        ("1m", date(2026, 12, 25)),
        ("+3 months", date(2027, 2, 25)),
    ],
)
def test_dates_people_type(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2026-02-31", "not a real date"),
        ("31-02", "not a date. Use YYYY-MM-DD"),
        ("next friday", "not a date"),
        ("", "not a date"),
    ],
)
def test_wrong_dates_are_explained(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_date(text, TODAY)


def test_month_arithmetic_clamps_to_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("text", "expected"), [("40000", 40000), ("40,000", 40000), ("40 000", 40000), ("2.5", 2.5)]
)
def test_numbers_with_separators(text: str, expected: float) -> None:
    assert parse_number(text) == expected


def test_whole_number_required_when_asked() -> None:
    with pytest.raises(ValueError, match="not a whole number"):
        parse_number("2.5", integer=True)
    with pytest.raises(ValueError, match="not a number"):
        parse_number("lots")


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("45000 EUR", 45000, "EUR"),
        ("EUR 45,000", 45000, "EUR"),
        ("45k", 45000, "GBP"),
        ("€45000", 45000, "EUR"),
        ("52,500.50 usd", 52500.5, "USD"),
    ],
)
def test_money(text: str, amount: float, currency: str) -> None:
    money = parse_money(text, default_currency="GBP")
    assert (money.amount, money.currency) == (amount, currency)


def test_money_needs_a_currency_when_there_is_no_default() -> None:
    with pytest.raises(ValueError, match="currency"):
        parse_money("45000")
    with pytest.raises(ValueError, match="Two currencies"):
        parse_money("45000 EUR USD")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45000-60000 EUR per year", (45000, 60000, "EUR", "year")),
        ("45k to 60k", (45000, 60000, "EUR", "year")),
        ("20-30 USD/hour", (20, 30, "USD", "hour")),
        ("€3,000 – €4,000 a month", (3000, 4000, "EUR", "month")),
        ("40 - 50 usd hourly", (40, 50, "USD", "hour")),
    ],
)
def test_pay_ranges(text: str, expected: tuple[float, float, str, str]) -> None:
    pay = parse_money_range(text, default_currency="EUR")
    assert (pay.low, pay.high, pay.currency, pay.period) == expected


def test_pay_range_low_above_high_is_refused() -> None:
    with pytest.raises(ValueError, match=r"low end \(70,000\) is above the high end \(50,000\)"):
        parse_money_range("70000-50000 EUR")
    with pytest.raises(ValueError, match="low end"):
        MoneyRange(low=2, high=1, currency="EUR")


def test_pay_range_needs_two_ends() -> None:
    with pytest.raises(ValueError, match="not a range"):
        parse_money_range("50000 EUR")


def test_ranges_of_different_periods_share_a_yearly_scale() -> None:
    hourly = MoneyRange(low=25, high=30, currency="EUR", period="hour")
    monthly = MoneyRange(low=4000, high=5000, currency="EUR", period="month")
    assert hourly.per_year() == (52000, 62400)
    assert monthly.per_year() == (48000, 60000)


def test_amounts_read_naturally() -> None:
    assert format_amount(45000.0) == "45,000"
    assert format_amount(12.5) == "12.50"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("45-60k EUR", 45000, 60000),
        ("1.5-2k EUR per month", 1500, 2000),
        ("900-1.2k EUR per month", 900, 1200),
        ("45k-60k EUR", 45000, 60000),
    ],
)
def test_a_k_on_the_high_end_only_counts_for_both_when_it_must(
    text: str, low: float, high: float
) -> None:
    pay = parse_money_range(text)
    assert (pay.low, pay.high) == (low, high)


@pytest.mark.parametrize("text", ["-5000 EUR", "EUR -5000", "€-40k"])
def test_negative_money_is_named_as_such(text: str) -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        parse_money(text)


@pytest.mark.parametrize("text", ["-50k-70k EUR", "50k--70k EUR", "50k to -70k EUR"])
def test_a_negative_end_of_a_range_is_never_read_as_a_separator(text: str) -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        parse_money_range(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("yesterday", 24), ("3d ago", 22), ("-3d", 22), ("1 week ago", 18), ("-1m", -1)],
)
def test_dates_in_the_past(text: str, expected: int) -> None:
    found = parse_date(text, date(2026, 11, 25))
    assert found == (date(2026, 10, 25) if expected == -1 else date(2026, 11, expected))


def test_one_format_for_dates_in_sentences() -> None:
    assert format_day(date(2026, 11, 28)) == "Sat 28 Nov 2026"
    assert format_day(date(2026, 12, 2)) == "Wed 2 Dec 2026"  # no leading zero


def test_plural() -> None:
    assert [plural(n, "week") for n in (0, 1, 2)] == ["0 weeks", "1 week", "2 weeks"]
