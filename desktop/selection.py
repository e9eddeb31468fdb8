"""A reviewer's selection in a release, made into a metric: trimmed to its words, guessed with the
extractor's own rules read over the whole sentence around it. Plain Python (no Qt).

Example::

    >>> trim("seized  more than 32,000. ", 6, 26)
    (8, 24)
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from desktop.domain import Document, Metric

#: what a selection loses at either end: spaces, and punctuation that is not part of a figure
_EDGE = " \t\r\n.,;:!?\"'()[]{}*“”‘’–—-"
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def trim(body: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the spaces and stray punctuation at its ends (a figure's own "£" or "%"
    stays). A selection of nothing but spaces stays as it was."""
    start, end = max(0, start), min(len(body), end)
    s, e = start, end
    while s < e and body[s] in _EDGE:
        s += 1
    while e > s and body[e - 1] in _EDGE:
        e -= 1
    return (s, e) if e > s else (start, end)


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line, for a bullet) holding ``body[start:end]``, stretched over several when the
    selection crosses sentences."""
    before = [m.end() for m in _SENTENCE_END.finditer(body, 0, start)]
    s = before[-1] if before else 0
    after = _SENTENCE_END.search(body, end)
    e = after.end() if after else len(body)
    return s, e


def guess_metric(document: Document, start: int, end: int) -> Optional[Metric]:
    """The extractor's reading of the figure selected in ``body[start:end]``: its rules run over the whole
    sentence (so "more than" and "arrested" around the figure count), and the metric whose evidence
    overlaps the selection most is taken, a classified one before ``other``. None when no rule finds a
    number there."""
    from desktop import extractor  # loaded on first use: start-up stays light
    body = document.body or ""
    s, e = sentence_around(body, start, end)
    found = list(extractor.extract_span(document, s, e))

    def overlap(m: Metric) -> int:
        return min(end, m.offset + m.length) - max(start, m.offset)

    touching = [m for m in found if overlap(m) > 0]
    if not touching:
        touching = list(extractor.extract_span(document, start, end))
    if not touching:
        return None
    best = max(touching, key=lambda m: (m.category != "other", overlap(m) > 0, overlap(m)))
    if best.qualifier == "exact" and best.rule == "selection":  # no rule read it: its words still may
        qualifier = qualifier_before(body, best.offset, _qualifier_phrases(extractor.default_rules()))
        best = replace(best, qualifier=qualifier or best.qualifier, offset=start, length=end - start,
                       text=body[start:end])  # the evidence is what the reviewer selected
    return best


def _qualifier_phrases(rules) -> list[tuple[str, str]]:
    """(phrase, qualifier) from the rules' ``qualifiers`` section, longest phrase first."""
    table = rules.data.get("qualifiers") or {}
    pairs = [(str(p).lower(), q) for q, phrases in table.items() for p in (phrases or [])]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def qualifier_before(body: str, number_at: int, phrases: list[tuple[str, str]]) -> Optional[str]:
    """The qualifier whose phrase ends just before the number at ``number_at`` ("more than 32,000")."""
    before = " ".join(body[max(0, number_at - 40):number_at].lower().split())
    for phrase, qualifier in phrases:
        if before == phrase or before.endswith(" " + phrase):
            return qualifier
    return None
