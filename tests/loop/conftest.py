"""A store with reviewed documents whose decisions were made through the store's API."""

import pytest

from desktop.domain import Metric
from tests.conftest import make_document, make_extraction


def _import(store, body, metrics, version, publisher):
    doc = make_document(body, name=f"{abs(hash(body))}.txt", publisher=publisher)
    ext = make_extraction(doc, metrics=metrics)
    ext = type(ext)(**{**ext.__dict__, "extractor_version": version})
    [doc_id], _ = store.import_batch([(doc, ext)])
    return doc_id, {m["suggestion_id"]: m["id"] for m in store.metrics(doc_id)}


def _m(category, value, rule, text):
    return Metric(category, value, subject=text.split()[-1], offset=0, length=len(text), text=text, rule=rule)


@pytest.fixture
def decided(store):
    """Three documents: two reviewed (Kent Police, v1; Met, v2) and one not. See test_report for the decisions."""
    s1 = [_m("arrests", 12, "arrests.count", "12 arrests"), _m("arrests", 5, "arrests.people", "5 people arrested"),
          _m("charges", 4, "charges.count", "4 charges"), _m("knives_seized", 3, "knives_seized.count", "3 knives"),
          _m("knives_seized", 7, "knives_seized.count", "7 knives"), _m("charges", 9, "charges.count", "9 charges"),
          _m("arrests", 12, "arrests.people", "12 people arrested"), _m("other", 100, "other.x", "100 bins")]
    d1, ids = _import(store, "Doc one: 12 arrests and more.", s1, "v1", "Kent Police")
    rows = [ids[k] for k in sorted(ids)]
    store.confirm("metric", rows[0])                                 # arrests 12: confirmed
    store.update_metric(rows[1], value=6)                            # arrests 5 -> 6: a corrected value
    store.update_metric(rows[2], qualifier="at_least")               # charges 4: qualifier only (kept)
    store.reject("metric", rows[3])                                  # knives 3: rejected
    store.update_metric(rows[4], subject="blades")                   # knives 7: subject only (kept)
    store.update_metric(rows[5], category="arrests")                 # charges 9 -> arrests 9: a corrected category
    store.reject("metric", rows[6])                                  # arrests 12 again: a repeated mention
    store.reject("metric", rows[7])                                  # other 100: rejected
    store.add_row("metric", d1, category="knives_seized", value=2, text="two knives")
    store.add_row("metric", d1, category="arrests", value=1, text="one man arrested")
    gone = store.add_row("metric", d1, category="arrests", value=99, text="99")
    store.reject("metric", gone)                                     # added, then rejected: no decision
    store.set_document_status(d1, "reviewed")

    d2, ids = _import(store, "Doc two: 3 arrests.", [_m("arrests", 3, "arrests.count", "3 arrests")], "v2", "Met")
    store.confirm("metric", list(ids.values())[0])
    store.add_row("metric", d2, category="charges", value=1, text="one charge")
    store.set_document_status(d2, "reviewed")

    d3, ids = _import(store, "Doc three: 4 arrests.", [_m("arrests", 4, "arrests.count", "4 arrests")], "v2", "Met")
    store.reject("metric", list(ids.values())[0])                    # not reviewed: not counted
    store.ids = (d1, d2, d3)
    return store


@pytest.fixture(autouse=True)
def fresh_rules():
    """Tests here change the user's rules folder: the loaded rules are forgotten before and after each."""
    from desktop.extractor import forget_default_rules
    forget_default_rules()
    yield
    forget_default_rules()
