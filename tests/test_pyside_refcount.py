"""PySide6 6.12.0 drops a reference to None on every void Qt call and kills Python 3.11.

This makes 50,000 such calls and checks None's reference count did not fall: an
upgrade that brings the bug back fails here instead of crashing reviewers.
"""

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(50_000):
        label.setText("x")
        label.update()
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references over 50,000 void Qt calls"

