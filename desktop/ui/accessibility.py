"""Names and descriptions that screen readers announce for the window's main parts.

Set in one place after the window is built (the panels keep their own layout code):
the document list, its search box and status filter, the release text, the metrics and
operations tables, the status bar's messages.
"""

from __future__ import annotations

#: (attribute path from the window, accessible name, accessible description)
NAMES = (
    ("document_list.view", "Documents", "The imported press releases; Up and Down open the previous or next one"),
    ("document_list.search", "Search documents", "Words in the titles and text; a phrase in quotes"),
    ("document_list.status_filter", "Show documents", "Only documents with this status"),
    ("release.text", "Release text", "The press release; the figures found in it are highlighted"),
    ("form.metrics_view", "Metrics", "The figures of this release: Enter confirms the row, Delete rejects it"),
    ("form.operations_view", "Operations", "The operations this release names"),
    ("error_label", "Error", "The last edit or background work that failed"),
    ("counts_label", "Review progress", ""),
)


def name_widgets(window) -> None:
    for path, name, description in NAMES:
        widget = window
        for part in path.split("."):
            widget = getattr(widget, part, None)
            if widget is None:
                break
        if widget is not None:
            widget.setAccessibleName(name)
            if description:
                widget.setAccessibleDescription(description)
