"""Where the numbers stand in a release, so that the view can underline those no row cites.

Plain Python (no Qt). A number is a run of digits with thousands separators or a
decimal point ("1,825", "4.5"), or a number word ("three", "a dozen"). Dates and
times are left out: years (1900-2099), clock times ("16:23") and day numbers
next to a month name are not the figures a reviewer is looking for.

Example::

    >>> [(s, e) for s, e in number_spans("313 knives on 3 January 2021")]
    [(0, 3)]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
          "million dozen").split()
_MONTHS = ("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
           "august september october november december").split()
#: Every alternative starts where no word character stands before and a digit or a number word's first
#: letter stands after: the look-around in front only skips, quickly, the places none of them can start
#: (the scan took ~1 ms a release, the checks' and the document switch's largest cost; now a third).
_NUMBER = re.compile(r"(?<!\w)(?=[\d" + "".join(sorted({w[0] for w in _WORDS})) + r"])"
                     r"(?:(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|(?<![\w.,])\d+(?:\.\d+)?(?![\w])"
                     r"|\b(?:" + "|".join(_WORDS) + r")\b)", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"^\s*(?:" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\.?\s*$", re.IGNORECASE)


def _is_date_part(text: str, start: int, end: int) -> bool:
    token = text[start:end]
    if not token[0].isdigit():
        return False
    if len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2099:
        return True
    if text[end:end + 1] == ":" or text[max(0, start - 1):start] == ":":
        return True
    if token.isdigit() and len(token) <= 2:
        return bool(_MONTH_AFTER.match(text[end:end + 12]) or _MONTH_BEFORE.search(text[max(0, start - 11):start]))
    return False


def number_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every number in ``text`` (character offsets), dates and times left out."""
    yield from _spans(text)


@lru_cache(maxsize=4)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """Remembered for the last few texts: the release view and the checks read the same body at a switch."""
    return tuple((m.start(), m.end()) for m in _NUMBER.finditer(text) if not _is_date_part(text, m.start(), m.end()))


def uncited(text: str, cited: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The number spans of ``text`` that overlap none of the ``cited`` ``(start, end)`` spans."""
    spans = sorted(cited)
    out = []
    for start, end in number_spans(text):
        if not any(s < end and start < e for s, e in spans):
            out.append((start, end))
    return out


def first_number(text: str):
    """The first number written in digits in ``text`` as int/float, or ``None``."""
    for match in _NUMBER.finditer(text):
        token = match.group(0).replace(",", "")
        try:
            value = float(token)
        except ValueError:
            continue
        return int(value) if value.is_integer() else value
    return None
