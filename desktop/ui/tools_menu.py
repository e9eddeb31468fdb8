"""The Tools menu: Extractor report, Try rules…, Suggested rules (issue 13).

Built beside the window's other menus (before Help) by :class:`ToolsMenu`; each entry opens
its dialog, kept so a second click raises it rather than opening another.
"""

from __future__ import annotations

from PySide6.QtGui import QAction


class ToolsMenu:
    ENTRIES = (("extractor_report", "Extractor &report"), ("try_rules", "&Try rules…"),
               ("suggested_rules", "&Suggested rules"))

    def __init__(self, window):
        self.window = window
        self.dialogs: dict = {}
        bar = window.menuBar()
        help_menu = next((a for a in bar.actions() if a.text().replace("&", "") == "Help"), None)
        menu = bar.addMenu("&Tools") if help_menu is None else None
        if menu is None:
            from PySide6.QtWidgets import QMenu
            menu = QMenu("&Tools", bar)
            bar.insertMenu(help_menu, menu)
        self.menu = menu
        for name, text in self.ENTRIES:
            action = QAction(text, window)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, n=name: self.open(n))
            menu.addAction(action)
            window.actions_by_name[name] = action

    def open(self, name: str):
        """Show the dialog ``name`` (a fresh one, on the current database)."""
        from desktop.ui.extractor_report import ExtractorReportDialog
        from desktop.ui.suggested_rules_dialog import SuggestedRulesDialog
        from desktop.ui.try_rules_dialog import TryRulesDialog
        old = self.dialogs.get(name)
        if old is not None:
            old.close()
            old.deleteLater()
        dialog = {"extractor_report": ExtractorReportDialog, "try_rules": TryRulesDialog,
                  "suggested_rules": SuggestedRulesDialog}[name](self.window)
        self.dialogs[name] = dialog
        dialog.show()
        dialog.raise_()
        return dialog
