"""Issue 15, fifth round: an import runs with a larger page cache, and gives the connection its own back.

With SQLite's default 2,000 KiB the writer of 20,000 releases read 1.1 GB of index pages back from the
operating system (ADR 0010, fifth round); the window's connection must not keep 64 MiB after an import.
"""

from __future__ import annotations

from desktop.ingest import import_paths
from desktop.store import Store
from desktop.store.connection import IMPORT_CACHE_KIB


def _cache(store: Store) -> int:
    return store.db.execute("PRAGMA cache_size").fetchone()[0]


def _folder(tmp_path, n: int = 3):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i}.txt").write_text(f"Officers arrested {i + 2} people in Leeds.", encoding="utf-8")
    return folder


def test_the_import_runs_with_the_larger_cache_and_restores_the_default(tmp_path):
    store = Store.open(tmp_path / "c.sqlite", reviewer="ana")
    before = _cache(store)
    seen = []
    report = import_paths(store, [_folder(tmp_path)], progress=lambda *_: seen.append(_cache(store)))
    assert len(report.imported) == 3
    assert seen == [-IMPORT_CACHE_KIB] * 3
    assert _cache(store) == before == -2000


def test_the_cache_is_restored_after_a_failed_import_and_a_larger_one_is_kept(tmp_path):
    store = Store.open(tmp_path / "c.sqlite", reviewer="ana")

    def stop(*_):
        raise RuntimeError("stop")
    try:
        import_paths(store, [_folder(tmp_path)], progress=stop)
    except RuntimeError:
        pass
    assert _cache(store) == -2000
    store.db.execute(f"PRAGMA cache_size = {-2 * IMPORT_CACHE_KIB}")  # a connection set larger keeps its own
    seen = []
    import_paths(store, [tmp_path / "in"], progress=lambda *_: seen.append(_cache(store)))
    assert seen == [-2 * IMPORT_CACHE_KIB] * 3 and _cache(store) == -2 * IMPORT_CACHE_KIB
