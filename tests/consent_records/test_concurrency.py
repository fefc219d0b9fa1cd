"""Many visitors deciding at the same moment must each leave exactly one record.

SQLite's in-memory test database shares one cache between connections and
answers a concurrent write with "database table is locked" at once, which says
nothing about the site: production SQLite is a file in WAL mode with IMMEDIATE
transactions. So on SQLite the records go to a temporary file database set up
with the site's own SQLite options; on PostgreSQL they go to the test database.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client, override_settings

from consent.records.models import ConsentRecord
from microsite.settings.base import database_from_url

VISITORS = 50
FILE_ALIAS = "consent_records_file"


class RecordsToFileDatabase:
    def db_for_write(self, model, **hints):
        return FILE_ALIAS if model is ConsentRecord else None

    db_for_read = db_for_write


@pytest.fixture
def records_alias(tmp_path):
    """The database alias the records are written to during the test."""
    if connection.vendor != "sqlite":
        yield "default"
        return
    config = database_from_url(f"sqlite:///{tmp_path / 'records.sqlite3'}")
    connections.settings[FILE_ALIAS] = connections.configure_settings(
        {"default": {}, FILE_ALIAS: config}
    )[FILE_ALIAS]
    open_connection_here(FILE_ALIAS)
    with connections[FILE_ALIAS].schema_editor() as editor:
        editor.create_model(ConsentRecord)
    try:
        with override_settings(DATABASE_ROUTERS=[RecordsToFileDatabase()]):
            yield FILE_ALIAS
    finally:
        connections[FILE_ALIAS].close()
        del connections[FILE_ALIAS]
        del connections.settings[FILE_ALIAS]


def open_connection_here(alias: str) -> None:
    """Connect this thread to `alias` explicitly.

    Django's test case refuses implicit connections to aliases it did not set
    up; this one is set up by the `records_alias` fixture.
    """
    if alias != "default":
        connections[alias].connect()


def decide(records_alias: str) -> int:
    try:
        open_connection_here(records_alias)
        response = Client().post(
            "/__consent-records/decide/",
            {"accepted": ["analytics"], "declined": ["marketing"], "source": "banner"},
        )
        return response.status_code
    finally:
        connections.close_all()


@pytest.mark.urls("tests.consent_records.urls")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_simultaneous_decisions_write_fifty_records_without_error(
    records_alias,
):
    with ThreadPoolExecutor(max_workers=VISITORS) as pool:
        statuses = list(pool.map(decide, [records_alias] * VISITORS))

    assert statuses == [201] * VISITORS
    records = ConsentRecord.objects.using(records_alias)
    assert records.count() == VISITORS
    assert records.values("consent_id").distinct().count() == VISITORS
