"""The "Consent records" admin report: list, filter, export, and who may see it."""

import csv
import io
import re
import uuid

import pytest
from openpyxl import load_workbook

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.consent_records.urls")]

REPORT = "/admin/consent-records/"
RESULTS = "/admin/consent-records/results/"


@pytest.fixture
def records(make_record, at, cookie_groups):
    """Four decisions of early November, one per source."""
    return {
        "banner": make_record(
            decided_at=at(2026, 11, 1, 10),
            source="banner",
            accepted=["analytics", "personalization", "marketing"],
        ),
        "preferences": make_record(
            decided_at=at(2026, 11, 2, 10),
            source="preferences",
            accepted=["analytics"],
            declined=["personalization", "marketing"],
        ),
        "page": make_record(
            decided_at=at(2026, 11, 3, 10),
            source="page",
            declined=["analytics", "personalization", "marketing"],
        ),
        "gpc": make_record(
            decided_at=at(2026, 11, 4, 10), source="gpc", declined=["marketing"]
        ),
    }


def listed(client, **query) -> set[str]:
    """The consent ids the report's results show for `query`."""
    response = client.get(RESULTS, query)
    assert response.status_code == 200
    return {str(record.consent_id) for record in response.context["object_list"]}


def ids(records, *sources) -> set[str]:
    return {str(records[source].consent_id) for source in sources}


def test_the_report_lists_every_record_newest_first(officer_client, records):
    response = officer_client.get(REPORT)

    assert response.status_code == 200
    shown = [str(record.consent_id) for record in response.context["object_list"]]
    assert shown == [
        str(records[s].consent_id) for s in ("gpc", "page", "preferences", "banner")
    ]
    assert "Global Privacy Control" in response.content.decode()


def test_filtering_by_date_range_includes_both_days(officer_client, records):
    chosen = listed(
        officer_client, decided_at_from="2026-11-02", decided_at_to="2026-11-03"
    )

    assert chosen == ids(records, "preferences", "page")


def test_filtering_by_source(officer_client, records):
    assert listed(officer_client, source="gpc") == ids(records, "gpc")


def test_filtering_by_category_finds_it_accepted_or_declined(officer_client, records):
    assert listed(officer_client, category="personalization") == ids(
        records, "banner", "preferences", "page"
    )


def test_filtering_by_category_and_decision(officer_client, records):
    assert listed(officer_client, category="marketing", decision="declined") == ids(
        records, "preferences", "page", "gpc"
    )
    assert listed(officer_client, category="analytics", decision="accepted") == ids(
        records, "banner", "preferences"
    )


def test_filtering_by_decision_alone_means_any_category(officer_client, records):
    assert listed(officer_client, decision="accepted") == ids(
        records, "banner", "preferences"
    )


def test_filtering_by_consent_id_finds_every_decision_of_that_visitor(
    officer_client, records, make_record
):
    visitor = records["banner"].consent_id
    later = make_record(consent_id=visitor, source="page", declined=["analytics"])

    assert listed(officer_client, consent_id=str(visitor)) == {
        str(visitor),
        str(later.consent_id),
    }
    response = officer_client.get(RESULTS, {"consent_id": str(visitor)})
    assert len(response.context["object_list"]) == 2


@pytest.mark.parametrize(
    "query",
    [
        {"consent_id": "not-an-id"},
        {"decided_at_from": "2026-13-45"},
        {"source": "carrier-pigeon"},
        {"category": "<script>"},
    ],
)
def test_bad_filter_values_are_reported_not_a_server_error(
    officer_client, records, query
):
    response = officer_client.get(REPORT, query)

    assert response.status_code == 200
    assert response.context["filters"].errors


def test_an_unknown_visitor_finds_no_records(officer_client, records):
    assert listed(officer_client, consent_id=str(uuid.uuid4())) == set()


def named(*varnames) -> str:
    """The categories as the report names them: by their names as they are now."""
    from cookie_consent.models import CookieGroup

    names = dict(CookieGroup.objects.values_list("varname", "name"))
    return ", ".join(names[varname] for varname in varnames)


