"""``careerpath git init``: the home as a git repository, committed after every change."""

from __future__ import annotations

import typer

from careerpath.cli.base import home_of, out_console
from careerpath.core.errors import CareerpathError

git_app = typer.Typer(add_completion=False, no_args_is_help=True)


@git_app.callback()
def git_group() -> None:
    """Keep your home in git: `careerpath git init` commits each change."""


@git_app.command("init")
def git_init(ctx: typer.Context) -> None:
    """Make your home a git repository, commit what is in it, and turn on the `git` setting:
    from then on every command that changes your files commits them, with the command as the
    message. Backups, the lock and caches stay out of git (.gitignore). `careerpath config
    set git off` stops the commits."""
    from careerpath.cli.config import set_value
    from careerpath.cli.recording import plain
    from careerpath.core import config
    from careerpath.storage import git

    home = home_of(ctx)
    if not git.available():
        raise CareerpathError(
            "git is not installed (or not on your PATH), so careerpath cannot keep your "
            "home in git",
            hint="Install git (https://git-scm.com), then run `careerpath git init` again.",
        )
    with home.lock("git init"):
        home.keep_out_of_git()
        try:
            created = git.init(home.root)
            # Files a repository made by hand may already track: no longer followed.
            git.run(home.root, "rm", "-r", "-q", "--cached", "--ignore-unmatch", *git.OWN_FILES)
            committed = git.commit_all(home.root, "careerpath git init")
        except git.GitFailed as error:
            raise CareerpathError(f"git refused: {error}") from None
    set_value("git", True)
    console = out_console()
    if created:
        console.print(plain(f"{home.root} is now a git repository."))
    else:
        console.print(plain(f"{home.root} was a git repository already."))
    if committed:
        console.print(plain("Committed what is in it: `git log` shows it."))
    console.print(
        plain(
            "careerpath now commits after every change (in each home that is a git repository; "
            "`careerpath config set git off` stops it)."
        )
    )
    if config.source("git").startswith("$"):
        console.print(
            plain(f"Note: ${config.KEYS['git'].env} is set and wins while it is."), style="yellow"
        )
