"""Small helpers for the extractor tests: a document from a body, metrics as tuples."""

import hashlib

from desktop.domain import Document
from desktop.extractor import extract


def doc(body: str, published=None, url=None, name="t.txt") -> Document:
    """A document made from ``body``."""
    return Document(name=name, body=body, sha256=hashlib.sha256(body.encode()).hexdigest(),
                    published=published, url=url)


def metrics(body: str, published=None, url=None, rules=None):
    """``(category, value, qualifier)`` of every metric found in ``body``."""
    return [(m.category, m.value, m.qualifier) for m in extract(doc(body, published, url), rules).metrics]


def core(body: str, **kw):
    """Like :func:`metrics` without ``other`` rows."""
    return [m for m in metrics(body, **kw) if m[0] != "other"]
