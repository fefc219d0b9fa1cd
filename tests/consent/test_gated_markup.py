"""{% gated %} blocks, click-to-load embeds and the cookie declarations."""

import pytest
from django.template import Context, Template

from consent.blocks import CookieDeclarationsBlock

from .browser import BANNER, banner_button

pytestmark = pytest.mark.django_db


def render(source):
    return Template("{% load consent_tags %}" + source).render(Context({}))


def test_gated_markup_is_rendered_inert_inside_a_template(categories):
    html = render('{% gated "analytics" %}<img src="/pixel.gif">{% endgated %}')
    assert (
        html == '<template data-consent="analytics"><img src="/pixel.gif"></template>'
    )


def test_a_gated_embed_has_a_placeholder_with_a_consent_button(categories):
    html = render(
        '{% gated "marketing" placeholder="A video." %}<iframe></iframe>{% endgated %}'
    )
    assert '<template data-consent="marketing"><iframe></iframe></template>' in html
    assert 'data-consent-allow="marketing"' in html
    assert "Allow Marketing cookies and load it" in html


def test_the_gated_tag_refuses_unknown_options():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        render('{% gated "marketing" size="big" %}x{% endgated %}')


def test_the_declarations_tag_lists_every_category_and_cookie(categories):
    html = render("{% cookie_declarations %}")
    for group in categories.values():
        assert group.name in html
        for cookie in group.cookie_set.all():
            assert f"<code>{cookie.name}</code>" in html


def test_the_declarations_block_follows_the_database(categories):
    from cookie_consent.models import Cookie

    Cookie.objects.create(cookiegroup=categories["marketing"], name="_uetvid")
    html = CookieDeclarationsBlock().render(None)
    assert "<code>_uetvid</code>" in html and "<code>_ga_*</code>" in html


def test_the_plugin_js_and_css_stay_within_5kb_gzipped():
    from benchmarks.consent_size import BUDGET, measure

    assert sum(packed for _, _, packed in measure()) <= BUDGET


@pytest.mark.browser
@pytest.mark.urls("tests.consent.urls")
@pytest.mark.django_db(transaction=True)
def test_a_click_to_load_embed_loads_in_place_once_its_category_is_allowed(
    page, context, site_url
):
    page.goto(site_url + "/embed-demo/")
    assert page.locator("iframe[data-embed-loaded]").count() == 0
    assert page.locator("#analytics-only").count() == 0
    page.get_by_role("button", name="Allow marketing cookies and load it").click()
    page.locator("iframe[data-embed-loaded]").wait_for()
    assert page.locator("[data-consent-allow]").count() == 0
    assert page.locator("#analytics-only").count() == 0
    page.wait_for_function("() => window.demoMarketingRuns === 1")
    assert page.locator(BANNER).is_visible()  # other categories still undecided
    banner_button(page, "Accept all").click()
    page.locator("#analytics-only").wait_for()
    assert page.errors == []
