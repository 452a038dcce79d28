"""``careerpath config``: settings stored as TOML, checked, overridden by the environment, and
used where they matter (money, dates, staleness, weeks)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerpath.core import config

from conftest import flat, run, stage_file


@pytest.fixture
def settings_file() -> Path:
    return Path(os.environ[config.CONFIG_ENV])


def test_set_get_list_and_unset(runner: CliRunner, settings_file: Path) -> None:
    assert run(runner, "config", "get", "stale_days").output == "14\n"
    assert run(runner, "config", "set", "stale-days", "21").output == "stale_days = 21\n"
    run(runner, "config", "set", "currency", "eur")
    run(runner, "config", "set", "week_start", "sun")
    run(runner, "config", "set", "git", "yes")
    run(runner, "config", "set", "timezone", "Europe/Paris")
    assert run(runner, "config", "get", "currency").output == "EUR\n"
    assert run(runner, "config", "get", "week_start").output == "sunday\n"
    assert run(runner, "config", "get", "git").output == "on\n"
    text = settings_file.read_text()
    assert 'currency = "EUR"' in text and "stale_days = 21" in text and "git = true" in text
    listed = run(runner, "config", "list").output
    assert "stale_days  21" in listed and "Europe/Paris" in listed
    assert str(settings_file) in flat(listed)
    run(runner, "config", "unset", "stale_days")
    assert run(runner, "config", "get", "stale_days").output == "14\n"
    assert "stale_days" not in settings_file.read_text()


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("currency", "euro", "a currency code (ISO 4217"),
        ("currency", "XYZ", "a currency code (ISO 4217"),
        ("date_order", "ymd", "dmy or mdy"),
        ("stale_days", "0", "a whole number of days, 1 or more"),
        ("stale_days", "two", "a whole number of days, 1 or more"),
        ("week_start", "fun", "a day of the week"),
        ("git", "maybe", "on or off"),
        ("timezone", "Mars/Olympus", "a time zone name"),
        ("timezone", "../../etc/passwd", "a time zone name"),
        ("colour", "red", "'colour' is not a setting; the settings are: currency"),
    ],
)
def test_a_wrong_value_is_refused_and_nothing_is_written(
    runner: CliRunner, settings_file: Path, key: str, value: str, said: str
) -> None:
    result = run(runner, "config", "set", key, value, code=1)
    assert said in flat(result.output)
    assert not settings_file.exists()


def test_the_environment_wins_over_the_file(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(runner, "config", "set", "stale_days", "21")
    monkeypatch.setenv("CAREERPATH_STALE_DAYS", "5")
    assert run(runner, "config", "get", "stale_days").output == "5\n"
    assert "$CAREERPATH_STALE_DAYS" in run(runner, "config", "list").output
    result = run(runner, "config", "set", "stale_days", "30")
    assert "$CAREERPATH_STALE_DAYS is set" in flat(result.stderr)
    monkeypatch.setenv("CAREERPATH_STALE_DAYS", "soon")
    result = run(runner, "config", "get", "stale_days", code=1)
    assert "$CAREERPATH_STALE_DAYS is 'soon'" in flat(result.output)


def test_a_hand_comment_in_the_settings_file_is_kept(
    runner: CliRunner, settings_file: Path
) -> None:
    run(runner, "config", "set", "currency", "GBP")
    settings_file.write_text(settings_file.read_text() + "# I moved to London in May\n")
    run(runner, "config", "set", "stale_days", "10")
    text = settings_file.read_text()
    assert "# I moved to London in May\n" in text and "stale_days = 10" in text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("stale_days = [", "is not valid TOML"),
        ("colour = 'red'", "'colour' is not a setting"),
        ("stale_days = 'x'", "stale_days = 'x': set it to a whole number of days"),
    ],
)
def test_a_broken_settings_file_is_named(
    runner: CliRunner, started: Path, settings_file: Path, text: str, said: str
) -> None:
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(text)
    result = run(runner, "report", code=1)
    assert str(settings_file) in flat(result.output) and said in flat(result.output)
    run(runner, "--help")  # a command that needs no setting does not read it


def test_date_order_reads_typed_dates(runner: CliRunner, started: Path) -> None:
    run(runner, "contact", "add", "Kim", "--follow-up", "12/1")
    run(runner, "config", "set", "date_order", "mdy")
    run(runner, "contact", "add", "Lee", "--follow-up", "12/1")
    kim, lee = stage_file(started, "networking")["contacts"]
    assert kim["follow_up"] == dt.date(2027, 1, 12)
    assert lee["follow_up"] == dt.date(2026, 12, 1)


def test_currency_is_the_default_for_money(runner: CliRunner, started: Path) -> None:
    result = run(runner, "offer", "add", "Acme", "--role", "UX", "--base", "50000", code=1)
    assert "config set currency EUR" in flat(result.output)
    run(runner, "config", "set", "currency", "CHF")
    run(runner, "offer", "add", "Acme", "--role", "UX", "--base", "50000")
    run(runner, "offer", "add", "Beta", "--role", "UX", "--base", "40000 EUR")
    acme, beta = stage_file(started, "closing")["offers"]
    assert acme["base_pay"] == {"amount": 50000, "currency": "CHF"}
    assert beta["base_pay"]["currency"] == "EUR"


def test_stale_days_decides_when_an_application_is_stale(runner: CliRunner, started: Path) -> None:
    run(runner, "app", "add", "Acme", "Analyst", "--status", "applied", "--date", "2026-11-20")
    assert "No applications" in flat(run(runner, "app", "list", "--stale").output)
    run(runner, "config", "set", "stale_days", "3")
    assert "Acme" in run(runner, "app", "list", "--stale").output


def test_week_start_moves_the_first_day_of_the_week(monkeypatch: pytest.MonkeyPatch) -> None:
    from careerpath.tracking import scoring

    wednesday = dt.date(2026, 11, 25)
    assert scoring.week_start(wednesday) == dt.date(2026, 11, 23)
    monkeypatch.setenv("CAREERPATH_WEEK_START", "sunday")
    assert scoring.week_start(wednesday) == dt.date(2026, 11, 22)
    monkeypatch.setenv("CAREERPATH_WEEK_START", "wednesday")
    assert scoring.week_start(wednesday) == wednesday


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are Linux's")
def test_the_settings_file_defaults_to_the_platform_config_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(config.CONFIG_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config.config_file() == tmp_path / "xdg" / "careerpath" / "config.toml"
