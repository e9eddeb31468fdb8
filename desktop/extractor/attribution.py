"""Which operation a figure belongs to: the most specific one in whose scope it stands.

In order: an operation named in the figure's sentence (the nearest before it, else the
first after it); an operation named in the sentence before, when this one opens with
an anaphor ("This work led to ..."); the main operation when the sentence refers to
"the operation"; none when the sentence counts a wider period
("In the last quarter of 2020", "in 2019"); else the release's main operation (the
first one named in its lead), or none.

Example::

    >>> from desktop.extractor.rules import load_rules
    >>> from desktop.extractor.text import Layout
    >>> from desktop.extractor.operations import find_mentions
    >>> body = "Operation X ran. It made 5 arrests.\\nIn 2019 there were 9 arrests."
    >>> lay = Layout(body); rules = load_rules()
    >>> ms = find_mentions(body, lay, rules)
    >>> [attribute(o, body, lay, ms, "x", rules) for o in (25, 56)]
    ['x', None]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Optional

from desktop.extractor.operations import Mention
from desktop.extractor.text import Layout


def main_operation(mentions: list[Mention], layout: Layout, body: str = "", rules=None) -> Optional[str]:
    """The key of the first operation named in the lead, or ``None``.

    With none in the lead (page furniture can push it down), an operation introduced as
    the release's own ("Codenamed Operation Torus", "dubbed Operation P.A.C.T.", the rules'
    ``main_cue``) anywhere in the text is the main one.
    """
    if mentions and mentions[0].start < layout.lead_end:
        return mentions[0].key
    cue = getattr(rules, "op_main_cue_re", None)
    if cue is not None:
        for m in mentions:
            if cue.search(body, m.start - 40 if m.start > 40 else 0, m.start):
                return m.key
    return None


class Scope:
    """Mentions grouped by sentence, and what each sentence says, for repeated attribution in one document."""

    def __init__(self, mentions: list[Mention], layout: Layout):
        self.by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_sentence.setdefault(layout.sentence_of(m.start), []).append(m)
        self.starts = {si: [m.start for m in ms] for si, ms in self.by_sentence.items()}
        #: the sentences naming an operation, in order (for "is one named just before?")
        self.named = sorted(self.by_sentence)
        self._fallback: dict[int, Optional[str]] = {}

    def fallback(self, si: int, body: str, layout: Layout, main_key: Optional[str], rules) -> Optional[str]:
        """The operation of a figure in sentence ``si`` that names none (computed once per sentence)."""
        if si not in self._fallback:
            self._fallback[si] = _fallback(si, body, layout, self, main_key, rules)
        return self._fallback[si]


def attribute(offset: int, body: str, layout: Layout, mentions: list[Mention], main_key: Optional[str], rules,
              scope: Optional[Scope] = None) -> Optional[str]:
    """The key of the operation the figure at ``offset`` belongs to, or ``None``.

    :param offset: where the figure's number stands in ``body``
    :param body: the document body
    :param layout: its layout
    :param mentions: the operation mentions of the body
    :param main_key: the main operation's key (see :func:`main_operation`)
    :param rules: compiled rules (``anaphora``, ``wider_period``)
    """
    scope = scope or Scope(mentions, layout)
    si = layout.sentence_of(offset)
    here = scope.by_sentence.get(si)
    if here:
        n_before = bisect_right(scope.starts[si], offset)  # mentions come in order of their start
        return here[n_before - 1 if n_before else 0].key
    return scope.fallback(si, body, layout, main_key, rules)


def _fallback(si: int, body: str, layout: Layout, scope: Scope, main_key: Optional[str], rules) -> Optional[str]:
    text = layout.sentence_text(body, si)
    if rules.anaphora_re.search(text.lstrip()):
        prev = si - 1
        while prev >= 0 and not layout.sentence_text(body, prev).strip():
            prev -= 1
        if prev >= 0 and scope.by_sentence.get(prev):
            return scope.by_sentence[prev][-1].key
    start, end = layout.sentence_span(si)
    if main_key and rules.operation_reference.search(layout.text, layout.lower, start, end):
        return main_key  # "Since the operation began in April, ...": about the operation, month or not
    recent = _recent(si, body, layout, scope)
    if main_key is None and recent is None:
        return None  # the answer is None whatever the period: not looked for
    if rules.wider_period.search(text, layout.lower[start:end], 0, len(text)):
        return None
    if recent is not None:
        return recent  # an operation named in the sentences just before keeps its scope
    return main_key


#: how many sentences an operation named without "this/it" keeps its scope for
_CARRY = 2


def named_just_before(named: list[int], si: int) -> bool:
    """Whether one of the sorted sentence indexes ``named`` is among the ``2 * _CARRY + 2`` before ``si``."""
    i = bisect_left(named, si - 2 * _CARRY - 2)
    return i < len(named) and named[i] < si


def _recent(si: int, body: str, layout: Layout, scope: Scope) -> Optional[str]:
    """The operation named in one of the ``_CARRY`` sentences before ``si`` in its paragraph, if any."""
    if not named_just_before(scope.named, si):
        return None  # no operation named just before (blank sentences between included)
    seen = 0
    prev = si - 1
    while prev >= 0 and seen < _CARRY:
        text = layout.sentence_text(body, prev)
        if "\n\n" in text or (text.endswith("\n") and body.startswith("\n", layout.sentence_span(prev)[1])):
            return None  # a blank line ends the paragraph, and the scope with it
        if text.strip():
            seen += 1
            names = scope.by_sentence.get(prev)
            if names:
                return names[-1].key
        prev -= 1
    return None
