"""Helpers for the reliability tests (issue 6): children that edit through the real store, mounts."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.domain import Metric, Operation
from desktop.store import Store
from tests.conftest import make_document, make_extraction

HERE = Path(__file__).resolve().parent
CHILD = HERE / "child.py"
ROOT = HERE.parents[1]


def child_cmd(*args) -> list[str]:
    """The command line of the scripted child process (the real store, no Qt)."""
    return [sys.executable, str(CHILD), *map(str, args)]


def child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def seed_file_store(path, n_docs: int = 1, n_metrics: int = 6, reviewer: str = "seed") -> tuple[list[int], list[int]]:
    """A database file with ``n_docs`` documents of ``n_metrics`` suggested metrics; returns (doc ids, metric ids)."""
    store = Store.open(path, reviewer=reviewer)
    pairs = []
    for d in range(n_docs):
        body = f"Release {d}: Operation Seed{d}. " + " ".join(f"Police made {i + 1} arrests." for i in range(n_metrics))
        doc = make_document(body, name=f"seed{d}.txt", title=f"Seed {d}")
        metrics = []
        for i in range(n_metrics):
            text = f"{i + 1} arrests"
            at = body.index(f"made {text}") + 5
            metrics.append(Metric("arrests", i + 1, offset=at, length=len(text), text=text, rule="t"))
        pairs.append((doc, make_extraction(doc, metrics=metrics, operations=[Operation(f"Operation Seed{d}")])))
    doc_ids, _ = store.import_batch(pairs)
    metric_ids = [m["id"] for d in doc_ids for m in store.metrics(d)]
    store.close()
    return doc_ids, metric_ids


@contextlib.contextmanager
def tmpfs(path: Path, size: str, readonly: bool = False):
    """A real tmpfs at ``path`` (root with CAP_SYS_ADMIN only; otherwise the test is skipped)."""
    path.mkdir(parents=True, exist_ok=True)
    opts = f"size={size}" + (",ro" if readonly else "")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or 'not root'})")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount(path: Path, readonly: bool) -> None:
    subprocess.run(["mount", "-o", "remount," + ("ro" if readonly else "rw"), str(path)], check=True,
                   capture_output=True)
