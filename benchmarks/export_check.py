"""Export output, byte for byte: every option over three databases, compared with a reference.

Builds once under ``$BLOTTER_BENCH_DIR/export-check``: the seeds, the corpus (read from
``/work/shared/corpus``, never copied) and a copy of the corpus with hostile cells and odd values
written in with plain SQL (formula starts, quotes, CR/LF, NUL, ``£``, inf, 1e16, 1/3, -0.0, 5e-324,
NULL, text in a number column; corrected rows with such originals; half the documents reviewed,
flags and notes). Then exports each with every option (CSV default, ``--all``, ``--no-bom``,
``--all --no-bom``, standard output with and without ``--all``, JSON Lines with and without
``--all``, xlsx's sheet as text) using the code in TREE, into OUT.

    python benchmarks/export_check.py OUT [--tree TREE] [--compare REF] [--two-parts]

With ``--compare REF`` it diffs OUT against a folder made earlier (for instance by the code
before a change: ``--tree /tmp/base``) and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from _util import ROOT, WORK

CORPUS = Path(os.environ.get("BLOTTER_CORPUS", "/work/shared/corpus/docs"))
HERE = WORK / "export-check"
OPTIONS = {  # file name -> export arguments after OUT
    "default.csv": [], "all.csv": ["--all"], "nobom.csv": ["--no-bom"], "all-nobom.csv": ["--all", "--no-bom"],
    "reviewed.jsonl": [], "all.jsonl": ["--all"], "all.xlsx": ["--all"],
}
STDOUT = {"stdout.csv": [], "stdout-all.csv": ["--all"], "stdout-all.jsonl": ["--all", "--format", "jsonl"]}
HOSTILE_TEXT = ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tlead tab", "\rlead cr", "'quoted", "a,b", 'say "hi"',
                "two\r\nlines", "lf\nonly", "£5 and “curly”", "nul\x00inside", " space ", "", "plain"]
HOSTILE_VALUES = [float("inf"), float("-inf"), 1e16, 1e15, 1e15 + 0.5, 1 / 3, 1e-05, -0.0, 2.0 ** 53, 5e-324,
                  None, "12 arrests", 7.0, 2.5, -3.25, 1e300]


TWO_PARTS = False  # --two-parts: every CSV file export on two processes, however small


def _cli(tree: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    cmd = ["-m", "desktop.cli"]
    if TWO_PARTS:
        cmd = ["-c", "import sys, desktop.export_parts as p; p.MIN_ROWS = 0; from desktop.cli import main; "
                     "sys.exit(main())"]
    return subprocess.run([sys.executable, *cmd, *args], cwd=tree, env=env, check=True, **kw)


def build() -> dict[str, Path]:
    HERE.mkdir(parents=True, exist_ok=True)
    dbs = {"seeds": HERE / "seeds.sqlite", "corpus": HERE / "corpus.sqlite", "hostile": HERE / "hostile.sqlite"}
    for name, src in (("seeds", ROOT / "seeds"), ("corpus", CORPUS)):
        if not dbs[name].exists():
            _cli(ROOT, "import", str(src), "--db", str(dbs[name]), capture_output=True)
    if not dbs["hostile"].exists():
        tmp = HERE / "hostile.building"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        src = sqlite3.connect(dbs["corpus"])
        dst = sqlite3.connect(tmp)
        src.backup(dst)
        src.close()
        _make_hostile(dst)
        dst.close()
        tmp.rename(dbs["hostile"])
    return dbs


def _make_hostile(db: sqlite3.Connection) -> None:
    texts, values = HOSTILE_TEXT, HOSTILE_VALUES
    with db:
        db.execute("PRAGMA foreign_keys = OFF")
        docs = [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
        for i, doc in enumerate(docs):
            t = texts[i % len(texts)]
            db.execute("UPDATE documents SET title = ?, publisher = ?, url = ?, note = ?, review_flag = ?, "
                       "status = ?, reviewer = ?, reviewed_at = ? WHERE id = ?",
                       [t + " title", texts[(i + 3) % len(texts)], texts[(i + 5) % len(texts)] or None,
                        texts[(i + 7) % len(texts)] if i % 3 else None, i % 2,
                        "reviewed" if i % 2 == 0 else "in_review", texts[(i + 1) % len(texts)],
                        "2026-01-02T03:04:05", doc])
        metrics = [r[0] for r in db.execute("SELECT id FROM metrics ORDER BY id")]
        statuses = ["confirmed", "corrected", "added", "suggested", "rejected"]
        for i, mid in enumerate(metrics):
            status = statuses[i % len(statuses)]
            db.execute("UPDATE metrics SET value = ?, subject = ?, text = ?, operation = ?, note = ?, "
                       "status = ?, updated_by = ?, updated_at = ?, category = ? WHERE id = ?",
                       [values[i % len(values)], texts[i % len(texts)], texts[(i + 2) % len(texts)],
                        texts[(i + 4) % len(texts)] or None, texts[(i + 6) % len(texts)] if i % 4 else None,
                        status, texts[(i + 9) % len(texts)] if i % 3 else None,
                        "2026-01-02T03:04:05" if i % 2 else None,
                        "arrests" if i % 7 else texts[i % len(texts)] or "other", mid])
        sugg = [r[0] for r in db.execute("SELECT id FROM suggested_metrics ORDER BY id")]
        for i, sid in enumerate(sugg):
            db.execute("UPDATE suggested_metrics SET value = ?, category = ? WHERE id = ?",
                       [values[(i + 5) % len(values)], texts[(i + 1) % len(texts)] or "other", sid])


def export_all(tree: Path, dbs: dict[str, Path], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for dbname, db in dbs.items():
        for fname, args in OPTIONS.items():
            target = out / f"{dbname}-{fname}"
            _cli(tree, "export", str(target), *args, "--db", str(db), capture_output=True)
            if target.suffix == ".xlsx":
                target = _xlsx_as_text(target)
            made.append(target)
        for fname, args in STDOUT.items():
            target = out / f"{dbname}-{fname}"
            with target.open("wb") as fh:
                _cli(tree, "export", "-", *args, "--db", str(db), stdout=fh, stderr=subprocess.DEVNULL)
            made.append(target)
    return made


def _xlsx_as_text(path: Path) -> Path:
    """The sheet's cells with their types (a zip's timestamps differ from run to run)."""
    from openpyxl import load_workbook
    text = path.with_suffix(".xlsx.txt")
    book = load_workbook(path, read_only=True)
    with text.open("w", encoding="utf-8") as fh:
        for row in book.active.iter_rows(values_only=True):
            fh.write(repr(row) + "\n")
    path.unlink()
    return text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--tree", type=Path, default=ROOT)
    ap.add_argument("--compare", type=Path)
    ap.add_argument("--two-parts", action="store_true", help="split even the smallest CSV export in two")
    args = ap.parse_args()
    global TWO_PARTS
    TWO_PARTS = args.two_parts
    if args.out.exists():
        shutil.rmtree(args.out)
    made = export_all(args.tree.resolve(), build(), args.out)
    print(f"{len(made)} exports in {args.out}")
    if args.compare:
        names = sorted(p.name for p in made)
        match, mismatch, errors = filecmp.cmpfiles(args.compare, args.out, names, shallow=False)
        for name in mismatch + errors:
            print(f"DIFFERENT: {name}")
        print(f"{len(match)} identical, {len(mismatch) + len(errors)} different")
        sys.exit(1 if mismatch or errors else 0)


if __name__ == "__main__":
    main()
