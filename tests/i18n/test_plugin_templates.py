"""The plugins' public templates stand alone: their own class names, and the
blocks of the base template ``wagtail start`` writes (extra_css, content,
extra_js, title), so that their stylesheet and JSON-LD reach any site's head."""

import re
from pathlib import Path

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
PUBLIC_TEMPLATES = [
    *sorted((ROOT / "glossary" / "templates" / "glossary").rglob("*.html")),
    *sorted((ROOT / "consent" / "templates" / "consent").glob("*.html")),
]
# The blocks of Wagtail's project template (wagtail start), nothing else.
STOCK_LAYOUT = (
    "<!DOCTYPE html><html><head><title>{% block title %}{% endblock %}</title>"
    '<meta name="description" content="{% block meta_description %}{% endblock %}">'
    "{% block extra_css %}{% endblock %}</head>"
    "<body class='{% block body_class %}{% endblock %}'>"
    "{% block content %}{% endblock %}{% block extra_js %}{% endblock %}</body></html>"
)


def templates_with(layouts: dict) -> list:
    return [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "context_processors": ["django.template.context_processors.request"],
                "loaders": [
                    ("django.template.loaders.locmem.Loader", layouts),
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    ]


def class_names(template: Path) -> set[str]:
    names = set()
    for value in re.findall(r'class="([^"{]*)"', template.read_text()):
        names.update(value.split())
    return names


@pytest.mark.parametrize("template", PUBLIC_TEMPLATES, ids=lambda path: path.name)
def test_public_templates_use_only_their_own_class_names(template):
    prefix = template.relative_to(ROOT).parts[0]  # glossary or consent
    foreign = {name for name in class_names(template) if not name.startswith(prefix)}
    assert foreign == set()


def test_the_glossary_fills_the_blocks_of_a_stock_wagtail_base(client, make_term):
    term = make_term("Butyrate", "A short-chain fatty acid.")
    with override_settings(
        GLOSSARY_BASE_TEMPLATE="stock.html",
        TEMPLATES=templates_with({"stock.html": STOCK_LAYOUT}),
    ):
        pages = {
            url: client.get(url).content.decode() for url in ("/glossary/", term.url)
        }
    for html in pages.values():
        head = html[: html.index("</head>")]
        assert 'href="/static/glossary/glossary.css"' in head
        assert '<script type="application/ld+json"' in head
        assert "class='template-glossary-" in html
        assert "Butyrate" in html[html.index("<body") :]
    assert 'content="A short-chain fatty acid."' in pages[term.url]


def test_the_cookie_settings_page_fills_the_blocks_of_a_stock_wagtail_base(
    client, categories
):
    with override_settings(
        CONSENT_BASE_TEMPLATE="stock.html",
        TEMPLATES=templates_with({"stock.html": STOCK_LAYOUT}),
    ):
        html = client.get("/cookies/").content.decode()
    assert html.startswith("<!DOCTYPE html><html><head><title>Cookie settings</title>")
    assert 'content="Choose which optional cookies this site may use' in html
    assert '<div class="consent-page consent-preferences">' in html


def test_this_site_keeps_its_width_for_the_plugin_pages():
    site_css = (ROOT / "static" / "css" / "site.css").read_text()
    for prefix in ("glossary", "consent"):
        assert f"--{prefix}-max-width: var(--page-width);" in site_css
