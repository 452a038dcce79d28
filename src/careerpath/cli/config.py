"""``careerpath config``: the settings a person sets once, kept in ``config.toml`` in the
platform's config folder (``careerpath config list`` shows where)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from careerpath.cli.base import err_console, out_console
from careerpath.core import config

config_app = typer.Typer(add_completion=False, no_args_is_help=True)

_HEADER = """\
careerpath settings (`careerpath config set KEY VALUE` writes them; `config list` shows them).
A CAREERPATH_<KEY> environment variable wins over what is here."""


def _complete_key(incomplete: str) -> list[tuple[str, str]]:
    return [(name, key.help) for name, key in config.KEYS.items() if name.startswith(incomplete)]


KeyArgument = Annotated[
    str,
    typer.Argument(
        help=f"One of: {', '.join(config.KEYS)}.", metavar="KEY", autocompletion=_complete_key
    ),
]


def shown(value: Any) -> str:
    """A setting's value as a person types it."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return "" if value is None else str(value)


@config_app.command("get")
def config_get(key: KeyArgument) -> None:
    """Print a setting's value (empty when it has none)."""
    setting = config.key(key)
    typer.echo(shown(config.value(setting.name)))


@config_app.command("set")
def config_set(
    ctx: typer.Context,
    key: KeyArgument,
    value: Annotated[str, typer.Argument(help="The new value.", metavar="VALUE")],
) -> None:
    """Set a setting for every later command (checked first: a wrong value is refused)."""
    setting = config.key(key)
    checked = config.check(setting.name, value)
    set_value(setting.name, checked)
    out_console().print(f"{setting.name} = {shown(checked)}", markup=False)
    _note_overridden(setting)
    if setting.name == "git" and checked:
        from careerpath.cli.base import home_of, warn
        from careerpath.storage import git

        home = home_of(ctx)
        if home.exists() and not git.is_repository(home.root):
            warn(f"{home.root} is not a git repository yet: `careerpath git init` makes it one.")


@config_app.command("unset")
def config_unset(key: KeyArgument) -> None:
    """Go back to a setting's default."""
    setting = config.key(key)
    values = config.stored()
    if setting.name in values:
        _write({name: value for name, value in values.items() if name != setting.name})
    default = shown(setting.default)
    out_console().print(
        f"{setting.name} = {default} (the default)" if default else f"{setting.name} is not set",
        markup=False,
    )
    _note_overridden(setting)


@config_app.command("list")
def config_list() -> None:
    """Every setting: its value, where the value comes from, and what it means."""
    from careerpath.cli.recording import plain
    from careerpath.views.tables import columns

    rows = [
        [name, shown(config.value(name)), config.source(name), key.help]
        for name, key in config.KEYS.items()
    ]
    console = out_console()
    columns(console, rows, ["Setting", "Value", "From", "Meaning"], wrap=True)
    console.print(plain(f"Settings file: {config.config_file()}"), style="dim", soft_wrap=True)


def set_value(name: str, value: Any) -> None:
    """Store a checked ``value`` for setting ``name`` in the settings file."""
    _write({**config.stored(), name: value})


def _write(values: dict[str, Any]) -> None:
    from careerpath.storage import tomlio

    path = config.config_file()
    try:
        before = path.read_text(encoding="utf-8")
    except OSError:
        before = ""
    data = {name: values[name] for name in config.KEYS if values.get(name) is not None}
    if before and tomlio.hand_laid_out(before, _HEADER):
        text = tomlio.dumps_keeping(before, data, _HEADER)
    else:
        text = tomlio.dumps(data, _HEADER)
    tomlio.write_atomic(path, text)
    config.forget()


def _note_overridden(setting: config.Key) -> None:
    if config.source(setting.name) == f"${setting.env}":
        err_console().print(
            f"Note: ${setting.env} is set, and wins over the settings file while it is.",
            markup=False,
            soft_wrap=True,
        )
