"""``careerpath edit``: a stage file in the person's editor, checked when the editor closes.

An invalid file is never left behind silently: the person reopens it to fix it, or the
version from before comes back (their edited copy is kept in ``.backups`` so no typing is lost).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from datetime import datetime

from rich.console import Console
from rich.markup import escape

from careerpath.core.errors import CareerpathError, InvalidFiles, NotFound
from careerpath.core.values import plural
from careerpath.storage import tomlio
from careerpath.workbook import definition
from careerpath.workbook.definition import StageDefinition
from careerpath.workbook.home import Home
from careerpath.workbook.prompts import Prompter

REOPEN = "Open it again and fix it"
RESTORE = "Put back the version from before (your edited copy is kept in .backups)"


def find_editor() -> list[str]:
    """``$VISUAL``, then ``$EDITOR``, then a common editor found on this machine."""
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if chosen:
        return shlex.split(chosen, posix=os.name == "posix")
    for candidate in ("notepad",) if os.name == "nt" else ("nano", "vim", "vi"):
        if shutil.which(candidate):
            return [candidate]
    raise NotFound(
        "no text editor found",
        hint="Set one, e.g. `export EDITOR=nano`, or edit the file directly and run "
        "`careerpath doctor`.",
    )


def edit_stage(home: Home, stage: StageDefinition, prompter: Prompter, console: Console) -> None:
    path = home.stage_file(stage.id)
    before = path.read_text(encoding="utf-8") if path.exists() else None
    if before is None:
        tomlio.write_atomic(path, definition.stage_fill_in(stage))
    else:
        home.back_up(path)
    editor = find_editor()
    try:
        while True:
            run_editor(editor, str(path))
            try:
                answers = home.read_answers(stage)
            except InvalidFiles as error:
                console.print("[red]The file has problems:[/red]")
                for problem in error.problems:
                    console.print(f"  {escape(str(problem))}", soft_wrap=True)
                if prompter.select("What now?", [REOPEN, RESTORE], default=REOPEN) == REOPEN:
                    continue
                _restore(home, stage, before, console)
                return
            count = plural(len(answers), "question")
            console.print(
                f"[green]✓[/green] {escape(stage.title)}: the file is fine ({count} answered)."
            )
            return
    except CareerpathError:  # Ctrl-C at the question, or the editor would not start
        if not _is_valid(home, stage):
            _restore(home, stage, before, console)
        raise


def run_editor(editor: list[str], path: str) -> None:
    """Open ``path`` in ``editor`` and wait; an editor that will not start is a clear error."""
    try:
        subprocess.run([*editor, path], check=False)
    except OSError as error:
        raise NotFound(
            f"cannot start the editor {' '.join(editor)!r} ({error.strerror})",
            hint="Set $EDITOR to an editor you have, e.g. `export EDITOR=nano`.",
        ) from None


def _is_valid(home: Home, stage: StageDefinition) -> bool:
    try:
        home.read_answers(stage)
    except InvalidFiles:
        return False
    return True


def _restore(home: Home, stage: StageDefinition, before: str | None, console: Console) -> None:
    """Keep the broken edit in .backups and put the earlier version back."""
    path = home.stage_file(stage.id)
    tomlio.ensure_dir(home.backups_dir)
    kept = home.backups_dir / f"{stage.id}.toml.edited-{datetime.now():%Y%m%d-%H%M%S}"
    shutil.copy2(path, kept)
    os.chmod(kept, tomlio.FILE_MODE)
    if before is None:
        path.unlink()
    else:
        tomlio.write_atomic(path, before)
    console.print(
        f"Put back the version from before. Your edited copy is kept in {escape(str(kept))}."
    )
