"""The ``blotter`` command: the window, import, extract, export and eval.

Exit codes: 0 success; 1 the work failed (every file failed to import or extract, a
database could not be opened); 2 bad usage. ``python -m desktop`` runs the same command.

Example::

    $ blotter import seeds/ --db /tmp/b.sqlite
    $ blotter export out.csv --all --db /tmp/b.sqlite
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Optional, Sequence

from desktop import __version__
from desktop import loop_cli as loop_commands
from desktop import cli_help, summary_cli
from desktop.names import printable
from desktop.paths import default_db_path, user_rules_dir


def _db_help() -> str:
    return f"database file (default: $BLOTTER_DB or {default_db_path()})"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blotter",
        description="Review the figures that police press releases report.",
        epilog=f"Default database: {default_db_path()} (override with --db or BLOTTER_DB). "
               "It is created, with the bundled sample releases, on first use. "
               f"Your own rules, layered over the bundled ones: {user_rules_dir()}/*.yaml")
    parser.add_argument("--version", action="version", version=f"blotter {__version__}")
    parser.add_argument("--db", type=Path, metavar="FILE", help=_db_help())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the review window (the default)")
    gui.add_argument("--db", type=Path, dest="sub_db", metavar="FILE", help=_db_help())

    imp = sub.add_parser("import", help="import release files or folders (.txt, .md, .html)")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--db", type=Path, dest="sub_db", metavar="FILE", help=_db_help())
    imp.add_argument("--rules", type=Path, help="extractor rules file (YAML) instead of the bundled rules")
    imp.add_argument("-j", "--jobs", type=int, default=0,
                     help="processes that read and extract in parallel (default: one a core, at most 4)")
    imp.add_argument("-q", "--quiet", action="store_true", help="print only the summary and failures")
    imp.add_argument("--time-budget", type=float, default=None, metavar="SECONDS",
                     help="longest extraction of one release; a release over it is imported without "
                          "suggestions and named (default: 30)")

    ext = sub.add_parser("extract", help="print the extractor's findings as JSON Lines")
    ext.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ext.add_argument("--rules", type=Path, help="extractor rules file (YAML)")
    ext.add_argument("-j", "--jobs", type=int, default=0,
                     help="processes that read and extract in parallel (default: one a core, at most 4)")
    ext.add_argument("--time-budget", type=float, default=None, metavar="SECONDS",
                     help="longest extraction of one release (default: 30)")

    exp = sub.add_parser("export", help="write the curated figures to a CSV, JSON Lines or Excel file")
    exp.add_argument("out", type=Path, metavar="OUT")
    exp.add_argument("--db", type=Path, dest="sub_db", metavar="FILE", help=_db_help())
    exp.add_argument("--all", action="store_true", dest="include_all",
                     help="include documents not yet marked reviewed")
    exp.add_argument("--format", choices=("csv", "jsonl", "xlsx"), default=None,
                     help="output format (default: from OUT's ending, else csv)")
    exp.add_argument("--no-bom", action="store_false", dest="bom",
                     help="leave out the UTF-8 byte-order mark a CSV file starts with (it is there so that "
                          "Excel and LibreOffice read the file as UTF-8; some tools dislike it). Standard "
                          "output (OUT '-') never has one: it goes to other programs")

    chk = sub.add_parser("check", help="run SQLite's full integrity check on a database (changes nothing)")
    chk.add_argument("--db", type=Path, dest="sub_db", metavar="FILE", help=_db_help())

    rec = sub.add_parser("recover", help="copy every readable row of a damaged database into a new file")
    rec.add_argument("out", type=Path, metavar="OUT", help="the new database file (must not exist)")
    rec.add_argument("--db", type=Path, dest="sub_db", metavar="FILE", help=_db_help())

    summary_cli.add_parser(sub, _db_help())

    ev = sub.add_parser("eval", help="score the extractor against gold files")
    ev.add_argument("gold", type=Path, metavar="GOLD_DIR")
    ev.add_argument("docs", nargs="*", type=Path, metavar="DOCS")
    ev.add_argument("--json", action="store_true", help="machine-readable report")
    ev.add_argument("--misses", action="store_true", help="list every missed and spurious row")
    ev.add_argument("--rules", type=Path, help="extractor rules file (YAML)")
    loop_commands.add_commands(sub, _db_help)  # report, rules try|suggest (issue 13)
    cli_help.describe(sub)
    return parser


def _err(message: str) -> None:
    print(f"blotter: {printable(message)}", file=sys.stderr)


def _db_path(args) -> Path:
    return getattr(args, "sub_db", None) or args.db or default_db_path()


def _open_store(args):
    """The store named by the arguments; the default database is seeded on first use."""
    from desktop.ingest import ensure_seeded
    from desktop.store import Store, StoreError
    path = _db_path(args)
    try:
        store = Store.open(path)
        if not (getattr(args, "sub_db", None) or args.db):
            ensure_seeded(store)
    except StoreError as exc:
        _err(str(exc))
        return None
    if store.read_only:
        _err(f"note: {path} cannot be written here: opened read-only (browsing and export work; changes are refused)")
    return store


def _set_time_budget(args) -> None:
    if getattr(args, "time_budget", None) is not None:
        from desktop import extract_limits
        extract_limits.TIME_BUDGET_S = args.time_budget


def _load_rules(args):
    _set_time_budget(args)
    if not getattr(args, "rules", None):
        loop_commands.warn_user_rules()  # the user's rules folder: a broken file is named, the rest apply
        return None
    from desktop.extractor import RulesError, load_rules
    try:
        return load_rules(args.rules)
    except (RulesError, OSError) as exc:
        _err(f"rules not usable: {exc}")
        raise SystemExit(2)


def cmd_import(args) -> int:
    from desktop.ingest import default_workers, import_paths
    from desktop.progress_line import ProgressLine
    from desktop.store import StoreError
    rules = _load_rules(args)
    store = _open_store(args)
    if store is None:
        return 1
    line = ProgressLine(sys.stderr)
    try:
        report = import_paths(store, args.paths, rules, workers=args.jobs or default_workers(), progress=line)
    except StoreError as exc:
        _err(str(exc))
        return 1
    finally:
        line.clear()
        store.close()
    for text in report.lines():
        if text.startswith("failed"):
            print(text, file=sys.stderr)
        elif not args.quiet:
            print(text)
    print(report.summary())
    if report.imported or report.duplicates:
        return 0
    return 1


def cmd_extract(args) -> int:
    from desktop.ingest import default_workers, read_and_extract_all
    rules = _load_rules(args)
    out = sys.stdout
    done = failed = 0
    for result, extraction in read_and_extract_all(args.paths, rules, args.jobs or default_workers()):
        if result.error:
            record = {"document": Path(result.path).name, "error": result.error}
            failed += 1
        else:
            record = extraction.to_json()
            if result.notes and not extraction.error:
                record["notes"] = result.notes
            failed += bool(extraction.error)
            done += not extraction.error
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if not done:
        if failed > 1:
            _err(f"all {failed} files failed: see the errors above")
        else:
            _err("the file failed: see the error above" if failed else "no release files found (.txt, .md, .html)")
        return 1
    return 0


_FORMAT_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx"}


def cmd_export(args) -> int:
    from desktop.export import export, write
    from desktop.store import StoreError
    fmt = args.format or _FORMAT_BY_SUFFIX.get(args.out.suffix.lower(), "csv")
    if fmt == "xlsx" and str(args.out) == "-":
        _err("an xlsx export needs a file name, not standard output")
        return 2
    store = _open_store(args)
    if store is None:
        return 1
    to_stdout = str(args.out) == "-"
    try:
        if to_stdout:
            n = write(store, sys.stdout, include_all=args.include_all, fmt=fmt, bom=False)
        else:
            n = export(store, args.out, include_all=args.include_all, fmt=fmt, bom=args.bom)
    except BrokenPipeError:
        raise  # `blotter export - | head`: main() ends quietly
    except (OSError, StoreError) as exc:
        _err(f"{printable(str(args.out))}: cannot write the export ({exc})")
        return 1
    finally:
        store.close()
    scope = "all documents" if args.include_all else "reviewed documents"
    where = "standard output" if to_stdout else printable(str(args.out))
    print(f"exported {n} metric rows from {scope} to {where}", file=sys.stderr if to_stdout else sys.stdout)
    return 0


def cmd_check(args) -> int:
    from desktop.store import StoreError
    from desktop.store.integrity import check
    path = printable(str(_db_path(args)))
    try:
        found = check(_db_path(args))
    except StoreError as exc:
        _err(str(exc))
        return 1
    if not found:
        print(f"{path}: ok (full integrity check)")
        return 0
    for line in found:
        print(f"{path}: {printable(line)}")
    print(f"{path} is damaged: copy what can be read into a new file with: blotter recover --db {path} NEW.sqlite")
    return 1


def cmd_recover(args) -> int:
    from desktop.store import StoreError
    from desktop.store.integrity import recover
    path = _db_path(args)
    try:
        summary = recover(path, args.out)
    except StoreError as exc:
        _err(str(exc))
        return 1
    for table, (copied, orphans) in summary.items():
        extra = f" ({orphans} left out: what they belonged to was lost)" if orphans else ""
        print(f"{table}: {copied} rows recovered{extra}")
    print(f"recovered into {printable(str(args.out))}; open it with: blotter --db {printable(str(args.out))}")
    return 0


def cmd_eval(args) -> int:
    from desktop import evaluate
    rules = _load_rules(args)
    if not args.gold.is_dir():
        _err(f"{args.gold}: no such folder of gold files")
        return 2
    report = evaluate.evaluate(args.gold, args.docs or None, rules=rules)
    skipped = report.get("skipped") or []
    if skipped:
        shown = ", ".join(skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
        _err(f"warning: {len(skipped)} gold file(s) in {args.gold} skipped: their documents were not given ({shown})")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(evaluate.format_table(report))
        if args.misses:
            print(evaluate.format_misses(report))
    return 0


def cmd_gui(args) -> int:
    from desktop.store import StoreError
    path = _db_path(args)
    try:
        from desktop.ui.app import run
    except ImportError as exc:
        _err(f"the window cannot start: {exc}")
        return 1
    try:
        return run(path)
    except StoreError as exc:
        _err(str(exc))
        return 1


COMMANDS = {"import": cmd_import, "extract": cmd_extract, "export": cmd_export, "eval": cmd_eval, "gui": cmd_gui,
            "check": cmd_check, "recover": cmd_recover, **loop_commands.COMMANDS,
            "summary": lambda args: summary_cli.run(args, _open_store)}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "gui"
        args.sub_db = None
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a person
        _err(_explain_unexpected(exc))
        return 1


def _explain_unexpected(exc: Exception) -> str:
    import sqlite3
    from desktop.store import StoreError
    from desktop.store.connection import explain
    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        return explain(exc) + " Run: blotter check --db FILE to see whether the database is damaged."
    return f"unexpected error: {type(exc).__name__}: {exc}"


if __name__ == "__main__":
    raise SystemExit(main())
