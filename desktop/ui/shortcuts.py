"""Every keyboard shortcut of the window in one table, and the sheet under Help that lists them.

The window builds its actions from :data:`ACTIONS`, so the sheet cannot drift
from what the keys do. :data:`TABLE_KEYS` are handled by the tables themselves
(an open cell editor keeps them). The sheet itself (``ShortcutsDialog``) lives in
:mod:`desktop.ui.shortcuts_dialog`, loaded when first opened: the window's start needs only the table.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtGui import QKeySequence

#: the menus in the menu bar, with their mnemonics (Alt+F opens File)
MENUS = {"File": "&File", "Edit": "&Edit", "Review": "&Review", "Go": "&Go", "View": "&View", "Settings": "&Settings",
         "Help": "&Help"}
#: (name, menu, text, shortcuts); the window connects name -> a method
ACTIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("open_database", "File", "&Open or create database…", ("Ctrl+O",)),
    ("import_files", "File", "&Import files…", ("Ctrl+I",)),
    ("import_folder", "File", "Import &folder…", ("Ctrl+Shift+I",)),
    ("export_reviewed", "File", "&Export reviewed documents to CSV…", ("Ctrl+E",)),
    ("export_all", "File", "Export &all documents to CSV…", ("Ctrl+Shift+E",)),
    ("reextract_all", "File", "&Re-run the extractor on all documents…", ()),
    ("quit", "File", "&Quit", ("Ctrl+Q",)),
    ("undo", "Edit", "&Undo", ("Ctrl+Z",)),
    ("redo", "Edit", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
    ("find", "Edit", "&Find documents", ("Ctrl+F",)),
    ("add_metric", "Review", "Add &metric from selection", ("Ctrl+M",)),
    ("add_operation", "Review", "Add &operation from selection", ("Ctrl+Shift+O",)),
    ("confirm", "Review", "&Confirm row", ()),
    ("reject", "Review", "Re&ject row", ()),
    ("confirm_all", "Review", "Confirm &all suggestions", ("Ctrl+Shift+A",)),
    ("mark_reviewed", "Review", "Mark &reviewed and go to next unreviewed", ("Ctrl+Return", "Ctrl+Enter")),
    ("skip_document", "Review", "Mark &skipped", ()),
    ("toggle_flag", "Review", "&Flag document for a second look (again: clear)", ("F",)),
    ("note_document", "Review", "&Note on the document", ("Ctrl+Shift+N",)),
    ("note_row", "Review", "Note on the current ro&w", ("Ctrl+N",)),
    ("previous_document", "Go", "&Previous document", ("Ctrl+Up", "Alt+Left")),
    ("next_document", "Go", "&Next document", ("Ctrl+Down", "Alt+Right")),
    ("next_pane", "Go", "Ne&xt pane (list, release, form)", ("F6",)),
    ("previous_pane", "Go", "Previous pan&e", ("Shift+F6",)),
    ("sort_title", "Go", "Sort the list by t&itle", ()),
    ("sort_published", "Go", "Sort the list by &date, newest first", ()),
    ("sort_publisher", "Go", "Sort the list by p&ublisher", ()),
    ("sort_status", "Go", "Sort the list by &status", ()),
    ("sort_figures", "Go", "Sort the list by &figures, most first", ()),
    ("summary", "View", "&Summary of the curated figures…", ("Ctrl+Shift+S",)),
    ("reviewer_name", "Settings", "&Reviewer name…", ()),
    ("category_keys", "Settings", "&Category keys…", ()),
    ("shortcuts", "Help", "&Keyboard shortcuts", ("F1",)),
    ("checks_help", "Help", "&Checks", ()),
    ("about", "Help", "&About Blotter", ()),
)
#: keys a pane takes itself, where it has the focus (an open cell editor keeps them)
TABLE_KEYS = (
    ("Enter or Space", "Confirm the selected row (metrics or operations table)"),
    ("Delete", "Reject the selected row (metrics or operations table)"),
    ("Typing, F2 or double click", "Edit the current cell; Enter saves, Escape cancels"),
    ("F4 or Alt+Down (in a date)", "Open the calendar; arrows move the day, Enter chooses it"),
    ("Tab / Shift+Tab", "Move between the list, the release and the form"),
    ("Ctrl+F or / (in the release)", "Find in the release; Enter: next, Shift+Enter: previous, Esc: close"),
    ("Up / Down (in the list)", "Open the previous or next document in the list"),
    ("Alt + underlined letter", "Open a menu (Alt+F: File) or go to a field (Alt+J: Subject)"),
    ("Escape (in the reviewer field)", "Keep the system user's name as the reviewer"),
)


def sheet_rows(category_keys: Optional[dict[str, str]] = None) -> list[tuple[str, str]]:
    """(keys, what they do) for the sheet, in menu order, then the category keys."""
    rows = []
    for name, _menu, text, keys in ACTIONS:
        if name == "confirm":
            rows += [(k, v) for k, v in TABLE_KEYS[:2]]
            continue
        if name == "reject" or not keys:
            continue
        shown = " or ".join(QKeySequence(k).toString(QKeySequence.NativeText) for k in keys)
        rows.append((shown, text.replace("&", "").rstrip("…")))
    rows += list(TABLE_KEYS[2:])
    for category, key in (category_keys or {}).items():
        rows.append((key.upper() if key.isalpha() else key,
                     f"Category: {category.replace('_', ' ')} (metrics table, Status or Category column)"))
    return rows