def exported_csv(client, **query) -> list[dict]:
    response = client.get(REPORT, {**query, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_export_downloads_the_filtered_rows(officer_client, records):
    rows = exported_csv(officer_client, source="preferences")

    assert len(rows) == 1
    (row,) = rows
    assert row["Consent id"] == str(records["preferences"].consent_id)
    assert row["Source"] == "preferences"
    assert row["Accepted"] == named("analytics")
    assert row["Declined"] == named("personalization", "marketing")
    assert row["Accepted (varnames)"] == "analytics"
    assert row["Declined (varnames)"] == "personalization, marketing"
    assert "Decided at" in row and "Texts hash" in row


def test_csv_export_is_not_paginated(officer_client, make_record):
    for _ in range(60):
        make_record(accepted=["analytics"])

    assert len(exported_csv(officer_client)) == 60


@pytest.fixture
def renamed(cookie_groups):
    """Analytics, renamed by an editor after the decisions were recorded."""
    from cookie_consent.models import CookieGroup

    CookieGroup.objects.filter(varname="analytics").update(name="Visit statistics")


def test_the_report_names_categories_as_they_are_called_now(
    officer_client, records, renamed
):
    response = officer_client.get(REPORT, {"source": "preferences"})

    cells = [
        " ".join(cell.split())
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", response.content.decode(), re.S)
    ]
    assert "Visit statistics" in cells
    assert named("personalization", "marketing") in cells
    assert "analytics" not in cells


def test_the_category_filter_offers_names(officer_client, records, renamed):
    html = officer_client.get(REPORT).content.decode()

    assert re.search(r'<option value="analytics"[^>]*>Visit statistics</option>', html)


def test_the_export_names_categories_and_keeps_their_varnames(
    officer_client, records, renamed
):
    (row,) = exported_csv(officer_client, source="preferences")

    assert row["Accepted"] == "Visit statistics"
    assert row["Accepted (varnames)"] == "analytics"


def test_a_deleted_category_keeps_its_varname_in_the_report(
    officer_client, make_record, cookie_groups
):
    make_record(accepted=["video"])

    (row,) = exported_csv(officer_client)

    assert row["Accepted"] == "video"


def test_xlsx_export_downloads_the_filtered_rows(officer_client, records):
    response = officer_client.get(REPORT, {"decision": "accepted", "export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    heading, *rows = list(workbook.active.values)
    consent_ids = {row[heading.index("Consent id")] for row in rows}
    assert consent_ids == ids(records, "banner", "preferences")
    accepted = {row[heading.index("Accepted")] for row in rows}
    assert accepted == {
        named("analytics", "personalization", "marketing"),
        named("analytics"),
    }


@pytest.mark.parametrize("url", [REPORT, RESULTS, f"{REPORT}?export=csv"])
def test_an_editor_without_the_permission_is_refused(editor_client, records, url):
    response = editor_client.get(url)

    # Wagtail sends users to the admin home with "Sorry, you do not have permission".
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert str(records["banner"].consent_id).encode() not in response.content


def test_a_visitor_who_is_not_logged_in_is_sent_to_log_in(client, records):
    response = client.get(REPORT)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_only_users_with_the_permission_see_the_menu_items(
    officer_client, editor, client
):
    officer_home = officer_client.get("/admin/").content.decode()
    assert "Consent records" in officer_home
    assert "Consent report" in officer_home

    client.force_login(editor)
    editor_home = client.get("/admin/").content.decode()
    assert "Consent records" not in editor_home
    assert "Consent report" not in editor_home


def test_the_permission_can_be_granted_in_wagtails_group_editor():
    from wagtail import hooks

    offered = [
        f"{permission.content_type.app_label}.{permission.codename}"
        for hook in hooks.get_hooks("register_permissions")
        for permission in hook()
    ]

    assert "consent_records.view_consentrecord" in offered
