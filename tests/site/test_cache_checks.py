"""The site's settings pass the plugins' shared-cache checks where they matter."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def check(settings_module, *args, **env):
    environment = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--fail-level", "WARNING", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_test_settings_silence_the_warnings_for_their_one_process_cache():
    result = check("microsite.settings.test")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 silenced" in result.stdout


def test_development_without_debug_uses_the_shared_file_cache():
    result = check("microsite.settings.dev", DEBUG="false")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "W010" not in result.stdout + result.stderr
