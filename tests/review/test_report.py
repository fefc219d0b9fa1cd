"""Editors see what is due: the dashboard panel and the "Clinical review" report
(with CSV and XLSX), with the same number of queries at 100 and 10,000 terms."""

import csv
import datetime
import io

import openpyxl
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from glossary.models import GlossaryTermPage
from tests.glossary.factories import bulk_add_terms

from .conftest import fresh

pytestmark = pytest.mark.django_db

NOW = "2026-12-07 10:00 +0000"
REPORT = "/admin/clinical-review/"


def review(page, reviewer, day):
    page = fresh(page)
    page.record_review(reviewer, reviewed_on=day, revision=page.get_latest_revision())


@pytest.fixture
def mixed(make_term, make_article, reviewer, earlier_reviewer):
    """One page in each state, on 7 December 2026."""
    overdue = make_term("Overdue term")
    review(overdue, earlier_reviewer, datetime.date(2023, 11, 1))  # due 1 Nov 2026
    soon = make_term("Soon term")
    review(soon, reviewer, datetime.date(2024, 1, 2))  # due 2 Jan 2027
    current = make_term("Current term")
    review(current, reviewer, datetime.date(2026, 6, 1))
    article = make_article(title="Overdue article")
    review(article, reviewer, datetime.date(2024, 12, 1))  # 24 months: 1 Dec 2026
    never = make_term("Never reviewed")
    return {
        "overdue": overdue,
        "soon": soon,
        "current": current,
        "article": article,
        "never": never,
    }


@time_machine.travel(NOW, tick=False)
def test_the_dashboard_lists_overdue_and_due_soon_pages(client, editor, mixed):
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    panel = html[html.index('id="clinical-reviews-due') :]
    panel = panel[: panel.index("</section>")]
    assert "3 pages are overdue for clinical review or fall due" in panel
    for shown in ("Overdue term", "Overdue article", "Soon term"):
        assert shown in panel
    for hidden in ("Current term", "Never reviewed"):
        assert hidden not in panel
    # Oldest review first.
    assert panel.index("Overdue term") < panel.index("Soon term")


@time_machine.travel(NOW, tick=False)
def test_the_report_lists_every_reviewable_page(client, editor, mixed):
    client.force_login(editor)

    html = client.get(REPORT).content.decode()

    for title in ("Overdue term", "Soon term", "Current term", "Overdue article"):
        assert title in html
    assert "Never reviewed" in html
    assert "Clinical review overdue" in html


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("state", "titles"),
    [
        ("overdue", {"Overdue term", "Overdue article"}),
        ("due_soon", {"Soon term"}),
        ("not_reviewed", {"Never reviewed"}),
    ],
)
def test_the_report_filters_by_state(client, editor, mixed, state, titles):
    client.force_login(editor)

    response = client.get(REPORT, {"state": state, "export": "csv"})

    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    )
    assert {row["Page"] for row in rows} == titles


@time_machine.travel(NOW, tick=False)
def test_the_report_exports_csv(client, editor, mixed):
    client.force_login(editor)

    response = client.get(REPORT, {"export": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    rows = {
        row["Page"]: row
        for row in csv.DictReader(
            io.StringIO(b"".join(response.streaming_content).decode())
        )
    }
    assert rows["Overdue term"] == {
        "Page": "Overdue term",
        "Type": "glossary term",
        "Reviewed by": "Dr Ben Cole, PhD, dietitian",
        "Last reviewed": "2023-11-01",
        "Next review due": "2026-11-01",
        "Review": "Clinical review overdue",
        "Changes not yet reviewed": "False",
        "Published": "True",
    }
    assert rows["Overdue article"]["Next review due"] == "2026-12-01"


@time_machine.travel(NOW, tick=False)
def test_the_report_exports_xlsx(client, editor, mixed):
    client.force_login(editor)

    response = client.get(REPORT, {"export": "xlsx"})

    content = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Page", "Type", "Reviewed by")
    assert ("Soon term", "glossary term") in {row[:2] for row in rows[1:]}


def test_admin_users_without_page_rights_are_refused(client, django_user_model):
    from django.contrib.auth.models import Permission

    outsider = django_user_model.objects.create_user("outsider", password="x")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)

    assert client.get(REPORT)["Location"] == reverse("wagtailadmin_home")
    assert "clinical-reviews-due" not in client.get("/admin/").content.decode()


def test_clinical_reviewers_see_the_report(client, reviewer):
    client.force_login(reviewer.user)

    assert client.get(REPORT).status_code == 200


def count_queries(client, url) -> int:
    client.get(url)  # warm Wagtail's and the content types' caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def many_terms(glossary_index, earlier_reviewer):
    def add(count):
        titles = [f"Term {n:05d}" for n in range(count)]
        bulk_add_terms(glossary_index, titles)
        # All overdue or due soon: the dashboard lists its first rows of many.
        GlossaryTermPage.objects.update(
            clinical_reviewer=earlier_reviewer, last_reviewed=datetime.date(2023, 1, 1)
        )

    return add


@time_machine.travel(NOW, tick=False)
def test_report_and_dashboard_queries_do_not_grow_with_the_glossary(
    client, editor, many_terms
):
    client.force_login(editor)
    counts = {}
    for total in (100, 10_000):
        many_terms(total - GlossaryTermPage.objects.count())
        counts[total] = {
            url: count_queries(client, url)
            for url in ("/admin/", REPORT, f"{REPORT}?state=overdue")
        }

    assert counts[100] == counts[10_000]
