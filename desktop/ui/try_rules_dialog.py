"""Tools ▸ Try rules…: candidate rules run over every reviewed document, the diff by document, and Adopt.

Choose a rules file or folder; the candidate (layered over the bundled rules and your own)
extracts each reviewed document again in the background and is compared with the reviewers'
rows (:mod:`desktop.loop.try_rules`): totals per category, then each changed document with
what is fixed, broken or new. Adopt copies the rules into your rules folder and re-runs the
extractor on every document (decisions kept, disagreements flagged, as File ▸ Re-run does).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from desktop.extractor import RulesError, load_rules
from desktop.extractor.user_overlay import user_rule_files
from desktop.loop.try_rules import KINDS, TryResult, try_rules
from desktop.loop.user_rules import install
from desktop.ui import loop_work

LABELS = {"fix": "Fixes", "break": "Breaks", "new": "New", "again": "Rejected again"}
#: one figure's change, and a document's count of them ("2 broken")
CHANGE = {"fix": "Fixed", "break": "Broken", "new": "New", "again": "Rejected again"}


def candidate_rules(path: Path):
    """The candidate layered over the bundled rules and the user's own; raises RulesError."""
    extra = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    if not extra:
        raise RulesError(str(path), 0, "no *.yaml rules files in this folder")
    return load_rules(None, overlays=user_rule_files() + extra)


class TryRulesDialog(QDialog):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.setWindowTitle("Try rules")
        self.setObjectName("try_rules")
        self.path: Optional[Path] = None
        self.result: Optional[TryResult] = None
        self.job = None
        self.status = QLabel("Choose a rules file (or a folder of them) to try on every reviewed document. "
                             "Nothing changes until you adopt them.", self)
        self.status.setWordWrap(True)
        self.choose_file = QPushButton("Rules &file…", self)
        self.choose_folder = QPushButton("Rules f&older…", self)
        self.totals = QTableWidget(0, len(KINDS) + 1, self)
        self.totals.setObjectName("try_totals")
        self.totals.setHorizontalHeaderLabels(["Category"] + [LABELS[k] for k in KINDS])
        self.totals.verticalHeader().hide()
        self.totals.setEditTriggers(QTableWidget.NoEditTriggers)
        self.totals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.totals.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.diff = QTreeWidget(self)
        self.diff.setObjectName("try_diff")
        self.diff.setHeaderLabels(["Document / figure", "Change", "Category", "Value", "Detail"])
        self.diff.header().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.diff.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.diff.header().setStretchLastSection(False)
        self.diff.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.diff.itemActivated.connect(self._open)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.adopt = self.buttons.addButton("&Adopt these rules…", QDialogButtonBox.AcceptRole)
        self.adopt.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.adopt.clicked.connect(self.adopt_rules)
        self.choose_file.clicked.connect(self._pick_file)
        self.choose_folder.clicked.connect(self._pick_folder)
        top = QHBoxLayout()
        top.addWidget(self.choose_file)
        top.addWidget(self.choose_folder)
        top.addWidget(self.status, 1)
        self.split = split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.totals)
        split.addWidget(self.diff)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        screen = window.screen().availableGeometry() if window.screen() else None
        self.resize(min(1000, int(screen.width() * 0.9)) if screen else 1000,
                    min(680, int(screen.height() * 0.85)) if screen else 680)

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Rules to try", "", "Rules (*.yaml *.yml);;All files (*)")
        if path:
            self.try_path(Path(path))

    def _pick_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "A folder of rules files to try")
        if path:
            self.try_path(Path(path))

    def try_path(self, path: Path) -> None:
        """Load the candidate (a broken file is named with its line) and try it in the background."""
        self.adopt.setEnabled(False)
        try:
            rules = candidate_rules(path)
        except (RulesError, OSError) as exc:
            self.status.setText(f"These rules cannot be used: {exc}")
            return
        self.path = path
        self.status.setText(f"Trying {path} on the reviewed documents…")

        def work(store, job):
            return try_rules(store.db, rules, cancelled=job.cancelled)

        self.job = loop_work.run(self.window, work, self.show_result, self._failed, self)

    def _failed(self, message: str) -> None:
        self.status.setText(f"Trying the rules failed: {message}")

    def show_result(self, result: TryResult) -> None:
        self.result = result
        t = result.totals
        verdict = (f"they break {t['break']} figure(s) reviewers confirmed" if t["break"]
                   else "they break nothing reviewers confirmed")
        self.status.setText(f"{self.path.name if self.path else 'Rules'} on {result.documents:,} reviewed documents: "
                            f"fix {t['fix']}, break {t['break']}, new {t['new']}; {verdict}.")
        rows = sorted(result.categories.items()) + [("Total", t)]
        self.totals.setRowCount(len(rows))
        for r, (cat, counts) in enumerate(rows):
            self.totals.setItem(r, 0, QTableWidgetItem(cat))
            for c, k in enumerate(KINDS, 1):
                item = QTableWidgetItem(str(counts[k]))
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.totals.setItem(r, c, item)
        font = self.totals.font()
        font.setBold(True)
        for c in range(self.totals.columnCount()):
            self.totals.item(len(rows) - 1, c).setFont(font)
        self.totals.resizeRowsToContents()
        shown = min(len(rows), 8)  # the totals whole when they are few; the documents take the rest
        height = (self.totals.horizontalHeader().height() + 2 * self.totals.frameWidth()
                  + sum(self.totals.rowHeight(r) for r in range(shown)))
        total = sum(self.split.sizes())
        self.split.setSizes([height, max(total - height, height)])
        self.diff.clear()
        for d in result.diffs:
            top = QTreeWidgetItem([f"#{d.document_id}  {d.title}", ", ".join(
                f"{d.count(k)} {CHANGE[k].lower()}" for k in KINDS if d.count(k)), "", "", ""])
            top.setData(0, Qt.UserRole, d.document_id)
            for ch in d.changes:
                child = QTreeWidgetItem([ch.text or "", CHANGE[ch.kind], ch.category,
                                         "" if ch.value is None else str(ch.value), ch.detail])
                child.setData(0, Qt.UserRole, d.document_id)
                top.addChild(child)
            self.diff.addTopLevelItem(top)
        self.diff.expandToDepth(0)
        self.adopt.setEnabled(self.path is not None)

    def _open(self, item: QTreeWidgetItem) -> None:
        doc_id = item.data(0, Qt.UserRole)
        if doc_id is not None:
            self.window.show_document(int(doc_id))

    def adopt_rules(self, confirm: bool = True) -> bool:
        """Install the rules in the user's folder and re-extract every document."""
        if self.path is None or self.result is None:
            return False
        if confirm:
            breaks = self.result.totals["break"]
            warning = f"\n\nThey break {breaks} figure(s) reviewers confirmed." if breaks else ""
            answer = QMessageBox.question(
                self, "Adopt these rules",
                f"Copy {self.path} into your rules folder and run the extractor again on every document?{warning}"
                "\n\nYour decisions are kept; documents whose reviewed figures disagree with the new suggestions "
                "are flagged ⚑.")
            if answer != QMessageBox.Yes:
                return False
        try:
            written = install(self.window.store, self.path)
        except (RulesError, OSError) as exc:
            self.status.setText(f"Not adopted: {exc}")
            return False
        self.status.setText(f"Adopted: {', '.join(str(p) for p in written)}. Re-extracting every document…")
        self.adopt.setEnabled(False)
        self.window.files.start_reextract()
        return True
