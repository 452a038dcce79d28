"""The person's income floor as the occupation commands mark it (`occupations show`,
`explore`): read from exploration's answers file alone, without parsing the workbook's
definition or importing the exercises, since these commands start often and only mark it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerpath.workbook.home import Home


def income_floor_answer(home: Home) -> dict[str, Any] | None:
    """The person's income floor as answered in exploration (amount, currency, period), or
    ``None`` when there is none yet, no workbook, or an answer of another shape (a hand edit
    `careerpath doctor` would name)."""
    path = home.stage_file("exploration")
    if not path.is_file():
        return None
    from careerpath.storage import tomlio

    answers, _ = tomlio.read(path)
    answer = answers.get("income_floor")
    if not isinstance(answer, dict):
        return None
    amount, currency = answer.get("amount"), answer.get("currency")
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return None
    return answer if isinstance(currency, str) else None


def usd_floor(home: Home) -> tuple[float | None, list[str]]:
    """The income floor in USD, or ``None`` with a note saying why pay was not used."""
    answer = income_floor_answer(home)
    if answer is None:
        return None, ["Pay was not used: no income floor yet (exploration)."]
    if answer.get("currency") != "USD":
        return None, [
            f"Pay was not used: your floor is in {answer.get('currency')}, the pack's pay is "
            "U.S. pay in USD."
        ]
    return float(answer["amount"]), []
