"""Classification of what a browser holds, without a browser."""

import pytest

from consent.audit import (
    ACCEPT,
    BEFORE,
    REJECT,
    Declaration,
    classify_cookies,
    classify_requests,
    classify_storage,
    domain_covers,
)

SITE = "www.example.org"
DECLARED = [
    Declaration("csrftoken", "necessary", required=True),
    Declaration("cookie_consent", "necessary", required=True),
    Declaration("_ga", "analytics"),
    Declaration("_ga_*", "analytics"),
    Declaration("_fbp", "marketing", domain=".facebook.com"),
    Declaration("reading_preferences", "personalization", storage="local"),
    Declaration("tab_*", "necessary", required=True, storage="session"),
]


def verdicts(findings):
    return {(f.name, f.domain): (f.verdict, f.category) for f in findings}


def cookie(name, domain=SITE):
    return {"name": name, "value": "1", "domain": domain, "path": "/"}


@pytest.mark.parametrize("phase", [BEFORE, REJECT])
def test_before_a_choice_and_after_reject_only_necessary_cookies_are_allowed(phase):
    found = [cookie("csrftoken"), cookie("_ga"), cookie("tracker")]

    result = verdicts(classify_cookies(found, DECLARED, SITE, phase))

    assert result == {
        ("csrftoken", SITE): ("ok", "necessary"),
        ("_ga", SITE): ("violation", "analytics"),
        ("tracker", SITE): ("violation", None),
    }


def test_a_declared_optional_cookie_before_a_choice_is_named_with_its_category():
    [finding] = classify_cookies([cookie("_ga")], DECLARED, SITE, BEFORE)

    assert (
        finding.reason
        == "declared in category 'analytics' but present before any choice"
    )


def test_after_reject_the_reason_says_so():
    [finding] = classify_cookies([cookie("_ga")], DECLARED, SITE, REJECT)

    assert finding.reason.endswith("after Reject all")


def test_after_accept_every_declared_cookie_is_allowed_and_undeclared_ones_are_not():
    found = [cookie("_ga"), cookie("csrftoken"), cookie("undeclared_tracker")]

    result = verdicts(classify_cookies(found, DECLARED, SITE, ACCEPT))

    assert result == {
        ("_ga", SITE): ("ok", "analytics"),
        ("csrftoken", SITE): ("ok", "necessary"),
        ("undeclared_tracker", SITE): ("violation", None),
    }
    [undeclared] = [
        f
        for f in classify_cookies(found, DECLARED, SITE, ACCEPT)
        if f.verdict == "violation"
    ]
    assert undeclared.reason == "not declared in any category"


@pytest.mark.parametrize("name", ["_ga_ABC123", "_ga_", "_ga_DEMO123"])
def test_a_pattern_covers_every_name_of_its_family(name):
    [finding] = classify_cookies([cookie(name)], DECLARED, SITE, ACCEPT)

    assert (finding.verdict, finding.category) == ("ok", "analytics")


@pytest.mark.parametrize("name", ["_gax", "x_ga_1", "_GA", "csrftoken2"])
def test_a_name_is_matched_whole_and_case_sensitively(name):
    [finding] = classify_cookies([cookie(name)], DECLARED, SITE, ACCEPT)

    assert finding.verdict == "violation"


def test_a_pattern_does_not_read_regex_characters_in_the_declared_name():
    declared = [Declaration("a.b*", "analytics")]

    names = ["a.bc", "axbc"]
    found = classify_cookies([cookie(n) for n in names], declared, SITE, ACCEPT)

    assert verdicts(found) == {
        ("a.bc", SITE): ("ok", "analytics"),
        ("axbc", SITE): ("violation", None),
    }


def test_a_site_declaration_covers_the_host_and_its_parent_domain_not_third_parties():
    found = [
        cookie("_ga", "www.example.org"),
        cookie("_ga", ".example.org"),
        cookie("_ga", ".doubleclick.net"),
    ]

    result = verdicts(classify_cookies(found, DECLARED, SITE, ACCEPT))

    assert result == {
        ("_ga", "www.example.org"): ("ok", "analytics"),
        ("_ga", "example.org"): ("ok", "analytics"),
        ("_ga", "doubleclick.net"): ("violation", None),
    }


