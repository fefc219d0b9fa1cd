"""The installation steps of docs/glossary.md and docs/consent.md, as the
bare-project check applies them (.ci/bare_project/configure.py): present, valid,
and naming only things that exist. The check itself (.ci/bare-project) installs
the wheels into a real `wagtail start` project; these run in a second."""

import importlib.util

import pytest
from django.template import engines
from django.template.loader_tags import BlockNode
from django.utils.module_loading import import_string

from .documented_steps import DOCS, configure, documented_urlpatterns, steps


@pytest.mark.parametrize("plugin", sorted(DOCS))
def test_each_installation_section_has_settings_urls_and_a_base_template(plugin):
    assert set(steps(plugin)) == {"settings", "urls", "base.html"}


@pytest.mark.parametrize("plugin", sorted(DOCS))
def test_documented_apps_and_middleware_exist(plugin):
    namespace = {"INSTALLED_APPS": [], "MIDDLEWARE": []}
    exec(steps(plugin)["settings"], namespace)

    for app in namespace["INSTALLED_APPS"]:
        assert importlib.util.find_spec(app), f"{app} is not importable"
    for middleware in namespace["MIDDLEWARE"]:
        import_string(middleware)


def test_consent_settings_turn_httponly_off():
    namespace = {"INSTALLED_APPS": [], "MIDDLEWARE": []}
    exec(steps("consent")["settings"], namespace)

    assert namespace["COOKIE_CONSENT_HTTPONLY"] is False
    assert "wagtail.contrib.settings" in namespace["INSTALLED_APPS"]


@pytest.mark.parametrize("plugin", sorted(DOCS))
def test_documented_urls_import_and_build_patterns(plugin):
    assert documented_urlpatterns(plugin)


def block_names(code):
    template = engines["django"].from_string(code).template
    return {node.name for node in template.nodelist.get_nodes_by_type(BlockNode)}


def test_glossary_base_template_has_the_blocks_the_plugin_fills():
    blocks = block_names(steps("glossary")["base.html"])

    assert {"meta_description", "extra_css", "extra_js", "content"} <= blocks


def test_consent_base_template_has_the_includes_and_the_page_blocks():
    code = steps("consent")["base.html"]

    assert {"title", "meta_description", "content"} <= block_names(code)
    head, body = code.split("<body", 1)
    # The head script decides before first paint: before any other script.
    assert head.index('{% include "consent/head.html" %}') < head.find("<script") or (
        "<script" not in head
    )
    assert body.index('{% include "consent/banner.html" %}') < body.index(
        "{% block content"
    )
    assert "{% consent_preferences_link %}" in body
    last_lines = body.rstrip().splitlines()[-3:]
    assert [line.strip() for line in last_lines] == [
        '{% include "consent/body_scripts.html" %}',
        "</body>",
        "</html>",
    ]


def test_configure_inserts_urls_above_the_catch_all_and_appends_settings(tmp_path):
    project = tmp_path / "demo"
    (project / "demo" / "settings").mkdir(parents=True)
    (project / "demo" / "templates").mkdir()
    (project / "demo" / "settings" / "base.py").write_text("INSTALLED_APPS = []\n")
    (project / "demo" / "urls.py").write_text(
        "urlpatterns = []\n\nurlpatterns = urlpatterns + [\n    catch_all,\n]\n"
    )

    for target, code in configure.documented_steps(DOCS["consent"], None):
        configure.apply(project, target, code)
    configure.mount_consent_at(project, "privacy/cookies/")

    urls = (project / "demo" / "urls.py").read_text()
    assert urls.index('include("consent.urls")') < urls.index("catch_all")
    assert 'path("privacy/cookies/", include("consent.urls"))' in urls
    settings = (project / "demo" / "settings" / "base.py").read_text()
    assert settings.startswith("INSTALLED_APPS = []\n")
    assert "COOKIE_CONSENT_HTTPONLY = False" in settings
    base = (project / "demo" / "templates" / "base.html").read_text()
    assert "{% consent_preferences_link %}" in base
