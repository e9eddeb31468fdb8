"""Document fields (title, published, publisher, url, area) from a body and its front matter.

Example::

    >>> document_fields("Jan 05, 2021 16:23 GMT\\n\\nText", {"title": "T"})["published"]
    '2021-01-05'
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Optional

_MONTHS = {m.lower(): i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
_DATELINE = re.compile(
    r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2}),\s+(?P<year>(?:19|20)\d\d)\b")
_DATELINE_DMY = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<year>(?:19|20)\d\d)\b")


def _iso(value: Any) -> Optional[str]:
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        m = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
        if m:
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return None
        return find_dateline(value)
    return None


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


def document_fields(body: str, front_matter: dict) -> dict:
    """Title, published (ISO), publisher, url and area.

    :param body: the document text with front matter removed
    :param front_matter: the parsed front matter (may be empty)
    """
    fm = front_matter if isinstance(front_matter, dict) else {}
    title = _get(fm, "title", "og.title")
    if not title:
        first = next((line.strip(" #*\t") for line in body.splitlines() if line.strip(" #*\t")), None)
        title = first[:300] if first else None
    published = _iso(_get(fm, "published", "date", "published_at", "article.published_time"))
    if not published:
        published = find_dateline(body[:2000])
    publisher = _get(fm, "publisher", "pressroom.name", "source", "og.site.name", "site_name")
    url = _get(fm, "url", "og.url", "canonical")
    area = _get(fm, "area", "force")
    return {
        "title": str(title) if title is not None else None,
        "published": published,
        "publisher": str(publisher) if publisher is not None else None,
        "url": str(url) if url is not None else None,
        "area": str(area) if area is not None else None,
    }
