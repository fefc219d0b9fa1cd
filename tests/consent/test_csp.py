"""consent.csp: the sources a Content-Security-Policy needs for the plugin."""

import re
import subprocess
import sys

import pytest
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory

from consent import csp
from consent.models import GatedScript

HEAD_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def with_policy(policy, header="Content-Security-Policy"):
    response = HttpResponse("page")
    response[header] = policy
    return response


def directives(policy):
    found = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        found[name] = sources
    return found


def test_script_hashes_allow_exactly_what_the_head_tag_inlines(rf, categories):
    template = engines["django"].from_string(
        "{% load consent_tags %}{% consent_head_script %}"
    )
    html = template.render({}, rf.get("/"))

    [inline] = HEAD_SCRIPT.findall(html)
    assert csp.script_hashes() == (csp.sha256_source(inline),)


def test_the_plugin_renders_no_inline_style():
    assert csp.style_hashes() == ()


def test_script_hashes_can_be_read_in_a_settings_module_before_django_starts():
    code = "import consent.csp; print(consent.csp.script_hashes()[0])"
    # No DJANGO_SETTINGS_MODULE: importing it must touch no model and no setting.
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == csp.script_hashes()[0]


@pytest.mark.django_db
def test_the_middleware_adds_the_hash_to_script_src(categories):
    response = csp.add_consent_sources(
        with_policy("default-src 'self'; script-src 'self'; object-src 'none'")
    )

    found = directives(response["Content-Security-Policy"])
    assert found["script-src"] == ["'self'", *csp.script_hashes()]
    assert found["default-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_without_script_src_the_hash_extends_a_copy_of_default_src(categories):
    response = csp.add_consent_sources(with_policy("default-src 'self' https:"))

    found = directives(response["Content-Security-Policy"])
    assert found["default-src"] == ["'self'", "https:"]
    assert found["script-src"] == ["'self'", "https:", *csp.script_hashes()]


@pytest.mark.django_db
def test_script_src_elem_gets_the_hash_too(categories):
    response = csp.add_consent_sources(
        with_policy("script-src 'self'; script-src-elem 'self'")
    )

    found = directives(response["Content-Security-Policy"])
    assert csp.script_hashes()[0] in found["script-src-elem"]
    assert csp.script_hashes()[0] in found["script-src"]


@pytest.mark.django_db
def test_report_only_policies_get_the_hash_too(categories):
    response = csp.add_consent_sources(
        with_policy("script-src 'self'", "Content-Security-Policy-Report-Only")
    )

    policy = response["Content-Security-Policy-Report-Only"]
    assert csp.script_hashes()[0] in directives(policy)["script-src"]


@pytest.mark.django_db
def test_a_policy_allowing_unsafe_inline_is_left_alone(categories):
    # A hash would make the browser ignore 'unsafe-inline' and block the rest.
    policy = "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'"

    response = csp.add_consent_sources(with_policy(policy))

    assert response["Content-Security-Policy"] == policy


@pytest.mark.django_db
def test_a_policy_with_a_nonce_and_unsafe_inline_still_gets_the_hash(categories):
    response = csp.add_consent_sources(
        with_policy("script-src 'self' 'unsafe-inline' 'nonce-abc'")
    )

    found = directives(response["Content-Security-Policy"])
    assert csp.script_hashes()[0] in found["script-src"]


@pytest.mark.django_db
def test_policies_that_allow_no_script_or_say_nothing_of_scripts_stay(categories):
    for policy in ["script-src 'none'", "img-src 'self'; frame-ancestors 'none'"]:
        response = csp.add_consent_sources(with_policy(policy))
        assert response["Content-Security-Policy"] == policy


@pytest.mark.django_db
def test_a_response_without_a_policy_gets_none(categories):
    response = csp.add_consent_sources(HttpResponse("page"))

    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_adding_twice_adds_each_source_once(categories):
    once = csp.add_consent_sources(with_policy("script-src 'self'"))
    twice = csp.add_consent_sources(with_policy(once["Content-Security-Policy"]))

    assert twice["Content-Security-Policy"] == once["Content-Security-Policy"]


@pytest.mark.django_db
def test_enabled_gated_scripts_hosts_are_added_and_disabled_ones_dropped(categories):
    script = GatedScript.objects.create(
        name="Stats",
        category=categories["analytics"],
        src="https://Stats.example.org/tag.js?id=1",
    )
    GatedScript.objects.create(
        name="Local", category=categories["analytics"], code="window.x = 1;"
    )

    policy = csp.add_consent_sources(with_policy("script-src 'self'"))
    assert (
        "https://stats.example.org"
        in directives(policy["Content-Security-Policy"])["script-src"]
    )

    script.enabled = False
    script.save()
    policy = csp.add_consent_sources(with_policy("script-src 'self'"))
    assert "stats.example.org" not in policy["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_middleware_rewrites_the_header_written_below_it(categories):
    def view(request):
        return with_policy("script-src 'self'")

    response = csp.ConsentCSPMiddleware(view)(RequestFactory().get("/"))

    assert csp.script_hashes()[0] in response["Content-Security-Policy"]
