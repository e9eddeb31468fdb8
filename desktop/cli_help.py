"""The words of ``blotter SUBCOMMAND --help``: a description for each subcommand and help for each
argument the parser left without one (kept here so that cli.py stays a list of arguments)."""

from __future__ import annotations

DESCRIPTIONS = {
    "gui": "Open the review window on a database (the default when no command is given).",
    "import": "Read release files (folders are searched), extract their figures and store them. On a terminal "
              "a progress line shows files done, the rate and failures so far; each failure is named on standard "
              "error; a summary line ends the run.",
    "extract": "Run the extractor on release files and print what it finds, one JSON object a line, without "
               "storing anything. Exit status 1 when every file failed.",
    "export": "Write the curated figures (one row a figure, with its document, evidence, review and "
              "provenance; columns in docs/export.md) to a CSV, JSON Lines or Excel file.",
    "check": "Run SQLite's full integrity check on a database and say what is damaged (changes nothing).",
    "recover": "Copy every readable row of a damaged database into a new database file.",
    "eval": "Score the extractor against gold files: precision, recall and F1 by category.",
}
ARGUMENTS = {
    ("import", "paths"): "release files (.txt, .md, .html) or folders to search for them",
    ("extract", "paths"): "release files (.txt, .md, .html) or folders to search for them",
    ("export", "out"): "the file to write ('-': standard output); its ending chooses the format",
    ("eval", "gold"): "folder of gold files (one JSON file a document)",
    ("eval", "docs"): "the documents the gold files describe (default: looked for beside GOLD_DIR and in its parent's docs folder)",
}


def describe(subparsers) -> None:
    """Fill in the descriptions and argument help ``build_parser`` left out; ``--rules`` shows as FILE."""
    for name, parser in subparsers.choices.items():
        if not parser.description:
            parser.description = DESCRIPTIONS.get(name)
        for action in parser._actions:
            if action.help is None and (name, action.dest) in ARGUMENTS:
                action.help = ARGUMENTS[(name, action.dest)]
            if action.dest == "rules":
                action.metavar = "FILE"
