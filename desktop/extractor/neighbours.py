"""Figures with no counted noun of their own: what their neighbours say they count.

Tried in order when no rule fires on a figure itself:

1. a copula: "of which 9 were knives" (the noun after ``were``/``was``);
2. a part of a group: "19 of the 44 people arrested", "12 of the incidents" (not "one of the officers");
3. people after a total of people: "seven suspects were arrested, three males ... and one female";
4. a list that shares one verb: "arrested 60 men and 21 women", "seized 5 knives, 2 guns and £3,000"
   (the verb before the list's first figure is tried for this one);
5. a breakdown or continuation of the figure before it in the sentence: "(168 in 2018, 199 in 2019)",
   "51 knives: 23 in Ashford", "212 blades, with 128 and 125 in Skipton and Knaresborough",
   "29 shotguns / 5 in Surrey", "up from 41", "bringing the total to 80" (``contexts: inherit``);
6. the counted noun before a linking verb: "The number of arrests rose to 340";
7. a place with its figure in brackets after figures of one kind: "Heworth (22)";
8. a label and a value on one line ("Arrests: 32", "Knives recovered – 14", "Knives 14"), or a line
   "Ashford 17" under a heading that says what is counted ("Weapons surrendered");
9. a bulleted item under an introduction with a verb ("Items seized include:" / "• five vehicles;").

Steps 8 and 9 are in :mod:`desktop.extractor.layouts` (lines, tables, lists), which also reads tally
lines ("49 x assault") before any rule: they count what their introduction says.
A year-on-year comparison is a continuation, not a part of a total: it keeps the category.

Example::

    >>> from desktop.extractor import extract
    >>> from desktop.domain import Document
    >>> body = "Police arrested 60 men and 21 women."
    >>> sorted(m.value for m in extract(Document(name="d", body=body, sha256="x")).metrics)
    [21, 60]
"""

from __future__ import annotations

import re
from typing import Optional

from desktop.extractor.fire import WINDOW, Candidate, fire
from desktop.extractor.layouts import classify_words, laid_out, tidy
from desktop.extractor.numbers import NumberToken
from desktop.extractor.text import Layout

_TO_STOP = re.compile(r"[^,;)\n]*")
_COPULA = re.compile(r"[^\S\n]+(?:were|was)(?=[^\S\n])", re.I)
#: a part of a group: "19 of the 44 people arrested", "12 of the incidents", "21 more of those arrests"
_PART_OF = re.compile(r"(?:[^\S\n]+more)?[^\S\n]+of[^\S\n]+(?:the|those|these|them)(?:[^\S\n]+\d[\d,]*)?(?=[^\S\n])",
                      re.I)
