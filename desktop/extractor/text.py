"""The layout of a body: lines, sentences, headings and the lead.

Computed once per document so every later step asks "which sentence / line is
this offset in?" with a binary search.

Example::

    >>> lay = Layout("Title line\\n\\nOp. Kaiser ran. It worked.\\n")
    >>> lay.sentence_text(lay.text, lay.sentence_of(15)).strip()
    'Op. Kaiser ran.'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

_ABBREV = ("Op", "Mr", "Mrs", "Ms", "Dr", "Det", "Ch", "Supt", "Insp", "Sgt", "Con", "PC", "St", "No", "Cllr",
           "Gov", "DC", "DS", "DI", "DCI", "ACC", "DCC", "Prof", "Rev", "Lt", "Col", "Gen", "Jan", "Feb", "Mar",
           "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "vs", "etc", "op", "no")
# one look-behind per abbreviation length (a look-behind must have one width)
_NOT_ABBREV = "".join(rf"(?<!\b(?:{'|'.join(sorted({a for a in _ABBREV if len(a) == n}))})\.)"
                      for n in sorted({len(a) for a in _ABBREV}))
# Opens with a character class (the engine skips to the few places one of them stands); a newline
# always ends a sentence, a stop only when it ends no abbreviation and a capital or a figure follows.
_AFTER_STOP = rf"{_NOT_ABBREV}[\"”’)]*[^\S\n]+(?=[A-Z0-9“\"‘'£$€(•*–—-])"
_BOUNDARY = re.compile(rf"[.!?\n](?:(?<=\n)|{_AFTER_STOP})")
#: ``_BOUNDARY`` at a full stop (its first character a literal: scanned for in C, not tested by class)
_FULL_STOP = re.compile(rf"\.{_AFTER_STOP}")
_NEWLINE = re.compile("\n")
#: what may follow a stop that ends a sentence, besides a blank (``[\"”’)]`` in ``_BOUNDARY``)
_CLOSERS = frozenset('"”’)')
#: the last characters of a line of prose (a line has no newline, so ``[.!?:;"”’)]$`` means this)
_SUBSTANTIVE_END = tuple('.!?:;"”’)')
_CAPWORD = re.compile(r"[A-Za-z][\w’'-]*")


_ASCII_BYTES = bytes(range(128))


def lowercase(text: str) -> str:
    """``text.lower()`` with every offset kept (a character whose lowercase is longer stays as it is).

    A release is mostly ASCII, but one curly quote makes ``str.lower`` take its slow path for every
    character. When no character outside ASCII changes case (the usual curly quotes, dashes and
    symbols), lowering is only A-Z to a-z, and ``bytes.lower`` of the UTF-8 does that: every byte of
    a character outside ASCII is 0x80 or above, so it is left alone.
    """
    if not text.isascii():
        utf8 = text.encode("utf-8", "surrogatepass")
        rest = utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")  # the characters outside ASCII
        if rest.lower() == rest:
            return utf8.lower().decode("utf-8", "surrogatepass")
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _sentence_ends(text: str, line_starts: list[int]) -> list[int]:
    """Where the matches of ``_BOUNDARY`` end, in order: every newline, and each stop that matches.

    The same as ``_BOUNDARY.finditer`` (no match can hold another one's first character),
    but the stops are found with ``str.find``: cheaper than testing every character for
    the four of them.
    """
    # full stops, the usual kind, by one scan of a pattern that opens with the literal: the engine
    # skips from one "." to the next in C and no stop costs a Python step (the same places: a match
    # is the stop, closers and blanks, so it holds no other stop)
    ends = [m.end() for m in _FULL_STOP.finditer(text)]
    match, find = _BOUNDARY.match, text.find
    for stop in "!?":
        i = find(stop)
        while i >= 0:
            # a stop ends a sentence only before a closing quote or bracket or a blank ("2.5", "www.":
            # no); the test is the pattern's own, made without the cost of calling it
            nxt = text[i + 1:i + 2]
            if nxt in _CLOSERS or (nxt.isspace() and nxt != "\n"):
                m = match(text, i)
                if m is not None:
                    ends.append(m.end())
            i = find(stop, i + 1)
    if not ends:
        return line_starts[1:]
    ends.extend(line_starts[1:])
    ends.sort()
    return ends


class Layout:
    """Line and sentence boundaries of ``text``; ``lead_end`` is where the lead stops.

    :param text: the document body
    :param lead_lines: how many lines of prose make the lead (headings do not count)
    """

    def __init__(self, text: str, lead_lines: int = 3):
        self.text = text
        self.lower = lowercase(text)
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self.sentence_starts = [0] + _sentence_ends(text, self.line_starts)
        self._headline: dict[int, bool] = {}
        self.lead_end = self._lead_end(lead_lines)

    def line_of(self, offset: int) -> int:
        """The index of the line holding ``offset``."""
        return bisect_right(self.line_starts, offset) - 1

    def line_span(self, index: int) -> tuple[int, int]:
        """``(start, end)`` of line ``index`` (end excludes the newline)."""
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def sentence_of(self, offset: int) -> int:
        """The index of the sentence holding ``offset``."""
        return bisect_right(self.sentence_starts, offset) - 1

    def sentence_span(self, index: int) -> tuple[int, int]:
        """``(start, end)`` of sentence ``index``."""
        start = self.sentence_starts[index]
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def sentence_text(self, text: str, index: int) -> str:
        """The text of sentence ``index``."""
        start, end = self.sentence_span(index)
        return text[start:end]

    def is_headline_case(self, offset: int) -> bool:
        """Whether the line at ``offset`` is a headline in Title Case ("Police Operation Seizes Dozens")."""
        index = self.line_of(offset)
        if index not in self._headline:
            start, end = self.line_span(index)
            if self.text[start:end].rstrip(" *\t").endswith((".", "!", "?", ":")):
                self._headline[index] = False  # a sentence, not a headline (decided before counting words)
            else:
                words = [w for w in _CAPWORD.findall(self.text, start, end) if len(w) > 3]
                caps = sum(1 for w in words if w[0].isupper())
                self._headline[index] = len(words) >= 4 and caps >= 0.75 * len(words)
        return self._headline[index]

    def _lead_end(self, lead_lines: int) -> int:
        seen = 0
        for i in range(len(self.line_starts)):
            start, end = self.line_span(i)
            line = self.text[start:end].strip(" \t*#•–—-_")
            if not line:
                continue
            if line.endswith(_SUBSTANTIVE_END) or len(line) >= 160:
                seen += 1
                if seen >= lead_lines:
                    return end
        return len(self.text)


_TRIGGER_RES: dict = {}
#: Up to this many triggers, each is found with ``str.find``: a scan whose first character may
#: be any of many costs more than a few substring searches.
_FIND_AT_MOST = 4


def windows(text: str, triggers: tuple[str, ...], back: int, ahead: int) -> list[tuple[int, int]]:
    """Merged ``(start, end)`` windows around every occurrence of any trigger in ``text``.

    Lets a costly pattern run only where its cheap, literal trigger occurs. Up to
    ``_FIND_AT_MOST`` triggers are found with ``str.find``; more with one alternation.

    :param text: the text
    :param triggers: literals, matched case-sensitively
    :param back: characters kept before a trigger
    :param ahead: characters kept after it
    """
    if len(triggers) <= _FIND_AT_MOST:
        hits = []
        find = text.find
        for trigger in triggers:
            size = len(trigger)
            i = find(trigger)
            while i >= 0:
                hits.append((i, i + size))
                i = find(trigger, i + size)
        if len(triggers) > 1:
            hits.sort()
    else:
        found = _TRIGGER_RES.get(triggers)
        if found is None:
            found = _TRIGGER_RES[triggers] = _by_first_character(triggers) or re.compile(
                "|".join(re.escape(t) for t in sorted(triggers, key=len, reverse=True)))
        hits = _first_character_hits(text, found) if type(found) is tuple else [m.span() for m in found.finditer(text)]
    n = len(text)
    merged: list[tuple[int, int]] = []
    cs = ce = -1  # the window being merged (none yet)
    for hs, he in hits:
        s, e = hs - back if hs > back else 0, he + ahead if he + ahead < n else n
        if ce >= 0 and s <= ce:
            if e > ce:
                ce = e
        else:
            if ce >= 0:
                merged.append((cs, ce))
            cs, ce = s, e
    if ce >= 0:
        merged.append((cs, ce))
    return merged


def _by_first_character(triggers: tuple[str, ...]) -> Optional[tuple]:
    """``((first character, its triggers, their length), ...)`` when the alternation of ``triggers``
    can be found by their first characters instead, else ``None``.

    The alternation's ``finditer`` tests a class of first characters at every character of the text
    (a call into the charset test each: about 45 instructions a character on a UCS-2 text). When no
    trigger holds any trigger's first character after its own first, two hits cannot overlap and
    every place a first character stands is a hit exactly when a trigger starts there; when the
    triggers sharing a first character have one length, which of them matched does not move the end.
    Then one ``str.find`` a first character (the month names: eight capitals) and a ``startswith``
    at each place give the same hits.
    """
    firsts = {t[0] for t in triggers}
    if len(firsts) > 8 or any(c in firsts for t in triggers for c in t[1:]):
        return None
    groups = []
    for first in sorted(firsts):
        group = tuple(sorted(t for t in triggers if t[0] == first))
        if len({len(t) for t in group}) != 1:
            return None
        groups.append((first, group, len(group[0])))
    return tuple(groups)


def _first_character_hits(text: str, groups: tuple) -> list[tuple[int, int]]:
    """The spans of the triggers in ``groups`` (:func:`_by_first_character`) in ``text``, in order."""
    hits = []
    find, starts = text.find, text.startswith
    for first, group, size in groups:
        i = find(first)
        while i >= 0:
            if starts(group, i):
                hits.append((i, i + size))
            i = find(first, i + 1)
    hits.sort()
    return hits


def scan(regex, text: str, triggers: tuple[str, ...], back: int = 80, ahead: int = 80):
    """``regex.finditer`` over ``text``, but only in windows around ``triggers`` (all of it when none)."""
    if not triggers:
        yield from regex.finditer(text)
        return
    last = -1
    for s, e in windows(text, triggers, back, ahead):
        for m in regex.finditer(text, s, e):
            if m.start() >= last:
                last = m.end()
                yield m
