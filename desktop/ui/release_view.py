"""The centre panel: the release as plain text, its evidence highlighted, numbers no row cites underlined.

The body is set with ``setPlainText`` (never HTML: a release's markup is text).
Clicking a highlight emits ``span_clicked(row_id)``; :meth:`show_span` selects
and scrolls to a row's evidence. The reviewer's selection, in Python offsets, is
:meth:`selection_span` (what "Add metric from selection" reads).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QTextCursor, QTextOption
from PySide6.QtWidgets import QApplication, QFrame, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.ui import highlighter, style
from desktop.ui.find_bar import FindBar
from desktop.ui.highlighter import OffsetMap, Span, evidence_spans, span_at
from desktop.ui.legend import Legend


class ReleaseText(QPlainTextEdit):
    """Read-only text that reports clicks on highlights and forwards the review keys."""

    span_clicked = Signal(int)
    #: Ctrl+F or / while the release has the focus
    find_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.setFont(style.reading_font())
        self.setFrameShape(QFrame.NoFrame)
        self.document().setDocumentMargin(14)
        self.document().setUndoRedoEnabled(False)  # the highlights are formats: no history of them is kept
        self.body = ""
        self.offsets = OffsetMap("")
        #: the highlights painted into the text's formats (None: none yet, the text was just set)
        self.painted: Optional[list] = None
        self.spans: list[Span] = []
        self.context_actions: list = []

    def _opaque_viewport(self) -> None:
        """The style sheet paints the release's background (``QPlainTextEdit { background: ... }``) and turns
        the viewport's own fill off when it polishes it, which leaves the viewport see-through to Qt: every
        repaint of the text (each document switch) first repainted the window, the splitter, the release
        pane and the frame beneath all of it. Filled with the same colour (the sheet puts it in the
        viewport's palette) it is opaque, and only the text is repainted. Done when shown and after a style
        change, i.e. after the sheet's polish; were a polish to come later, it would only bring back the
        slower repaint, never other pixels."""
        viewport = self.viewport()
        brush = viewport.palette().brush(viewport.backgroundRole())
        if not viewport.autoFillBackground() and brush.style() == Qt.SolidPattern and brush.isOpaque():
            viewport.setAutoFillBackground(True)
            # the sheet's background is that plain colour: painted once by the fill, not a second time (the
            # whole release's area again) by the style
            viewport.setAttribute(Qt.WA_StyledBackground, False)
        # the scroll bar's box too (its range changes at every switch): filled with the colour the release's
        # frame paints beneath it, so the repaint of the bar stops there
        box, under = self.verticalScrollBar().parentWidget(), self.palette().brush(QPalette.Window)
        if box is not None and box is not self and under.style() == Qt.SolidPattern and under.isOpaque():
            palette = box.palette()
            if palette.brush(QPalette.Window) != under or not box.autoFillBackground():
                palette.setBrush(QPalette.Window, under)
                box.setPalette(palette)
                box.setAutoFillBackground(True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._opaque_viewport()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.StyleChange, QEvent.PaletteChange):
            self._opaque_viewport()

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.LeftButton or self.textCursor().hasSelection():
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        span = span_at(self.spans, self.offsets.to_py(position))
        if span is not None:
            self.span_clicked.emit(span.row_id)

    @staticmethod
    def _is_find_key(event) -> bool:
        return ((event.key() == Qt.Key_F and event.modifiers() == Qt.ControlModifier)
                or (event.key() == Qt.Key_Slash and event.modifiers() in (Qt.NoModifier, Qt.ShiftModifier)))

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and self._is_find_key(event):
            event.accept()  # Ctrl+F here finds in the release, not in the document list
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        # The review keys (Enter, Space, Delete) act in the tables only: a key pressed while reading
        # the release never decides a row.
        if self._is_find_key(event):
            self.find_requested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_text()
            return
        super().keyPressEvent(event)

    def copy_text(self) -> None:
        """Ctrl+C and the menu's Copy: the selected text only. The highlights are the text's own formats (ADR
        0013, fifth round), and Qt's copy would put them in the clipboard as HTML too, so a quote pasted into
        a report would arrive painted in the review's colours. (The clipboard makes the data itself: data
        made in Python and handed to Qt is deleted after Python has gone, and the process crashes at exit.)"""
        cursor = self.textCursor()
        if cursor.hasSelection():
            QApplication.clipboard().setText(cursor.selection().toPlainText())

    def contextMenuEvent(self, event) -> None:
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions():
            if action.objectName() == "edit-copy":  # Qt's name for its Copy entry
                action.triggered.disconnect()
                action.triggered.connect(self.copy_text)
        if self.context_actions:
            first = menu.actions()[0] if menu.actions() else None
            for action in self.context_actions:
                menu.insertAction(first, action)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()


class ReleaseView(QWidget):
    """The release text with its legend."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ReleaseText(self)
        self.legend = Legend(self)
        self.find_bar = FindBar(self, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.legend)
        self.text.find_requested.connect(self.find_bar.open_bar)
        self._rows: list[dict] = []
        self._current: Optional[int] = None

    def set_document(self, body: Optional[str], rows: Iterable[dict], current: Optional[int] = None) -> None:
        """Show a new release (or nothing) with the highlights of ``rows``, ``current``'s darker."""
        text = self.text
        text.body = body or ""
        text.offsets = OffsetMap(text.body)
        self._current = current
        # The text and its highlights in one edit of the document: Qt lays the release out once, when it is
        # next painted (a second edit for the highlights laid out again what it had measured for the scroll
        # bar). The document's own ``setPlainText``: the view's measures the first paragraph for its cursor,
        # which this edit would forget; ``moveCursor`` below puts the cursor and the view at the top.
        document = text.document()
        edit = QTextCursor(document)
        edit.beginEditBlock()
        try:
            document.setPlainText(text.body)
            text.painted = None
            self.set_rows(rows)
        finally:
            edit.endEditBlock()
        text.moveCursor(QTextCursor.Start)
        focus = QApplication.focusWidget()
        if self.find_bar.isVisible() and (focus is None or not self.find_bar.isAncestorOf(focus)):
            self.find_bar.hide()  # its hits were in the other release

    def set_rows(self, rows: Iterable[dict], current: Optional[int] = None) -> None:
        """Highlight the evidence of ``rows`` (a document's metrics); ``current`` stands out."""
        self._rows = list(rows)
        if current is not None:
            self._current = current
        text = self.text
        text.spans = evidence_spans(text.body, self._rows)
        new = highlighter.formats(text.body, text.spans, self._current)
        highlighter.apply(text.document(), text.offsets, new, text.painted)
        text.painted = new
        self.legend.show_counts(Counter(s.category for s in text.spans))

    def set_current(self, row_id: Optional[int]) -> None:
        self._current = row_id
        self.set_rows(self._rows)

    def show_span(self, offset: int, length: int) -> None:
        """Scroll to ``body[offset:offset + length]`` and put the cursor there.

        The current row's evidence is marked by its darker highlight, not by a text
        selection: a selection is the reviewer's own (what Ctrl+M adds).
        """
        text = self.text
        if offset is None or offset < 0 or offset + (length or 0) > len(text.body):
            return
        cursor = QTextCursor(text.document())
        cursor.setPosition(text.offsets.to_qt(offset))
        text.setTextCursor(cursor)
        text.centerCursor()

    def current_span(self) -> Optional[tuple[int, int]]:
        """``(start, end)`` of the current row's evidence, as highlighted, or None."""
        span = next((s for s in self.text.spans if s.row_id == self._current), None)
        return (span.start, span.end) if span else None

    def selection_span(self) -> Optional[tuple[int, int]]:
        """The reviewer's selection as ``(start, end)`` Python offsets, or None."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.text.offsets.to_py(cursor.selectionStart())
        end = self.text.offsets.to_py(cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_text(self, start: int, end: int) -> None:
        """Select ``body[start:end]`` (what a reviewer's drag does)."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.text.offsets.to_qt(start))
        cursor.setPosition(self.text.offsets.to_qt(end), QTextCursor.KeepAnchor)
        self.text.setTextCursor(cursor)
