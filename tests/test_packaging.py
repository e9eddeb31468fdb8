"""A non-editable install finds its rules, migrations and seeds as package data."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_carries_data_and_finds_it_at_run_time(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
         str(ROOT)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("blotter-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "desktop/_db/migrations/0001_initial.sql" in names
    assert "desktop/_seeds/000_21d9219c638e232c.txt" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = ("from desktop.paths import migrations_dir, seeds_dir, resource_path;"
             "import desktop.store.migrations as m;"
             "print(migrations_dir().parent.parent.name, len(list(seeds_dir().glob('*.txt'))), m.latest_version())")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path,
                         env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    package_dir, seeds, version = out.stdout.split()
    assert package_dir == "desktop" and int(seeds) == 5 and int(version) >= 2
