"""The release: plain text, evidence highlighted by category, uncited numbers underlined, clicks both ways."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.ui import style
from desktop.ui.highlighter import OffsetMap
from desktop.text_numbers import first_number, number_spans, uncited


def painted(document: QTextDocument) -> list[tuple[int, int, QTextCharFormat]]:
    """The stretches of ``document`` that carry a highlight, ``(start, end, format)`` in Qt positions, in order."""
    out: list = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if (fmt.hasProperty(QTextCharFormat.BackgroundBrush)
                    or fmt.underlineStyle() != QTextCharFormat.NoUnderline):
                start, end = fragment.position(), fragment.position() + fragment.length()
                if out and out[-1][1] == start and out[-1][2] == fmt:
                    out[-1] = (out[-1][0], end, fmt)
                else:
                    out.append((start, end, fmt))
            it += 1
        block = block.next()
    return out


def test_body_is_plain_text_never_html(window):
    body = window.store.document(1)["body"]
    assert window.release.text.toPlainText() == body
    assert "**" in window.release.text.toPlainText()  # markup shown as written


def test_copying_from_the_release_carries_the_text_not_the_highlights(window, qtbot):
    text = window.release.text
    text.setFocus()
    qtbot.keyClick(text, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClick(text, Qt.Key_C, Qt.ControlModifier)
    data = QApplication.clipboard().mimeData()
    assert data.text() == text.toPlainText()
    assert not data.hasHtml()  # no review colours pasted into a report


def test_evidence_highlighted_in_category_colours(window):
    text = window.release.text
    spans = text.spans
    assert sorted(s.category for s in spans) == sorted(r["category"] for r in window.metrics_model.rows())
    backgrounds = {fmt.background().color().name() for _start, _end, fmt in painted(text.document())
                   if fmt.hasProperty(QTextCharFormat.BackgroundBrush)}
    current = window.form.metrics_view.current_id()  # the current row's evidence is darker
    assert {style.category_colour(s.category).name() for s in spans if s.row_id != current} <= backgrounds
    assert len(backgrounds) >= 3
    legend = window.release.legend.text()
    assert "knives seized" in legend and "arrests" in legend


def test_uncited_numbers_underlined(window):
    text = window.release.text
    body = text.body
    dotted = [(start, end) for start, end, fmt in painted(text.document())
              if fmt.underlineStyle() == QTextCharFormat.DotLine]
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


def _expected(text) -> list[tuple[int, int, str]]:
    """What the release should show, worked out afresh: (start, end, background or "dotted")."""
    from desktop.ui.highlighter import char_format, formats
    fresh = QTextDocument()
    fresh.setPlainText(text.body)
    cursor = QTextCursor(fresh)
    for start, end, key in formats(text.body, text.spans, window_current(text)):
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.KeepAnchor)
        cursor.setCharFormat(char_format(key))
    return _shown(fresh)


def _shown(document) -> list[tuple[int, int, str, bool]]:
    return [(s, e, "dotted" if f.underlineStyle() == QTextCharFormat.DotLine else f.background().color().name(),
             f.fontUnderline()) for s, e, f in painted(document)]


def window_current(text):
    return text.parent()._current


def test_moving_down_the_rows_moves_the_darker_highlight_and_nothing_else(window, qtbot):
    text, view = window.release.text, window.form.metrics_view
    view.setFocus()
    spans = {s.row_id: s for s in text.spans}
    before = _shown(text.document())
    first = view.current_id()
    qtbot.keyClick(view, Qt.Key_Down)
    second = view.current_id()
    assert second != first and {first, second} <= set(spans)
    after = _shown(text.document())
    assert after == _expected(text)  # the same as painting every highlight afresh
    changed = {(s, e) for s, e, *_ in set(before) ^ set(after)}
    assert changed == {(spans[first].start, spans[first].end), (spans[second].start, spans[second].end)}
    underlined = [(s, e) for s, e, colour, line in after if line and colour != "dotted"]
    assert underlined == [(spans[second].start, spans[second].end)]  # the current row's evidence only


def test_nested_evidence_keeps_the_inner_highlight_when_the_outer_becomes_current(qtbot):
    from desktop.ui.highlighter import Span, apply, char_format, formats
    body = "Officers seized 313 knives and 12 guns in total."
    document = QTextDocument()
    document.setPlainText(body)
    offsets = OffsetMap(body)
    outer = Span(body.index("seized"), body.index(" in total"), 1, "weapons")
    inner = Span(body.index("12"), body.index("12") + 7, 2, "firearms")
    old = formats(body, [outer, inner], None)
    apply(document, offsets, old, None)
    for current in (1, 2, None, 1):
        new = formats(body, [outer, inner], current)
        apply(document, offsets, new, old)
        old = new
        fresh = QTextDocument()
        fresh.setPlainText(body)
        apply(fresh, offsets, new, None)
        assert _shown(document) == _shown(fresh)
    inner_colour = char_format(("evidence", "firearms")).background().color().name()
    assert (inner.start, inner.end, inner_colour, False) in _shown(document)


def test_a_new_document_shows_only_its_own_highlights(window):
    text = window.release.text
    window.show_document(2)
    window.show_document(1)
    assert _shown(text.document()) == _expected(text)
    assert text.toPlainText() == window.store.document(1)["body"]
    window.show_document(2)
    assert _shown(text.document()) == _expected(text)


def test_an_uncited_number_tells_why_it_is_underlined(window):
    text = window.release.text
    tips = {fmt.toolTip() for _s, _e, fmt in painted(text.document())
            if fmt.underlineStyle() == QTextCharFormat.DotLine}
    assert tips == {"No row cites this number: a figure the extractor may have missed"}


def test_another_current_row_lays_out_again_only_the_paragraphs_it_changes(qtbot):
    from desktop.ui.release_view import ReleaseView
    middle = ["Words with no figure in them at all."] * 6
    body = "\n".join(["Officers seized 313 knives."] + middle + ["They made 42 arrests."])
    rows = [{"id": i, "offset": body.index(words), "length": len(words), "status": "suggested", "category": category}
            for i, words, category in ((1, "313 knives", "knives seized"), (2, "42 arrests", "arrests"))]
    view = ReleaseView()
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.show()
    view.set_document(body, rows, current=1)
    view.text.viewport().grab()  # all of it laid out
    document = view.text.document()
    blocks = [document.findBlockByNumber(n) for n in range(document.blockCount())]
    assert all(b.layout().lineCount() for b in blocks)
    view.set_current(2)
    # the paragraphs between keep their layout (Qt counts a format change twice its length: the one after
    # the first highlight may go too)
    assert all(b.layout().lineCount() for b in blocks[2:7])
    assert _shown(document) == _expected(view.text)


def test_the_menus_copy_carries_the_text_not_the_highlights(window, qtbot):
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QContextMenuEvent
    text = window.release.text
    text.selectAll()
    copied = []

    def choose_copy():
        menu = QApplication.activePopupWidget()
        copied.extend(a for a in menu.actions() if a.objectName() == "edit-copy")
        for action in copied:
            action.trigger()
        menu.close()

    QTimer.singleShot(100, choose_copy)
    text.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Mouse, QPoint(5, 5), text.mapToGlobal(QPoint(5, 5))))
    data = QApplication.clipboard().mimeData()
    assert copied and data.text() == text.toPlainText()
    assert not data.hasHtml()
