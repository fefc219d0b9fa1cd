"""The report's text and JSON renderings, without a browser."""

import json

from consent.audit import AuditReport, Finding, PageResult, PhaseResult, render_text

HOME = "http://localhost:8000/"
GLOSSARY = "http://localhost:8000/glossary/"


def report():
    necessary = Finding("cookie", "csrftoken", "ok", "strictly necessary", "localhost")
    tracker = Finding(
        "cookie", "tracker", "violation", "not declared in any category", "localhost"
    )
    key = Finding("local", "mystery", "violation", "not declared in any category")
    cdn = Finding("request", "cdn.test", "info", "1 request(s) to another host")
    return AuditReport(
        "http://localhost:8000",
        [HOME, GLOSSARY],
        [
            PhaseResult("before", [PageResult(HOME, 200), PageResult(GLOSSARY, 200)]),
            PhaseResult(
                "reject",
                [PageResult(HOME, 200, findings=[necessary]), PageResult(GLOSSARY)],
                note="Clicked the banner's Reject all.",
            ),
            PhaseResult(
                "accept",
                [
                    PageResult(HOME, 200, findings=[tracker, key, cdn]),
                    PageResult(GLOSSARY, error="net::ERR_CONNECTION_RESET"),
                ],
            ),
        ],
    )


def test_the_text_report_lists_each_phase_page_finding_and_verdict():
    text = render_text(report())

    assert text.splitlines() == [
        "Consent audit of http://localhost:8000 (2 page(s))",
        "",
        "== Before any choice: 0 violation(s)",
        f"  {HOME} [200]: CLEAN",
        "      nothing new: no cookies, storage or other hosts",
        f"  {GLOSSARY} [200]: CLEAN",
        "      nothing new: no cookies, storage or other hosts",
        "",
        "== After Reject all: 0 violation(s)",
        "   Clicked the banner's Reject all.",
        f"  {HOME} [200]: CLEAN",
        "      ok        cookie csrftoken (localhost): strictly necessary",
        f"  {GLOSSARY}: CLEAN",
        "      nothing new: no cookies, storage or other hosts",
        "",
        "== After Accept all: 2 violation(s)",
        f"  {HOME} [200]: VIOLATION",
        "      VIOLATION cookie tracker (localhost): not declared in any category",
        "      VIOLATION localStorage key mystery: not declared in any category",
        "      info      request to cdn.test: 1 request(s) to another host",
        f"  {GLOSSARY}: ERROR",
        "      error: net::ERR_CONNECTION_RESET",
        "",
        "Result: 2 violation(s) (Before any choice: 0, After Reject all: 0, "
        "After Accept all: 2)",
        "Leak check: 0 leak(s) on 0 sensitive page(s) after Accept all",
        "1 page(s) could not be audited",
    ]


def test_the_json_report_lists_violations_flat_with_phase_and_page():
    data = json.loads(json.dumps(report().as_dict()))

    assert data["clean"] is False
    assert data["violations"] == [
        {
            "phase": "accept",
            "url": HOME,
            "kind": "cookie",
            "name": "tracker",
            "verdict": "violation",
            "reason": "not declared in any category",
            "domain": "localhost",
            "category": None,
        },
        {
            "phase": "accept",
            "url": HOME,
            "kind": "local",
            "name": "mystery",
            "verdict": "violation",
            "reason": "not declared in any category",
            "domain": "",
            "category": None,
        },
    ]
    assert data["errors"] == [
        f"After Accept all: {GLOSSARY}: net::ERR_CONNECTION_RESET"
    ]
    assert [p["violations"] for p in data["phases"]] == [0, 0, 2]
    assert [p["verdict"] for p in data["phases"][2]["pages"]] == ["violation", "error"]


def test_a_report_without_violations_or_errors_is_clean():
    clean = AuditReport(HOME, [HOME], [PhaseResult("before", [PageResult(HOME, 200)])])

    assert clean.clean is True
    assert clean.as_dict()["violations"] == []


def test_a_leak_names_the_sensitive_page_and_the_request():
    term = "http://localhost:8000/glossary/butyrate/"
    leak = Finding(
        "leak",
        "https://ads.test/p?t=Butyrate",
        "violation",
        "its URL holds the page's title “Butyrate” (as is)",
        "ads.test",
    )
    leaky = AuditReport(
        HOME,
        [term],
        [
            PhaseResult(
                "accept", [PageResult(term, 200, findings=[leak], sensitive=True)]
            )
        ],
    )

    lines = render_text(leaky).splitlines()

    assert f"  {term} [200] (sensitive page): VIOLATION" in lines
    assert (
        "      VIOLATION LEAK to ads.test: https://ads.test/p?t=Butyrate: its URL "
        "holds the page's title “Butyrate” (as is)"
    ) in lines
    assert lines[-1] == "Leak check: 1 leak(s) on 1 sensitive page(s) after Accept all"
    assert leaky.as_dict()["leaks"] == 1
    assert leaky.as_dict()["sensitive_urls"] == [term]
