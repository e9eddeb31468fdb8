"""Figures laid out in lines, not sentences: what the layout around a figure says it counts.

- a label and its value on one line ("Arrests: 32", "Knives recovered – 14", "Arrests (32)");
- a table row, whose cell counts what its column's heading says ("| Kent | 26 |" under "| Force | Arrests |");
- lines "Ashford 17" under a heading that says what is counted ("Weapons surrendered");
- a bulleted item under an introduction with a verb ("Items seized include:" / "• five vehicles;");
- a tally line ("49 x assault") under its introduction ("The breakdown of offences for the arrests:").

A block of lines is walked once and remembered (:func:`_block_intro`), so a long list costs
linear time. :mod:`desktop.extractor.neighbours` asks here after the sentence's own neighbours.

Example::

    >>> from desktop.extractor import extract
    >>> from desktop.domain import Document
    >>> body = "Results\\nArrests: 32\\nKnives recovered - 14\\n"
    >>> [(m.category, m.value) for m in extract(Document(name="d", body=body, sha256="x")).metrics]
    [('arrests', 32), ('knives_seized', 14)]
"""

from __future__ import annotations

import re
from typing import Optional

from desktop.extractor.fire import Candidate, fire
from desktop.extractor.numbers import NumberToken
from desktop.extractor.text import Layout

_LINE_END = re.compile(r"\)?[^\S\n]*(?:[.;,|]|\([^()\n]{0,40}\))?[^\S\n]*(?:\n|$)")
#: a label before a value on its line: bullet, words, then ":", "-", "–", "|" or nothing
_LABEL = re.compile(r"^[^\S\n]*(?:[•*·▪‣◦–—|-]|\d{1,2}[.)])?[^\S\n]*(?P<label>[^\W\d_][^\n\d:|=]{0,60}?)"
                    r"[^\S\n]*(?:[:|–—=-]|\.{2,})?[^\S\n]*$")
_BULLETS = "•*·▪‣◦–—-"
_DETERMINER = re.compile(r"^(?:(?:the|a|an|these|those|this|that|our|its|their|all|total)[^\S\n]+)+", re.I)
_PLURALS = frozenset({"men", "women", "people", "children", "police", "staff", "personnel"})
_BLOCK_REACH = 60  # lines walked up from an item to the line introducing its block



_TALLY = re.compile(r"[^\S\n]*[x×][^\S\n]+", re.I)
_BULLET_START = re.compile(r"[^\S\n]*(?:[•*·▪‣◦–—-][^\S\n]*)?$")
#: "breakdown of offences for Monday's arrests": what is counted stands after "for"
_BREAKDOWN_OF = re.compile(r"\bbreak-?down[^\S\n]+of[^\S\n]+.*?[^\S\n](?:for|of|among|in)[^\S\n]+", re.I)


def tally(body: str, layout: Layout, rules, tok: NumberToken, qualifier: str, si: int,
          explicit_q: bool) -> Optional[Candidate]:
    """A tally line ("49 x possession of an offensive weapon") counts what its introduction says.

    The introduction is the line above the block of tally lines, ending with ":" ("The breakdown
    of offences for Monday's arrests is as follows:"); what it counts decides, not the line's label.
    """
    e = tok.end
    tm = _TALLY.match(body, e)
    if tm is None:
        return None
    line = layout.line_of(tok.start)
    line_start, line_end = layout.line_span(line)
    if not _BULLET_START.match(body, line_start, tok.start):
        return None
    text = _introduction(body, layout, line, _is_tally_line, "_tally_intro")
    if text is None:
        return None
    intro_text = text.rstrip(":")
    cut = _BREAKDOWN_OF.search(intro_text)
    rule = classify_words(intro_text[cut.end():] if cut else intro_text, rules, tok.kind)
    if rule is None:
        return None
    return Candidate(rule.category, tok.value, qualifier, tok.currency or "count", tidy(intro_text), tok.start,
                     line_end, rule.id + ".tally", tok.start, tok.end, explicit_q, si)


def _is_tally_line(body: str, start: int, end: int, text: str) -> bool:
    first = _FIRST_FIGURE.match(body, start, end)
    return bool(first and _TALLY.match(body, first.end()))


