"""record_decision: the one call the consent views make to keep proof of consent."""

import uuid

import pytest
from django.http import HttpResponse
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from consent.records.api import (
    parse_consent_id,
    record_decision,
    texts_fingerprint,
)
from consent.records.models import ConsentRecord

ONE_YEAR = 60 * 60 * 24 * 365


@pytest.fixture
def decide(rf):
    """Record a decision for a visitor holding `cookies`: (record, response)."""

    def decide_with(cookies=None, **overrides):
        request = rf.post("/cookies/accept/")
        request.COOKIES.update(cookies or {})
        response = HttpResponse()
        arguments = {
            "accepted": ["analytics"],
            "declined": ["marketing"],
            "source": "banner",
            "versions": {"analytics": "2026-11-01T09:00:00+00:00", "marketing": "2"},
        } | overrides
        return record_decision(request, response, **arguments), response

    return decide_with


@pytest.mark.django_db
def test_a_first_decision_gives_the_visitor_a_new_consent_id(decide):
    record, response = decide()

    cookie = response.cookies["consent_id"]
    assert cookie.value == str(record.consent_id)
    assert record.consent_id.version == 4


@pytest.mark.django_db
def test_the_consent_id_cookie_is_strictly_necessary_and_server_only(decide):
    _record, response = decide()

    cookie = response.cookies["consent_id"]
    assert cookie["max-age"] == ONE_YEAR
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
    assert not cookie["secure"]


@pytest.mark.django_db
def test_the_consent_id_cookie_is_secure_when_the_consent_cookie_is(decide, settings):
    settings.COOKIE_CONSENT_SECURE = True

    _record, response = decide()

    assert response.cookies["consent_id"]["secure"] is True


@pytest.mark.django_db
def test_a_returning_visitor_keeps_their_consent_id(decide):
    known = str(uuid.uuid4())

    record, response = decide(cookies={"consent_id": known})

    assert str(record.consent_id) == known
    assert response.cookies["consent_id"].value == known


@pytest.mark.django_db
@pytest.mark.parametrize(
    "malformed",
    [
        "",
        "not-a-uuid",
        str(uuid.uuid1()),
        str(uuid.uuid4()).upper(),
        f"{{{uuid.uuid4()}}}",
    ],
)
def test_a_malformed_consent_id_is_replaced_by_a_new_one(decide, malformed):
    record, response = decide(cookies={"consent_id": malformed})

    assert str(record.consent_id) != malformed
    assert response.cookies["consent_id"].value == str(record.consent_id)


@pytest.mark.django_db
def test_the_cookie_name_follows_the_setting(decide, settings):
    settings.CONSENT_ID_COOKIE_NAME = "proof"

    _record, response = decide()

    assert "proof" in response.cookies
    assert "consent_id" not in response.cookies


@pytest.mark.django_db
def test_the_record_holds_the_decision_exactly_as_made(decide):
    fingerprint = texts_fingerprint("Banner text", "Policy text")

    record, _response = decide(
        accepted=["analytics", "personalization"],
        declined=["marketing"],
        source="preferences",
        texts_hash=fingerprint,
        texts_revision=4,
    )

    stored = ConsentRecord.objects.get(pk=record.pk)
    assert stored.accepted == ["analytics", "personalization"]
    assert stored.declined == ["marketing"]
    assert stored.versions == {
        "analytics": "2026-11-01T09:00:00+00:00",
        "marketing": "2",
    }
    assert stored.source == "preferences"
    assert stored.texts_hash == fingerprint
    assert stored.texts_revision == 4


@pytest.mark.django_db
def test_recording_costs_exactly_one_query(decide, django_assert_num_queries):
    with django_assert_num_queries(1):
        decide()


@pytest.mark.django_db
def test_nothing_is_recorded_or_set_when_records_are_disabled(
    decide, settings, django_assert_num_queries
):
    settings.CONSENT_RECORDS_ENABLED = False

    with django_assert_num_queries(0):
        record, response = decide()

    assert record is None
    assert "consent_id" not in response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"source": "email"}, ValueError),
        ({"accepted": "analytics"}, TypeError),
        ({"accepted": ["analytics", "bad name"]}, ValueError),
        ({"accepted": ["analytics"], "declined": ["analytics"]}, ValueError),
        ({"versions": ["analytics"]}, TypeError),
        ({"versions": {"analytics": 3}}, TypeError),
        ({"texts_hash": "not-a-hash"}, ValueError),
        ({"texts_revision": -1}, ValueError),
        ({"texts_revision": "3"}, TypeError),
    ],
)
def test_wrong_arguments_are_refused_before_anything_is_written(
    decide, overrides, error
):
    with pytest.raises(error):
        decide(**overrides)

    assert not ConsentRecord.objects.exists()


@given(st.text(max_size=40))
def test_only_a_canonical_uuid4_is_taken_from_the_cookie(value):
    parsed = parse_consent_id(value)

    assert parsed is None or (parsed.version == 4 and str(parsed) == value)


@given(st.uuids(version=4))
def test_every_canonical_uuid4_is_taken_from_the_cookie(value):
    assert parse_consent_id(str(value)) == value


def test_the_texts_fingerprint_is_a_sha256_of_the_texts_in_order():
    fingerprint = texts_fingerprint("Banner", "Policy")

    assert len(fingerprint) == 64
    assert fingerprint == texts_fingerprint("Banner", "Policy")
    assert fingerprint != texts_fingerprint("Policy", "Banner")
    assert texts_fingerprint("ab", "c") != texts_fingerprint("a", "bc")
    assert texts_fingerprint(None, "x") == texts_fingerprint("", "x")


def render_consent_id(request) -> str:
    template = Template("{% load consent_records_tags %}[{% consent_id %}]")
    return template.render(Context({"request": request}))


def test_the_consent_id_tag_prints_the_visitors_id(rf):
    known = str(uuid.uuid4())
    request = rf.get("/cookies/")
    request.COOKIES["consent_id"] = known

    assert render_consent_id(request) == f"[{known}]"


def test_the_consent_id_tag_prints_nothing_without_a_valid_id(rf):
    request = rf.get("/cookies/")
    request.COOKIES["consent_id"] = "<script>alert(1)</script>"

    assert render_consent_id(request) == "[]"
