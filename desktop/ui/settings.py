"""What the window remembers between runs (QSettings): reviewer, last document, layout.

Nothing here is review data; that lives in the store. Tests pass their own
``QSettings`` (an INI file in a temporary folder) so a run never touches the
user's settings.

Example::

    >>> s = Settings(QSettings(str(tmp / "s.ini"), QSettings.IniFormat))
    >>> s.set_last_document("/data/b.sqlite", 7); s.last_document("/data/b.sqlite")
    7
"""

from __future__ import annotations

import hashlib
from typing import Optional

from PySide6.QtCore import QByteArray, QSettings

from desktop import category_keys
from desktop.store import default_reviewer


def _key(db_path: str) -> str:
    return hashlib.sha1(str(db_path).encode("utf-8")).hexdigest()[:16]


class Settings:
    """Typed access to the few values the window keeps."""

    def __init__(self, qsettings: Optional[QSettings] = None):
        self.q = qsettings if qsettings is not None else QSettings("Blotter", "Blotter")
        #: the last document of each database, shown but not yet written (written at a pause: every write syncs)
        self.waiting_last: dict[str, int] = {}

    # reviewer -------------------------------------------------------------------
    def reviewer(self) -> str:
        name = self.q.value("reviewer", "", type=str)
        return name.strip() or default_reviewer()

    def set_reviewer(self, name: str) -> None:
        self.q.setValue("reviewer", name.strip())
        self.q.sync()

    def should_ask_reviewer(self) -> bool:
        """True until the reviewer gave a name or chose to keep the system user's."""
        return not self.q.value("reviewer", "", type=str).strip() and not self.q.value("reviewer_asked", False,
                                                                                        type=bool)

    def set_reviewer_asked(self) -> None:
        self.q.setValue("reviewer_asked", True)
        self.q.sync()

    # one key per category --------------------------------------------------------
    def category_keys(self) -> dict[str, str]:
        return category_keys.parse(self.q.value("category_keys", "", type=str))

    def set_category_keys(self, keys: dict[str, str]) -> None:
        self.q.setValue("category_keys", category_keys.dump(category_keys.validate(keys)))
        self.q.sync()

    # last document per database ------------------------------------------------
    def last_document(self, db_path: str) -> Optional[int]:
        waiting = self.waiting_last.get(str(db_path))  # seen, not yet written (desktop/ui/last_document.py)
        if waiting is not None:
            return waiting
        value = self.q.value(f"last_document/{_key(db_path)}", 0, type=int)
        return value or None

    def set_last_document(self, db_path: str, document_id: int) -> None:
        self.q.setValue(f"last_document/{_key(db_path)}", int(document_id))


    # layout ---------------------------------------------------------------------
    def state(self, name: str) -> Optional[QByteArray]:
        value = self.q.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, name: str, value: QByteArray) -> None:
        self.q.setValue(f"layout/{name}", value)

    def sync(self) -> None:
        self.q.sync()
