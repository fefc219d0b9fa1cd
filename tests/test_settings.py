import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from microsite.settings import env


def _import_production():
    sys.modules.pop("microsite.settings.production", None)
    return importlib.import_module("microsite.settings.production")


def test_production_settings_refuse_to_start_without_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("ALLOWED_HOSTS", "example.org")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        _import_production()


def test_production_settings_refuse_to_start_without_allowed_hosts(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.delenv("ALLOWED_HOSTS", raising=False)
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
        _import_production()


def test_production_settings_load_with_required_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "example.org,www.example.org")
    production = _import_production()
    assert production.DEBUG is False
    assert production.ALLOWED_HOSTS == ["example.org", "www.example.org"]
    assert production.SESSION_COOKIE_SECURE is True


def test_a_misspelt_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG", "ture")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='ture'"):
        env.env_bool("DEBUG")


def test_sqlite_uses_wal_and_immediate_transactions():
    from microsite.settings.base import database_from_url

    config = database_from_url("sqlite:////tmp/example.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgres_url_uses_psycopg(monkeypatch):
    from microsite.settings.base import database_from_url

    config = database_from_url("postgres://u:p@db.internal:5432/site")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "site"
