"""Tools ▸ Extractor report, Try rules…, Suggested rules: the windows over reviewers' decisions (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.extractor import forget_default_rules
from desktop.paths import user_rules_dir
from desktop.ui.extractor_report import ReportTableModel


@pytest.fixture(autouse=True)
def own_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    forget_default_rules()
    yield
    forget_default_rules()


def _decide(window):
    """The Winter Nights release: 313 knives confirmed, 107 weapons rejected, 20 firearms corrected to 21,
    1,800 arrests confirmed, '5 tomahawks' and '2 tomahawks' added; marked reviewed."""
    store = window.store
    doc = next(d for d in store.page(limit=50) if d["name"] == "000_21d9219c638e232c.txt")["id"]
    rows = {r["category"]: r["id"] for r in store.metrics(doc)}
    store.confirm("metric", rows["knives_seized"])
    store.reject("metric", rows["weapons_seized"])
    store.update_metric(rows["firearms_seized"], value=21)
    store.confirm("metric", rows["arrests"])
    store.add_row("metric", doc, category="weapons_seized", value=5, text="5 tomahawks")
    store.add_row("metric", doc, category="weapons_seized", value=2, text="2 tomahawks")
    store.set_document_status(doc, "reviewed")
    return doc


def test_report_model(qtmodeltester):
    model = ReportTableModel()
    model.set_rows("Rule", [("a.count", {"suggested": 2, "confirmed": 1, "corrected": 0, "rejected": 1, "added": 0,
                                         "precision": 0.5, "recall": None, "corrected_fields": {},
                                         "documents_with_errors": [1]})])
    qtmodeltester.check(model)


def test_report_window_sorts_and_opens_a_rules_documents(window, qtbot):
    doc = _decide(window)
    window.actions_by_name["extractor_report"].trigger()
    dialog = window.tools.dialogs["extractor_report"]
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: bool(dialog.report), timeout=30000)  # read in the background
    assert "1 reviewed documents" in dialog.summary.text()
    cats = {dialog.model.name_at(r): r for r in range(dialog.model.rowCount())}
    assert set(cats) >= {"knives_seized", "weapons_seized", "firearms_seized", "arrests"}
    # sorted by Suggested, most first; a click on Precision sorts by it
    dialog.table.horizontalHeader().sectionClicked.emit(6)
    dialog.by.setFocus()
    qtbot.keyClick(dialog.by, Qt.Key_Down)  # By: Rule
    assert dialog.model.label == "Rule" and dialog.model.name_at(0) == "test"
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key_Home)
    assert dialog.documents.count() == 1  # the 'test' rule was rejected or corrected in that release
    dialog.documents.setFocus()
    dialog.documents.setCurrentRow(0)
    window.show_document(None)
    qtbot.keyClick(dialog.documents, Qt.Key_Return)
    assert window.document_id == doc


def test_try_rules_shows_the_diff_and_adopts(window, qtbot, tmp_path):
    _decide(window)
    cand = tmp_path / "tomahawk.yaml"
    cand.write_text("words:\n  nouns:\n    weapon: [tomahawk]\n")
    window.actions_by_name["try_rules"].trigger()
    dialog = window.tools.dialogs["try_rules"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("words:\n  nouns: [x\n")
    dialog.try_path(broken)
    assert f"{broken}:" in dialog.status.text() and not dialog.adopt.isEnabled()
    dialog.try_path(cand)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    t = dialog.result.totals
    last = dialog.totals.rowCount() - 1
    assert dialog.totals.item(last, 0).text() == "Total"
    assert [int(dialog.totals.item(last, c).text()) for c in (1, 2, 3, 4)] == [t["fix"], t["break"], t["new"],
                                                                               t["again"]]
    assert dialog.diff.topLevelItemCount() == len(dialog.result.diffs) >= 1
    assert dialog.adopt.isEnabled()
    assert dialog.adopt_rules(confirm=False)
    assert (user_rules_dir() / "tomahawk.yaml").is_file()
    qtbot.waitUntil(lambda: window.files.last_result is not None and "flagged" in window.files.last_result,
                    timeout=60000)
    assert any(e["entity"] == "rules" for e in window.store.history())


def test_suggested_rules_accept_writes_the_users_file(window, qtbot):
    _decide(window)
    window.actions_by_name["suggested_rules"].trigger()
    dialog = window.tools.dialogs["suggested_rules"]
    qtbot.waitUntil(lambda: bool(dialog.proposals), timeout=30000)
    p = dialog.proposals[0]
    assert (p.base, p.list_name, p.rows) == ("tomahawk", "weapon", 2)
    assert dialog.table.item(0, 0).text() == "tomahawks" and "fixes" in dialog.detail.text()
    dialog.accept_button.setFocus()
    qtbot.keyClick(dialog.accept_button, Qt.Key_Space)
    assert "tomahawk" in (user_rules_dir() / "words.yaml").read_text()
    assert dialog.table.rowCount() == 0