#: people counted after a total of people in one sentence: "seven arrested, three males ... and one female"
_PEOPLE_PART = ("arrests", "charges", "referrals")
#: rules that count people (a total of people can have parts that are people; an arrest is one person)
_PEOPLE_RULES = (".people", ".verb", ".of_those", ".included")
#: people with a verb of their own are a count of their own ("12 young people were issued cautions")
_OWN_VERB = re.compile(r"[^\S\n]+(?:were|was|are|is|have|has|had|received|got)\b", re.I)
#: what may stand between two figures of one list: a comma, "and", "or", "as well as", "plus"
_LIST_GAP = re.compile(r"(?:[^\S\n]*,)?[^\S\n]*(?:(?:and|or|plus|as[^\S\n]+well[^\S\n]+as|&)[^\S\n]+)?", re.I)
#: a capitalised place just before "(": "Heworth (22)"
_PLACE_PAREN = re.compile(r"(?-i:[A-Z][\w’'-]+)[^\S\n]*\($")
#: how far back the figure a bracketed place figure continues may stand
_PAREN_REACH = 400
#: after a value that ends its line: only punctuation or a short bracket
def attach(body: str, layout: Layout, rules, tok: NumberToken, left: int, lo: int, previous: list[Candidate],
           qualifier: str, si: int, explicit_q: bool, limit: int) -> Optional[Candidate]:
    """A candidate for the figure ``tok`` from its neighbours, or ``None``."""
    e, kind = tok.end, tok.kind
    lower = layout.lower
    runs = rules.step_runs[kind]

    def make(category: str, rid: str, start: int, end: int, subject: Optional[str]) -> Candidate:
        return Candidate(category, tok.value, qualifier, tok.currency or "count", subject, start, end, rid,
                         tok.start, tok.end, explicit_q, si)

    # 1. "of which 9 were knives"
    cop = _COPULA.match(body, e)
    if cop:
        got = fire(body, lower, [r for r in runs if r[0] == "noun"], rules.side_guards[kind], cop.end(),
                   limit, left, lo)
        if got:
            rule, _, end = got
            return make(rule.category, rule.id, left, end, tidy(body[cop.end():end]))
    # 2. "19 of the 44 people arrested" ("one of the officers" is a person, not a count)
    part = _PART_OF.match(body, e) if tok.value != 1 else None
    if part:
        got = fire(body, lower, [r for r in runs if r[0] != "before"], rules.side_guards[kind], part.end(), limit,
                   left, lo)
        if got:
            rule, _, end = got
            return make(rule.category, rule.id + ".part", left, end, tidy(body[part.end():end]))
    prev = previous[-1] if previous else None
    same = prev is not None and prev.sentence == si and prev.category != "other"
    # 3. people after a total of people: "A total of seven suspects were arrested, three males ... and one female"
    if same and prev.category in _PEOPLE_PART and kind == "count" \
            and (prev.category == "arrests" or _base(prev.rule).endswith(_PEOPLE_RULES)):
        m = rules.people_after_re.match(body, e) if rules.people_after_re is not None else None
        if m and not _OWN_VERB.match(body, m.end()) and "victim" not in lower[e:m.end()]:
            return make(prev.category, _base(prev.rule) + ".part", left, m.end(), tidy(body[e:m.end()]))
    # 4. one verb for a list: "arrested 60 men and 21 women"
    if same and prev.head < left and (prev.end if prev.end > prev.num_end else prev.num_end) <= left:
        gap = _LIST_GAP.fullmatch(body, prev.end if prev.end > prev.num_end else prev.num_end, left)
        if gap and gap.end() > gap.start():
            sent_start = layout.sentence_starts[si]
            got = fire(body, lower, [r for r in runs if r[0] == "before"], rules.side_guards[kind], e, limit,
                       prev.head, max(sent_start, prev.head - WINDOW))
            if got:
                rule, _, end = got
                cand = make(rule.category, rule.id + ".list", left, end, tidy(body[e:end]) or prev.subject)
                cand.head = prev.head
                return cand
    # 4b. the same, when the list's first item is of no category ("recovered 14 bikes and two cars")
    tail = lower[left - 6 if left > 6 else 0:left].rstrip()
    if (not same or prev.num_end < layout.sentence_starts[si]) and (tail.endswith((",", " and"))):
        sent_start = layout.sentence_starts[si]
        item = _ITEM_BACK.search(body, left - 70 if left - 70 > sent_start else sent_start, left)
        if item:
            got = fire(body, lower, [r for r in runs if r[0] == "before"], rules.side_guards[kind], e, limit,
                       item.start(), max(layout.sentence_starts[si], item.start() - WINDOW))
            if got:
                rule, _, end = got
                return make(rule.category, rule.id + ".list", left, end, tidy(body[e:end]))
    # 5. a breakdown or a continuation of the figure before it
    if same:
        cand = _inherit(body, rules, tok, left, lo, prev, make)
        if cand is not None:
            return cand
    # 6. the counted noun before a linking verb: "The number of arrests rose to 340", "Arrests stood at 1,204"
    sent_start = layout.sentence_starts[si]
    nb = _NOUN_BEFORE.search(body, left - 70 if left - 70 > sent_start else sent_start, left) \
        if _last_words_in(lower, left, _LINKING) else None
    if nb:
        np = _NP_LEAD.sub("", nb.group("np"))
        rule = classify_words(np, rules, kind) if np else None
        if rule is not None:
            return make(rule.category, rule.id + ".noun_before", nb.start("np"), e, tidy(np))
    # 7. "Heworth (22)" after figures of one kind
    if prev is not None and prev.category != "other" and left - prev.num_end <= _PAREN_REACH \
            and body.startswith(")", e) and _PLACE_PAREN.search(body, left - 40 if left > 40 else 0, left):
        start = body.rfind(" ", 0, left - 2) + 1
        return make(prev.category, _base(prev.rule) + ".breakdown", start, e + 1, prev.subject)
    # 8 and 9. a figure laid out in lines, not a sentence (a label, a table, a heading, a list)
    return laid_out(body, layout, rules, tok, left, make)


