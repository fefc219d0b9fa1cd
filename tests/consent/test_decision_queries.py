"""What a decision costs the database: a fixed budget for accept, decline and save.

A decision writes the proof of consent (and django-cookie-consent's log, when a
site switches it on) in one transaction; the categories and the banner texts come
from caches, the site from Wagtail (one query, kept on the request; none on a
site that caches its hosts, as this one does).
"""

import json

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from consent.records.models import ConsentRecord

pytestmark = pytest.mark.django_db

# Statements besides transaction control and Wagtail's site lookup: the record's
# INSERT. django-cookie-consent's log is off by default (COOKIE_CONSENT_LOG_ENABLED);
# switched on, it adds one bulk INSERT per action, and saving choices both accepts
# and declines.
DECISIONS = [
    ("/cookies/accept/", {"all_groups": "1"}, 1),
    ("/cookies/accept/", {"cookie_groups": ["analytics"]}, 1),
    ("/cookies/decline/", {"all_groups": "1"}, 1),
    ("/cookies/save/", {"cookie_groups": ["analytics"]}, 1),
]
LOGGED = {"/cookies/accept/": 2, "/cookies/decline/": 2, "/cookies/save/": 3}
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT")


def visitor_with_token():
    visitor = Client(enforce_csrf_checks=True)
    return visitor, visitor.get("/cookies/status/").json()["csrftoken"]


def decide(visitor, token, path, data):
    return visitor.post(
        path, data, headers={"X-CSRFToken": token, "X-Cookie-Consent-Fetch": "1"}
    )


def statements(queries):
    return [
        q["sql"]
        for q in queries.captured_queries
        if not q["sql"].startswith(TRANSACTION_CONTROL)
    ]


def site_lookups(sql):
    return [s for s in sql if s.startswith("SELECT") and "wagtailcore_site" in s]


@pytest.mark.parametrize("logged", [False, True], ids=["default", "log-enabled"])
@pytest.mark.parametrize("path, data, budget", DECISIONS)
def test_a_decision_stays_within_its_query_budget(
    site_pages, settings, path, data, budget, logged
):
    settings.COOKIE_CONSENT_LOG_ENABLED = logged
    budget = LOGGED[path] if logged else budget
    warm, token = visitor_with_token()
    decide(warm, token, path, data)  # fills the caches, as any earlier visitor did
    visitor, token = visitor_with_token()
    with CaptureQueriesContext(connection) as queries:
        response = decide(visitor, token, path, data)
    assert response.status_code == 200
    sql = statements(queries)
    assert len(site_lookups(sql)) <= 1, sql
    writes = [s for s in sql if s not in site_lookups(sql)]
    assert len(writes) <= budget, sql
    assert all(s.startswith("INSERT") for s in writes), sql
    assert ConsentRecord.objects.count() == 2


@override_settings(COOKIE_CONSENT_LOG_ENABLED=True)
def test_the_log_and_the_record_of_a_decision_are_written_in_one_transaction(
    site_pages, monkeypatch
):
    from cookie_consent.models import LogItem
    from django.db import IntegrityError

    def fail(**fields):
        raise IntegrityError("the record could not be written")

    monkeypatch.setattr(ConsentRecord.objects, "create", fail)
    with pytest.raises(IntegrityError):
        Client().post("/cookies/accept/", {"all_groups": "1"})
    assert not LogItem.objects.exists()


def test_the_status_view_reads_no_table_once_the_categories_are_cached(site_pages):
    visitor_with_token()
    with CaptureQueriesContext(connection) as queries:
        visitor_with_token()
    assert len(queries) == 0


STATUS_COOKIES = [
    None,
    "analytics=-1|marketing=-1",
    "analytics=2000-01-01T00:00:00+00:00|marketing=-1",
    "analytics=9999-01-01T00:00:00+00:00|personalization=-1|unknown=-1",
    "not a consent cookie",
]


@pytest.mark.parametrize("stored", STATUS_COOKIES)
def test_the_status_view_answers_as_django_cookie_consents_own(site_pages, stored):
    from cookie_consent.views import CookieStatusView
    from django.test import RequestFactory

    from consent.views import status

    request = RequestFactory().get("/cookies/status/")
    if stored:
        request.COOKIES["cookie_consent"] = stored
    ours = json.loads(status(request).content)
    theirs = json.loads(CookieStatusView.as_view()(request).content)
    for answer in (ours, theirs):
        answer.pop("csrftoken")
        for key, value in answer.items():
            if isinstance(value, list):
                answer[key] = sorted(value)
    assert ours == theirs
