"""Figures into metric candidates: filter what is not a metric, read the qualifier, fire a rule.

For each number: skip it when it stands in a date, URL, phone number or time, is a
year, or its neighbours say it is an age, a duration or an ordinal; read the
qualifier just before it; a per cent is a ``percent_change`` only with a direction
word; otherwise the rules' ``after`` patterns (then ``before`` ones) name its category.
A qualifier carries to the figures of a list it governs ("More than 60 arrests and
£20,000 seized").

Example::

    >>> from desktop.extractor.rules import load_rules
    >>> from desktop.extractor.text import Layout
    >>> body = "Officers made more than 60 arrests."
    >>> [(c.category, c.value, c.qualifier) for c in find_candidates(body, Layout(body), load_rules(), [])]
    [('arrests', 60, 'at_least')]
"""

from __future__ import annotations

import re
from typing import Optional

from desktop.extractor.dates import DateMention
from desktop.extractor.fire import WINDOW as _WINDOW, Candidate, fire
from desktop.extractor.layouts import tally
from desktop.extractor.neighbours import attach, list_head
from desktop.extractor.numbers import NumberToken, find_numbers
from desktop.extractor.text import Layout

#: how far before a figure (at most; never before its sentence) a target or aim is looked for
_TARGET_WINDOW = 200
#: how far after a figure (at most; never past the end of its line) a rule's words are looked for
_AFTER_LIMIT = 160
_CARRY_GAP = re.compile(
    r"^(?:[^\S\n]+(?!(?:were|was|is|are|have|has|had|been|led|resulted|including|included|addition|well)\b)"
    r"[\w’'-]+){0,6}?(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)$")


def _in_span(body: str, start: int, end: int, rules) -> bool:
    """Whether the number at ``start`` stands in a URL, an e-mail address, a phone number, a time..."""
    floor = start - 300 if start > 300 else 0  # an address longer than this before a figure is not looked for
    ws = body.rfind(" ", floor, start)
    nl = body.rfind("\n", floor, start)
    if nl > ws:
        ws = nl
    if floor - 1 > ws:
        ws = floor - 1
    chunk = body[ws + 1:start]
    if "://" in chunk or "www." in chunk or "@" in chunk:
        return True
    spans, lead = rules.not_metric_spans_re, rules.not_metric_spans_lead
    ws = start - 30 if start > 30 else 0
    if lead is not None and lead.search(body, ws, start) is None:
        # no match can start before the figure in the window: the scan's first match there is one that
        # starts at the figure (it holds it: a match is never empty) or one that starts later (it does not)
        return spans.match(body, start, end + 30) is not None
    for m in spans.finditer(body, ws, end + 30):
        if m.start() > start:
            return False  # the matches further on start later still: none can hold the figure
        if start < m.end():
            return True
    return False


def find_candidates(body: str, layout: Layout, rules, dates: list[DateMention], dollar: str = "USD",
                    start: int = 0, end: Optional[int] = None) -> list[Candidate]:
    """Classified figures in ``body`` (those whose number starts in ``[start, end)``), in order.

    :param body: the document body
    :param layout: its :class:`~desktop.extractor.text.Layout`
    :param rules: compiled rules
    :param dates: the date mentions of the body (numbers inside them are skipped)
    :param dollar: the currency ``$`` stands for
    """
    end = len(body) if end is None else end
    blocked = sorted((d.start, d.end) for d in dates)
    out: list[Candidate] = []
    for tok in find_numbers(body, dollar, layout.lower, skip=blocked, years=False):
        if tok.start < start or tok.start >= end:
            continue
        cand = _classify(body, layout, rules, tok, out)
        if cand is not None:
            out.append(cand)
    _carry_qualifiers(body, out)
    return out


def _qualifier(body: str, lower: str, rules, s: int, lo: int) -> Optional[re.Match]:
    """The qualifier phrase ending just before the number at ``s`` (``more than 60``), or ``None``."""
    j = s
    while j > lo and body[j - 1] in " \t\xa0":
        j -= 1
    start = s - 30 if s - 30 > lo else lo
    if j == s or not lower.endswith(rules.qualifier_tails, start, j):
        return None  # no phrase's last word stands there: the full pattern cannot match
    q = rules.qualifier_re.search(body, start, s)
    if q is not None and _SUM_BEFORE.search(lower, max(lo, q.start() - 12), q.start()):
        return None  # "adding up to 80": a total, not an upper bound
    return q


#: the last letters a filler phrase ("a total of", "a further") can end with, tested before its pattern
_FILLER_TAILS = ("of ", "further ", "additional ", "another ", "more ", "other ")
_PCT_TAIL = re.compile(r"[^\S\n]+(?:in|of)[^\S\n]+([^.,;:()\n]{1,60})")
_LEAD_SPLIT = re.compile(r"[,;:(]")
_SUM_BEFORE = re.compile(r"\b(?:add|adds|added|adding|amount|amounts|amounted|amounting|summing|totalling)[^\S\n]+$")


