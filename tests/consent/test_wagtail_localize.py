"""wagtail-localize's own translation flow on the consent wording (in a process of
its own: its tables exist only where it is installed)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


@pytest.fixture(scope="module")
def german_visitors_read():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.consent.wagtail_localize_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    environment.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, str(HERE / "wagtail_localize_flow.py")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_wagtail_localize_offers_only_wording_for_translation(german_visitors_read):
    offered = german_visitors_read["offered"]

    assert offered["category"] == ["description", "name", "purposes", "purposes"]
    assert offered["script"] == ["name"]
    assert offered["banner"] == [
        "accept_label",
        "customise_label",
        "message",
        "reject_label",
        "save_label",
        "title",
    ]


def test_what_wagtail_localize_translates_is_what_german_visitors_read(
    german_visitors_read,
):
    assert german_visitors_read["category"] == "Statistik"
    assert german_visitors_read["purposes"] == {"_n": "Zählt.", "_v": "Visits."}
    assert german_visitors_read["banner_title"] == "Cookies auf dieser Website"
    assert german_visitors_read["banner_accept"] == "Accept all"


def test_a_script_translated_by_wagtail_localize_keeps_its_code_and_runs_once(
    german_visitors_read,
):
    assert german_visitors_read["script_name"] == "Statistik-Skript"
    assert german_visitors_read["script_code"] == "window.counted = true;"
    assert german_visitors_read["scripts_rendered"] == 1
