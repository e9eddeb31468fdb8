"""Document fields (title, published, publisher, url, area) from a body and its front matter.

Example::

    >>> document_fields("Jan 05, 2021 16:23 GMT\\n\\nText", {"title": "T"})["published"]
    '2021-01-05'
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Optional

from desktop.textrules import clean_text, iso_date

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
_DATELINE = re.compile(
    r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2}),\s+(?P<year>(?:19|20)\d\d)\b")
_DATELINE_DMY = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<year>(?:19|20)\d\d)\b")


def find_dateline(text: str) -> Optional[str]:
    """The first date written like ``Jan 05, 2021`` or ``5 January 2021`` in ``text``, as ISO."""
    for pattern in (_DATELINE, _DATELINE_DMY):
        m = pattern.search(text)
        if m:
            try:
                return _dt.date(int(m["year"]), _MONTHS[m["mon"][:3].lower()], int(m["day"])).isoformat()
            except ValueError:
                continue
    return None


def _get(fm: dict, *keys: str) -> Any:
    for key in keys:
        node: Any = fm
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node not in (None, ""):
            return node
    return None


def _first_line(body: str) -> Optional[str]:
    """The first line with more than `` #*`` and tabs in it, stripped of them; read from the first
    2 KB when the line ends there, so a long body is not split whole for its title."""
    chunk = body[:2048]
    lines = chunk.splitlines()
    for line in lines if len(chunk) == len(body) else lines[:-1]:  # the last may be cut short
        if line.strip(" #*\t"):
            return line.strip(" #*\t")
    if len(chunk) == len(body):
        return None
    return next((line.strip(" #*\t") for line in body.splitlines() if line.strip(" #*\t")), None)


def document_fields(body: str, front_matter: dict) -> dict:
    """Title, published (ISO), publisher, url and area.

    :param body: the document text with front matter removed
    :param front_matter: the parsed front matter (may be empty)
    """
    return fields_and_notes(body, front_matter)[0]


def fields_and_notes(body: str, front_matter: dict) -> tuple[dict, list[str]]:
    """Like :func:`document_fields`, with notes for the import report: a date that is not one
    (left empty), a field cut to length or stripped of control characters
    (:func:`desktop.textrules.clean_text`, the rule a reviewer's edits follow too)."""
    fm = front_matter if isinstance(front_matter, dict) else {}
    notes: list[str] = []
    title = _get(fm, "title", "og.title")
    if not title:
        first = _first_line(body)
        title = first[:300] if first else None
    raw_date = _get(fm, "published", "date", "published_at", "article.published_time")
    published = _front_date(raw_date, notes)
    if raw_date is None:
        published = find_dateline(body[:2000])
    fields = {"title": title, "published": published,
              "publisher": _get(fm, "publisher", "pressroom.name", "source", "og.site.name", "site_name"),
              "url": _get(fm, "url", "og.url", "canonical"), "area": _get(fm, "area", "force")}
    for name in ("title", "publisher", "url", "area"):
        if fields[name] is not None:
            fields[name], problems = clean_text(name, str(fields[name]))
            notes += problems
    return fields, notes


def _front_date(value: Any, notes: list[str]) -> Optional[str]:
    """The front matter's date as ISO; a value that is not a real date is left empty, with a note."""
    if value is None:
        return None
    if isinstance(value, str) and not value.lstrip()[:1].isdigit():
        found = find_dateline(value)  # "Jan 05, 2021 16:23 GMT"
        if found:
            return found
    try:
        return iso_date(value)
    except ValueError as exc:
        notes.append(f"published date left empty: {exc}")
        return None
