"""Every subcommand's --help has a description and help for each argument; --db and --rules show as FILE."""

import argparse

from desktop.cli import build_parser


def test_every_subcommand_describes_itself_and_each_argument():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) >= {"gui", "import", "extract", "export", "check", "recover", "eval", "summary", "report", "rules"}
    children = list(sub.choices.items())
    for name, child in children:
        children += [(f"{name} {k}", c) for a in child._actions if isinstance(a, argparse._SubParsersAction)
                     for k, c in a.choices.items()]  # nested commands (blotter rules try) too
        assert child.description, name
        for action in child._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, (name, action.dest)
        text = child.format_help()
        assert "SUB_DB" not in text and "--rules RULES" not in text, name
