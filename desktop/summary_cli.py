"""``blotter summary``: the totals of :mod:`desktop.summary` as a table, CSV or JSON.

Example::

    $ blotter summary --by operation --db b.sqlite
    operation          category       total    releases  figures
    Operation Sceptre  knives_seized  ≥ 3,625         2        2
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Callable, IO

from desktop.names import printable
from desktop.summary import GROUPINGS, Total, as_records, summarise


def add_parser(sub, db_help: str) -> None:
    summary = sub.add_parser(
        "summary", help="totals of the curated figures by operation, publisher, month or category",
        description="Add up the figures reviewers kept (confirmed, corrected, added), grouped, with the "
                    "number of releases behind each total. Figures in different units are never added "
                    "together and percentages are not added at all; a total that includes a "
                    "'more than' figure is shown as a lower bound (≥).")
    summary.add_argument("--db", type=Path, dest="sub_db", metavar="FILE", help=db_help)
    summary.add_argument("--by", choices=GROUPINGS, default="operation",
                         help="what to group the totals by (default: operation)")
    summary.add_argument("--format", choices=("table", "csv", "json"), default="table",
                         help="table for people (default), csv or json for other programs")
    summary.add_argument("--all", action="store_true", dest="include_all",
                         help="count documents not yet marked reviewed too")


def run(args, open_store: Callable) -> int:
    store = open_store(args)
    if store is None:
        return 1
    try:
        totals = summarise(store, by=args.by, include_all=args.include_all)
    finally:
        store.close()
    write(totals, args.by, args.format, sys.stdout)
    if not totals:
        scope = "any document" if args.include_all else "a reviewed document (--all counts every document)"
        print(f"no curated figures in {scope}", file=sys.stderr)
    return 0


def write(totals: list[Total], by: str, fmt: str, out: IO[str]) -> None:
    if fmt == "json":
        out.write(json.dumps(as_records(totals, by), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "csv":
        records = as_records(totals, by)
        columns = ([by] if by != "category" else []) + ["category", "unit", "total", "qualifier", "shown",
                                                        "releases", "figures"]
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            writer.writerow(["" if record[c] is None else record[c] for c in columns])
        return
    out.write(table(totals, by) + "\n")


def table(totals: list[Total], by: str) -> str:
    """Aligned columns: the group, the category, the total (right-aligned), releases and figures."""
    head = ([by] if by != "category" else []) + ["category", "total", "releases", "figures"]
    rows = [([printable(t.group)] if by != "category" else []) + [t.category, t.text, str(len(t.releases)),
                                                                   str(t.figures)] for t in totals]
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    right = {len(head) - 3, len(head) - 2, len(head) - 1}
    lines = []
    for r in [head] + rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)

