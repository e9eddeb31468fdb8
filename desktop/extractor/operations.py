"""Named operations and campaigns: mentions, normalised names, dates and durations.

A mention is one place where an operation is named ("Op Kaiser", "the Autumn Nights
campaign", "County Lines Intensification Week"). Mentions of one operation share a
``key`` (its name folded: ``Op Kaiser`` and ``Operation Kaiser`` are one).

Example::

    >>> normalise_key("Op. Kaiser") == normalise_key("OPERATION kaiser")
    True
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from typing import Optional

from desktop.domain import Operation
from desktop.extractor.dates import DateMention
from desktop.extractor.text import Layout, scan, windows

_FOLD = re.compile(r"^(?:operation|op\.?)\s+", re.I)
_POSSESSIVE = re.compile(r"[’']s$")


def normalise_key(name: str) -> str:
    """The matching key of an operation name: case folded, ``Op``/``Operation`` removed."""
    return _FOLD.sub("", " ".join(name.split())).strip(" .'’‘\"").lower()


class Mention:
    """One place an operation is named: ``start``/``end`` in the body, its display name and key."""

    __slots__ = ("start", "end", "name", "key", "rule")

    def __init__(self, start: int, end: int, name: str, rule: str):
        self.start, self.end, self.name, self.rule = start, end, name, rule
        self.key = normalise_key(name)


def _clean_words(words: list[str], stop: set[str], trim: str) -> list[str]:
    if trim == "right":
        # keep the run of name words nearest the trigger ("the Met's Autumn Nights campaign")
        kept: list[str] = []
        for w in reversed(words):
            if w in stop or _POSSESSIVE.search(w):
                break
            kept.append(w)
        return list(reversed(kept))
    kept = []
    for w in words:
        if w in stop:
            break
        if _POSSESSIVE.search(w):
            kept.append(_POSSESSIVE.sub("", w))
            break
        kept.append(w)
    return kept


class _Taken:
    """The spans already taken by a mention, sorted, so an overlap test costs a binary search."""

    __slots__ = ("spans", "longest")

    def __init__(self):
        self.spans: list[tuple[int, int]] = []
        self.longest = 0

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a taken span holds ``start``, or begins inside ``[start, end)``."""
        spans = self.spans
        i = bisect_left(spans, (start, -1))
        if i < len(spans) and spans[i][0] < end:
            return True  # a taken span begins inside [start, end)
        k = i - 1
        while k >= 0 and spans[k][0] > start - self.longest:
            if spans[k][1] > start:
                return True  # a taken span holds start
            k -= 1
        return False

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))
        self.longest = max(self.longest, end - start)


def find_mentions(body: str, layout: Layout, rules) -> list[Mention]:
    """Every operation mention in ``body``, in order, skipping headline-case lines.

    :param body: the document text
    :param layout: its lines and sentences
    :param rules: compiled :class:`~desktop.extractor.rules.Rules`
    """
    found: list[Mention] = []
    taken = _Taken()
    for rid, regex, prefix, trim, triggers in rules.op_patterns:
        for m in scan(regex, body, triggers):
            start, end = m.span("name")
            if layout.is_headline_case(start) or taken.overlaps(start, end):
                continue
            words = _clean_words(m.group("name").split(), rules.op_stop_words, trim)
            words = [w.strip("’‘'\"") for w in words]
            words = [w for w in words if w]
            if not words:
                continue
            name = " ".join(words)
            if trim == "right":
                start = end - len(" ".join(m.group("name").split()[-len(words):]))
            full = f"{prefix} {name}".strip() if prefix else name
            if rules.op_exclude_re is not None and rules.op_exclude_re.search(full):
                continue
            found.append(Mention(m.start(), m.end(), full, rid))
            taken.add(m.start(), m.end())
    if rules.op_units_re is not None and any(m.name.startswith("Project ") for m in found):
        units = {normalise_key("Project " + " ".join(m.group("name").split())) for m in rules.op_units_re.finditer(body)}
        if units:
            found = [m for m in found if m.key not in units]
    found.sort(key=lambda x: x.start)
    return found


def _display(names: list[str]) -> str:
    """Prefer a mixed-case spelling ("Operation Avro") over an all-capitals one ("Operation AVRO")."""
    for name in names:
        tail = _FOLD.sub("", name)
        if not tail.isupper() or len(tail) <= 3:
            return name
    return names[0]


def build_operations(body: str, layout: Layout, mentions: list[Mention], dates: list[DateMention],
                     published: Optional[str], main_key: Optional[str], rules) -> tuple[Operation, ...]:
    """One :class:`Operation` per key, with dates and duration from the sentences around it.

    Dates in a sentence naming the operation are its dates; dates in a sentence about
    "the operation" (rules' ``scope``) naming none belong to the main operation.
    """
    order: list[str] = []
    spellings: dict[str, list[str]] = {}
    sentences: dict[str, set[int]] = {}
    for mt in mentions:
        if mt.key not in spellings:
            order.append(mt.key)
            spellings[mt.key] = []
        spellings[mt.key].append(mt.name)
        sentences.setdefault(mt.key, set()).add(layout.sentence_of(mt.start))
    owner_of = _Owners(sentences, order, main_key, body, layout, rules)
    dated = _dates(body, layout, dates, published, owner_of, rules, order[0] if len(order) == 1 else None)
    durations = _durations(body, layout, rules, owner_of, len(order)) if order else {}
    out = []
    for key in order:
        start, end = dated.get(key, (None, None))
        out.append(Operation(name=_display(spellings[key]), start=start, end=end, duration=durations.get(key)))
    return tuple(out)


