"""``blotter rules try`` over 10,000 reviewed documents, against the plain extraction pass.

Builds (once, under ``$BLOTTER_BENCH_DIR``) a database of 10,000 synthetic releases
(``extract_bench.synthetic_corpus``) imported with their suggestions, every one marked
reviewed, with decisions of every kind (most rows confirmed; every 7th rejected, every 11th
corrected, one row a document added). Then times ``try_rules`` with a candidate rules file
(one word added to a list) and, as the floor, ``extract`` with the same rules over the same
texts already in memory: the difference is reading the documents and decisions and comparing.

Target (issue 13): under a minute.

Example::

    $ .venv/bin/python benchmarks/rules_try_bench.py
    rules try, 10,000 reviewed docs                 14.20 s   ratio to floor  1.09x   [budget: < 60 s]

Params: ``--docs N`` (default 10000), ``--runs R`` (default 3).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import WORK, machine, report, timed  # noqa: E402

from desktop.extractor import extract, load_rules  # noqa: E402
from desktop.loop.try_rules import reviewed_documents, try_rules  # noqa: E402
from desktop.store import Store  # noqa: E402
from extract_bench import synthetic_corpus  # noqa: E402

CANDIDATE = "words:\n  nouns:\n    weapon: [tomahawk]\n"


def build(path: Path, n: int) -> None:
    """The database of ``n`` reviewed documents (kept between runs)."""
    if path.exists():
        return
    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    store = Store.open(tmp, reviewer="bench")
    docs = synthetic_corpus(n)
    for i in range(0, n, 500):
        store.import_batch([(d, extract(d)) for d in docs[i:i + 500]])
    with store.write():  # decisions in bulk (setup, not measured): the store's API per row would take minutes
        db = store.db
        db.execute("UPDATE metrics SET status = 'confirmed'")
        db.execute("UPDATE metrics SET status = 'rejected' WHERE id % 7 = 0")
        db.execute("UPDATE metrics SET status = 'corrected', qualifier = 'about' WHERE id % 11 = 0")
        db.execute("UPDATE metrics SET status = 'corrected', value = value + 1 WHERE id % 13 = 0")
        db.execute("""INSERT INTO metrics (document_id, origin, status, position, category, value, qualifier, unit,
                      text, updated_at) SELECT id, 'reviewer', 'added', 999, 'weapons_seized', 3, 'exact', 'count',
                      '3 tomahawks', '2026-12-01T00:00:00+00:00' FROM documents""")
        db.execute("UPDATE documents SET status = 'reviewed', reviewer = 'bench', "
                   "reviewed_at = '2026-12-01T00:00:00+00:00'")
    store.close()
    tmp.rename(path)


def _extract_all(docs, rules) -> None:
    """The floor: each document extracted, the result dropped (as ``try_rules`` drops it after comparing)."""
    for d in docs:
        extract(d, rules)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"rules_try_{args.docs}.sqlite"
    build(path, args.docs)
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        cand = Path(tmp) / "candidate.yaml"
        cand.write_text(CANDIDATE)
        rules = load_rules(None, overlays=[cand])
    store = Store.open(path, reviewer="bench")
    docs = [d for _, d in reviewed_documents(store.db)]
    extract(docs[0], rules)  # warm up
    result, floor_runs, runs = [], [], []
    for _ in range(args.runs):  # interleaved, so a change in the machine's load touches both alike
        floor_runs.append(timed(lambda: _extract_all(docs, rules), 1)[0])
        runs.append(timed(lambda: result.append(try_rules(store.db, rules)), 1)[0])
    floor, figure = statistics.median(floor_runs), statistics.median(runs)
    store.close()
    totals = result[-1].totals
    print(f"tried {result[-1].documents:,} reviewed documents: {totals}")
    report("plain extraction pass (floor)", floor, "s")
    report(f"rules try, {len(docs):,} reviewed docs", figure, "s", floor=floor, budget="< 60 s")
    print(f"runs: try {', '.join(f'{t:.2f}' for t in runs)} s; floor {', '.join(f'{t:.2f}' for t in floor_runs)} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
