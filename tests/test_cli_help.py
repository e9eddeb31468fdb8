"""Every subcommand's --help has a description and help for each argument; --db and --rules show as FILE."""

import argparse

from desktop.cli import build_parser


def test_every_subcommand_describes_itself_and_each_argument():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) >= {"gui", "import", "extract", "export", "check", "recover", "eval", "summary"}
    for name, child in sub.choices.items():
        assert child.description, name
        for action in child._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            assert action.help, (name, action.dest)
        text = child.format_help()
        assert "SUB_DB" not in text and "RULES" not in text, name
