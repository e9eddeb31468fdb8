"""The legend under the release: the colour of each category highlighted, with its count."""

from __future__ import annotations

import html
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from desktop.ui import style


class Legend(QLabel):
    """One wrapped line of colour chips (rich text built from escaped words only)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.RichText)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        self.setContentsMargins(4, 2, 4, 2)
        self.show_counts(Counter())

    def set_keys(self, keys: dict[str, str]) -> None:
        """The category keys, shown in each chip ("1 arrests")."""
        self.keys = dict(keys)
        self.show_counts(self._counts)

    def show_counts(self, counts: Counter) -> None:
        self._counts = counts
        chips = []
        for category in style.CATEGORY_COLOURS:
            if counts.get(category):
                colour = style.CATEGORY_COLOURS[category]
                name = style.label(category).replace(" ", "&nbsp;")
                key = getattr(self, "keys", {}).get(category)
                if key:
                    name = f"<b>{html.escape(key.upper())}</b>&nbsp;{name}"
                chips.append(f'<span style="background:{colour}; color:#111">&nbsp;{name}'
                             f'&nbsp;</span>&nbsp;{counts[category]}')
        muted = style.MUTED_COLOUR
        chips.append(f'<span style="text-decoration: underline; color:{muted}">&nbsp;123&nbsp;</span>'
                     f'&nbsp;<span style="color:{muted}">dotted:&nbsp;a&nbsp;number&nbsp;no&nbsp;row&nbsp;cites</span>')
        self.setText("&nbsp;&nbsp; ".join(chips))
        self.setToolTip("Evidence is highlighted in its category's colour; the bold key sets that category on "
                        "the current metric row (Settings ▸ Category keys…)")