_FIRST_FIGURE = re.compile(r"[^\S\n]*(?:[•*·▪‣◦–—-][^\S\n]*)?\d[\d,]*")


def _introduction(body: str, layout: Layout, line: int, is_item, cache_name: str) -> Optional[str]:
    """The line introducing the block that holds ``line``, when it ends with ":" (and is not prose-long)."""
    span = _block_intro(body, layout, line, is_item, cache_name)
    text = body[span[0]:span[1]].strip() if span else ""
    return text if text.endswith(":") and len(text) <= 200 else None


def _block_intro(body: str, layout: Layout, line: int, is_item, cache_name: str) -> Optional[tuple[int, int]]:
    """The span of the line above the block of items that holds ``line`` (blank lines skipped), or ``None``.

    ``is_item(body, start, end, text)`` tells an item line of the block. The answer is kept for every
    line walked, so each line of a long list is looked at once: linear time in the length of the list.
    """
    cache = layout.__dict__.setdefault(cache_name, {})
    walked, result, i = [], None, line - 1
    while i >= 0 and len(walked) < _BLOCK_REACH:
        if i in cache:
            result = cache[i]
            break
        start, end = layout.line_span(i)
        text = body[start:end].strip()
        if text and not is_item(body, start, end, text):
            result = (start, end)
            break
        walked.append(i)
        i -= 1
    for w in walked:
        cache[w] = result
    cache[line] = result
    return result


def _under_intro(body: str, layout: Layout, rules, tok: NumberToken, left: int, make) -> Optional[Candidate]:
    """A bulleted item ("• five vehicles;") takes the verb of the line introducing the list."""
    if rules.intro_verb_re is None:
        return None
    line = layout.line_of(left)
    line_start, line_end = layout.line_span(line)
    if not _BULLET_START.match(body, line_start, left) or line_end - left > 120:
        return None
    text = _introduction(body, layout, line, _is_bullet_line, "_list_intro")
    if text is None:
        return None
    verbs = rules.intro_verb_re.findall(text)
    if not verbs:
        return None
    phrase = f"{verbs[-1]} " + body[tok.start:line_end]
    e = len(verbs[-1]) + 1 + (tok.end - tok.start)
    runs = [r for r in rules.step_runs[tok.kind] if r[0] == "before"]
    got = fire(phrase, phrase.lower(), runs, rules.side_guards[tok.kind], e, len(phrase), len(verbs[-1]) + 1, 0)
    if got is None or got[0].category == "other":
        return None
    rule, _, end_ = got
    return make(rule.category, rule.id + ".intro", left, tok.start + end_ - len(verbs[-1]) - 1, tidy(phrase[e:end_]))


def _is_bullet_line(body: str, start: int, end: int, text: str) -> bool:
    return text[:1] in _BULLETS


def tidy(text: str) -> Optional[str]:
    """``text`` with its white space run together, or ``None`` when empty."""
    return " ".join(text.split()) or None


def classify_words(text: str, rules, kind: str) -> Optional[tuple]:
    """What a label or heading counts: the rules run as if a figure stood just before ``text``."""
    phrase = " " + _DETERMINER.sub("", " ".join(text.split()))
    lower = phrase.lower()
    runs = [r for r in rules.step_runs[kind] if r[0] != "before"]
    got = fire(phrase, lower, runs, rules.side_guards[kind], 0, len(phrase), 0, 0)
    if got is None or got[0].category == "other":
        return None
    if kind == "count" and not any(w.endswith("s") or w in _PLURALS for w in re.findall(r"[a-z]+", lower[:got[2]])):
        return None  # a count is labelled in the plural ("Arrests", "Knives"); "Deal 4" is a place
    return got[0]


def laid_out(body: str, layout: Layout, rules, tok: NumberToken, left: int, make) -> Optional[Candidate]:
    """A candidate for ``tok`` from the layout of its line and the lines above, or ``None``.

    ``make(category, rule id, start, end, subject)`` builds the candidate.
    """
    if body.startswith("|", _line_start(body, layout, left)):
        return _table_cell(body, layout, rules, tok, left, make)
    cand = _label_or_heading(body, layout, rules, tok, left, make)
    if cand is None and (left < 8 or body.rfind("\n", left - 8, left) >= 0):
        # a list item (at the start of its line) under an introduction with the verb
        cand = _under_intro(body, layout, rules, tok, left, make)
    return cand


