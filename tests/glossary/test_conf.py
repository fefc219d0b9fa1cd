import pytest
from django.test import override_settings

from glossary.conf import DEFAULTS, get_setting

pytestmark = pytest.mark.django_db

PLAIN_LAYOUT = (
    "<!DOCTYPE html><html lang='en'><head>{% block extra_head %}{% endblock %}"
    "</head><body class='plain {% block body_class %}{% endblock %}'>"
    "{% block content %}{% endblock %}</body></html>"
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


def test_settings_fall_back_to_the_plugin_defaults():
    assert get_setting("GLOSSARY_TERMS_PER_PAGE") == DEFAULTS["GLOSSARY_TERMS_PER_PAGE"]
    with override_settings(GLOSSARY_TERMS_PER_PAGE=7):
        assert get_setting("GLOSSARY_TERMS_PER_PAGE") == 7


def test_plugin_templates_extend_the_configured_layout(client, make_term):
    term = make_term("Butyrate")
    with override_settings(
        GLOSSARY_BASE_TEMPLATE="plain.html",
        TEMPLATES=templates_with({"plain.html": PLAIN_LAYOUT}),
    ):
        for url in ("/glossary/", term.url):
            html = client.get(url).content.decode()
            assert html.startswith("<!DOCTYPE html><html lang='en'><head>")
            assert "class='plain template-glossary-" in html
            assert "Butyrate" in html


@override_settings(GLOSSARY_SEARCH_MAX_LENGTH=10)
def test_the_search_limit_is_a_setting(client, make_term):
    make_term("Butyrate")
    assert client.get("/glossary/", {"q": "b" * 11}).status_code == 400
    response = client.get("/glossary/", {"q": "b" * 10})
    assert response.status_code == 200
    assert 'maxlength="10"' in response.content.decode()
