"""Wagtail's content checks show "Clinical review overdue" in the editor's Checks
panel, which runs them on the page's preview (test_browser.py sees it there)."""

import json
import re

import pytest
import time_machine
from django.core.cache import cache

from .conftest import edit_url

pytestmark = pytest.mark.django_db

AXE_CONFIG = re.compile(
    r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>',
    re.S,
)


def axe_configuration(html):
    [config] = AXE_CONFIG.findall(html)
    return json.loads(config)


def test_the_editors_checks_include_the_overdue_review_rule(
    client, reviewed_term, editor
):
    client.force_login(editor)

    config = axe_configuration(client.get(edit_url(reviewed_term)).content.decode())

    [rule] = [
        r for r in config["spec"]["rules"] if r["id"] == "clinical-review-overdue"
    ]
    assert rule["selector"] == '[data-clinical-review="overdue"]'
    assert rule["none"] == ["has-visible-text"]
    assert "clinical-review-overdue" in config["options"]["runOnly"]
    assert config["messages"]["clinical-review-overdue"]["error_name"] == (
        "Clinical review overdue"
    )
    # Wagtail's own checks stay.
    assert "alt-text-quality" in config["options"]["runOnly"]


@time_machine.travel("2027-02-01 10:00 +0000", tick=False)
def test_the_mark_the_rule_looks_for_is_on_an_overdue_page_only(client, reviewed_term):
    overdue = client.get(reviewed_term.url).content.decode()
    assert 'data-clinical-review="overdue"' in overdue

    cache.clear()  # the page cache keeps a page for minutes, not across days
    with time_machine.travel("2026-12-07 10:00 +0000", tick=False):
        current = client.get(reviewed_term.url).content.decode()
    assert 'data-clinical-review="overdue"' not in current
