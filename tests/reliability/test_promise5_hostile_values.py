"""Promise 5, hostile values in the form: 1 MB of pasted text, 1e309, NaN, -0, 31 February, an
operation name with a newline: validated or refused with a message; nothing corrupt reaches the store."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

MEGABYTE = "x" * (1024 * 1024)


def _snapshot(store):
    db = store.db
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("documents", "metrics", "operations", "audit_log")}


def _no_corruption(store):
    db = store.db
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in ("metrics", "suggested_metrics"):
        for value, kind in db.execute(f"SELECT value, typeof(value) FROM {table}"):
            assert kind in ("integer", "real", "null"), (table, value, kind)
            assert value is None or (math.isfinite(value) and not (value == 0 and math.copysign(1, value) < 0))
    for (name,) in db.execute("SELECT name FROM operations"):
        assert "\n" not in name and "\r" not in name and name.strip()
    for (text,) in db.execute("SELECT coalesce(subject, '') || coalesce(text, '') FROM metrics"):
        assert len(text) <= 10_000


REFUSED_METRIC = [
    ("value", MEGABYTE), ("value", 1e309), ("value", "1e309"), ("value", float("nan")), ("value", "NaN"),
    ("value", "-inf"), ("value", "12 arrests"), ("value", True), ("subject", MEGABYTE), ("text", MEGABYTE),
    ("operation", MEGABYTE), ("category", "arrests\nDROP TABLE"), ("qualifier", "maybe"), ("offset", -1),
    ("length", 2.5),
]


@pytest.mark.parametrize("field,value", REFUSED_METRIC,
                         ids=[f"{f}={str(v)[:12]!r}" for f, v in REFUSED_METRIC])
def test_promise5_hostile_value_refused_with_a_message_store_unchanged(seeded, field, value):
    mid = seeded.metrics(seeded.doc_id)[0]["id"]
    before = _snapshot(seeded)
    with pytest.raises(ValueError) as caught:
        seeded.update_metric(mid, **{field: value})
    message = str(caught.value)
    assert message and len(message) < 300, "the message must be short enough to show in the form"
    assert _snapshot(seeded) == before
    with pytest.raises(ValueError):
        seeded.add_row("metric", seeded.doc_id, **{field: value})
    assert _snapshot(seeded) == before
    _no_corruption(seeded)


def test_promise5_hostile_huge_integer_refused_with_a_message(seeded):
    mid = seeded.metrics(seeded.doc_id)[0]["id"]
    before = _snapshot(seeded)
    with pytest.raises(ValueError):
        seeded.update_metric(mid, value=10 ** 400)  # Decimal/int parsing in a form can produce this
    assert _snapshot(seeded) == before


@pytest.mark.parametrize("value", [-0.0, "-0", "-0.0", 0])
def test_promise5_hostile_negative_zero_is_stored_as_plain_zero(seeded, value):
    mid = seeded.metrics(seeded.doc_id)[0]["id"]
    seeded.update_metric(mid, value=value)
    stored = seeded.db.execute("SELECT value FROM metrics WHERE id = ?", [mid]).fetchone()[0]
    assert stored == 0 and math.copysign(1, stored) == 1
    _no_corruption(seeded)


@pytest.mark.parametrize("field,value", [("start", "2021-02-31"), ("end", "2021-13-01"), ("start", "31/02/2021"),
                                         ("end", "2021-02-29"), ("start", MEGABYTE), ("name", ""), ("name", "\n\t")])
def test_promise5_hostile_operation_value_refused(seeded, field, value):
    oid = seeded.operations(seeded.doc_id)[0]["id"]
    before = _snapshot(seeded)
    with pytest.raises(ValueError) as caught:
        seeded.update_operation(oid, **{field: value})
    assert str(caught.value)
    assert _snapshot(seeded) == before


def test_promise5_hostile_published_31_february_refused(seeded):
    before = _snapshot(seeded)
    with pytest.raises(ValueError, match="date"):
        seeded.update_document(seeded.doc_id, "published", "2021-02-31")
    with pytest.raises(ValueError):
        seeded.update_document(seeded.doc_id, "title", MEGABYTE)
    assert _snapshot(seeded) == before


def test_promise5_hostile_operation_name_with_newline_becomes_one_line(seeded):
    oid = seeded.operations(seeded.doc_id)[0]["id"]
    row = seeded.update_operation(oid, name="Operation\nSceptre\r\n")
    assert row["name"] == "Operation Sceptre"
    new = seeded.add_row("operation", seeded.doc_id, name="Line one\nLine two")
    assert seeded.row("operation", new)["name"] == "Line one Line two"
    mid = seeded.metrics(seeded.doc_id)[0]["id"]
    assert seeded.update_metric(mid, operation="Op\nX")["operation"] == "Op X"
    _no_corruption(seeded)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(st.text(max_size=40), st.floats(), st.integers(min_value=-(2 ** 70), max_value=2 ** 70),
                       st.sampled_from(["1e309", "-1e309", "NaN", "nan", "inf", "-0", "1,825", "£46,000", "0x10",
                                        "1_000", " 12 ", "", "٣", "1e-400", "+5"])))
def test_promise5_hostile_any_typed_value_is_a_finite_number_or_refused(seeded, value):
    mid = seeded.metrics(seeded.doc_id)[0]["id"]
    before = _snapshot(seeded)
    try:
        seeded.update_metric(mid, value=value)
    except ValueError as exc:
        assert str(exc)
        assert _snapshot(seeded) == before
    else:
        stored = seeded.row("metric", mid)["value"]
        assert stored is None or (isinstance(stored, (int, float)) and not isinstance(stored, bool)
                                  and math.isfinite(stored))
    _no_corruption(seeded)