def _line_start(body: str, layout: Layout, pos: int) -> int:
    """Where the line holding ``pos`` starts, past its indentation (a binary search: no scan of a long line)."""
    start = layout.line_starts[layout.line_of(pos)]
    stop = min(pos, start + 8)  # indentation is short; a long run of spaces is not a table's margin
    while start < stop and body[start] in " \t":
        start += 1
    return start


def _table_cell(body: str, layout: Layout, rules, tok: NumberToken, left: int, make) -> Optional[Candidate]:
    """A figure in a table row ("| Kent | 26 | 30 |") counts what its column's heading says ("Arrests").

    The heading row is the table's first row; a row of the label and the value ("| Arrests | 32 |")
    is read as a label and its value first.
    """
    line = layout.line_of(left)
    line_start, line_end = layout.line_span(line)
    if left - line_start > 400:
        return None  # a table row is short; a long line is something else
    cells = body[line_start:left].split("|")
    label = cells[-2].strip() if len(cells) >= 3 and not cells[-1].strip() else ""
    if label and not any(ch.isdigit() for ch in label):
        rule = classify_words(label, rules, tok.kind)
        if rule is not None:
            return make(rule.category, rule.id + ".label", left - len(cells[-1]) - len(cells[-2]), tok.end, label)
    if body[tok.end:line_end].strip()[:1] != "|":
        return None  # not a whole cell
    head = _block_intro(body, layout, line, _is_table_row, "_table_head")
    first = layout.line_of(head[1] + 1) if head else 0  # the first row after the line above the table
    start, end = layout.line_span(first)
    while first < line and not body[start:end].strip():
        first += 1
        start, end = layout.line_span(first)
    header = body[start:end].split("|")
    column = len(cells) - 1
    if first >= line or column >= len(header) or any(ch.isdigit() for ch in header[column]):
        return None
    rule = classify_words(header[column].strip(), rules, tok.kind)
    if rule is None:
        return None
    return make(rule.category, rule.id + ".column", left, tok.end, tidy(header[column]))


def _is_table_row(body: str, start: int, end: int, text: str) -> bool:
    return text[:1] == "|"


def _label_or_heading(body: str, layout: Layout, rules, tok: NumberToken, left: int, make) -> Optional[Candidate]:
    if not _LINE_END.match(body, tok.end):
        return None
    line = layout.line_of(left)
    line_start = layout.line_starts[line]
    if left - line_start > 72:
        return None  # a long line is prose, not a label and its value
    m = _LABEL.match(body[line_start:left])
    if m is None:
        return None
    label = m.group("label")
    rule = classify_words(label, rules, tok.kind)
    if rule is not None:
        return make(rule.category, rule.id + ".label", line_start + m.start("label"), tok.end, tidy(label))
    # a place and a value: the heading above the block says what is counted
    heading = _block_intro(body, layout, line, _is_value_line, "_heading")
    if heading is None:
        return None
    text = body[heading[0]:heading[1]].strip().rstrip(":")
    if len(text) > 80 or text.endswith((".", "!", "?")) or any(ch.isdigit() for ch in text):
        return None
    rule = classify_words(text, rules, tok.kind)
    if rule is None:
        return None
    return make(rule.category, rule.id + ".heading", line_start + m.start("label"), tok.end, tidy(text))


def _is_value_line(body: str, start: int, end: int, text: str) -> bool:
    """A "place value" line: a short label, then a figure that ends the line."""
    if end - start > 120:
        return False
    fs = _last_figure_start(body, start, end)
    return fs < end and bool(_LINE_END.match(body, _last_figure_end(body, start, end))) \
        and bool(_LABEL.match(body[start:fs]))


_LAST_FIGURE = re.compile(r"\d[\d,.]*(?=[^\d]*$)")


def _last_figure_start(body: str, start: int, end: int) -> int:
    m = _LAST_FIGURE.search(body, start, end)
    return m.start() if m else end


def _last_figure_end(body: str, start: int, end: int) -> int:
    m = _LAST_FIGURE.search(body, start, end)
    return m.end() if m else start
