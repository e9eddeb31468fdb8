"""Limits on what one release's extraction may hand to the store, with notes for the report.

The extractor reads whatever a release says; this is the gate after it (outside the rule
engine, so it holds for any rules): a figure that is not finite or is larger than
:data:`~desktop.store.numbers.MAX_FIGURE` is not a metric, and a release yields at most
:data:`MAX_SUGGESTIONS` suggestions; what is left out is named in a note. The time one
release may take is :data:`TIME_BUDGET_S` (applied by :func:`desktop.ingest.bounded_extract`).

Example::

    >>> extraction, notes = bound(extraction)
    >>> notes
    ['1 figure left out: larger than 1,000,000,000,000,000 or not a finite number ("999999…")']
"""

from __future__ import annotations

from dataclasses import replace

from desktop.domain import Extraction
from desktop.store.numbers import MAX_FIGURE, is_figure

#: Suggestions (metrics and operations together) kept for one release.
MAX_SUGGESTIONS = 2000
#: Seconds one release's extraction may take (``blotter import/extract --time-budget``); a release
#: over it is imported without suggestions. Extraction is linear in the text; a dense 10 MB
#: release (the import limit) takes about 100-200 s, ordinary releases milliseconds.
TIME_BUDGET_S = 30.0


def bound(extraction: Extraction) -> tuple[Extraction, list[str]]:
    """``extraction`` without figures that are not figures and cut to :data:`MAX_SUGGESTIONS`."""
    notes: list[str] = []
    metrics = [m for m in extraction.metrics if m.value is None or is_figure(m.value)]
    dropped = len(extraction.metrics) - len(metrics)
    if dropped:
        example = next(m.text for m in extraction.metrics if m.value is not None and not is_figure(m.value))
        shown = example if len(example) <= 40 else example[:39] + "…"
        notes.append(f"{dropped:,} figure{'s' if dropped > 1 else ''} left out: larger than {MAX_FIGURE:,.0f} or "
                     f"not a finite number ({shown!r})")
    operations = list(extraction.operations)
    room = max(0, MAX_SUGGESTIONS - len(operations[:MAX_SUGGESTIONS]))
    over = max(0, len(operations) - MAX_SUGGESTIONS) + max(0, len(metrics) - room)
    if over:
        notes.append(f"{over:,} more suggestions left out: at most {MAX_SUGGESTIONS:,} are kept for one release")
        operations, metrics = operations[:MAX_SUGGESTIONS], metrics[:room]
    if not notes:
        return extraction, notes
    return replace(extraction, operations=tuple(operations), metrics=tuple(metrics)), notes
