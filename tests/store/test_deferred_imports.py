"""Issue 15 (start-up): what sqlite-utils imports and compiles for work Blotter never asks of it waits
until first used (desktop/store/deferred_imports.py), and still works then."""

from __future__ import annotations

import subprocess
import sys

from tests.reliability.conftest import ROOT, child_env


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env=child_env(), cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_dateutil_waits_and_a_date_recipe_still_works():
    assert _run("import sys; import desktop.store; from sqlite_utils.recipes import parsedate; "
                "assert 'dateutil.parser._parser' not in sys.modules; print(parsedate('5 January 2021'))"
                ) == "2021-01-05"


def test_the_costly_pattern_compiles_on_first_use_and_re_compile_is_restored():
    code = ("import re; real = re.compile\n"
            "import desktop.store, sqlite_utils, sqlite_utils.db as d\n"
            "assert re.compile is real\n"
            "assert d._virtual_table_using_re._compiled is None\n"
            "db = sqlite_utils.Database(memory=True)\n"
            "db.execute('CREATE VIRTUAL TABLE t USING fts5(x)')\n"
            "print(db['t'].virtual_table_using, db['t'].detect_fts(), db.quote_fts('a \"b c\" d'))\n"
            "assert d._virtual_table_using_re._compiled is not None\n")
    assert _run(code) == 'FTS5 t "a" "b c" "d"'


def test_the_store_searches_with_the_deferred_patterns(tmp_path):
    code = ("from desktop.store import Store\n"
            "from tests.conftest import make_document, make_extraction\n"
            f"s = Store.open({str(tmp_path / 'db.sqlite')!r})\n"
            "d = make_document('Police seized 4 knives in Operation Blade.')\n"
            "s.import_batch([(d, make_extraction(d))])\n"
            "print(len(s.page(search='knives')), len(s.page(search='\"Operation Blade\"')))\n"
            "s.close()\n")
    assert _run(code) == "1 1"
