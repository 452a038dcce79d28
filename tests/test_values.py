"""Parsing what a person types into dates, numbers and money."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from careerpath.core.money import MoneyRange, parse_money, parse_money_range
from careerpath.core.values import (
    DATE_ORDER_ENV,
    add_months,
    date_echo,
    format_amount,
    format_day,
    parse_date,
    parse_number,
    parse_when,
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
    ("text", "expected"),
    [
        # day first, the default; a year of two digits is this century
        ("8/12/2026", date(2026, 12, 8)),
        ("08/12/2026", date(2026, 12, 8)),
        ("8.12.26", date(2026, 12, 8)),
        ("2026/12/8", date(2026, 12, 8)),
        # month names, either way round, with or without a year
        ("8 Dec", date(2026, 12, 8)),
        ("Dec 8", date(2026, 12, 8)),
        ("Dec 8 2026", date(2026, 12, 8)),
        ("1 Dec 2026", date(2026, 12, 1)),
        ("December 8, 2026", date(2026, 12, 8)),
        ("8th dec", date(2026, 12, 8)),
        ("3 Sept 2027", date(2027, 9, 3)),
        # without a year, the nearest such day: January is next year, last week is this one
        ("8 Jan", date(2027, 1, 8)),
        ("20 Nov", date(2026, 11, 20)),
        ("3/4", date(2027, 4, 3)),
        ("29 feb", date(2028, 2, 29)),
        # weekdays (today is a Wednesday)
        ("friday", date(2026, 11, 27)),
        ("Fri", date(2026, 11, 27)),
        ("wednesday", TODAY),
        ("next wednesday", date(2026, 12, 2)),
        ("next monday", date(2026, 11, 30)),
        ("last friday", date(2026, 11, 20)),
        ("last wed", date(2026, 11, 18)),
        ("next week", date(2026, 12, 2)),
        ("next month", date(2026, 12, 25)),
    ],
)
def test_dates_as_people_write_them(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8/12/2026", date(2026, 8, 12)),
        ("12/31/2026", date(2026, 12, 31)),
        ("3/4", date(2027, 3, 4)),
    ],
)
def test_month_first_when_the_setting_says_so(
    text: str, expected: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATE_ORDER_ENV, "mdy")
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2026-02-31", "'2026-02-31' is not a real date: February has no day 31."),
        ("31/02/2026", "'31/02/2026' is not a real date: February has no day 31."),
        ("31-02", "'31-02' is not a real date: February has no day 31."),
        ("30 feb", "February has no day 30"),
        ("13/13/2026", "there is no month 13"),
        # readable only the other way round: both readings named, and how to get the other
        ("12/31/2026", "read day first has no month 31. For 31 December 2026 (month first)"),
        ("next fortnight", "is not a date (e.g. 2026-12-08, 8 Dec, friday, 3d)."),
        ("soon", "'soon' is not a date (e.g. 2026-12-08, 8 Dec, friday, 3d)."),
        ("", "is not a date"),
    ],
)
def test_wrong_dates_are_explained(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        parse_date(text, TODAY)


def test_the_refusal_fits_one_line() -> None:
    with pytest.raises(ValueError) as caught:
        parse_date("soon", TODAY)
    assert len(str(caught.value)) < 60


def test_a_wrong_date_order_setting_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATE_ORDER_ENV, "ymd")
    with pytest.raises(ValueError, match=r"\$CAREERPATH_DATE_ORDER is 'ymd'; set it to dmy or mdy"):
        parse_date("8/12", TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("2026-12-01 10:30", datetime(2026, 12, 1, 10, 30)),
        ("2026-12-01T09:00", datetime(2026, 12, 1, 9, 0)),
        ("2026-12-18 14:00", datetime(2026, 12, 18, 14, 0)),
        ("18/12/2026 14h", datetime(2026, 12, 18, 14, 0)),
        ("18/12 14h30", datetime(2026, 12, 18, 14, 30)),
        ("tomorrow 14:00", datetime(2026, 11, 26, 14, 0)),
        ("3d at 9.15", datetime(2026, 11, 28, 9, 15)),
        ("friday 2pm", datetime(2026, 11, 27, 14, 0)),
        ("2pm friday", datetime(2026, 11, 27, 14, 0)),
        ("8 Dec 2:30 pm", datetime(2026, 12, 8, 14, 30)),
        ("12am tomorrow", datetime(2026, 11, 26, 0, 0)),
        ("14:00", datetime(2026, 11, 25, 14, 0)),
        ("2pm", datetime(2026, 11, 25, 14, 0)),
        ("14h", datetime(2026, 11, 25, 14, 0)),
        ("8.12", date(2026, 12, 8)),  # alone, a date (day first), not 08:12
    ],
)
def test_a_moment_is_a_date_with_an_optional_time(text: str, expected: date) -> None:
    assert parse_when(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2026-12-01 25:00", "'25:00' is not a time of day (14:00, 2pm or 14h)."),
        ("friday 13pm", "'13pm' is not a time of day (14:00, 2pm or 14h)."),
        (
            "someday 10:00",
            "'someday' is not a date (e.g. 2026-12-08, 8 Dec, friday, 3d). "
            "A time goes after the date: 14:00, 2pm or 14h.",
        ),
        ("18/12/2026 14", "A time goes after the date: 14:00, 2pm or 14h."),
        ("31-02", "February has no day 31. A time goes after the date"),
    ],
)
def test_a_wrong_moment_names_the_time_format(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        parse_when(text, TODAY)


@pytest.mark.parametrize(
    ("text", "value", "shown"),
    [
        ("3d", date(2026, 11, 28), "→ Sat 28 Nov 2026"),
        ("8 Dec", date(2026, 12, 8), "→ Tue 8 Dec 2026"),
        ("friday 2pm", datetime(2026, 11, 27, 14, 0), "→ Fri 27 Nov 2026 14:00"),
        ("2026-12-08", date(2026, 12, 8), None),
        (" 2026-12-18 14:00 ", datetime(2026, 12, 18, 14, 0), None),
    ],
)
def test_a_date_not_typed_in_full_is_shown_back(text: str, value: date, shown: str | None) -> None:
    assert date_echo(text, value) == shown


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
