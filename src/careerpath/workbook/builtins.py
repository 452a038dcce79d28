"""Where the workbook definitions that ship with careerpath are, and their names.

Apart from ``definition`` (which validates definitions with pydantic, slow to import) so that
completing at the shell's TAB can find them quickly.
"""

from __future__ import annotations

from pathlib import Path

BUILTIN = "default"


def builtin_dir() -> Path:
    """Where the shipped workbook definitions are.

    In an installed wheel they sit inside the package (``careerpath/workbooks``, see
    pyproject's force-include); in a source checkout or editable install, at the repo root.
    """
    packaged = Path(__file__).parents[1] / "workbooks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "workbooks"


def builtin_names() -> list[str]:
    return sorted(path.stem for path in builtin_dir().glob("*.toml"))
