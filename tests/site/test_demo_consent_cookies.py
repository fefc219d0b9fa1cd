"""The site's demo declares its example cookies; the consent plugin itself declares
none (tests/consent/test_categories.py)."""

import pytest
from cookie_consent.models import Cookie

pytestmark = pytest.mark.django_db


@pytest.fixture
def categories():
    from microsite.demo.consent import declare_example_cookies

    declare_example_cookies()


def test_the_sites_demo_declares_its_example_cookies(categories):
    ga = Cookie.objects.get(name="_ga_*")
    assert ga.cookiegroup.varname == "analytics"
    assert ga.description and ga.details.duration == "2 years"
    assert ga.details.provider == "Google Analytics"
    key = Cookie.objects.get(name="reading_preferences")
    assert key.cookiegroup.varname == "personalization"
    assert key.details.storage == "local"
    assert {"_fbp", "_gcl_au"} <= set(
        Cookie.objects.filter(cookiegroup__varname="marketing").values_list(
            "name", flat=True
        )
    )


def test_loading_the_demo_twice_declares_each_example_once(categories):
    from microsite.demo.consent import declare_example_cookies

    before = Cookie.objects.count()
    declare_example_cookies()

    assert Cookie.objects.count() == before
