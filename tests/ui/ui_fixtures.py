"""Hand-made extractions of the bundled seeds, so the window's tests do not depend on the extractor."""

from __future__ import annotations

from pathlib import Path

from desktop.domain import Extraction, Metric, Operation
from desktop.importer import read_paths
from desktop.paths import seeds_dir
from desktop.store import Store

#: per seed: (operations, [(evidence text, category, value, qualifier)])
FIGURES = {
    "000_21d9219c638e232c.txt": (
        [Operation("Operation Winter Nights", "2020-11-30", "2021-01-03", "five-week")],
        [("313 knives", "knives_seized", 313, "exact"),
         ("107 other offensive weapon", "weapons_seized", 107, "exact"),
         ("20 firearms", "firearms_seized", 20, "exact"),
         ("more than 1,800 people arrested", "arrests", 1800, "at_least")],
    ),
    "001_3b45f4ba21089c57.txt": (
        [Operation("Autumn Nights")],
        [],
    ),
}


def metric(body: str, text: str, category: str, value, qualifier: str) -> Metric:
    offset = body.index(text)
    return Metric(category=category, value=value, qualifier=qualifier, offset=offset, length=len(text), text=text,
                  subject=text.split(" ", 1)[-1], rule="test")


def seed_documents():
    return [r.document for r in read_paths([seeds_dir()])]


def build(path: Path, reviewer: str = "tester") -> Store:
    """A database at ``path`` holding the five seeds with the figures above."""
    store = Store.open(path, reviewer)
    pairs = []
    for doc in seed_documents():
        ops, figures = FIGURES.get(doc.name, ([], []))
        pairs.append((doc, Extraction(
            document=doc.name, title=doc.title, published=doc.published, publisher=doc.publisher,
            operations=tuple(ops), metrics=tuple(metric(doc.body, *f) for f in figures),
            extractor_version="test")))
    store.import_batch(pairs)
    return store
