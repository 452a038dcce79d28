"""Occupations that fit a person: the pack's occupations ranked against their interests, then
the preparation they are open to, their income floor and their work values.

The method, in order of weight:

1. **Interests**: the Pearson correlation between the person's six RIASEC scores and the
   occupation's six (O*NET® 1–7 scale; correlation ignores the difference in scale). Ranked
   in steps of 0.1, so that what follows decides between near-equals.
2. **High-point code** (tie-breaker): how many of the person's first two letters are among
   the occupation's first two.
3. **Preparation**: among near-equals, an occupation within the job zone the person would
   reach comes first. (Before the work values: tried as a person would, a list whose top
   half asked for more schooling than they had said they would take on read as "not for
   you"; it stays in the list, after what is within reach, and says so.)
4. **Income floor**, only when the floor is in USD (the pack's pay is U.S. pay in USD): a
   median at or above the floor comes first. In any other currency pay is not used.
5. **Work values**: the correlation between the person's order (6 = most important … 1) and
   the occupation's six values.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from careerpath.core.errors import InvalidInput

if TYPE_CHECKING:
    from careerpath.occupations import Fit

STEP = 0.1


class Suggestion(NamedTuple):
    code: str
    title: str
    interest_fit: float
    """Correlation of interests, −1 to 1."""
    interest_code: str
    values_fit: float | None
    job_zone: int | None
    within_reach: bool | None
    """``None`` when the person has not said how much preparation they would take on."""
    median_pay: int | None
    above_floor: bool | None
    """``None`` when pay was not used (no floor, or a floor in another currency)."""


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r; ``None`` when either side does not vary."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def _against(xs: Sequence[float]) -> tuple[list[float], float] | None:
    """``xs`` centred, and its norm: one side of many correlations, worked out once."""
    mean = sum(xs) / len(xs)
    centred = [x - mean for x in xs]
    norm = math.sqrt(sum(c * c for c in centred))
    return (centred, norm) if norm else None


def _r(side: tuple[list[float], float], ys: Sequence[float]) -> float | None:
    centred, norm = side
    mean = sum(ys) / len(ys)
    dev = [y - mean for y in ys]
    other = math.sqrt(sum(d * d for d in dev))
    if not other:
        return None
    return sum(c * d for c, d in zip(centred, dev, strict=True)) / (norm * other)


def suggest(
    fits: Sequence[Fit],
    scores: dict[str, int],
    values: dict[str, int] | None = None,
    max_zone: int | None = None,
    floor_usd: float | None = None,
) -> list[Suggestion]:
    """Every occupation in ``fits``, best fit first (see the module's method).

    Raises:
        InvalidInput: the six interest scores are all equal, so no interest stands out.
    """
    letters = list(scores)
    person = _against([scores[letter] for letter in letters])
    if person is None:
        raise InvalidInput(
            "your six interest scores are all the same, so no occupation fits better than another",
            hint="Take the inventory again with `careerpath interests --again`, keeping "
            "'Like' for what you would really enjoy.",
        )
    wanted = _against(list(values.values())) if values else None
    top_two = set(sorted(letters, key=lambda letter: -scores[letter])[:2])
    found = []
    for fit in fits:
        r = _r(person, [fit.interests[letter] for letter in letters]) or 0.0
        values_r = None
        if values:
            names = [name for name in values if name in fit.work_values]
            if len(names) == len(values) and wanted is not None:
                values_r = _r(wanted, [fit.work_values[n] for n in names])
            elif len(names) >= 3:
                values_r = correlation(
                    [values[n] for n in names], [fit.work_values[n] for n in names]
                )
        reach = None if max_zone is None or fit.job_zone is None else fit.job_zone <= max_zone
        above = None if floor_usd is None or fit.median_pay is None else fit.median_pay >= floor_usd
        found.append(
            Suggestion(
                fit.code,
                fit.title,
                round(r, 2),
                fit.interest_code,
                None if values_r is None else round(values_r, 2),
                fit.job_zone,
                reach,
                fit.median_pay,
                above,
            )
        )
    agreement = {fit.code: len(top_two & set(fit.interest_code[:2])) for fit in fits}

    def key(s: Suggestion) -> tuple[float, ...]:
        return (
            -math.floor(s.interest_fit / STEP + 1e-9),
            -agreement[s.code],
            0 if s.within_reach is not False else 1,
            0 if s.above_floor is not False else 1,
            -(s.values_fit if s.values_fit is not None else -1.0),
            -s.interest_fit,
        )

    return sorted(found, key=key)


def keep(
    suggestions: Sequence[Suggestion],
    zones: Sequence[int] = (),
    min_pay: float | None = None,
    type_letter: str | None = None,
) -> list[Suggestion]:
    """The suggestions that pass the filters: job zones, a national median of at least
    ``min_pay`` USD, a type among the occupation's first two high points."""
    return [
        s
        for s in suggestions
        if (not zones or s.job_zone in zones)
        and (min_pay is None or (s.median_pay is not None and s.median_pay >= min_pay))
        and (type_letter is None or type_letter in s.interest_code[:2])
    ]
