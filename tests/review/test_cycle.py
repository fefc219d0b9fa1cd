"""Review cycles: a due date per page from its page type's interval, and the
words readers see when a review is overdue."""

import datetime
import json
import re

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from glossary.review import cycle

from .conftest import fresh

TODAY = datetime.date(2026, 12, 7)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_months_are_added_on_the_calendar():
    assert cycle.add_months(datetime.date(2024, 1, 10), 36) == datetime.date(
        2027, 1, 10
    )
    # A shorter month ends the cycle on its last day.
    assert cycle.add_months(datetime.date(2024, 8, 31), 6) == datetime.date(2025, 2, 28)


@given(
    day=st.dates(datetime.date(2000, 1, 1), datetime.date(2090, 12, 31)),
    months=st.integers(1, 120),
)
def test_the_database_cutoff_agrees_with_add_months(day, months):
    latest = cycle.latest_review_due_by(day, months)

    assert cycle.add_months(latest, months) <= day
    assert cycle.add_months(latest + datetime.timedelta(days=1), months) > day


@pytest.mark.parametrize(
    ("due", "state"),
    [
        (None, cycle.NOT_REVIEWED),
        (datetime.date(2026, 12, 6), cycle.OVERDUE),
        (TODAY, cycle.DUE_SOON),
        (datetime.date(2027, 1, 6), cycle.DUE_SOON),
        (datetime.date(2027, 1, 7), cycle.CURRENT),
    ],
)
def test_review_states(due, state):
    assert cycle.review_state(due, today=TODAY) == state


@pytest.mark.django_db
def test_intervals_default_to_36_months_for_terms_and_24_for_articles(
    reviewed_term, make_article
):
    assert reviewed_term.review_interval_months == 36
    assert make_article().review_interval_months == 24
    assert reviewed_term.next_review_due == datetime.date(2027, 1, 10)


@pytest.mark.django_db
def test_the_interval_is_a_setting(settings, reviewed_term):
    settings.GLOSSARY_REVIEW_INTERVAL_MONTHS = {"glossary.GlossaryTermPage": 12}

    assert reviewed_term.next_review_due == datetime.date(2025, 1, 10)


@pytest.mark.django_db
@time_machine.travel("2026-12-07 10:00 +0000", tick=False)
def test_the_term_page_says_who_reviewed_it_and_when_it_is_due(client, reviewed_term):
    html = client.get(reviewed_term.url).content.decode()

    assert (
        "Medically reviewed by Dr Ben Cole, PhD, dietitian on "
        '<time datetime="2024-01-10">10 January 2024</time>.' in html
    )
    assert 'Next review due <time datetime="2027-01-10">10 January 2027</time>.' in html
    assert "due for its regular medical review" not in html


@pytest.mark.django_db
@time_machine.travel("2027-02-01 10:00 +0000", tick=False)
def test_an_overdue_page_says_so_in_neutral_words(client, reviewed_term):
    html = client.get(reviewed_term.url).content.decode()

    assert 'data-clinical-review="overdue"' in html
    assert (
        "This page is due for its regular medical review. It was accurate when it "
        "was last reviewed; some details may have changed since." in html
    )


@pytest.mark.django_db
def test_an_unreviewed_term_shows_no_review_line(client, make_term):
    term = make_term("Zonulin", publish=True)

    html = client.get(term.url).content.decode()

    assert "Medically reviewed" not in html
    assert "Next review due" not in html


def json_ld(html):
    return [json.loads(block) for block in JSON_LD.findall(html)]


@pytest.mark.django_db
def test_term_json_ld_names_the_reviewer_and_the_review_date(client, reviewed_term):
    [data] = json_ld(client.get(reviewed_term.url).content.decode())

    assert data["@type"] == "DefinedTerm"
    page = data["subjectOf"]
    assert page["@type"] == "MedicalWebPage"
    assert page["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr Ben Cole",
        "hasCredential": {
            "@type": "EducationalOccupationalCredential",
            "name": "PhD, dietitian",
        },
    }
    assert page["lastReviewed"] == "2024-01-10"


@pytest.mark.django_db
def test_article_json_ld_names_the_reviewer_and_the_review_date(
    client, make_article, reviewer
):
    article = make_article()
    article.save_revision().publish()
    article = fresh(article)
    article.record_review(
        reviewer, reviewed_on=datetime.date(2026, 5, 2), revision=article.live_revision
    )

    html = client.get(article.url).content.decode()

    [data] = json_ld(html)
    assert data["@type"] == "MedicalWebPage"
    assert data["reviewedBy"]["name"] == "Dr Ana Ruiz"
    assert data["lastReviewed"] == "2026-05-02"
    assert 'Next review due <time datetime="2028-05-02">2 May 2028</time>.' in html


@pytest.mark.django_db
def test_a_hostile_reviewer_name_cannot_break_out_of_the_json_ld(
    client, reviewed_term, earlier_reviewer
):
    earlier_reviewer.name = '</script><script>alert("x")</script>'
    earlier_reviewer.save()

    html = client.get(fresh(reviewed_term).url).content.decode()

    assert '<script>alert("x")' not in html
    [data] = json_ld(html)
    assert data["subjectOf"]["reviewedBy"]["name"] == earlier_reviewer.name
