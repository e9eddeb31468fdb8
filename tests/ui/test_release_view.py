"""The release: plain text, evidence highlighted by category, uncited numbers underlined, clicks both ways."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat

from desktop.ui import style
from desktop.ui.highlighter import OffsetMap
from desktop.text_numbers import first_number, number_spans, uncited


def test_body_is_plain_text_never_html(window):
    body = window.store.document(1)["body"]
    assert window.release.text.toPlainText() == body
    assert "**" in window.release.text.toPlainText()  # markup shown as written


def test_evidence_highlighted_in_category_colours(window):
    text = window.release.text
    spans = text.spans
    assert sorted(s.category for s in spans) == sorted(r["category"] for r in window.metrics_model.rows())
    backgrounds = {sel.format.background().color().name() for sel in text.extraSelections()
                   if sel.format.hasProperty(QTextCharFormat.BackgroundBrush)}
    current = window.form.metrics_view.current_id()  # the current row's evidence is darker
    assert {style.category_colour(s.category).name() for s in spans if s.row_id != current} <= backgrounds
    assert len(backgrounds) >= 3
    legend = window.release.legend.text()
    assert "knives seized" in legend and "arrests" in legend


def test_uncited_numbers_underlined(window):
    text = window.release.text
    body = text.body
    dotted = [(sel.cursor.selectionStart(), sel.cursor.selectionEnd()) for sel in text.extraSelections()
              if sel.format.underlineStyle() == QTextCharFormat.DotLine]
    words = {body[s:e] for s, e in dotted}
    assert {"955", "1,825", "146"} <= words
    assert "313" not in words  # cited by a row
    assert "2021" not in words  # a year is not a figure


def test_rejecting_a_row_removes_its_highlight(window, qtbot):
    row_id = window.metrics_model.row_at(0)["id"]
    window.form.metrics_view.select_id(row_id)
    window.review.reject("metric")
    assert row_id not in {s.row_id for s in window.release.text.spans}


def test_click_a_row_selects_its_evidence(window):
    view = window.form.metrics_view
    row = window.metrics_model.row_at(2)
    view.select_id(row["id"])
    assert window.release.current_span() == (row["offset"], row["offset"] + row["length"])
    assert window.release.text.textCursor().position() == row["offset"]
    assert not window.release.text.textCursor().hasSelection()  # Ctrl+M adds only what the reviewer selects


def test_click_a_highlight_selects_its_row(window, qtbot):
    text = window.release.text
    row = window.metrics_model.row_at(3)
    cursor = text.textCursor()
    cursor.setPosition(row["offset"] + 2)
    text.setTextCursor(cursor)
    text.ensureCursorVisible()
    point = text.cursorRect(cursor).center() + QPoint(1, 0)
    qtbot.mouseClick(text.viewport(), Qt.LeftButton, pos=point)
    assert window.form.metrics_view.current_id() == row["id"]


def test_offsets_survive_characters_outside_the_bmp():
    body = "😀 police made 12 arrests"
    offsets = OffsetMap(body)
    start = body.index("12")
    assert offsets.to_py(offsets.to_qt(start)) == start
    assert offsets.to_qt(start) == start + 1


def test_number_spans_leave_out_dates_and_times():
    text = "Jan 05, 2021 16:23 GMT: 313 knives, 1,825 arrests and three guns on 3 January"
    found = {text[s:e] for s, e in number_spans(text)}
    assert found == {"313", "1,825", "three"}
    assert uncited(text, [(text.index("313"), text.index("313") + 3)]) == \
        [(text.index("1,825"), text.index("1,825") + 5), (text.index("three"), text.index("three") + 5)]
    assert first_number("more than 1,800 people") == 1800
