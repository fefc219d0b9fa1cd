"""consent.audit.leaks: what counts as a sensitive page's title, slug or path
leaving the site."""

import base64
from urllib.parse import quote, quote_plus

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consent.audit.leaks import base64_cores, find_leak, needles_for

URL = "http://127.0.0.1:8000/glossary/gut-brain-axis/"
TITLES = ["Gut–brain axis", "Gut–brain axis | Gut Health Explained"]
NEEDLES = needles_for(TITLES, URL)


@pytest.mark.parametrize(
    "sent",
    [
        "https://ads.example/p?t=Gut–brain axis",
        "https://ads.example/p?t=" + quote("Gut–brain axis"),
        "https://ads.example/p?t=" + quote_plus("Gut–brain axis"),
        "https://ads.example/p?t=" + quote("Gut–brain axis").lower(),
        "https://ads.example/p?t=gut–brain%20axis",
        "https://ads.example/p?s=gut-brain-axis",
        "https://ads.example/p?u=" + quote(URL, safe=""),
        "https://ads.example/p?d="
        + base64.b64encode("t=Gut–brain axis | Gut Health Explained".encode()).decode(),
        "https://ads.example/p?d="
        + base64.urlsafe_b64encode(b"xx/glossary/gut-brain-axis/").decode(),
    ],
)
def test_a_request_that_carries_the_page_in_any_form_is_a_leak(sent):
    assert find_leak(NEEDLES, sent) is not None


def test_the_referer_and_the_body_are_checked_too():
    leak = find_leak(NEEDLES, "https://a.example/", referer=URL)
    assert leak.where == "Referer"
    leak = find_leak(NEEDLES, "https://a.example/", body=b'{"slug":"gut-brain-axis"}')
    assert leak.where == "body"
    assert "slug" in leak.reason


@pytest.mark.parametrize(
    "sent",
    [
        "https://stats.example/c?dl=http%3A%2F%2F127.0.0.1%3A8000%2Fglossary%2F%5Bterm%5D%2F&dt=Glossary%20term",
        "https://stats.example/analytics.js",
        "https://ads.example/p?t=Gut%20Health%20Explained",  # the site's name alone
    ],
)
def test_the_redacted_context_and_the_site_name_are_no_leak(sent):
    assert find_leak(NEEDLES, sent, referer="http://127.0.0.1:8000/") is None


@given(
    st.binary(max_size=20), st.binary(min_size=7, max_size=40), st.binary(max_size=20)
)
def test_base64_of_any_text_holding_the_bytes_is_recognised(before, data, after):
    encoded = base64.b64encode(before + data + after).decode()
    assert any(core in encoded for core in base64_cores(data))
