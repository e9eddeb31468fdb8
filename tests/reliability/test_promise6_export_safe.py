"""Promise 6, export is safe to open: text cells starting with = + - @ tab or CR are neutralised,
numbers stay numbers, a round trip through the csv module gives the stored values back, and the
file is written under a temporary name and renamed (a crash never leaves half a CSV)."""

from __future__ import annotations

import csv
import signal
import subprocess

from hypothesis import HealthCheck, given, settings, strategies as st

from desktop.domain import Metric, Operation
from desktop.export import COLUMNS, NUMERIC, export
from desktop.store import Store
from tests.conftest import make_document, make_extraction
from tests.reliability.conftest import child_cmd, child_env

DANGER = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "\t=1", "\r=1", "'=already quoted", "'plain apostrophe", "=", "-", "ok text", "multi\nline =x", ""]


def _store_with(texts, values=(12, -5, 0.1, 1e-07, 1825, None)):
    store = Store.open(":memory:", reviewer="=cmd|' /C calc'!A0")
    body = "Police made 12 arrests. " + " ".join(texts)
    doc = make_document(body, name="=evil().txt", title=texts[0] if texts else "t", publisher="@pub",
                        url="-http://x", published="2021-01-05")
    metrics = [Metric("arrests", values[i % len(values)] if values else 1, subject=t, text=t or None,
                      operation="+Op", offset=0, length=1) for i, t in enumerate(texts)]
    ids, _ = store.import_batch([(doc, make_extraction(doc, metrics=metrics, operations=[Operation("+Op")]))])
    store.set_document_status(ids[0], "reviewed")
    return store


def _read(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _unquote(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def _stored_rows(store):
    from desktop.export import rows
    return list(rows(store, include_all=False))


def test_promise6_export_safe_hostile_cells_neutralised_numbers_stay_numbers(tmp_path):
    store = _store_with(HOSTILE)
    out = tmp_path / "out.csv"
    assert export(store, out) == len(HOSTILE)
    got = _read(out)
    for row in got:
        for column, cell in row.items():
            if column in NUMERIC:
                if cell:
                    float(cell)  # a number, not text
                    assert not cell.startswith("'")
            else:
                assert not cell.startswith(DANGER), (column, cell)
    assert [r["value"] for r in got][:6] == ["12", "-5", "0.1", "1e-07", "1825", ""]


def test_promise6_export_safe_round_trip_gives_stored_values_back(tmp_path):
    store = _store_with(HOSTILE)
    out = tmp_path / "out.csv"
    export(store, out)
    for stored, row in zip(_stored_rows(store), _read(out), strict=True):
        for column in COLUMNS:
            want = stored[column]
            if column in NUMERIC:
                assert (float(row[column]) if row[column] else None) == want, column
            else:
                assert _unquote(row[column]) == ("" if want is None else str(want)), (column, row[column])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
                      .filter(lambda t: t.strip() == t and t), min_size=1, max_size=4))
def test_promise6_export_safe_round_trip_property(tmp_path, texts):
    store = _store_with(texts, values=(1,))
    out = tmp_path / "prop.csv"
    export(store, out)
    for stored, row in zip(_stored_rows(store), _read(out), strict=True):
        for column in ("subject", "evidence", "operation"):
            cell = row[column]
            assert not cell.startswith(DANGER)
            assert _unquote(cell) == stored[column], (column, stored[column], cell)


def test_promise6_export_safe_sigkill_mid_export_leaves_the_old_file_whole(tmp_path):
    path = tmp_path / "db.sqlite"
    store = _store_with(HOSTILE)
    store.db.execute(f"VACUUM INTO '{path}'")
    store.close()
    out = tmp_path / "figures.csv"
    out.write_bytes(b"the export of yesterday\r\n")
    proc = subprocess.Popen(child_cmd("export", path, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=child_env(), text=True)
    assert proc.stdout.readline().strip() == "halfway", proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert out.read_bytes() == b"the export of yesterday\r\n"
    assert {p.name for p in tmp_path.iterdir() if p.suffix == ".csv"} == {"figures.csv"}


def test_promise6_export_safe_failed_export_raises_and_leaves_nothing(tmp_path, monkeypatch):
    import desktop.export as ex
    store = _store_with(HOSTILE)
    out = tmp_path / "figures.csv"

    name = "records" if hasattr(ex, "records") else "rows"
    real = getattr(ex, name)

    def broken(store, include_all=False):
        yield from list(real(store, include_all))[:3]
        raise OSError(28, "No space left on device")
    for attr in ("records", "rows"):
        if hasattr(ex, attr):
            monkeypatch.setattr(ex, attr, broken)
    if hasattr(ex, "safe_records"):  # what a CSV is drawn from
        real_safe = ex.safe_records

        def broken_safe(*args, **kw):
            yield from list(real_safe(*args, **kw))[:3]
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(ex, "safe_records", broken_safe)
    try:
        export(store, out)
    except OSError:
        pass
    else:
        raise AssertionError("the export reported success")
    assert list(tmp_path.iterdir()) == []
