"""Running a kind's steps on one figure, and what a classified figure becomes (:class:`Candidate`).

:func:`fire` tries the compiled steps (see :mod:`desktop.extractor.categories`) on the
figure ending at ``e`` and returns the first that fires.
"""

from __future__ import annotations

from typing import Optional

#: how far before a figure (at most; never before its sentence) a ``before`` pattern may start
WINDOW = 80


class Candidate:
    """A figure the rules classified: category, value, qualifier, unit and evidence span."""

    __slots__ = ("category", "value", "qualifier", "unit", "subject", "start", "end", "rule", "num_start",
                 "num_end", "explicit_q", "sentence", "head")

    def __init__(self, category: str, value, qualifier: str, unit: str, subject: Optional[str], start: int, end: int,
                 rule: str, num_start: int, num_end: int, explicit_q: bool, sentence: int):
        self.category, self.value, self.qualifier, self.unit, self.subject = category, value, qualifier, unit, subject
        self.start, self.end, self.rule, self.num_start, self.num_end = start, end, rule, num_start, num_end
        self.explicit_q, self.sentence = explicit_q, sentence
        #: where the list this figure stands in starts ("seized | 5 knives, 2 guns and £3,000")
        self.head = start

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Candidate({self.category}, {self.value}, {self.qualifier}, {self.rule})"


def fire(body: str, lower: str, runs, guards, e: int, limit: int, left: int, lo: int):
    """The first step that fires on the figure ending at ``e``: ``(rule, evidence start or None, end)``.

    ``runs`` are the kind's steps in order, cut into runs of one side (see
    :func:`~desktop.extractor.categories.step_runs`); ``left`` is where the figure's
    qualifier (or the figure) starts: ``before`` patterns must end there and start no
    further back than ``lo`` and ``WINDOW``.
    """
    after_ok = before_ok = None
    for kind, steps in runs:
        if kind == "noun":
            for step in steps:
                m = step.regex.regex.match(body, e)  # the nouns: a short anchored match, cheaper than a guard
                if m:
                    return step.groups[m.lastgroup], None, m.end()
        elif kind == "after":
            if after_ok is None:
                # the after-patterns' words present after the figure, found in one scan
                after_ok = guards["after_words"].found(lower, e, limit)
            if after_ok is not None and not after_ok:
                continue
            for step in steps:
                if after_ok is None:
                    m = step.regex.match(body, lower, e, limit)  # no side guard: each step's own
                else:
                    lits = step.regex.literals
                    if lits is not None and after_ok.isdisjoint(lits):
                        continue  # none of this pattern's words is there
                    m = step.regex.regex.match(body, e)
                if m:
                    return step.rule, None, m.end()
        else:
            b_lo = left - WINDOW if left - WINDOW > lo else lo
            if before_ok is None and steps.words is not None:
                # a run needing one of a few words: when none is in the window, the scan (which finds only
                # words that are there) would skip every step of it; leave the scan to a later run
                chunk = lower[b_lo:left]
                for word in steps.words:
                    if word in chunk:
                        break
                else:
                    continue
            if before_ok is None:
                # the before-patterns' words present near the figure, found in one scan
                before_ok = guards["before_words"].found(lower, b_lo, left)
            if before_ok is not None and not before_ok:
                continue
            for step in steps:
                lits = step.regex.literals
                if lits is not None and before_ok is not None and before_ok.isdisjoint(lits):
                    continue  # none of this pattern's words is there
                b = step.regex.regex.search(body, b_lo, left)
                if not b:
                    continue
                if step.after is None:
                    return step.rule, b.start(), e
                a = step.after.match(body, e)
                if a:
                    return step.rule, b.start(), a.end()
    return None


