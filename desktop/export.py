"""Curated figures out of the store as CSV (RFC 4180, UTF-8) or JSON Lines.

One row per metric with its document, its operation, the figure, the evidence,
the review decision and its provenance (ids, origin, rule, extractor version, the
extractor's original where corrected); ``docs/export.md`` lists the columns. A CSV starts
with a UTF-8 byte-order mark unless asked not to, so a double click opens it right in
Excel and LibreOffice (``£`` and curly quotes intact).

Rejected metrics never leave; a row left undecided (``suggested``) in a reviewed document carries no
reviewer and no review time, so it is never reported as reviewed. Text cells that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab
or CR) are prefixed with ``'`` (OWASP's CSV-injection advice), and so are cells that
already start with ``'`` (so removing one leading ``'`` always gives the stored text back); numeric columns
stay numbers. The file is written under a temporary name and renamed, so a crash
never leaves half an export; ``-`` on the command line means standard output.

Example::

    >>> n = export(store, "out.csv", include_all=True)
"""

from __future__ import annotations

import csv
import itertools
import json
import operator
import os
from pathlib import Path
from typing import IO, Iterator, Union

from desktop.atomic_file import replacing
from desktop.store import Store
from desktop.store.numbers import MAX_FIGURE

COLUMNS = (
    "document", "title", "published", "publisher", "url",
    "operation", "operation_start", "operation_end",
    "category", "value", "qualifier", "unit", "subject",
    "evidence", "offset", "length", "status", "reviewer", "reviewed_at",
    "flagged_for_review", "document_note", "note",
    # provenance (issue 14): where the figure came from and who last changed it
    "document_id", "metric_id", "origin", "rule_id", "extractor_version",
    "original_category", "original_value", "updated_at", "updated_by",
)
#: What :func:`export` writes; :func:`write` (a text stream) does csv and jsonl.
FORMATS = ("csv", "jsonl", "xlsx")
NUMERIC = {"value", "offset", "length", "flagged_for_review", "document_id", "metric_id", "original_value"}
#: What a CSV starts with by default: Excel and LibreOffice read the file as UTF-8 only when they see it.
BOM = "\ufeff"
#: A leading ``'`` is escaped too: spreadsheets hide one, and the round trip must stay exact.
_DANGER = "=+-@\t\r'"

def _figure(column: str) -> str:
    """SQL for a stored value as :func:`is_figure` allows it: NULL unless a finite number at most
    :data:`MAX_FIGURE` in size (inf or text from before the limit), whole values as integers."""
    return (f"CASE WHEN typeof({column}) IN ('real', 'integer') AND abs({column}) <= {MAX_FIGURE!r} THEN "
            f"CASE WHEN {column} = CAST({column} AS INTEGER) THEN CAST({column} AS INTEGER) ELSE {column} END END")


#: One SQL expression a column, in :data:`COLUMNS` order. The figure checks run in SQLite: in
#: Python they cost about a tenth of a large export.
_SELECT = (
    "d.name", "d.title", "d.published", "d.publisher", "d.url",
    "m.operation", "o.start", 'o."end"',
    "m.category", _figure("m.value"), "m.qualifier", "m.unit", "m.subject",
    "m.text", 'm."offset"', "m.length", "m.status",
    "CASE WHEN m.status = 'suggested' THEN NULL ELSE coalesce(m.updated_by, d.reviewer) END",
    "CASE WHEN m.status = 'suggested' THEN NULL ELSE d.reviewed_at END",
    "d.review_flag", "d.note", "m.note",
    "m.document_id", "m.id", "m.origin", "m.rule", "r.extractor_version",
    "CASE WHEN m.status = 'corrected' THEN s.category END",
    f"CASE WHEN m.status = 'corrected' THEN {_figure('s.value')} END",
    "m.updated_at", "m.updated_by",
)
_FROM = """
FROM metrics m
JOIN documents d ON d.id = m.document_id
LEFT JOIN suggested_metrics s ON s.id = m.suggestion_id
LEFT JOIN extraction_runs r ON r.id = s.run_id
LEFT JOIN (SELECT document_id, name, min(start) AS start, min("end") AS "end" FROM operations
           WHERE status != 'rejected' GROUP BY document_id, name) o
       ON o.document_id = m.document_id AND o.name = m.operation
WHERE m.status != 'rejected' {only_reviewed}
ORDER BY m.document_id, m.position, m.id
"""
#: The rows, unescaped (``{only_reviewed}`` to fill); the view ``curated_metrics`` holds the same.
_QUERY = "SELECT " + ",\n       ".join(_SELECT) + _FROM
_TEXT = tuple(i for i, c in enumerate(COLUMNS) if c not in NUMERIC)


def _neutralised(expr: str) -> str:
    """SQL for :func:`neutralise` of a text cell (NULL and numbers pass through)."""
    # unicode(): the first character's code point, no new string (a third cheaper than substr)
    codes = ", ".join(str(ord(c)) for c in _DANGER)
    return f"CASE WHEN unicode({expr}) IN ({codes}) THEN '''' || {expr} ELSE {expr} END"


#: The CSV's rows, text cells already made safe, so the whole row loop runs in C
#: (``csv.writer.writerows`` over the cursor), the same in a worker (:mod:`desktop.export_parts`).
#: In instructions about even with escaping each row in Python (ADR 0012).
_SAFE_QUERY = "SELECT " + ",\n       ".join(
    _neutralised(e) if i in _TEXT else e for i, e in enumerate(_SELECT)) + _FROM


