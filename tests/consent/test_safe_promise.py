"""An operator's promise that a gated script is safe on sensitive pages is
recorded with who made it and when, and made again when the code changes."""

import re

import pytest
from django.urls import reverse

from consent.models import GatedScript

from .test_admin import operator  # noqa: F401 (fixture)


@pytest.fixture
def script(categories):
    return GatedScript.objects.create(
        name="Counter", category=categories["analytics"], code="window.counted = 1;"
    )


def post(client, script, **changes):
    data = {
        "name": script.name,
        "category": script.category_id,
        "placement": script.placement,
        "src": script.src,
        "code": script.code,
        "enabled": "on",
    }
    if script.safe_on_sensitive_pages:
        data["safe_on_sensitive_pages"] = "on"
    data.update(changes)
    url = reverse("wagtailsnippets_consent_gatedscript:edit", args=[script.pk])
    response = client.post(url, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 302, response.content[:2000]
    return GatedScript.objects.get(pk=script.pk)


def test_marking_a_script_safe_records_who_and_when(client, operator, script):  # noqa: F811
    client.force_login(operator)

    saved = post(client, script, safe_on_sensitive_pages="on")

    assert saved.safe_on_sensitive_pages
    assert saved.safe_marked_by == operator
    assert saved.safe_marked_at is not None


def test_renaming_keeps_the_promise_and_new_code_is_promised_again(
    client,
    operator,  # noqa: F811
    script,
    django_user_model,
):
    client.force_login(operator)
    first = post(client, script, safe_on_sensitive_pages="on")

    renamed = post(client, first, name="Visit counter")
    assert renamed.safe_marked_at == first.safe_marked_at

    other = django_user_model.objects.create_superuser("other", "o@example.org", "x")
    client.force_login(other)
    recoded = post(client, renamed, code="window.counted = 2;")
    assert recoded.safe_marked_by == other
    assert recoded.safe_marked_at > first.safe_marked_at


def test_unticking_forgets_the_promise(client, operator, script):  # noqa: F811
    client.force_login(operator)
    post(client, script, safe_on_sensitive_pages="on")

    saved = post(
        client, GatedScript.objects.get(pk=script.pk), safe_on_sensitive_pages=None
    )

    assert not saved.safe_on_sensitive_pages
    assert saved.safe_marked_by is None and saved.safe_marked_at is None


def test_the_edit_page_says_who_promised(client, operator, script):  # noqa: F811
    client.force_login(operator)
    post(client, script, safe_on_sensitive_pages="on")

    url = reverse("wagtailsnippets_consent_gatedscript:edit", args=[script.pk])
    html = client.get(url).content.decode()

    assert "Marked safe by operator on" in html
    assert "can still read the page itself" in html


def test_a_copy_of_a_safe_script_is_promised_by_whoever_saves_the_copy(
    client,
    operator,  # noqa: F811
    script,
    django_user_model,
):
    client.force_login(operator)
    original = post(client, script, safe_on_sensitive_pages="on")
    other = django_user_model.objects.create_superuser("other", "o@example.org", "x")
    client.force_login(other)
    copy_url = reverse("wagtailsnippets_consent_gatedscript:copy", args=[original.pk])
    # The copy form is the add form, filled in from the original.
    url = re.search(
        r'id="w-editor-form"\s+action="([^"]+)"', client.get(copy_url).content.decode()
    )[1]
    assert url == reverse("wagtailsnippets_consent_gatedscript:add")
    data = {
        "name": "Counter (copy)",
        "category": original.category_id,
        "placement": original.placement,
        "src": "",
        "code": original.code,
        "enabled": "on",
        "safe_on_sensitive_pages": "on",
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.content[:2000]
    assert GatedScript.objects.filter(name="Counter").exists()
    copy = GatedScript.objects.get(name="Counter (copy)")
    assert copy.safe_marked_by == other
    assert copy.safe_marked_at is not None
