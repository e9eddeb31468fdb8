"""Tools ▸ Suggested rules: words proposed from rows reviewers added or corrected, each tried first.

The proposals (:func:`desktop.loop.suggest.propose`) are worked out in the background; each
row says the word, the list it would join, its support and what trying it fixes and breaks.
Accept writes the word to your rules file (``words.yaml`` in your rules folder), audited; the
next extraction uses it (File ▸ Re-run the extractor applies it to every document).
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from desktop.extractor import RulesError
from desktop.loop.suggest import Proposal, propose
from desktop.loop.user_rules import add_word
from desktop.paths import user_rules_dir
from desktop.ui import loop_work

HEADERS = ("Word", "Add to", "Category", "Added by reviewers", "Documents", "Fixes", "Breaks")


class SuggestedRulesDialog(QDialog):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.setWindowTitle("Suggested rules")
        self.setObjectName("suggested_rules")
        self.proposals: list[Proposal] = []
        self.job = None
        self.status = QLabel("Reading the rows reviewers added or corrected and trying each word…", self)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("suggested_table")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.accept_button = self.buttons.addButton("&Accept: add the word to my rules", QDialogButtonBox.ActionRole)
        self.accept_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.accept_button.clicked.connect(self.accept_current)
        self.table.itemSelectionChanged.connect(self._selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.buttons)
        screen = window.screen().availableGeometry() if window.screen() else None
        self.resize(min(920, int(screen.width() * 0.9)) if screen else 920,
                    min(520, int(screen.height() * 0.85)) if screen else 520)
        self.job = loop_work.run(window, lambda store, job: propose(store.db), self.show_proposals,
                                 lambda m: self.status.setText(f"Could not work out proposals: {m}"), self)

    def show_proposals(self, proposals: list[Proposal]) -> None:
        self.proposals = list(proposals)
        self.table.setRowCount(len(self.proposals))
        for r, p in enumerate(self.proposals):
            cells = (p.word, f"{p.kind} list “{p.list_name}”: {p.base}", p.category, p.rows, len(p.documents),
                     p.fixes, p.breaks)
            for c, v in enumerate(cells):
                item = QTableWidgetItem(str(v))
                if isinstance(v, int):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)
        if self.proposals:
            self.status.setText(f"{len(self.proposals)} word(s) the lexicon lacks, from rows reviewers added or "
                                f"corrected; each tried on the reviewed documents. Accepting writes it to "
                                f"{user_rules_dir() / 'words.yaml'}.")
            self.table.selectRow(0)
            self.table.setFocus()
        else:
            self.status.setText("No proposals: every counted noun and verb in the rows reviewers added or corrected "
                                "is already in the lexicon (a word needs at least two rows).")

    def current(self) -> Optional[Proposal]:
        row = self.table.currentRow()
        return self.proposals[row] if 0 <= row < len(self.proposals) else None

    def _selected(self) -> None:
        p = self.current()
        self.accept_button.setEnabled(p is not None)
        self.detail.setText(p.sentence() if p else "")

    def accept_current(self) -> bool:
        p = self.current()
        if p is None:
            return False
        try:
            path = add_word(self.window.store, p.kind, p.list_name, p.base)
        except (RulesError, OSError) as exc:
            self.status.setText(f"Not added: {exc}")
            return False
        row = self.table.currentRow()
        self.table.removeRow(row)
        del self.proposals[row]
        self.status.setText(f"Added “{p.base}” to {p.kind} {p.list_name} in {path}. New imports use it; "
                            "File ▸ Re-run the extractor applies it to every document.")
        self.window.statusBar().showMessage(f"Rules: added “{p.base}” to {p.list_name}", 8000)
        return True
