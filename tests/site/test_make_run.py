"""What `make run` does, read from `make --dry-run` (the real run takes minutes)."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def make_run_steps(tmp_path, port: str) -> list[str]:
    """The commands `PORT=<port> make run` would run on a machine without .venv."""
    result = subprocess.run(
        ["make", "--dry-run", "run", f"PORT={port}", f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def first_index(steps: list[str], text: str) -> int:
    return next(i for i, step in enumerate(steps) if text in step)


def test_make_run_says_the_first_run_takes_minutes_before_the_slow_steps(tmp_path):
    steps = make_run_steps(tmp_path, "8001")

    notice = first_index(steps, "The first run takes a few minutes:")
    assert notice < first_index(steps, "-m venv")
    assert notice < first_index(steps, "pip install")


def test_make_run_sets_the_site_address_to_the_port_it_serves_on(tmp_path):
    steps = make_run_steps(tmp_path, "8001")

    set_address = first_index(steps, "manage.py set_site_address 127.0.0.1 8001")
    assert first_index(steps, "manage.py load_demo") < set_address
    assert set_address < first_index(steps, "manage.py runserver 127.0.0.1:8001")


def test_make_run_prints_the_admin_address_with_the_port_it_serves_on(tmp_path):
    steps = make_run_steps(tmp_path, "8001")

    ensure_admin = steps[first_index(steps, "manage.py ensure_admin")]
    assert "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8001 " in ensure_admin
    assert "8000" not in ensure_admin
