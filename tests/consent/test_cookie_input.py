"""A consent cookie the site did not write never breaks a page or a decision."""

import http.client
from urllib.parse import urlsplit

import pytest
from django.test import Client

from consent.records.models import ConsentRecord

pytestmark = pytest.mark.django_db

URLS = ["/", "/glossary/", "/cookies/", "/cookies/status/", "/admin/login/"]
URLS += ["/robots.txt"]
# The bytes a browser sends, as WSGI hands them to Django (latin-1 text).
SUPERSCRIPT_TIME = "cookie_consent_time=analytics=17²|~texts=³; cookie_consent=x=¹"
WIRE = SUPERSCRIPT_TIME.encode().decode("latin-1")


@pytest.mark.parametrize("url", URLS)
def test_every_url_answers_a_time_cookie_with_superscript_digits(site_pages, url):
    response = Client().get(url, HTTP_COOKIE=WIRE)

    assert response.status_code == 200


def test_a_decision_over_a_time_cookie_with_superscript_digits_is_recorded_once(
    site_pages,
):
    response = Client().post("/cookies/accept/", {"all_groups": "1"}, HTTP_COOKIE=WIRE)

    assert response.status_code == 302
    assert ConsentRecord.objects.count() == 1
    assert "²" not in response.cookies["cookie_consent_time"].value


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_browser_sending_superscript_digits_over_a_socket_gets_every_url(
    site_url,
):
    """Through a real socket: the Cookie header as UTF-8 bytes, as browsers send it."""
    connection = http.client.HTTPConnection(urlsplit(site_url).netloc, timeout=30)
    statuses = {}
    for url in URLS:
        connection.putrequest("GET", url)
        connection.putheader("Cookie", SUPERSCRIPT_TIME.encode())
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        statuses[url] = response.status
    connection.close()

    assert statuses == dict.fromkeys(URLS, 200)
