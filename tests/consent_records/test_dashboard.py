"""The "Consent report" dashboard and the summary panel on the admin home page."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consent.records.charts import decisions_chart, nice_step
from consent.records.querysets import DayTally

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.consent_records.urls")]

DASHBOARD = "/admin/consent-records/dashboard/"
TODAY = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def decisions(make_record, cookie_groups):
    """Make `count` decisions `days_ago` (at noon), with the given choices."""

    def make(days_ago, count=1, **choices):
        moment = timezone.localtime().replace(hour=12) - datetime.timedelta(
            days=days_ago
        )
        return [make_record(decided_at=moment, **choices) for _ in range(count)]

    return make


def test_the_report_shows_the_last_30_days_by_default(officer_client, decisions):
    decisions(0, count=2, accepted=["analytics"], declined=["marketing"])
    decisions(29, declined=["analytics", "marketing"])
    decisions(30, accepted=["analytics"])

    response = officer_client.get(DASHBOARD)

    assert response.status_code == 200
    assert response.context["first_day"] == datetime.date(2026, 10, 23)
    assert response.context["last_day"] == datetime.date(2026, 11, 21)
    assert response.context["decisions_chart"].total == 3
    totals = {tally.varname: tally for tally in response.context["totals"]}
    assert (totals["analytics"].accepted, totals["analytics"].declined) == (2, 1)
    assert (totals["marketing"].accepted, totals["marketing"].declined) == (0, 3)


@pytest.mark.parametrize(("period", "days"), [("7", 7), ("30", 30), ("90", 90)])
def test_a_fixed_period_ends_today(officer_client, period, days):
    response = officer_client.get(DASHBOARD, {"period": period})

    assert response.status_code == 200
    assert response.context["last_day"] == datetime.date(2026, 11, 21)
    assert len(response.context["rows"]) == days


def test_a_range_of_dates_takes_precedence_over_the_fixed_period(
    officer_client, decisions
):
    decisions(10, accepted=["analytics"])
    decisions(2, accepted=["analytics"])

    response = officer_client.get(
        DASHBOARD, {"period": "7", "start": "2026-11-05", "end": "2026-11-12"}
    )

    assert response.context["first_day"] == datetime.date(2026, 11, 5)
    assert len(response.context["rows"]) == 8
    assert response.context["decisions_chart"].total == 1


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"period": "5"}, "Select a valid choice"),
        ({"start": "2026-11-30", "end": "2026-11-01"}, "start date is after the end"),
        ({"start": "2026-11-01"}, "Give both a start and an end date"),
        ({"start": "yesterday", "end": "2026-11-01"}, "Enter a valid date"),
        ({"start": "2020-01-01", "end": "2026-11-01"}, "at most 366 days"),
    ],
)
def test_a_bad_period_gets_a_clear_message_not_a_server_error(
    officer_client, query, message
):
    response = officer_client.get(DASHBOARD, query)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert '<svg class="consent-chart"' not in response.content.decode()


def test_the_charts_are_accessible_svg_drawn_on_the_server(officer_client, decisions):
    decisions(3, count=4, accepted=["analytics"])

    html = officer_client.get(DASHBOARD, {"period": "7"}).content.decode()

    charts = re.findall(r"<svg class=\"consent-chart\"[^>]*>", html)
    assert len(charts) == 2
    for chart in charts:
        assert 'role="img"' in chart
        labelled_by = re.search(r'aria-labelledby="([^"]+)"', chart).group(1).split()
        for element_id in labelled_by:
            assert f'id="{element_id}"' in html
    assert "4 decisions in all; the busiest day was 18 Nov 2026 with 4" in html
    assert "Analytics: 100% accepted (4 of 4)" in html
    assert "<script" not in html.split('id="main"')[1].split("</main>")[0]


def test_the_numbers_are_in_a_table_beside_the_chart(officer_client, decisions):
    decisions(1, count=3, accepted=["analytics"], declined=["marketing"])
    decisions(1, declined=["analytics", "marketing"])

    html = officer_client.get(DASHBOARD, {"period": "7"}).content.decode()

    assert '<th scope="row">20 Nov 2026</th>' in html
    assert "75% <span" in html  # analytics on 20 November: 3 of 4


def test_the_report_has_its_own_title_and_breadcrumbs(officer_client):
    html = officer_client.get(DASHBOARD).content.decode()

    assert re.search(r"<title>\s*Consent report", html)
    assert re.search(r"<h1[^>]*>.*Consent report.*</h1>", html, flags=re.S)
    breadcrumbs = re.search(r'<nav[^>]*aria-label="Breadcrumb".*?</nav>', html, re.S)
    assert 'href="/admin/"' in breadcrumbs.group(0)
    assert "Consent report" in breadcrumbs.group(0)


def test_the_report_names_categories_as_they_are_called_now(officer_client, decisions):
    from cookie_consent.models import CookieGroup

    decisions(1, accepted=["analytics"])
    CookieGroup.objects.filter(varname="analytics").update(name="Visit statistics")

    report = officer_client.get(DASHBOARD).content.decode()
    summary = officer_client.get("/admin/").content.decode()

    assert '<th scope="col">Visit statistics accepted</th>' in report
    assert '<th scope="row">Visit statistics</th>' in report
    assert "Visit statistics: 100% accepted (1 of 1)" in report
    assert '<th scope="row">Visit statistics</th>' in summary
    for html in (report, summary):
        assert ">analytics<" not in html


def count_queries(client, query) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD, query)
    assert response.status_code == 200
    return len(queries)


def test_the_report_runs_a_fixed_number_of_queries_whatever_the_volume(
    officer_client, decisions
):
    decisions(1, accepted=["analytics"])
    count_queries(officer_client, {"period": "90"})  # fills the (emptied) caches
    few = count_queries(officer_client, {"period": "90"})

    for days_ago in range(0, 90, 3):
        decisions(days_ago, count=5, accepted=["analytics"], declined=["marketing"])
    many = count_queries(officer_client, {"period": "90"})

    assert many == few
    # 12, and 2 for the health-data shield: the sensitive pages, the last audit.
    assert many <= 14


def test_the_admin_home_shows_a_summary_to_users_with_the_permission(
    officer_client, decisions
):
    decisions(2, count=3, accepted=["analytics"])

    html = officer_client.get("/admin/").content.decode()

    assert "Consent in the last 30 days" in html
    assert "3 consent decisions recorded." in html


def test_the_admin_home_hides_the_summary_from_other_editors(editor_client, decisions):
    decisions(2, count=3, accepted=["analytics"])

    html = editor_client.get("/admin/").content.decode()

    assert "Consent in the last 30 days" not in html


def test_an_editor_without_the_permission_cannot_open_the_report(editor_client):
    response = editor_client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_the_chart_scale_is_rounded_up_to_a_readable_step():
    assert [nice_step(value) for value in (0, 0.25, 1.75, 3, 12, 260)] == [
        1,
        1,
        2,
        5,
        20,
        500,
    ]
    day = datetime.date(2026, 11, 1)
    chart = decisions_chart([DayTally(day, 7)], day, day)
    assert [tick.label for tick in chart.y_ticks] == ["0", "2", "4", "6", "8"]


def test_the_report_shows_the_sensitive_pages_and_the_last_audit(officer_client):
    from consent.models import AuditResult

    html = officer_client.get(DASHBOARD).content.decode()
    assert "Pages about health topics" in html
    assert 'data-audit-result="none"' in html

    AuditResult.objects.create(
        base_url="http://127.0.0.1:8000",
        pages=3,
        sensitive_pages=1,
        violations=0,
        leaks=2,
        errors=0,
    )
    html = officer_client.get(DASHBOARD).content.decode()
    assert 'data-audit-result="problems"' in html
    assert "Leaks of a sensitive page: 2." in html
    assert "3 pages, 1 of them sensitive" in html
