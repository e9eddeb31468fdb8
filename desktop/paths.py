"""Where Blotter finds its bundled files and its default database.

Bundled files (``resources/``, ``db/migrations``, ``seeds/``) are located through
the import system (``importlib``) so that a non-editable ``pip install .`` finds them as
package data, and a source checkout finds them in place.

Example::

    >>> resource_path("rules").name
    'rules'
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

_PACKAGES = {"resources": "desktop._resources", "db": "desktop._db", "seeds": "desktop._seeds"}
_CHECKOUT = Path(__file__).resolve().parents[1]


def _root(kind: str) -> Path:
    """The installed data package's folder, else the checkout's folder of that name."""
    try:
        spec = importlib.util.find_spec(_PACKAGES[kind])
    except ModuleNotFoundError:
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    return _CHECKOUT / kind


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/``: ``resource_path("rules", "metrics.yaml")``."""
    return _root("resources").joinpath(*parts)


def migrations_dir() -> Path:
    """The folder of numbered ``*.sql`` migrations (``db/migrations``)."""
    return _root("db") / "migrations"


def seeds_dir() -> Path:
    """The bundled sample releases the app opens with."""
    return _root("seeds")


def _xdg_dir(variable: str, *fallback: str) -> Path:
    """``$variable/blotter``, else ``~/<fallback>/blotter``: an XDG base folder, taken only when absolute
    (as the XDG spec says a relative one must be ignored).

    >>> _xdg_dir("XDG_STATE_HOME", ".local", "state").name
    'blotter'
    """
    base = os.environ.get(variable, "")
    return (Path(base) if os.path.isabs(base) else Path.home().joinpath(*fallback)) / "blotter"


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``BLOTTER_DB`` names one.

    ``$BLOTTER_DB``, else ``$XDG_DATA_HOME/blotter/blotter.sqlite``
    (``~/.local/share/blotter/blotter.sqlite``).
    """
    env = os.environ.get("BLOTTER_DB")
    if env:
        return Path(env).expanduser()
    return _xdg_dir("XDG_DATA_HOME", ".local", "share") / "blotter.sqlite"


def user_rules_dir() -> Path:
    """The folder of the user's own rules, layered over the bundled ones (issue 13).

    ``$XDG_CONFIG_HOME/blotter/rules`` (``~/.config/blotter/rules``). The only place that
    says where it is: the extractor, the command line and the window all ask here.
    """
    return _xdg_dir("XDG_CONFIG_HOME", ".config") / "rules"


def user_state_dir() -> Path:
    """Where Blotter keeps its error log: ``$XDG_STATE_HOME/blotter`` (``~/.local/state/blotter``)."""
    return _xdg_dir("XDG_STATE_HOME", ".local", "state")
