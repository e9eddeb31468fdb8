"""``blotter report`` and ``blotter rules try|suggest``: the command-line side of closing the loop.

Hooked into :mod:`desktop.cli` by :func:`add_commands` (the parsers) and :data:`COMMANDS`.

Exit codes: 0 success; 1 ``rules try`` found a figure the candidate breaks (so a script can
guard a rules change), or the database could not be opened; 2 bad usage or rules that
cannot be loaded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from desktop.paths import user_rules_dir


def _since(text: str) -> str:
    try:
        return dt.date.fromisoformat(text[:10]).isoformat() + text[10:]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_commands(sub, db_help) -> None:
    """Add ``report`` and ``rules`` to ``blotter``'s subcommands."""
    rep = sub.add_parser("report", help="the extractor's precision and recall from reviewers' decisions",
                         description="Over documents marked reviewed, count each suggestion the extractor made as "
                                     "confirmed, corrected (and which fields) or rejected, and each row a reviewer "
                                     "added as a miss: precision and recall per category, rule, publisher or "
                                     "extractor version.")
    rep.add_argument("--db", type=Path, dest="sub_db", metavar="FILE", help=db_help())
    rep.add_argument("--json", action="store_true", help="one JSON object")
    rep.add_argument("--since", type=_since, metavar="DATE", help="only documents reviewed on or after DATE")
    rep.add_argument("--by", choices=("category", "rule", "publisher", "version"), default="category",
                     help="what the table's rows are (default: category)")

    rules = sub.add_parser("rules", help=f"your own rules (in {user_rules_dir()}): try, suggest",
                           description=f"Your rules folder: {user_rules_dir()}. Its *.yaml files are layered "
                                       "over the bundled rules.")
    rsub = rules.add_subparsers(dest="rules_command", metavar="ACTION", help="what to do with rules")
    tr = rsub.add_parser("try", help="run candidate rules over every reviewed document: what they fix and break "
                                     "(exit status 1 when anything breaks)",
                         description="Run candidate rules over every reviewed document and compare their output "
                                     "with the reviewers' final rows: what they fix, what they break, what they "
                                     "newly suggest. Exit status 1 when anything breaks.")
    tr.add_argument("candidate", type=Path, metavar="RULES_DIR_OR_FILE",
                    help="a rules file or a folder of them, layered over the bundled rules")
    tr.add_argument("--db", type=Path, dest="sub_db", metavar="FILE", help=db_help())
    tr.add_argument("--json", action="store_true", help="one JSON object")
    sg = rsub.add_parser("suggest", help="words for the lexicon from rows reviewers added or corrected",
                         description="Propose words the lexicon lacks, mined from the rows reviewers added or "
                                     "corrected, each tried over the reviewed documents before it is shown.")
    sg.add_argument("--db", type=Path, dest="sub_db", metavar="FILE", help=db_help())
    sg.add_argument("--json", action="store_true", help="one JSON object")
    sg.add_argument("--min-rows", type=int, default=2, metavar="N",
                    help="propose a word only when reviewers added it at least N times (default 2)")
    sg.add_argument("--accept", type=int, nargs="+", default=[], metavar="N",
                    help="write proposal N (as numbered in the list) to your rules folder")
    rsub.add_parser("show", help="where your rules are and which are in use",
                    description="Say where your rules folder is and which of its files are in use.")


def cmd_report(args) -> int:
    from desktop.cli import _open_store
    from desktop.loop.report import build_report, format_table
    store = _open_store(args)
    if store is None:
        return 1
    try:
        report = build_report(store.db, args.since)
    finally:
        store.close()
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_table(report, args.by))
    return 0


def warn_user_rules() -> None:
    """Load the rules the commands will use (bundled + the user's folder) and name any user file refused."""
    from desktop.cli import _err
    from desktop.extractor import default_rules
    from desktop.extractor.user_overlay import USER_RULES_PROBLEMS, user_rule_files
    if not user_rule_files():
        return  # nothing of the user's: the bundled rules load when first needed
    default_rules()
    for p in USER_RULES_PROBLEMS:
        _err(f"your rules: {p}")


def cmd_rules(args) -> int:
    from desktop.cli import _err, _open_store
    from desktop.extractor import RulesError, load_rules
    action = getattr(args, "rules_command", None) or "show"
    if action == "show":
        from desktop.loop.user_rules import folder_summary
        print(folder_summary())
        return 0
    if action == "try":
        from desktop.loop.try_rules import format_result, try_rules
        from desktop.extractor.user_overlay import user_rule_files
        try:
            if args.candidate.is_dir():
                candidate = load_rules(None, overlays=user_rule_files() + sorted(args.candidate.glob("*.yaml")))
            else:
                candidate = load_rules(None, overlays=user_rule_files() + [args.candidate])
        except (RulesError, OSError) as exc:
            _err(f"rules not usable: {exc}")
            return 2
        store = _open_store(args)
        if store is None:
            return 1
        try:
            result = try_rules(store.db, candidate)
        finally:
            store.close()
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2) if args.json else format_result(result))
        return 1 if result.breaks else 0
    from desktop.loop.suggest import propose
    from desktop.loop.user_rules import add_word
    store = _open_store(args)
    if store is None:
        return 1
    try:
        warn_user_rules()
        props = propose(store.db, min_rows=args.min_rows)
        if args.json:
            print(json.dumps([p.to_json() for p in props], ensure_ascii=False, indent=2))
        else:
            for i, p in enumerate(props, 1):
                print(f"{i:>3}. {p.sentence()}")
            if not props:
                print("no proposals: no word is missing from the lexicon in rows reviewers added or corrected")
        for n in args.accept:
            if not 1 <= n <= len(props):
                _err(f"--accept {n}: there is no proposal {n}")
                return 2
            p = props[n - 1]
            try:
                path = add_word(store, p.kind, p.list_name, p.base)
            except (RulesError, OSError) as exc:
                _err(f"proposal {n} not written: {exc}")
                return 1
            print(f"added {p.base!r} to {p.kind} {p.list_name} in {path}")
    finally:
        store.close()
    return 0


COMMANDS = {"report": cmd_report, "rules": cmd_rules}
