"""A figure's value as a reviewer types it, or as the extractor reads it: checked once, here.

A value is a finite number no larger than :data:`MAX_FIGURE` in size (1e15: past that it is
not a count of arrests or pounds seized, and a float no longer holds every digit). Typed text
may carry a currency sign and commas, but commas only as thousands separators in groups of
three (``1,825``, ``1,825.50``); ``12,5`` or ``1.825,50`` are refused with a message rather than
read as 125 or 1.8255.

Example::

    >>> clean_number("£1,825.50")
    1825.5
    >>> clean_number("12,5")
    Traceback (most recent call last):
    ValueError: '12,5': commas may only separate thousands (1,825 or 1,825.5); write decimals with a point
"""

from __future__ import annotations

import math
import re
from typing import Any, Optional, Union

#: The largest figure a metric may hold (in absolute value).
MAX_FIGURE = 1e15

_CURRENCY = "£€$"
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def is_figure(value: Any) -> bool:
    """Whether ``value`` is a number a metric may hold: finite and at most :data:`MAX_FIGURE` in size."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value) and abs(value) <= MAX_FIGURE
    except OverflowError:  # an int too large for a float
        return False


def clean_number(value: Any) -> Optional[Union[int, float]]:
    """A typed or stored value as ``int``/``float`` (``None`` when empty); ``ValueError`` with a message."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = _parse(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("the value must be a number")
    if not is_figure(value):
        if isinstance(value, float) and math.isnan(value):
            raise ValueError("the value must be a finite number")
        raise ValueError(f"the value must be a finite number no larger than {MAX_FIGURE:,.0f}")
    if value == 0:
        value = 0.0  # no negative zero
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else float(value)


def _parse(typed: str) -> float:
    text = typed.strip()
    for sign in _CURRENCY:
        text = text.replace(sign, "")
    text = text.strip()
    if "," in text:
        if not _THOUSANDS.fullmatch(text):
            raise ValueError(f"{typed[:40]!r}: commas may only separate thousands (1,825 or 1,825.5); "
                             "write decimals with a point")
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{typed[:40]!r} is not a number") from None
