"""Editors for the table cells: drop-downs, a number field that takes "1,825", a date editor.

Every delegate writes through ``model.setData`` (an undo command that goes to the
store). When the store refuses the value the model returns ``False``; the
delegate then opens the editor again with what the reviewer typed, so nothing is
lost and they can correct it (the window shows why in the status bar).
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from PySide6.QtCore import QDate, QEvent, QModelIndex, QPersistentModelIndex, QPointF, QTimer, Qt, Signal
from PySide6.QtGui import QMouseEvent, QValidator
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyledItemDelegate, QWidget

from desktop.ui import style

#: The date a QDateEdit shows as "no date" (its minimum, displayed as a dash).
NO_DATE = QDate(1900, 1, 1)


class NumberValidator(QValidator):
    """Lets through only what can be part of a number ("1,825", "27.5", "-27", "£20,000").

    Whether the whole is a number is the store's call (``ValueError`` with a
    message), so a typo like "1.8.25" is reported rather than silently refused.
    """

    ALLOWED = set("0123456789,.-+ £€$")

    def validate(self, text: str, pos: int):
        if all(c in self.ALLOWED for c in text):
            return QValidator.Acceptable, text, pos
        return QValidator.Invalid, text, pos


class RetryingDelegate(QStyledItemDelegate):
    """Re-opens the editor with the typed text when the model refuses it."""

    #: a word for the reviewer about what they typed (a key refused, say)
    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pending: dict[tuple[int, int], object] = {}

    def pending(self, index) -> object:
        return self._pending.pop((index.row(), index.column()), None)

    def commit(self, editor: QWidget, model, index, value) -> None:
        if model.setData(index, value, Qt.EditRole):
            return
        self._pending[(index.row(), index.column())] = value
        view = self.parent()
        target = QPersistentModelIndex(index)
        if view is not None and hasattr(view, "edit"):
            QTimer.singleShot(0, lambda: target.isValid() and view.edit(QModelIndex(target)))


class ComboDelegate(RetryingDelegate):
    """A drop-down of fixed or live choices (category, qualifier, unit, operation)."""

    def __init__(self, choices: Callable[[], Iterable[str]], parent=None, editable: bool = False,
                 allow_empty: bool = False):
        super().__init__(parent)
        self.choices = choices
        self.editable = editable
        self.allow_empty = allow_empty

    def createEditor(self, parent, option, index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(self.editable)
        if self.allow_empty:
            combo.addItem("—", "")
        for choice in self.choices():
            combo.addItem(style.label(choice), choice)
        combo.activated.connect(lambda _=None, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:
        value = self.pending(index)
        value = index.data(Qt.EditRole) if value is None else value
        at = editor.findData(value or "")
        if at < 0 and value:
            if self.editable:
                editor.setEditText(str(value))
                return
            editor.addItem(str(value), value)
            at = editor.count() - 1
        editor.setCurrentIndex(max(at, 0))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        value = editor.currentData()
        if self.editable and editor.currentText() != editor.itemText(editor.currentIndex()):
            value = editor.currentText()
        if value == index.data(Qt.EditRole) or (value == "" and index.data(Qt.EditRole) is None):
            return
        self.commit(editor, model, index, value if value != "" else None)


class ValueDelegate(RetryingDelegate):
    """The metric value: a line edit that takes "1,825" and refuses letters."""

    def createEditor(self, parent, option, index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setValidator(NumberValidator(edit))
        edit.setAlignment(Qt.AlignRight)
        edit.inputRejected.connect(lambda: self.message.emit(
            "A value takes digits, a comma, a point, a sign or a currency symbol; the unit is set under "
            "the table."))
        return edit

    def setEditorData(self, editor: QLineEdit, index) -> None:
        value = self.pending(index)
        if value is None:
            value = _number(index.data(Qt.EditRole))
        editor.setText(str(value))

    def setModelData(self, editor: QLineEdit, model, index) -> None:
        text = editor.text().strip()
        if text == _number(index.data(Qt.EditRole)):
            return
        self.commit(editor, model, index, text)


def _number(value) -> str:
    """The stored number as the editor shows it: ``1,825`` (its unit is edited apart)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


