"""The user's own rules: files in :func:`desktop.paths.user_rules_dir`, layered over the bundled rules.

A user file adds words to a category's lists or adds a category without copying the whole
set (``desktop.extractor.rules.load_rules`` merges it: lists are joined, mappings merged).
Blotter writes accepted word proposals to ``words.yaml`` there, and ``Adopt`` copies tried
rules in. Every write is checked first (the rules must load with it) and replaces the file
in one step, so a failed write leaves the last good rules in place; each is audited.

Example::

    >>> add_word(store, "nouns", "weapon", "hatchet")       # doctest: +SKIP
    PosixPath('/home/ann/.config/blotter/rules/words.yaml')
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Optional, Union

import yaml

from desktop.atomic_file import replacing
from desktop.extractor import forget_default_rules
from desktop.extractor.rules import RulesError, load_rules
from desktop.extractor.user_overlay import user_rule_files
from desktop.paths import user_rules_dir
from desktop.store import Store, audit

WORDS_FILE = "words.yaml"
HEADER = ("# Your own extractor rules, layered over the bundled ones (Blotter writes words you accept here;\n"
          "# you may edit it: see resources/rules/metrics.yaml for the sections).\n")


def _check(folder: Path, replacing: Optional[Path], new_text: str) -> None:
    """Refuse ``new_text`` (for the file ``replacing``) unless the rules load with it."""
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / (replacing.name if replacing else "new.yaml")
        trial.write_text(new_text, encoding="utf-8")
        others = [f for f in user_rule_files(folder) if replacing is None or f.name != replacing.name]
        try:
            load_rules(None, overlays=others + [trial])
        except RulesError as exc:
            if exc.path == str(trial) and replacing is not None:
                raise RulesError(str(replacing), exc.line, exc.reason) from None
            raise


def _replace(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, prefix=".tmp-", suffix=".yaml") as (fd, _tmp):
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)


def has_word(data: dict, kind: str, list_name: str, word: str) -> bool:
    words = ((data.get("words") or {}).get(kind) or {}).get(list_name) or []
    return word.lower() in {str(w).lower() for w in words}


def add_word(store: Store, kind: str, list_name: str, word: str, folder: Optional[Path] = None) -> Path:
    """Add ``word`` to the user's ``words: KIND: LIST`` (written to ``words.yaml``), audited.

    :raises RulesError: the rules would not load with it (nothing is written)
    :raises OSError: the folder cannot be written
    """
    folder = Path(folder) if folder is not None else user_rules_dir()
    path = folder / WORDS_FILE
    data: dict = {}
    if path.is_file():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise RulesError(str(path), 0, f"not valid YAML ({exc}); fix or move it first") from None
        if not isinstance(data, dict):
            raise RulesError(str(path), 1, "a rules file must be a mapping of sections; fix or move it first")
    if has_word(data, kind, list_name, word):
        return path
    data.setdefault("words", {}).setdefault(kind, {}).setdefault(list_name, []).append(word)
    text = HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    _check(folder, path, text)
    _replace(path, text)
    forget_default_rules()
    with store.write():
        audit.record(store.db, [audit.entry("rules", None, "update", reviewer=store.reviewer,
                                            field=f"words.{kind}.{list_name}", new=word, old=str(path))])
    return path


def install(store: Store, source: Union[str, Path], folder: Optional[Path] = None) -> list[Path]:
    """Copy a rules file, or a folder's ``*.yaml`` files, into the user's rules folder (Adopt), audited.

    A file that says ``replace: true`` is refused: user rules layer over the bundled ones.

    :returns: the files written
    :raises RulesError: a file would not load (nothing is written)
    """
    folder = Path(folder) if folder is not None else user_rules_dir()
    source = Path(source)
    files = sorted(source.glob("*.yaml")) if source.is_dir() else [source]
    if not files:
        raise RulesError(str(source), 0, "no *.yaml rules files in this folder")
    texts = {}
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RulesError(str(f), 0, f"cannot be read ({exc})") from None
        data = yaml.safe_load(text) if text.strip() else {}
        if isinstance(data, dict) and data.get("replace"):
            raise RulesError(str(f), 0, "says 'replace: true': user rules add to the bundled ones; use --rules "
                                        "to run a complete set instead")
        texts[f.name] = text
    with tempfile.TemporaryDirectory() as tmp:
        staged = []
        for name, text in texts.items():
            (Path(tmp) / name).write_text(text, encoding="utf-8")
            staged.append(Path(tmp) / name)
        others = [f for f in user_rule_files(folder) if f.name not in texts]
        try:
            load_rules(None, overlays=others + staged)
        except RulesError as exc:
            named = {str(p): str(source / p.name if source.is_dir() else source) for p in staged}
            raise RulesError(named.get(exc.path, exc.path), exc.line, exc.reason) from None
    written = []
    for name, text in texts.items():
        _replace(folder / name, text)
        written.append(folder / name)
    forget_default_rules()
    with store.write():
        audit.record(store.db, [audit.entry("rules", None, "update", reviewer=store.reviewer, field="install",
                                            old=str(source), new=str(p)) for p in written])
    return written


def folder_summary() -> str:
    """Where the user's rules are and what is in use (for ``blotter rules``)."""
    from desktop.extractor.user_overlay import USER_RULES_PROBLEMS
    from desktop.extractor import default_rules
    folder = user_rules_dir()
    default_rules()
    files = user_rule_files(folder)
    lines = [f"your rules folder: {folder}" + ("" if folder.is_dir() else " (not created yet)")]
    lines += [f"  {f.name}" for f in files] or ["  (no rules files: the bundled rules are used as they are)"]
    lines += [f"not used: {p}" for p in USER_RULES_PROBLEMS]
    return "\n".join(lines)