def _cue(guarded, body: str, lower: str, d: DateMention) -> bool:
    return guarded is not None and guarded.search(body, lower, d.start - 40 if d.start > 40 else 0, d.start) is not None


def _dates(body: str, layout: Layout, dates: list[DateMention], published: Optional[str], owner_of,
           rules, only: Optional[str] = None) -> dict[str, tuple[str, str]]:
    """``(start, end)`` by operation key: the first dated mention in a sentence it owns.

    A date that opens the text as a dateline, or a lone date equal to the published date
    with no start word before it, is the release's date, not the operation's. A range that
    is a reporting period ("From January 1 to December 8, Operation Reacher teams have made
    ...") is not its start and end. A lone start date is completed by a later date with an
    end word before it ("launched on Tuesday 15 December ... concluded yesterday (Friday 18
    December)").
    """
    dated: dict[str, tuple[str, str]] = {}
    open_ended: set[str] = set()
    for d in dates:
        if not d.has_day:
            continue
        si = layout.sentence_of(d.start)
        owner = owner_of(si)
        if owner is None and d.is_range and only is not None:
            # the one operation of the release: a range in a sentence of its results is its period
            start, end = layout.sentence_span(si)
            if not rules.wider_period.search(body, layout.lower, start, end):
                owner = only
        if not owner or (owner in dated and owner not in open_ended):
            continue
        resolved = d.resolve(published)
        if not resolved:
            continue
        starts = _cue(rules.op_start_cue_re, body, layout.lower, d)
        ends = _cue(rules.op_end_cue_re, body, layout.lower, d)
        if owner in open_ended:
            if not d.is_range and ends and resolved[0] >= dated[owner][0]:
                dated[owner] = (dated[owner][0], resolved[0])
                open_ended.discard(owner)
            continue
        if d.start < 40 and not body[layout.line_starts[layout.line_of(d.start)]:d.start].strip() \
                and _DATELINE.match(body, d.end):
            continue  # "June 28 (UPI) —": the dateline
        if not d.is_range and resolved[0] == published and not starts:
            continue  # the release's own date
        if d.is_range and rules.op_reporting_re is not None and rules.op_reporting_re.search(
                body, d.end, layout.sentence_span(layout.sentence_of(d.start))[1]) and (d.m1, d.d1) == (1, 1):
            continue  # a year-to-date reporting period of a standing operation
        if not d.is_range and ends and not starts:
            continue  # an end without its start
        dated[owner] = resolved
        if not d.is_range and starts:
            open_ended.add(owner)
    return dated


_DATELINE = re.compile(r"[^\S\n]*(?:\(|—|–|-[^\S\n]|:)")


def _durations(body: str, layout: Layout, rules, owner_of, wanted: int) -> dict[str, str]:
    """The first duration stated in a sentence of each operation (``owner_of``), by key.

    Durations are looked for in windows around their trigger words (in the lowercased
    text, so every spelling counts); a window whose sentences belong to no operation still
    without a duration is skipped, and the search stops once every operation has one.
    """
    durations: dict[str, str] = {}
    triggers = rules.duration_triggers
    if not triggers:
        spans = [(0, len(body))]
    else:
        spans = windows(layout.lower, triggers, 40, 40)
    sentence_of = layout.sentence_of
    for s, e in spans:
        for si in range(sentence_of(s), sentence_of(e - 1 if e - 1 > s else s) + 1):
            owner = owner_of(si)
            if owner is not None and owner not in durations:
                break
        else:
            continue  # nothing found here could be kept
        last = -1
        for m in rules.duration_re.finditer(body, s, e):
            if m.start() < last:
                continue
            last = m.end()
            owner = owner_of(sentence_of(m.start()))
            if owner and owner not in durations:
                durations[owner] = " ".join(m.group().split())
        if len(durations) == wanted:
            break
    return durations


class _Owners:
    """The operation a sentence's dates and durations belong to, answered once per sentence.

    The first operation (in order of first mention) named in the sentence; else the main
    operation when the sentence talks about "the operation" (rules' ``scope``); else none.
    Dictionaries, so a release naming thousands of operations costs linear time.
    """

    def __init__(self, sentences: dict, order: list[str], main_key: Optional[str], body: str, layout: Layout, rules):
        self.first: dict[int, str] = {}
        for key in order:
            for si in sentences[key]:
                self.first.setdefault(si, key)
        self.main_key, self.body, self.layout, self.rules = main_key, body, layout, rules
        self.scoped: dict[int, Optional[str]] = {}

    def __call__(self, si: int) -> Optional[str]:
        key = self.first.get(si)
        if key is not None:
            return key
        if si not in self.scoped:
            start, end = self.layout.sentence_span(si)
            in_scope = self.main_key and self.rules.op_scope.search(self.body, self.layout.lower, start, end)
            self.scoped[si] = self.main_key if in_scope else None
        return self.scoped[si]


def operation_from_text(text: str, rules) -> Optional[str]:
    """The operation name in a short text (a selection), or the text itself tidied as a name."""
    from desktop.extractor.text import Layout as _Layout
    mentions = find_mentions(text, _Layout(text), rules)
    if mentions:
        return mentions[0].name
    words = [w.strip("’‘'\".,;:()") for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > 8:
        return None
    name = " ".join(words)
    return re.sub(r"^(?:op\.?|operation)\s+", "Operation ", name, flags=re.I)