def neutralise(cell: str) -> str:
    """A text cell made safe to open in a spreadsheet.

    Example: ``neutralise("=HYPERLINK(...)") == "'=HYPERLINK(...)"``
    """
    if cell and cell[0] in _DANGER:
        return "'" + cell
    return cell


def records(store: Store, include_all: bool = False) -> Iterator[list]:
    """Every exported row as a list in :data:`COLUMNS` order, values unescaped."""
    sql = _QUERY.format(only_reviewed="" if include_all else "AND d.status = 'reviewed'")
    # never inf or NaN out (a database from before the limit): the query's figure checks (_figure)
    return map(list, store.db.execute(sql))


def rows(store: Store, include_all: bool = False) -> Iterator[dict]:
    """Every exported row as a dict keyed by :data:`COLUMNS`, values unescaped."""
    for record in records(store, include_all):
        yield dict(zip(COLUMNS, record))


def safe_records(db, include_all: bool = False, part: str = "", split: int = 0) -> Iterator[tuple]:
    """The CSV's rows as tuples in :data:`COLUMNS` order, text cells neutralised (:func:`neutralise`).

    :param db: the store's ``sqlite_utils.Database``, or one opened on the same file
    :param part: ``"first"``: documents with ids below ``split``; ``"second"``: the others; ``""``: all
    """
    where = "" if include_all else "AND d.status = 'reviewed'"
    if part:
        where += " AND m.document_id < ?" if part == "first" else " AND m.document_id >= ?"
    return db.execute(_SAFE_QUERY.format(only_reviewed=where), [split] if part else [])


def write_header(fh: IO[str], bom: bool) -> None:
    """The CSV's first line (after the byte-order mark when ``bom``)."""
    if bom:
        fh.write(BOM)
    csv.writer(fh, lineterminator="\r\n").writerow(COLUMNS)


def write_rows(fh: IO[str], rows: Iterator[tuple]) -> int:
    """Write ``rows`` as CSV lines to ``fh``; returns how many. The loop runs in C: the rows are
    counted by pairing them with a counter, not one by one in Python."""
    counter = itertools.count()
    csv.writer(fh, lineterminator="\r\n").writerows(map(_first, zip(rows, counter)))
    return next(counter)


_first = operator.itemgetter(0)


def write(store: Store, fh: IO[str], include_all: bool = False, fmt: str = "csv", bom: bool = True) -> int:
    """Write the curated figures to the open text file ``fh``; returns the number of rows.

    :param bom: start a CSV with the UTF-8 byte-order mark (JSON Lines never has one)
    """
    if fmt not in ("csv", "jsonl"):
        raise ValueError(f"unknown format {fmt!r} (csv or jsonl)")
    count = 0
    if fmt == "csv":
        write_header(fh, bom)
        count = write_rows(fh, safe_records(store.db, include_all))
    else:
        for row in rows(store, include_all):
            fh.write(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n")
            count += 1
    fh.flush()
    return count


def export(store: Store, out: Union[str, Path], include_all: bool = False, fmt: str = "csv",
           bom: bool = True) -> int:
    """Write the curated figures to ``out``; returns the number of rows.

    A regular file is replaced whole (written under a temporary name, synced, renamed) and keeps
    its permissions; a link is followed and its target replaced, not the link; a named pipe or a
    device is written to directly. Temporary files left by an export that was killed are removed.

    :param include_all: documents not yet marked reviewed too
    :param fmt: ``csv``, ``jsonl`` or ``xlsx`` (:mod:`desktop.export_xlsx`)
    :param bom: start a CSV with the UTF-8 byte-order mark (the default; ``False`` for tools that dislike it)
    :raises OSError: when the folder cannot be written (nothing is left behind)
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (csv, jsonl or xlsx)")
    target = Path(os.path.realpath(out))
    if target.exists() and not target.is_file():  # a named pipe, a terminal, /dev/stdout...
        with open(target, **_open_mode(fmt)) as fh:
            return _emit(store, fh, include_all, fmt, bom)
    folder = target.parent
    remove_stale_parts(folder, target.name)
    mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
    prefix = f".{target.name}.{os.getpid()}."
    with replacing(target, prefix=prefix, suffix=".part") as (fd, _tmp):
        os.fchmod(fd, mode)
        with os.fdopen(fd, **_open_mode(fmt)) as fh:
            if fmt == "csv":  # a large one on two cores
                from desktop.export_parts import write_csv
                count = write_csv(store, fh, include_all, bom, folder, prefix)
            else:
                count = _emit(store, fh, include_all, fmt, bom)
            os.fsync(fh.fileno())
    return count


def _open_mode(fmt: str) -> dict:
    return {"mode": "wb"} if fmt == "xlsx" else {"mode": "w", "encoding": "utf-8", "newline": ""}


def _emit(store: Store, fh: IO, include_all: bool, fmt: str, bom: bool) -> int:
    if fmt == "xlsx":
        from desktop.export_xlsx import write_xlsx  # openpyxl only when an xlsx is asked for
        return write_xlsx(store, fh, include_all)
    return write(store, fh, include_all, fmt, bom)


def remove_stale_parts(folder: Path, name: str) -> list[Path]:
    """Delete the temporary files of exports to ``name`` whose process is gone (killed mid-export)."""
    removed = []
    prefix = f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".part")):
            continue
        pid = entry.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
