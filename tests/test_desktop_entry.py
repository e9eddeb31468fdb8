"""`scripts/dev.sh run` adds Blotter to the user's application menu (no root): a .desktop file and the icon
in XDG_DATA_HOME (else ~/.local/share); the window carries the same icon."""

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _install(env_extra, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env.update(HOME=str(tmp_path / "home"), BLOTTER_VENV=sys.prefix, **env_extra)
    out = subprocess.run(["bash", str(ROOT / "scripts" / "dev.sh"), "desktop-entry"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_entry_goes_to_xdg_data_home_and_names_the_venv_and_the_icon(tmp_path):
    data = tmp_path / "data dir"
    _install({"XDG_DATA_HOME": str(data)}, tmp_path)
    entry = _entry(data / "applications" / "blotter.desktop")
    assert entry["Type"] == "Application" and entry["Name"] == "Blotter"
    assert entry["Exec"] == f'"{Path(sys.prefix).resolve() / "bin" / "blotter"}" gui'
    icon = Path(entry["Icon"])
    assert icon == data / "icons" / "hicolor" / "scalable" / "apps" / "blotter.svg"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "blotter.svg").read_bytes()
    assert not (tmp_path / "home").exists()  # the home folder is untouched when XDG_DATA_HOME is set
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(data / "applications" / "blotter.desktop")],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_without_xdg_data_home_it_is_the_users_local_share_and_a_second_run_changes_nothing(tmp_path):
    first = _install({}, tmp_path)
    path = tmp_path / "home" / ".local" / "share" / "applications" / "blotter.desktop"
    assert path.exists() and "added Blotter" in first.stderr
    second = _install({}, tmp_path)
    assert "added Blotter" not in second.stderr


@pytest.fixture
def qapp_icon(qapp):
    from desktop.ui import style
    from desktop.ui.app import application
    sheet, name, palette = qapp.styleSheet(), qapp.applicationName(), qapp.palette()
    colours = {k: getattr(style, k) for k in ("MUTED_COLOUR", "ERROR_COLOUR", "WARNING_COLOUR", "FLAG_COLOUR")}
    icon = application().windowIcon()
    qapp.setStyleSheet(sheet)  # leave the shared application as the other tests know it
    qapp.setApplicationName(name)
    qapp.setPalette(palette)
    for k, v in colours.items():
        setattr(style, k, v)
    return icon


def test_the_window_has_the_icon(qapp_icon):
    assert not qapp_icon.isNull()
    assert qapp_icon.pixmap(64, 64).toImage().pixelColor(32, 6).name() == "#1f3a5f"  # the ledger's dark frame
