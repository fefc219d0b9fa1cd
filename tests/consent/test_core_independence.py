"""The consent core works alone: it imports nothing from ``consent.records``, and a
decision works on a site that does not install it."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import consent

CORE = Path(consent.__file__).parent
# Not scanned: consent.records (an app of its own) and consent.audit (a library of
# the core's audit_consent command, which may import it; it is no app).
SUB_PACKAGES = {"records", "audit"}
ROOT = Path(__file__).resolve().parents[2]


def core_files():
    for path in sorted(CORE.rglob("*.py")):
        if SUB_PACKAGES.isdisjoint(path.relative_to(CORE).parts[:-1]):
            yield path


def imported_modules(path):
    """Absolute names of the modules a file imports (relative imports resolved)."""
    package = ".".join(("consent", *path.relative_to(CORE).parent.parts)).rstrip(".")
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def names_records(name):
    return name == "consent.records" or name.startswith("consent.records.")


def test_the_scan_sees_the_core_and_resolves_relative_imports():
    files = {p.relative_to(CORE).as_posix() for p in core_files()}
    assert {"views.py", "models.py", "templatetags/consent_tags.py"} <= files
    assert not any(f.startswith(("records/", "audit/")) for f in files)
    assert "consent.fingerprint.texts_fingerprint" in set(
        imported_modules(CORE / "models.py")
    )
    # The scan would catch the import the core used to have.
    assert names_records("consent.records.fingerprint")


def test_the_core_imports_nothing_from_records():
    offenders = {
        f"{path.relative_to(CORE)}: {name}"
        for path in core_files()
        for name in imported_modules(path)
        if names_records(name)
    }
    assert not offenders


def test_the_core_does_not_ask_whether_records_is_installed():
    offenders = [
        f"{path.relative_to(CORE)}:{node.lineno}"
        for path in core_files()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Constant)
        and node.value in ("consent.records", "consent_records")
    ]
    assert not offenders


def test_a_decision_works_on_a_site_without_consent_records():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.consent.core_only.settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.consent.core_only.decide"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["status"] == 200
    assert {"cookie_consent", "cookie_consent_time"} <= set(result["cookies"])
    assert "consent_id" not in result["cookies"]
    assert result["consent_cookie"].startswith("analytics=")
    assert result["signals"] == [{"analytics": True}]
    assert result["records_imported"] == []
    # This site never set COOKIE_CONSENT_LOG_ENABLED: the plugin's default holds.
    assert result["log_enabled"] is False
    assert result["log_items"] == 0
