"""The whole clinical review cycle in a real Chromium: an editor changes a term's
Mechanism and submits it; the admin says "Changes not yet reviewed"; a clinical
reviewer approves it in the Wagtail admin; the live page shows the new review line
and next due date, and its JSON-LD names the reviewer and the date."""

import datetime
import io
import json
import re
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Collection

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from glossary.review import cycle
from microsite.demo import site
from tests.glossary.factories import GlossaryTermPageFactory, ReviewerFactory

# A live server needs a transactional database, whose flushes remove what data
# migrations made: the fixtures put the groups and the workflow back as the
# migrations do (see tests/site/test_admin_first_save_browser.py).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def term(live_server, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    site.build(io.StringIO())  # the page tree first: the groups are granted on it
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    import_module(
        "microsite.security.migrations.0001_editor_and_operator_groups"
    ).create_groups(apps, None)
    import_module(
        "glossary.migrations.0012_clinical_review_data"
    ).create_group_and_workflow(apps, None)
    glossary = GlossaryIndexPage.objects.get()
    term = GlossaryTermPageFactory(
        parent=glossary,
        title="Butyrate",
        definition="A short-chain fatty acid that gut bacteria make from fibre.",
        mechanism="<p>Colon cells burn it for energy.</p>",
    )
    term.save_revision().publish()
    term = GlossaryTermPage.objects.get(pk=term.pk)
    earlier = ReviewerFactory(name="Dr Ben Cole", credentials="PhD, dietitian")
    term.record_review(
        earlier, reviewed_on=datetime.date(2024, 1, 10), revision=term.live_revision
    )
    return term


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")


def user_in(group, username):
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_the_whole_review_cycle(browser, page, live_server, term):
    user_in("Editors", "editor")
    ReviewerFactory(
        name="Dr Ana Ruiz",
        credentials="MD, gastroenterologist",
        user=user_in("Clinical reviewers", "ana"),
    )
    edit_url = live_server.url + reverse("wagtailadmin_pages:edit", args=[term.pk])

    # The editor changes the Mechanism and submits the term for clinical review.
    sign_in(page, live_server, "editor")
    page.goto(edit_url)
    mechanism = page.locator("[data-contentpath='mechanism'] [contenteditable=true]")
    mechanism.click()
    page.keyboard.press("End")
    page.keyboard.type(" It also calms inflammation.")
    # Draftail writes its hidden input a moment after typing.
    expect(page.locator("input[name='mechanism']")).to_have_value(
        re.compile("It also calms inflammation.")
    )
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit to Clinical review").click()

    page.goto(edit_url)
    page.get_by_role("tab", name="Sources and review").click()
    assert page.get_by_text("Changes not yet reviewed.").is_visible()

    # A clinical reviewer approves it in the admin.
    reviewer_context = browser.new_context()
    reviewer_page = reviewer_context.new_page()
    sign_in(reviewer_page, live_server, "ana")
    assert reviewer_page.get_by_text("Awaiting your review").is_visible()
    reviewer_page.goto(edit_url)
    reviewer_page.get_by_role("button", name="More actions").click()
    with reviewer_page.expect_navigation():
        reviewer_page.get_by_role(
            "button", name="Approve clinical review and Publish", exact=True
        ).click()
    reviewer_context.close()

    # Readers see the new review line, the next due date and the JSON-LD.
    today = timezone.localdate()
    due = cycle.add_months(today, 36)
    reader = browser.new_context()
    live = reader.new_page()
    live.goto(live_server.url + term.url)
    line = live.locator(".glossary-review__line").inner_text()
    assert "It also calms inflammation." in live.locator("#mechanism + *").inner_text()
    assert line == (
        f"Medically reviewed by Dr Ana Ruiz, MD, gastroenterologist on "
        f"{today.day} {today:%B %Y}. Next review due {due.day} {due:%B %Y}."
    )
    [data] = [json.loads(block) for block in JSON_LD.findall(live.content())]
    assert data["subjectOf"]["reviewedBy"]["name"] == "Dr Ana Ruiz"
    assert data["subjectOf"]["lastReviewed"] == today.isoformat()
    reader.close()


def test_the_editors_checks_say_clinical_review_overdue(page, live_server, term):
    user_in("Editors", "editor")
    sign_in(page, live_server, "editor")

    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[term.pk]))
    term.record_review(
        term.clinical_reviewer, reviewed_on=datetime.date(2020, 1, 1), revision=None
    )
    page.reload()
    page.get_by_role("button", name="Toggle checks").click()

    issue = page.locator(
        "[data-content-checker-name]", has_text="Clinical review overdue"
    )
    issue.wait_for(timeout=30_000)
