"""The date field's calendar: opened on a field with no date it shows this month, not January 1900."""

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QWidget

from desktop.ui import delegates


def _open_calendar(qtbot, edit):
    qtbot.mouseClick(edit, Qt.LeftButton, pos=QPoint(edit.width() - 6, edit.height() // 2))  # the arrow
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=2000)
    return calendar


def test_calendar_of_a_field_with_no_date_opens_on_this_month_and_selects_nothing(qtbot):
    edit = delegates.date_edit()
    qtbot.addWidget(edit)
    edit.show()
    delegates.set_date(edit, None)
    calendar = _open_calendar(qtbot, edit)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert delegates.date_value(edit) is None  # opening is not choosing
    qtbot.keyClick(calendar, Qt.Key_Escape)
    assert delegates.date_value(edit) is None


def test_calendar_of_a_field_with_a_date_opens_on_that_date(qtbot):
    edit = delegates.date_edit()
    qtbot.addWidget(edit)
    edit.show()
    delegates.set_date(edit, "2024-05-15")
    calendar = _open_calendar(qtbot, edit)
    assert (calendar.yearShown(), calendar.monthShown()) == (2024, 5)
    assert calendar.selectedDate() == QDate(2024, 5, 15)
    assert delegates.date_value(edit) == "2024-05-15"


def test_f4_opens_the_calendar_and_enter_chooses_a_day_with_the_keyboard_alone(qtbot):
    edit = delegates.date_edit()
    qtbot.addWidget(edit)
    edit.show()
    delegates.set_date(edit, "2024-05-15")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key_F4)
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=2000)
    assert delegates.date_value(edit) == "2024-05-15"  # opening is not choosing
    view = calendar.findChild(QWidget, "qt_calendar_calendarview")
    qtbot.keyClick(view, Qt.Key_Right)  # the next day
    qtbot.keyClick(view, Qt.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=2000)
    assert delegates.date_value(edit) == "2024-05-16"


def test_alt_down_opens_the_calendar_instead_of_taking_a_year_off(qtbot):
    edit = delegates.date_edit()
    qtbot.addWidget(edit)
    edit.show()
    delegates.set_date(edit, "2024-05-15")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key_Down, modifier=Qt.AltModifier)
    qtbot.waitUntil(edit.calendarWidget().isVisible, timeout=2000)
    assert delegates.date_value(edit) == "2024-05-15"
    qtbot.keyClick(edit.calendarWidget(), Qt.Key_Escape)
    assert delegates.date_value(edit) == "2024-05-15"
