import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Site


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def ensure_admin() -> str:
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def test_ensure_admin_creates_one_superuser_and_prints_a_working_login(db, var_dir):
    output = ensure_admin()

    admin = get_user_model().objects.get(is_superuser=True)
    password = (var_dir / "admin-password.txt").read_text().strip()
    assert admin.check_password(password)
    assert f"user: {admin.username}  password: {password}" in output


def test_ensure_admin_run_again_keeps_the_same_admin_and_password(db, var_dir):
    first = ensure_admin()
    second = ensure_admin()

    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    assert first == second


def test_ensure_admin_never_reveals_a_password_it_did_not_set(db, var_dir):
    get_user_model().objects.create_superuser("editor", "e@example.org", "own-pass")

    output = ensure_admin()

    assert "own-pass" not in output
    assert "user: editor" in output
    assert "unchanged" in output


def test_ensure_admin_prints_the_site_and_admin_addresses(db, var_dir, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8001"
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8001)

    output = ensure_admin()

    assert "Site:  http://127.0.0.1:8001/\n" in output
    assert "Admin: http://127.0.0.1:8001/admin/  user: admin" in output
