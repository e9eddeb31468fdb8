"""Dates and date ranges in release prose, with the year inferred from the published date.

Understands "from Monday, 30 November to Sunday, 3 January", "between October 11 and 17",
"November 9 to November 15", "November 9-15", "15-21 May", "(23 June-29 June)",
"on Saturday, 18 April", "Monday 3 October to Sunday 9 October 2022".

Example::

    >>> [d.resolve("2021-01-05") for d in find_dates("ran from Monday, 30 November to Sunday, 3 January")]
    [('2020-11-30', '2021-01-03')]
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, Optional

from desktop.extractor.text import windows

MONTHS = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], 1) for name in names}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[^\S\n]+)?"
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?:,?[^\S\n]+(?:19|20)\d\d\b)"
_TO = r"[^\S\n]*(?:-|–|—|to|until|till|and)[^\S\n]*"
_S = r"[^\S\n]+"

_DIGITS = re.compile(r"\d+")
_YEAR4 = re.compile(r"\d{4}")
DATE_RE = re.compile(
    # every date opens with a digit, a weekday or a month: the look-ahead refuses other places at once
    r"(?=[0-9MTWFSJAOND])(?:"
    # 30 November (2020)? to (Sunday,)? 3 January (2021)? | 15-21 May (2020)?
    rf"(?P<a>{_WD}(?P<a_d1>{_D})(?:{_S}(?:of{_S})?(?P<a_m1>{_MON})(?P<a_y1>{_Y})?)?{_TO}{_WD}(?P<a_d2>{_D}){_S}(?:of{_S})?(?P<a_m2>{_MON})(?P<a_y2>{_Y})?)"
    # November 9 (2020)? to (November)? 15 (2020)? | February 27 and March 5
    rf"|(?P<b>{_WD}(?P<b_m1>{_MON}){_S}(?P<b_d1>{_D})(?P<b_y1>{_Y})?{_TO}{_WD}(?:(?P<b_m2>{_MON}){_S})?(?P<b_d2>{_D})(?![\d:])(?P<b_y2>{_Y})?)"
    # Saturday, 18 April (2020)?
    rf"|(?P<c>{_WD}(?P<c_d>{_D}){_S}(?:of{_S})?(?P<c_m>{_MON})(?P<c_y>{_Y})?)"
    # April 18(, 2020)?
    rf"|(?P<e>{_WD}(?P<e_m>{_MON}){_S}(?P<e_d>{_D})(?![\d:])(?P<e_y>{_Y})?)"
    # October 2016
    rf"|(?P<f>(?P<f_m>{_MON}){_S}(?P<f_y>(?:19|20)\d\d)\b))",
)


_TRIGGERS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month(text: Optional[str]) -> Optional[int]:
    return MONTHS.get(text.lower().rstrip(".")) if text else None


def _day(text: Optional[str]) -> Optional[int]:
    return int(_DIGITS.match(text).group()) if text else None


def _year(text: Optional[str]) -> Optional[int]:
    return int(_YEAR4.search(text).group()) if text else None


class DateMention:
    """A date or a date range written in a text (month/day, years when written)."""

    __slots__ = ("start", "end", "m1", "d1", "y1", "m2", "d2", "y2")

    def __init__(self, start, end, m1, d1, y1, m2, d2, y2):
        self.start, self.end = start, end
        self.m1, self.d1, self.y1, self.m2, self.d2, self.y2 = m1, d1, y1, m2, d2, y2

    @property
    def is_range(self) -> bool:
        return (self.m2, self.d2) != (self.m1, self.d1)

    @property
    def has_day(self) -> bool:
        return self.d1 is not None

    def resolve(self, published: Optional[str]) -> Optional[tuple[str, str]]:
        """ISO ``(start, end)``; the missing year is inferred from ``published``.

        The end takes the year that puts it nearest the published date; the start
        takes the end's year, or the year before when its month/day come later
        (a range across a year end). ``None`` when no year is known.

        :param published: the release's ISO date, or ``None``
        """
        if self.d1 is None:
            return None
        pub = _parse_iso(published)
        y2 = self.y2 or self.y1
        if y2 is None:
            if pub is None:
                return None
            y2 = _nearest_year(pub, self.m2, self.d2)
        y1 = self.y1
        if y1 is None:
            y1 = y2 if (self.m1, self.d1) <= (self.m2, self.d2) else y2 - 1
        try:
            return dt.date(y1, self.m1, self.d1).isoformat(), dt.date(y2, self.m2, self.d2).isoformat()
        except (ValueError, TypeError):
            return None


def _parse_iso(text: Optional[str]) -> Optional[dt.date]:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _nearest_year(pub: dt.date, month: int, day: int) -> int:
    best = pub.year
    best_gap = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            gap = abs((dt.date(year, month, day) - pub).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def find_dates(text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[DateMention]:
    """Every date, date range and month-year in ``text[pos:endpos]``, in order.

    :param text: the text
    :param pos: where to start
    :param endpos: where to stop (default: the end)
    """
    endpos = len(text) if endpos is None else endpos
    for s, e in windows(text, _TRIGGERS, 48, 40):
        s, e = s if s > pos else pos, e if e < endpos else endpos
        if s >= e:
            continue
        for m in DATE_RE.finditer(text, s, e):
            kind = m.lastgroup if m.lastgroup in ("a", "b", "c", "e", "f") else _kind(m)
            yield _mention(m, kind)


def _kind(m: re.Match) -> str:
    for k in ("a", "b", "c", "e", "f"):
        if m.group(k):
            return k
    return "f"  # pragma: no cover


def _mention(m: re.Match, kind: str) -> DateMention:
    g = m.group
    if kind == "a":
        m2 = _month(g("a_m2"))
        return DateMention(m.start(), m.end(), _month(g("a_m1")) or m2, _day(g("a_d1")), _year(g("a_y1")),
                           m2, _day(g("a_d2")), _year(g("a_y2")))
    if kind == "b":
        m1 = _month(g("b_m1"))
        return DateMention(m.start(), m.end(), m1, _day(g("b_d1")), _year(g("b_y1")),
                           _month(g("b_m2")) or m1, _day(g("b_d2")), _year(g("b_y2")))
    if kind == "c":
        mo, d, y = _month(g("c_m")), _day(g("c_d")), _year(g("c_y"))
        return DateMention(m.start(), m.end(), mo, d, y, mo, d, y)
    if kind == "e":
        mo, d, y = _month(g("e_m")), _day(g("e_d")), _year(g("e_y"))
        return DateMention(m.start(), m.end(), mo, d, y, mo, d, y)
    mo, y = _month(g("f_m")), _year(g("f_y"))
    return DateMention(m.start(), m.end(), mo, None, y, mo, None, y)
