"""The person's settings: defaults set once (currency, date order, days before an application
is stale, the first day of the week, auto-commit in git, time zone).

Each setting is read from ``$CAREERPATH_<KEY>`` first, then from ``config.toml`` in the
platform's config folder (``$CAREERPATH_CONFIG`` names another file, as the tests do), then
its default. Nothing is read until a value is asked for, and the file is read at most once a
process: a command that needs no setting never opens it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerpath.core.errors import InvalidInput

CONFIG_ENV = "CAREERPATH_CONFIG"
ENV_PREFIX = "CAREERPATH_"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TRUE = {"on", "true", "yes", "1"}
_FALSE = {"off", "false", "no", "0"}


@dataclass(frozen=True)
class Key:
    """One setting: what it means, its default, and how a value typed or stored is checked."""

    name: str
    help: str
    default: Any
    check: Callable[[Any], Any]
    """Turns a value (text typed or from the environment, or what the file holds) into the
    stored one; raises ValueError with what is acceptable."""

    @property
    def env(self) -> str:
        return ENV_PREFIX + self.name.upper()


def _currency(value: Any) -> str:
    from careerpath.core.currencies import check_currency

    wanted = "a currency code (ISO 4217, like EUR, USD, GBP, INR or JPY)"
    if not isinstance(value, str):
        raise ValueError(wanted)
    try:
        return check_currency(value.strip().upper())
    except ValueError:
        raise ValueError(wanted) from None


def _date_order(value: Any) -> str:
    chosen = str(value).strip().lower()
    if chosen not in ("dmy", "mdy"):
        raise ValueError("dmy or mdy")
    return chosen


def _days(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("a whole number of days, 1 or more")
    try:
        days = int(str(value).strip())
    except ValueError:
        raise ValueError("a whole number of days, 1 or more") from None
    if days < 1:
        raise ValueError("a whole number of days, 1 or more")
    return days


def _weekday(value: Any) -> str:
    typed = str(value).strip().lower()
    found = [day for day in WEEKDAYS if len(typed) >= 3 and day.startswith(typed)]
    if len(found) != 1:
        raise ValueError("a day of the week: monday, sunday...")
    return found[0]


def _switch(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    typed = str(value).strip().lower()
    if typed in _TRUE:
        return True
    if typed in _FALSE:
        return False
    raise ValueError("on or off")


def _timezone(value: Any) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = str(value).strip()
    try:
        if not name or name.startswith(("/", ".")):
            raise ValueError
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("a time zone name, e.g. Europe/Paris or America/New_York") from None
    return name


KEYS: dict[str, Key] = {
    key.name: key
    for key in (
        Key("currency", "Currency of money typed without one, e.g. EUR.", None, _currency),
        Key("date_order", "How 8/12 reads: dmy (8 Dec) or mdy (Aug 12).", "dmy", _date_order),
        Key("stale_days", "Days without news before an application is stale.", 14, _days),
        Key("week_start", "The first day of a week (weekly goals).", "monday", _weekday),
        Key("git", "Commit each change in a home kept in git.", False, _switch),
        Key("timezone", "Time zone of interview times in calendar exports.", None, _timezone),
    )
}


def config_file() -> Path:
    """``$CAREERPATH_CONFIG``, else ``config.toml`` in the platform's user config folder."""
    given = os.environ.get(CONFIG_ENV)
    if given:
        return Path(given).expanduser()
    import platformdirs  # only when a setting is needed

    return Path(platformdirs.user_config_dir("careerpath", appauthor=False)) / "config.toml"


_stored: tuple[Any, dict[str, Any]] | None = None


def stored() -> dict[str, Any]:
    """What the config file holds, checked; empty when there is no file. Parsed again only
    when the file changed (one ``stat`` a call), as ``config set`` or a hand edit do."""
    global _stored
    path = config_file()
    try:
        info = path.stat()
        seen: Any = (path, info.st_mtime_ns, info.st_size)
    except OSError:
        seen = (path, None)
    if _stored is not None and _stored[0] == seen:
        return _stored[1]
    values = read_file(path)
    _stored = (seen, values)
    return values


def forget() -> None:
    """Read the file afresh next time (``config set`` just wrote it)."""
    global _stored
    _stored = None


def read_file(path: Path) -> dict[str, Any]:
    """The settings in ``path``, each checked; a clear message naming the file otherwise."""
    try:  # the parser storage reads homes with, already imported by then
        import tomli as tomllib
    except ImportError:  # pragma: no cover - tomli is a dependency
        import tomllib  # type: ignore[no-redef]

    try:
        raw = tomllib.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise InvalidInput(f"cannot read the settings in {path}: {error.strerror}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InvalidInput(
            f"{path} is not valid TOML: {error}",
            hint="Fix it by hand, or remove it to go back to the defaults.",
        ) from None
    values = {}
    for name, value in raw.items():
        key = KEYS.get(name)
        if key is None:
            raise InvalidInput(
                f"{path}: {name!r} is not a setting (the settings are: {', '.join(KEYS)})",
                hint="Fix it by hand, or `careerpath config list` to see them.",
            )
        try:
            values[name] = key.check(value)
        except ValueError as error:
            raise InvalidInput(f"{path}: {name} = {value!r}: set it to {error}.") from None
    return values


def key(name: str) -> Key:
    """The setting called ``name`` (``-`` read as ``_``), or a message naming them all."""
    found = KEYS.get(name.strip().lower().replace("-", "_"))
    if found is None:
        raise InvalidInput(f"{name!r} is not a setting; the settings are: {', '.join(KEYS)}.")
    return found


def check(name: str, text: str) -> Any:
    """``text`` as the setting ``name`` stores it, or a message saying what it can be."""
    setting = key(name)
    try:
        return setting.check(text)
    except ValueError as error:
        raise InvalidInput(f"{setting.name} {text!r}: set it to {error}.") from None


def source(name: str) -> str:
    """Where the value of ``name`` comes from: its environment variable, the file, or the
    default."""
    setting = key(name)
    if os.environ.get(setting.env, "").strip():
        return f"${setting.env}"
    if setting.name in stored():
        return "settings file"
    return "default"


def value(name: str) -> Any:
    """The value of setting ``name``: ``$CAREERPATH_<NAME>``, else the file, else its default."""
    setting = KEYS[name]
    from_env = os.environ.get(setting.env, "").strip()
    if from_env:
        try:
            return setting.check(from_env)
        except ValueError as error:
            raise InvalidInput(f"${setting.env} is {from_env!r}; set it to {error}.") from None
    return stored().get(name, setting.default)
