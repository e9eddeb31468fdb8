"""The rule extractor: operations, metrics and document fields from a release.

Public interface (other layers depend on exactly these names):

- ``EXTRACTOR_VERSION``: a string stored with every suggestion.
- ``extract(document, rules=None) -> Extraction``
- ``extract_span(document, start, end, rules=None) -> tuple[Metric, ...]``: metrics
  found in ``document.body[start:end]`` with offsets into the whole body (the
  review window's "Add metric from selection").
- ``extract_operation_span(document, start, end, rules=None) -> Operation | None``
- ``load_rules(path=None) -> Rules``; raises ``RulesError`` (``path``, ``line``,
  ``reason``) for a broken file.

The engine is generic; what it finds is decided by ``resources/rules/*.yaml``.

Example::

    >>> from desktop.domain import Document
    >>> doc = Document(name="d.txt", body="Operation Kaiser led to 8 arrests.", sha256="x")
    >>> [(m.category, m.value, m.operation) for m in extract(doc).metrics]
    [('arrests', 8, 'Operation Kaiser')]
"""

from __future__ import annotations

from typing import Optional

from desktop.domain import Document, Extraction, Metric, Operation
from desktop.extractor.attribution import Scope, attribute, main_operation
from desktop.extractor.dates import find_dates
from desktop.extractor.fire import Candidate
from desktop.extractor.metrics import find_candidates
from desktop.extractor.numbers import dollar_currency, find_numbers
from desktop.extractor.operations import (Mention, build_operations, find_mentions, normalise_key,
                                          operation_from_text)
from desktop.extractor.rules import Rules, RulesError, load_rules
from desktop.extractor.user_overlay import load_effective_rules
from desktop.extractor.text import Layout

EXTRACTOR_VERSION = "1.1-rules"

__all__ = ["EXTRACTOR_VERSION", "Rules", "RulesError", "extract", "extract_span", "extract_operation_span",
           "load_rules", "default_rules"]

_DEFAULT: Optional[Rules] = None


def default_rules() -> Rules:
    """The bundled rules with the user's rules folder layered over them, loaded once
    (:func:`desktop.extractor.user_overlay.load_effective_rules`; :func:`forget_default_rules` reloads)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_effective_rules()
    return _DEFAULT


def forget_default_rules() -> None:
    """Load the rules again at the next extraction (after the user's rules changed)."""
    global _DEFAULT
    _DEFAULT = None


class _Analysis:
    """Everything computed once per body: layout, dates, operation mentions and the main operation."""

    def __init__(self, document: Document, rules: Rules):
        self.body = body = document.body or ""
        self.layout = Layout(body, rules.lead_lines)
        self.dates = list(find_dates(body))
        self.mentions = find_mentions(body, self.layout, rules)
        self.main_key = main_operation(self.mentions, self.layout, body, rules)
        self.operations = build_operations(body, self.layout, self.mentions, self.dates, document.published,
                                           self.main_key, rules)
        self.names = {normalise_key(op.name): op.name for op in self.operations}
        self.scope = Scope(self.mentions, self.layout)
        self.dollar = _dollar(document, body, rules)


def _dollar(document: Document, body: str, rules: Rules) -> str:
    """The currency ``$`` stands for: the web address's country, else the country the release names most."""
    code = dollar_currency(document.url)
    if code != "USD" or not rules.dollar_cues or "$" not in body:
        return code
    text = " ".join(str(x) for x in (document.publisher, document.title, document.url,
                                     (document.front_matter or {}).get("source"), body[:1500]) if x)
    counts = {c: len(r.findall(text)) for c, r in rules.dollar_cues.items()}
    best = max(counts, key=counts.get) if counts else None
    return best if best and counts[best] else code


def _metric(c: Candidate, a: _Analysis, rules: Rules) -> Metric:
    key = attribute(c.num_start, a.body, a.layout, a.mentions, a.main_key, rules, a.scope)
    return Metric(category=c.category, value=c.value, qualifier=c.qualifier, unit=c.unit, subject=c.subject,
                  operation=a.names.get(key) if key else None, offset=c.start, length=c.end - c.start,
                  text=a.body[c.start:c.end], rule=c.rule)


def _dedupe(cands: list[Candidate], layout: Layout) -> list[Candidate]:
    """A figure repeated (headline or lead, then body) is one metric: the later occurrence stays.

    One pass from the end: for each (category, value, unit) the lines of its later
    occurrences are remembered (two distinct lines are enough to answer), so a release
    with thousands of figures costs linear time.
    """
    later: dict[tuple, tuple] = {}
    drop = set()
    for i in range(len(cands) - 1, -1, -1):
        c = cands[i]
        key, line = (c.category, c.value, c.unit), layout.line_of(c.num_start)
        seen = later.get(key, ())
        if c.num_start < layout.lead_end and any(other != line for other in seen):
            drop.add(i)
        if line not in seen and len(seen) < 2:
            later[key] = seen + (line,)
    return [c for i, c in enumerate(cands) if i not in drop]


def extract(document: Document, rules: Optional[Rules] = None) -> Extraction:
    """Operations and metrics of one document, with its fields.

    :param document: the release (``body`` as the app shows it)
    :param rules: compiled rules; the bundled ones by default
    """
    rules = rules or default_rules()
    a = _Analysis(document, rules)
    cands = _dedupe(find_candidates(a.body, a.layout, rules, a.dates, a.dollar), a.layout)
    return Extraction(
        document=document.name, title=document.title, published=document.published, publisher=document.publisher,
        url=document.url, area=document.area, operations=a.operations,
        metrics=tuple(_metric(c, a, rules) for c in cands), extractor_version=EXTRACTOR_VERSION)


def extract_span(document: Document, start: int, end: int, rules: Optional[Rules] = None) -> tuple[Metric, ...]:
    """Metrics whose number stands in ``body[start:end]``; offsets count in the whole body.

    A number there that no rule classifies is offered as ``other`` so a reviewer can
    still add it.

    :param document: the release
    :param start: selection start (characters)
    :param end: selection end
    """
    rules = rules or default_rules()
    a = _Analysis(document, rules)
    start, end = max(0, start), min(len(a.body), end)
    cands = find_candidates(a.body, a.layout, rules, a.dates, a.dollar, start=start, end=end)
    found = [_metric(c, a, rules) for c in cands]
    if not found:
        for tok in find_numbers(a.body[start:end], a.dollar):
            c = Candidate(category="other", value=tok.value, qualifier="exact", unit=tok.currency or "count",
                          subject=None, start=start + tok.start, end=start + tok.end, rule="selection",
                          num_start=start + tok.start, num_end=start + tok.end, explicit_q=False,
                          sentence=a.layout.sentence_of(start + tok.start))
            found.append(_metric(c, a, rules))
    return tuple(found)


def extract_operation_span(document: Document, start: int, end: int,
                           rules: Optional[Rules] = None) -> Optional[Operation]:
    """The operation named in ``body[start:end]`` with dates and duration from its sentence.

    :param document: the release
    :param start: selection start (characters)
    :param end: selection end
    """
    rules = rules or default_rules()
    body = document.body or ""
    name = operation_from_text(body[max(0, start):end], rules)
    if not name:
        return None
    layout = Layout(body, rules.lead_lines)
    mention = Mention(start, end, name, "selection")
    ops = build_operations(body, layout, [mention], list(find_dates(body)), document.published, None, rules)
    return ops[0] if ops else None