def _classify(body: str, layout: Layout, rules, tok: NumberToken, previous: list[Candidate]) -> Optional[Candidate]:
    s, e = tok.start, tok.end
    if tok.plain and len(tok.raw) == 4 and 1900 <= tok.value <= 2099:
        return None  # a year
    lower = layout.lower
    si = layout.sentence_of(s)
    sent_start = layout.sentence_starts[si]
    lo = s - _WINDOW if s - _WINDOW > sent_start else sent_start
    q = _qualifier(body, lower, rules, s, lo)
    left = q.start() if q else s
    pct = rules.percent_after_re.match(body, e) if tok.kind == "count" and body[e:e + 1] in ("%", " ", "p") else None
    fired = None
    if not pct and body.startswith((" x ", " X ", "x ", " × ", "×"), e):  # a tally line: "49 x assault"
        cand = tally(body, layout, rules, tok, rules.qualifier_of[q.lastgroup] if q else "exact", si, bool(q))
        if cand is not None:
            return cand if _is_metric(body, lower, rules, s, e, lo) else None
    if not pct:
        nl = body.find("\n", e, e + _AFTER_LIMIT)
        limit = nl if nl >= 0 else (e + _AFTER_LIMIT if e + _AFTER_LIMIT < len(body) else len(body))
        verb_end = left  # where a verb before the figure must end: "arrested | a total of | 40 people"
        if rules.filler is not None and left - lo > 4 and lower.endswith(
                _FILLER_TAILS, left - 12 if left - 12 > lo else lo, left):
            f = rules.filler.search(body, lower, left - 30 if left - 30 > lo else lo, left)
            if f:
                verb_end = f.start()
        fired = fire(body, lower, rules.step_runs[tok.kind], rules.side_guards[tok.kind], e, limit, verb_end, lo)
    qualifier = rules.qualifier_of[q.lastgroup] if q else "exact"
    unit = tok.currency or "count"
    if pct:
        cand = _percent(body, lower, rules, tok, pct.end(), left, lo, qualifier, si, bool(q))
        if cand is not None and rules.target.search(body, lower, max(sent_start, min(cand.start, left) - _TARGET_WINDOW), min(cand.start, left)):
            cand.category, cand.rule = rules.target_category, "other.target"  # "aiming for a 40 per cent cut"
        elif cand is not None and rules.hypothetical_re is not None and rules.hypothetical_re.search(
                body, sent_start, layout.sentence_span(si)[1]):
            cand.category, cand.rule = rules.target_category, "other.hypothetical"  # "can reduce deaths by 30%"
        return cand if cand is None or _is_metric(body, lower, rules, s, e, lo) else None
    if fired is None:  # nothing on either side names what it counts: perhaps a neighbour does
        cand = attach(body, layout, rules, tok, left, lo, previous, qualifier, si, bool(q), limit)
    else:
        rule, ev_start, ev_end = fired
        ev_start = left if ev_start is None else ev_start
        category, rid = rule.category, rule.id
        if rule.requires is not None and not _release_has(layout, rule):
            category, rid = "other", rid + ".unmet"  # "161 items" outside a knife amnesty: kind unknown
        target_from = left - _TARGET_WINDOW if left - _TARGET_WINDOW > sent_start else sent_start
        if category != "other" and rules.target.search(body, lower, target_from, left):
            category, rid = rules.target_category, "other.target"
        subject = _subject(body, e, ev_end, ev_start, left)
        cand = Candidate(category, tok.value, qualifier, unit, subject, ev_start, ev_end, rid, s, e, bool(q), si)
        cand.head = list_head(body, previous[-1] if previous else None, left, si)
    if cand is None or not _is_metric(body, lower, rules, s, e, lo):
        return None
    return cand


def _release_has(layout: Layout, rule) -> bool:
    """Whether the release contains the rule's ``requires`` pattern (looked for once per release)."""
    cache = layout.__dict__.setdefault("_requires", {})
    if rule.id not in cache:
        cache[rule.id] = rule.requires.search(layout.text) is not None
    return cache[rule.id]


def _is_metric(body: str, lower: str, rules, s: int, e: int, lo: int) -> bool:
    """False when the figure is an age, a duration, an ordinal, a phone number, a time..."""
    if rules.not_metric_after_re.match(body, e) or rules.not_metric_before.search(
            body, lower, s - 40 if s - 40 > lo else lo, s):
        return False
    return not _in_span(body, s, e, rules)


def _percent(body: str, lower: str, rules, tok: NumberToken, pct_end: int, left: int, lo: int, qualifier: str,
             si: int, explicit_q: bool) -> Optional[Candidate]:
    after = rules.percent_dir_after_re.match(body, pct_end)
    before = None if after else rules.percent_dir_before.search(body, lower, max(lo, left - 40), left)
    found = after or before
    if not found:
        return None  # "100 per cent anonymous": a per cent that is not a rise or fall
    sign = -1 if found.group("down") else 1
    if after:
        start, end = left, after.end()
        tail = _PCT_TAIL.match(body[end:end + 80])
        subject = tail.group(1).strip() if tail else None
        if tail:
            end += tail.end()
    else:
        start, end = before.start(), pct_end
        lead = body[max(lo, before.start() - 60):before.start()]
        subject = _LEAD_SPLIT.split(lead)[-1].strip() or None
        if subject:
            start = before.start() - len(lead) + lead.rfind(subject)
    return Candidate(rules.percent_category, sign * tok.value, qualifier, "percent", subject, start, end,
                     "percent_change.direction", tok.start, tok.end, explicit_q, si)


def _subject(body: str, num_end: int, ev_end: int, ev_start: int, left: int) -> Optional[str]:
    text = body[num_end:ev_end].strip(" \t-")
    if not text:
        text = body[ev_start:left].strip()
    return " ".join(text.split()) or None


def _carry_qualifiers(body: str, cands: list[Candidate]) -> None:
    """A qualifier before the first figure of a list governs the figures that follow in it."""
    for prev, cur in zip(cands, cands[1:]):
        if cur.explicit_q or prev.qualifier == "exact" or prev.sentence != cur.sentence:
            continue
        gap_start = max(prev.end, prev.num_end)
        if cur.start < gap_start or cur.start - gap_start > 60:
            continue
        if _CARRY_GAP.match(body[gap_start:cur.num_start]):
            cur.qualifier = prev.qualifier