def test_a_cookie_declared_for_a_domain_is_only_covered_on_that_domain():
    found = [
        cookie("_fbp", ".facebook.com"),
        cookie("_fbp", "www.facebook.com"),
        cookie("_fbp", SITE),
        cookie("_fbp", "notfacebook.com"),
    ]

    result = verdicts(classify_cookies(found, DECLARED, SITE, ACCEPT))

    assert result == {
        ("_fbp", "facebook.com"): ("ok", "marketing"),
        ("_fbp", "www.facebook.com"): ("ok", "marketing"),
        ("_fbp", SITE): ("violation", None),
        ("_fbp", "notfacebook.com"): ("violation", None),
    }


@pytest.mark.parametrize(
    ("declared", "found", "covered"),
    [
        ("", "localhost", True),
        ("", "", True),
        ("", "example.org", True),
        ("", "sub.www.example.org", False),
        ("", "other.org", False),
        ("example.org", ".example.org", True),
        (".example.org", "shop.example.org", True),
        ("example.org", "badexample.org", False),
    ],
)
def test_domain_coverage(declared, found, covered):
    site = "localhost" if found == "localhost" else SITE

    assert domain_covers(declared, found, site) is covered


def test_a_cookie_name_alone_is_taken_as_the_sites_own():
    [finding] = classify_cookies(["_ga_X"], DECLARED, SITE, ACCEPT)

    assert (finding.verdict, finding.category) == ("ok", "analytics")


def test_violations_are_listed_first():
    found = [cookie("a_ok_cookie"), cookie("csrftoken"), cookie("zzz")]
    declared = [*DECLARED, Declaration("a_ok_cookie", "necessary", required=True)]

    names = [f.name for f in classify_cookies(found, declared, SITE, BEFORE)]

    assert names == ["zzz", "a_ok_cookie", "csrftoken"]


def test_storage_keys_are_matched_per_kind_of_storage_with_patterns():
    found = {"local": ["reading_preferences", "tab_1"], "session": ["tab_1", "cart"]}

    result = {
        (f.kind, f.name): (f.verdict, f.category)
        for f in classify_storage(found, DECLARED, ACCEPT)
    }

    assert result == {
        ("local", "reading_preferences"): ("ok", "personalization"),
        ("local", "tab_1"): ("violation", None),
        ("session", "tab_1"): ("ok", "necessary"),
        ("session", "cart"): ("violation", None),
    }


def test_an_optional_storage_key_before_a_choice_is_a_violation():
    found = {"local": ["reading_preferences"], "session": ["tab_9"]}

    result = {
        f.name: (f.verdict, f.category)
        for f in classify_storage(found, DECLARED, BEFORE)
    }

    assert result == {
        "reading_preferences": ("violation", "personalization"),
        "tab_9": ("ok", "necessary"),
    }


def test_a_storage_key_is_never_covered_by_a_cookie_declaration():
    [finding] = classify_storage({"local": ["_ga"]}, DECLARED, ACCEPT)

    assert finding.verdict == "violation"


def test_requests_to_other_hosts_are_grouped_per_host_and_violate_before_a_choice():
    urls = [
        "http://www.example.org/static/site.css",
        "http://www.example.org:8000/api/",
        "https://fonts.example.net/a.woff2",
        "https://fonts.example.net/b.woff2",
        "https://pixel.tracker.test/p.gif?x=1",
        "data:image/png;base64,AAAA",
        "blob:http://www.example.org/1234",
    ]

    findings = classify_requests(urls, SITE, BEFORE)

    assert [(f.name, f.verdict) for f in findings] == [
        ("fonts.example.net", "violation"),
        ("pixel.tracker.test", "violation"),
    ]
    assert findings[0].reason == (
        "2 request(s) to another host, first https://fonts.example.net/a.woff2"
    )


def test_requests_to_other_hosts_after_accept_all_are_listed_for_information():
    [finding] = classify_requests(["https://cdn.test/x.js"], SITE, ACCEPT)

    assert (finding.name, finding.verdict) == ("cdn.test", "info")


def test_no_requests_to_other_hosts_means_no_findings():
    assert classify_requests([f"http://{SITE}/"], SITE, REJECT) == []