class TextDelegate(RetryingDelegate):
    """Free text (subject, operation name, duration)."""

    def createEditor(self, parent, option, index) -> QWidget:
        return QLineEdit(parent)

    def setEditorData(self, editor: QLineEdit, index) -> None:
        value = self.pending(index)
        editor.setText(str(value if value is not None else (index.data(Qt.EditRole) or "")))

    def setModelData(self, editor: QLineEdit, model, index) -> None:
        text = editor.text()
        if text.strip() == (index.data(Qt.EditRole) or ""):
            return
        self.commit(editor, model, index, text)


class DateDelegate(RetryingDelegate):
    """An ISO date with a calendar; the dash (its minimum) means no date."""

    def createEditor(self, parent, option, index) -> QWidget:
        return date_edit(parent)

    def setEditorData(self, editor: QDateEdit, index) -> None:
        value = self.pending(index)
        value = index.data(Qt.EditRole) if value is None else value
        set_date(editor, value)

    def setModelData(self, editor: QDateEdit, model, index) -> None:
        value = date_value(editor)
        if value == index.data(Qt.EditRole):
            return
        self.commit(editor, model, index, value)


class DateEdit(QDateEdit):
    """A date field that Tab leaves (a plain QDateEdit walks its year, month and day first; the arrow
    keys still change them), and whose calendar F4 or Alt+Down opens, as a combo box's list does
    (QDateEdit itself opens it only on a click, and takes Alt+Down for "one less")."""

    def focusNextPrevChild(self, next_: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next_)

    def keyPressEvent(self, event) -> None:
        alt_arrow = event.key() in (Qt.Key_Down, Qt.Key_Up) and event.modifiers() & Qt.AltModifier
        if self.calendarPopup() and (event.key() == Qt.Key_F4 or alt_arrow):
            self.open_calendar()
            event.accept()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """Open the calendar as a click on the arrow does (Qt has no call for it); the calendar
        takes the keyboard: arrows move the day, Enter chooses it, Escape closes it."""
        # named here, not at the top: PySide6 makes QStyle's 550 enum members when it is first named,
        # and nothing before the first paint may need it (ADR 0015)
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SC_All
        arrow = QPointF(self.style().subControlRect(QStyle.CC_ComboBox, option, QStyle.SC_ComboBoxArrow,
                                                    self).center())
        self.mousePressEvent(QMouseEvent(QEvent.MouseButtonPress, arrow, self.mapToGlobal(arrow), Qt.LeftButton,
                                         Qt.LeftButton, Qt.NoModifier))

    def mousePressEvent(self, event) -> None:
        """A click on the arrow opens the calendar; with no date it shows this month, not January
        1900, and still selects nothing (choosing a day sets the date, closing it leaves none)."""
        super().mousePressEvent(event)
        if self.calendarPopup() and self.date() <= NO_DATE:
            calendar = self.calendarWidget()
            if calendar.isVisible():
                today = QDate.currentDate()
                calendar.setCurrentPage(today.year(), today.month())


def date_edit(parent=None) -> QDateEdit:
    edit = DateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setToolTip("A date (YYYY-MM-DD); the earliest, shown as a dash, means no date. "
                   "F4 or Alt+Down opens the calendar")
    return edit


def set_date(editor: QDateEdit, value: Optional[str]) -> None:
    date = QDate.fromString(value[:10], "yyyy-MM-dd") if value else QDate()
    if not date.isValid():
        date = NO_DATE
    editor.setDate(date)  # the calendar popup is built when first opened (DateEdit.mousePressEvent)


def date_value(editor: QDateEdit) -> Optional[str]:
    date = editor.date()
    return None if date <= NO_DATE else date.toString("yyyy-MM-dd")
