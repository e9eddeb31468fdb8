"""Helpers for the damaged-database tests: a Blotter file with garbage written into one page."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from tests.reliability.conftest import seed_file_store


def damaged_database(path: Path, table: str = "metrics", n_docs: int = 20, n_metrics: int = 30) -> Path:
    """A checkpointed Blotter database whose ``table`` b-tree has garbage bytes in one leaf page
    (the file still opens; ``PRAGMA integrity_check`` reports errors)."""
    seed_file_store(path, n_docs=n_docs, n_metrics=n_metrics)
    return garble(path, table)


def garble(path: Path, table: str = "metrics") -> Path:
    """Garbage bytes in one leaf page of ``table`` of the Blotter database at ``path``."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        page = fh.read(page_size)
        leaf = root
        if page[0] == 5:  # an interior page: garble its first child, a leaf in the middle of the table
            pointer = struct.unpack(">H", page[12:14])[0]
            leaf = struct.unpack(">I", page[pointer:pointer + 4])[0]
        fh.seek((leaf - 1) * page_size + 200)
        fh.write(b"\xab" * 600)
    return path
