"""One rule for every text field and every date, whichever door a value comes in by.

A document's title, publisher, url and area (from front matter, an HTML title or a reviewer's
edit) and a row's subject, operation, unit and evidence follow the same rule: control
characters (NUL, escape, the C1 range, DEL) are removed, one-line fields have their
whitespace folded to single spaces, and at most :data:`MAX_TEXT` characters are kept. A date
is ``YYYY-MM-DD``, or an ISO date-time that starts with one; nothing else, and no trailing junk.

A typed value that breaks the length rule is refused (the reviewer can shorten it); an imported
one is cut, and the import report says so. Both doors call :func:`clean_text`.

Example::

    >>> clean_text("title", "Op\\x1b[31m Harrier\\x00\\n now")
    ('Op[31m Harrier now', [])
    >>> iso_date("2021-02-30")
    Traceback (most recent call last):
    ValueError: '2021-02-30' is not a real date (use YYYY-MM-DD)
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Optional

#: The longest text a field keeps (a title, a subject, an evidence quote...).
MAX_TEXT = 2000
#: Fields that hold one line: newlines and runs of spaces become one space.
ONE_LINE = frozenset({"name", "unit", "category", "qualifier", "duration", "operation", "title", "publisher",
                      "url", "area", "subject", "start", "end", "published"})
_ISO_START = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def _table(keep: str) -> dict[int, Optional[str]]:
    """A ``str.translate`` table for the control characters (Unicode category Cc: C0, DEL, C1)."""
    controls = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]]
    return {ord(ch): (" " if ch.isspace() else None) for ch in controls if ch not in keep}


_ONE_LINE_TABLE = _table("")
_LINES_TABLE = _table("\t\n")
#: Any character ``_LINES_TABLE`` changes: a text with newlines is never ``isprintable()``, and
#: ``translate`` looks every character up in a dict (0.2-0.4 ms a release); a search finds none in C.
_LINES_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_LINES_TABLE)) + "]")


def strip_controls(text: str, keep_lines: bool = False) -> str:
    """``text`` without control characters: tab and newline stay when ``keep_lines``, other
    whitespace controls become a space, the rest (NUL, escape, DEL, C1) are removed."""
    if text.isprintable() or (keep_lines and not _LINES_CONTROLS.search(text)):
        return text
    return text.translate(_LINES_TABLE if keep_lines else _ONE_LINE_TABLE)


def clean_text(field: str, value: str) -> tuple[Optional[str], list[str]]:
    """``value`` made fit for ``field``, and what was done to it that a person should know.

    :returns: ``(text or None when empty, notes)``; a note is given when the text was cut
    """
    notes: list[str] = []
    one_line = field in ONE_LINE
    text = strip_controls(value, keep_lines=not one_line)
    if len(text) != len(value):
        notes.append(f"{field}: control characters removed")
    text = " ".join(text.split()) if one_line else text.strip()
    if len(text) > MAX_TEXT:
        notes.append(f"{field} is {len(text):,} characters long: cut to {MAX_TEXT:,}")
        text = text[:MAX_TEXT].rstrip()
    return text or None, notes


def too_long(field: str, text: str) -> Optional[str]:
    """The message refusing a typed ``text`` longer than the rule allows, or ``None``."""
    if len(text) > MAX_TEXT:
        return f"{field} is {len(text):,} characters long; at most {MAX_TEXT:,} are kept"
    return None


def iso_date(value: Any) -> Optional[str]:
    """``value`` as an ISO date, ``None`` when empty; raises ``ValueError`` for anything else.

    Accepts a ``date``/``datetime``, ``YYYY-MM-DD``, or an ISO date-time starting with it
    (``2021-01-05T16:23:00Z``). Refuses dates that do not exist and text with junk after the date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = " ".join(strip_controls(str(value)).split())
    shown = text[:40]
    m = _ISO_START.match(text)
    if m:
        try:
            day = _dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise ValueError(f"{shown!r} is not a real date (use YYYY-MM-DD)") from None
        rest = text[m.end():]
        if not rest or _is_time(rest):
            return day.isoformat()
    raise ValueError(f"{shown!r} is not a date (use YYYY-MM-DD)")


def _is_time(rest: str) -> bool:
    if rest[0] not in "T ":
        return False
    try:
        _dt.datetime.fromisoformat("2000-01-01T" + rest[1:].strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
