"""``careerpath help [COMMAND ...]``: the same text as ``careerpath [COMMAND ...] --help``."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from careerpath.core.errors import InvalidInput

help_app = typer.Typer(add_completion=False)


def _complete_command(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    try:
        context, command = _walk(ctx, ctx.params.get("command") or [])
    except InvalidInput:  # no such command: nothing to offer, and no message at a TAB
        return []
    names = command.list_commands(context) if hasattr(command, "list_commands") else []
    found = [(name, command.get_command(context, name)) for name in names]
    return [
        (name, (sub.get_short_help_str(limit=60) if sub is not None else ""))
        for name, sub in found
        if name.startswith(incomplete)
    ]


@help_app.command()
def help(
    ctx: typer.Context,
    command: Annotated[
        list[str] | None,
        typer.Argument(
            help="A command, and a command of its group (`careerpath help app add`).",
            metavar="COMMAND...",
            autocompletion=_complete_command,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show the help of careerpath or of one of its commands, as `--help` does."""
    context, _ = _walk(ctx, command or [])
    typer.echo(context.get_help(), color=context.color)


def _walk(ctx: typer.Context, words: list[str]) -> tuple[Any, Any]:
    """The context and command that ``careerpath WORDS`` names, from the top."""
    from difflib import get_close_matches

    context: Any = ctx.find_root()
    command: Any = context.command
    for word in words:
        found = command.get_command(context, word) if hasattr(command, "get_command") else None
        path = " ".join(["careerpath", *words[: words.index(word)]])
        if not hasattr(command, "get_command"):
            raise InvalidInput(
                f"`{path}` has no commands of its own; `careerpath help {path[11:]}` shows "
                "its help."
            )
        if found is None:
            names = command.list_commands(context) if hasattr(command, "list_commands") else []
            close = get_close_matches(word, names)
            suggestion = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise InvalidInput(
                f"`{path}` has no command {word!r}.{suggestion}",
                hint=f"`{path} --help` lists its commands.",
            )
        context = found.make_context(word, [], parent=context, resilient_parsing=True)
        command = context.command  # a deferred group's real one, built
    return context, command