_DERIVED = (".breakdown", ".continued", ".list", ".label", ".heading", ".part", ".intro", ".tally", ".noun_before",
            ".column")


def _base(rid: str) -> str:
    """The rule id a derived one comes from ("knives_seized.count" for "knives_seized.count.breakdown")."""
    while rid.endswith(_DERIVED):
        rid = rid.rsplit(".", 1)[0]
    return rid


def list_head(body: str, prev: Optional[Candidate], left: int, si: int) -> int:
    """Where the list the figure at ``left`` continues starts: ``prev``'s head when a list gap joins them."""
    if prev is None or prev.sentence != si:
        return left
    prev_end = prev.end if prev.end > prev.num_end else prev.num_end
    if prev_end > left:
        return left
    gap = _LIST_GAP.fullmatch(body, prev_end, left)
    return prev.head if gap and gap.end() > gap.start() else left


_NOUN_BEFORE = re.compile(
    r"(?P<np>[^\W\d_][\w’'-]*(?:[^\S\n]+[\w’'-]+){0,5}?)[^\S\n]+(?:rose|fell|increased|decreased|climbed|dropped|"
    r"jumped|went[^\S\n]+(?:up|down)|was|were|is|are|stood|stands|totalled|totaled|reached|hit|numbered|came|"
    r"now[^\S\n]+stands?)(?:[^\S\n]+(?:to|at))?[^\S\n]+$", re.I)
_NP_LEAD = re.compile(r"^(?:(?:the|a|an|this|last|year’s|year's|week’s|week's|total|overall|final|number|count|"
                      r"tally|figure|of)[^\S\n]+)+", re.I)
#: up to three list items before a figure: "14 stolen bikes and ", "a laptop, 3 phones and "
_ITEM_BACK = re.compile(r"(?<![\w,.])(?:(?:\d[\d,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
                        r"(?:[^\S\n]+[\w’'-]+){1,4}?(?:[^\S\n]*,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)){1,3}$",
                        re.I)
_LINKING = frozenset("rose fell increased decreased climbed dropped jumped up down was were is are stood stands "
                     "totalled totaled reached hit numbered came to at".split())
_CONTINUES = frozenset("from on with to against versus vs vs. was is of at reached".split())
_PART_ENDS = ("(", ",", "/", ";", ":", " and")
_PART_WORDS = frozenset("with including which whom while whilst".split())


def _last_words_in(text: str, end: int, words: frozenset) -> bool:
    """Whether the last word before ``end`` (case folded) is one of ``words``: a cheap test before a pattern."""
    tail = text[max(0, end - 16):end].split()
    return bool(tail) and tail[-1].lower() in words


def _inherit(body: str, rules, tok: NumberToken, left: int, lo: int, prev: Candidate, make) -> Optional[Candidate]:
    """A breakdown figure ("(168 in 2018, ...") or a continuation ("up from 41") counts what ``prev`` counts."""
    if rules.inherit_continues_re is not None and _last_words_in(body, left, _CONTINUES) \
            and rules.inherit_continues_re.search(body, left - 60 if left - 60 > lo else lo, left):
        end = _TO_STOP.match(body[tok.end:tok.end + 40]).end() + tok.end
        return make(prev.category, _base(prev.rule) + ".continued", left, min(end, tok.end + 40), prev.subject)
    if rules.inherit_before_re is None or rules.inherit_after_re is None:
        return None
    tail = body[left - 60 if left - 60 > prev.num_end else prev.num_end:left].rstrip()
    if not tail.endswith(_PART_ENDS) and not _last_words_in(body, left, _PART_WORDS):
        return None  # no separator or connecting word before the part: the pattern cannot match
    if not rules.inherit_before_re.search(body, max(lo, prev.num_end, left - 60), left):
        return None
    a = rules.inherit_after_re.match(body, tok.end)
    if not a:
        return None
    end = _TO_STOP.match(body[a.end():a.end() + 40]).end() + a.end()
    return make(prev.category, _base(prev.rule) + ".breakdown", left, end, prev.subject)
