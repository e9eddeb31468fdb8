"""The user's own rules folder layered over the bundled rules, and what happens when a file there is broken.

Example::

    >>> rules = load_effective_rules(Path("~/.config/blotter/rules").expanduser())   # doctest: +SKIP
    >>> USER_RULES_PROBLEMS                                                            # doctest: +SKIP
    []
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from desktop.extractor.rules import Rules, RulesError, load_rules

#: why user rules files were left out at the last load (file:line: reason), for the CLI and the window
USER_RULES_PROBLEMS: list[str] = []


def user_rule_files(folder: Optional[Path] = None) -> list[Path]:
    """The ``*.yaml`` files of the user's rules folder (:func:`desktop.paths.user_rules_dir`), in name order."""
    if folder is None:
        from desktop.paths import user_rules_dir
        folder = user_rules_dir()
    try:
        return sorted(p for p in Path(folder).glob("*.yaml") if p.is_file())
    except OSError:
        return []


def load_effective_rules(folder: Optional[Path] = None) -> Rules:
    """The bundled rules with the user's files layered over them.

    A user file that cannot be used is refused: its file, line and reason are kept in
    :data:`USER_RULES_PROBLEMS`, and the last version of it that loaded in this process is used
    instead (or, when none did, it is left out): a broken edit never stops extraction.
    """
    import tempfile
    files = user_rule_files(folder)
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="blotter-rules-") as tmp:
        while True:
            try:
                rules = load_rules(None, overlays=files)
                break
            except RulesError as exc:
                bad = Path(exc.path) if exc.path else None
                if bad not in files:
                    raise  # the bundled rules themselves (or a last good copy): a defect, not a user's edit
                i = files.index(bad)
                good = _LAST_GOOD.get(str(bad))
                if good is not None:
                    problems.append(f"{exc} (the last version that loaded is used until it is fixed)")
                    copy = Path(tmp) / f"{i}-{bad.name}"
                    copy.write_text(good, encoding="utf-8")
                    files[i] = copy
                else:
                    problems.append(f"{exc} (this file is not used until it is fixed)")
                    del files[i]
        for f in files:
            if not str(f).startswith(tmp):
                try:
                    _LAST_GOOD[str(f)] = f.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    pass
    USER_RULES_PROBLEMS[:] = problems
    return rules


#: the text of each user file as it last loaded in this process (used while an edit is broken)
_LAST_GOOD: dict[str, str] = {}
