"""Shared fixtures: a headless Qt platform, an in-memory store, tiny documents."""

import hashlib
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the user's rules folder ($XDG_CONFIG_HOME/blotter/rules) is layered over the bundled rules: a test run
# never reads (or writes) the real one
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="blotter-test-config-")
# The error log (desktop/errorlog.py) goes to a throwaway folder, never the real ~/.local/state.
import atexit  # noqa: E402
import shutil  # noqa: E402

os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="blotter-test-state-")
atexit.register(shutil.rmtree, os.environ["XDG_STATE_HOME"], True)
atexit.register(shutil.rmtree, os.environ["XDG_CONFIG_HOME"], True)

import pytest  # noqa: E402

from desktop.domain import Document, Extraction, Metric, Operation  # noqa: E402
from desktop.store import Store  # noqa: E402


def make_document(body: str = "Police made 12 arrests during Operation Test.", name: str = "doc.txt",
                  **fields) -> Document:
    """A document whose identity is its body, as the importer makes it."""
    return Document(name=name, body=body, sha256=hashlib.sha256(body.encode()).hexdigest(), **fields)


def make_extraction(doc: Document, metrics=(), operations=()) -> Extraction:
    return Extraction(document=doc.name, title=doc.title, published=doc.published,
                      operations=tuple(operations), metrics=tuple(metrics), extractor_version="test-1")


@pytest.fixture
def store():
    """A fresh in-memory store at the current schema."""
    s = Store.open(":memory:", reviewer="tester")
    yield s
    s.close()


@pytest.fixture
def seeded(store):
    """The store holding one document with one operation and two suggested metrics."""
    body = "Operation Test: police made 12 arrests and seized 3 knives."
    doc = make_document(body, title="Test release", published="2021-01-05")
    ext = make_extraction(doc, operations=[Operation("Operation Test", "2021-01-01", "2021-01-04")], metrics=[
        Metric("arrests", 12, subject="arrests", operation="Operation Test", offset=body.index("12"),
               length=10, text="12 arrests", rule="t"),
        Metric("knives_seized", 3, subject="knives", operation="Operation Test", offset=body.index("3 knives"),
               length=8, text="3 knives", rule="t"),
    ])
    ids, _ = store.import_batch([(doc, ext)])
    store.doc_id = ids[0]
    return store
