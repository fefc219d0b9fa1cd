"""head.js reads the consent cookies exactly as consent/state.py does.

Whatever the cookies hold (non-ASCII digits, exponents, hex, duplicated keys),
the browser and the server agree on every category's state.
"""

import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from consent.state import DAY_MS, consent_states

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DIGITS = "0123456789²³¹٣۳߃०"
NOW, VERSION = "{now}", "{version}"
keys = st.sampled_from(["analytics", "marketing", "personalization", "~texts", "x"])
values = st.one_of(
    st.sampled_from([NOW, VERSION, "-1", "", "1", "2", "3", "1e3", "0x10", "+2"]),
    st.tuples(st.just(NOW), st.sampled_from("²³¹٣")).map("".join),
    st.text(st.sampled_from(DIGITS), min_size=1, max_size=16),
)
# "|"-separated pairs; keys repeat, so a duplicated key is common.
cookie_text = st.lists(st.tuples(keys, values).map("=".join), max_size=6).map("|".join)

SET_AND_READ = """([consent, times, revision]) => {
  document.cookie = "cookie_consent=" + consent + ";path=/";
  document.cookie = "cookie_consent_time=" + times + ";path=/";
  window.consent.config.texts = revision;
  return [window.consent.config.groups, window.consent.state()];
}"""


@pytest.fixture
def cookies_page(page, site_url):
    page.goto(site_url + "/cookies/")
    return page


# One page for every example: head.js reads document.cookie on each call.
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@example(consent="analytics={version}", times="analytics={now}|~texts=1e3", revision=2)
@example(consent="analytics={version}", times="analytics={now}|~texts=+2", revision=2)
@example(consent="analytics={version}", times="analytics={now}|~texts=0x10", revision=3)
@example(consent="analytics={version}", times="analytics={now}²", revision=1)
@given(consent=cookie_text, times=cookie_text, revision=st.sampled_from([1, 2, 3]))
def test_the_browser_and_the_server_read_any_consent_cookies_alike(
    cookies_page, context, consent, times, revision
):
    version = cookies_page.evaluate("consent.config.groups[0].version")
    now = str(int(time.time() * 1000) - DAY_MS)
    fill = {"now": now, "version": version}
    consent, times = consent.format(**fill), times.format(**fill)

    groups, in_browser = cookies_page.evaluate(SET_AND_READ, [consent, times, revision])

    stored = {c["name"]: c["value"] for c in context.cookies()}
    categories = [dict(group, required=False) for group in groups]
    on_server = consent_states(
        stored["cookie_consent"], stored["cookie_consent_time"], categories, revision
    )
    assert in_browser == on_server, (consent, times, revision)


DUPLICATED = """([now, version]) => {
  document.cookie = "cookie_consent=analytics=" + version + ";path=/";
  document.cookie = "cookie_consent_time=analytics=" + now + ";path=/";
  document.cookie = "cookie_consent=analytics=-1;path=/cookies/";
  return [document.cookie, window.consent.state().analytics];
}"""


def test_a_consent_cookie_sent_twice_is_read_as_the_server_reads_it(cookies_page):
    version = cookies_page.evaluate("consent.config.groups[0].version")
    now = str(int(time.time() * 1000) - DAY_MS)

    header, analytics = cookies_page.evaluate(DUPLICATED, [now, version])

    # The browser lists the /cookies/ one first; Django keeps the last one.
    assert header.index("analytics=-1") < header.index(f"analytics={version}")
    assert analytics is True
