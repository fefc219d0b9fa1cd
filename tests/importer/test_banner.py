"""The cookie banner at the end of a copied page is dropped whole, content never.

Property tests: real Mechanism paragraphs followed by banners worded, ordered,
spaced and punctuated in many ways.
"""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.importer.banner import find_trailing_banner
from glossary.importer.errors import GlossaryImportError
from glossary.importer.furniture import furniture_patterns
from glossary.importer.parse import parse_term

FURNITURE = furniture_patterns()
HEAD = "A definition of the term.\n\nOrigin\nWhere the word comes from.\n\nMechanism\n"

# Paragraphs as a health glossary writes them, several using a banner's words.
MECHANISM_PARAGRAPHS = [
    "Bacteria that ferment fibre make short-chain fatty acids, which lower the pH "
    "of the colon and feed the cells of its lining.",
    "The marketing of probiotics often runs ahead of the evidence: few strains "
    "have been tested in people, and effects differ from strain to strain.",
    "Analytics of stool samples, such as 16S sequencing, show which bacteria are "
    "present but not what they are doing.",
    "Cookies, cakes and other foods high in added sugar feed fast-growing "
    "microbes in the small intestine.",
    "It is necessary to take antibiotics for some infections, but each course "
    "reduces the variety of gut bacteria for weeks or months.",
    "Personalised nutrition plans based on microbiome tests are popular, but "
    "trials have not yet shown that they work better than standard advice.",
    "Patients must give informed consent before a faecal microbiota transplant, "
    "and we do not yet know the long-term risks.",
    "Advertising for “gut health” drinks rarely says how much live bacteria "
    "survive the stomach.",
    "Essential nutrients such as vitamin K and some B vitamins are made by gut "
    "bacteria.",
    "Tracking symptoms in a diary for two weeks helps a doctor see patterns.",
    "Accept that results vary: the same fibre can suit one person and upset another.",
    "Statistics from large cohorts link a varied diet with a more varied microbiome.",
]

OPENERS = [
    "We use cookies to give you the best experience on our website.",
    "This site uses cookies. You can choose which ones we may set.",
    "Your privacy matters to us. We use cookies and similar technologies.",
    "We value your privacy",
    "This website stores cookies on your computer.",
    "By clicking 'Accept all', you agree to the storing of cookies on your device.",
    "Cookies help us run this site.",
    "We and our partners use cookies to personalise content and ads.",
]
HEADINGS = [
    "Cookie Preferences",
    "Detailed Cookie Preferences",
    "Manage consent preferences",
    "Cookie settings",
    "Privacy preference centre",
    "Your cookie choices",
]
CATEGORY_LINES = {
    "marketing": [
        "Marketing cookies let our partners show you relevant adverts elsewhere.",
        "Marketing – lets advertisers build a profile of your interests.",
        "Advertising: used to show you ads that match what you're interested in.",
        "Targeting cookies follow you across websites.",
        "Marketing",
    ],
    "analytics": [
        "Analytics cookies help us count visits and see which pages are read most.",
        "Analytics – counts visits and traffic sources so we can improve the site.",
        "Performance and analytics: they tell us how visitors use our pages.",
        "Statistics: collect anonymous figures about how the site is used.",
    ],
    "personalization": [
        "Personalization cookies remember your settings, such as your language.",
        "Personalisation lets us remember your choices and tailor what you see.",
        "Personalised content: remembers what you've read to suggest more.",
        "Personalization: remember your preferences between visits.",
    ],
}
BUTTONS = [
    "Accept all",
    "Reject all",
    "Save my preferences",
    "Always active",
    "Strictly necessary – always on.",
]


@st.composite
def banners(draw) -> list[str]:
    """A banner's lines: an opener or a heading (or both), categories, buttons."""
    opener = draw(st.none() | st.sampled_from(OPENERS))
    heading = draw(st.none() | st.sampled_from(HEADINGS))
    if opener is None and heading is None:
        heading = draw(st.sampled_from(HEADINGS))
    categories = draw(st.permutations(list(CATEGORY_LINES)))
    lines = [line for line in (opener, heading) if line]
    lines += [draw(st.sampled_from(CATEGORY_LINES[name])) for name in categories]
    lines += draw(st.lists(st.sampled_from(BUTTONS), max_size=3, unique=True))
    return lines


def smart_quotes(text: str) -> str:
    return text.replace("'", "’")


def page(paragraphs, banner_lines, draw) -> str:
    """The copied page: paragraphs, then the banner with random spacing."""
    spaced = []
    for line in banner_lines:
        if draw(st.booleans()):
            spaced.append("")
        if draw(st.booleans()):
            line = line.replace(" ", "\u00a0", 1)
        if draw(st.booleans()):
            line = smart_quotes(line)
        spaced.append(line)
    text = HEAD + "\n\n".join(paragraphs)
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    text += separator + "\n".join(spaced) + draw(st.sampled_from(["", "\n", "\n\n"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(MECHANISM_PARAGRAPHS), min_size=1, max_size=4),
    banners(),
    st.data(),
)
def test_the_whole_banner_is_dropped_and_every_paragraph_kept(
    paragraphs, banner_lines, data
):
    term = parse_term(page(paragraphs, banner_lines, data.draw), "term.txt", FURNITURE)
    assert term.mechanism == paragraphs
    assert term.banner_lines == len(banner_lines)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(MECHANISM_PARAGRAPHS), min_size=1, max_size=6),
    st.sampled_from(["\n", "\n\n"]),
    st.booleans(),
)
def test_paragraphs_alone_lose_nothing(paragraphs, separator, crlf):
    text = HEAD + separator.join(paragraphs) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    term = parse_term(text, "term.txt", FURNITURE)
    assert term.banner_lines == 0
    expected = paragraphs if separator == "\n\n" else [" ".join(paragraphs)]
    assert term.mechanism == expected


def test_a_category_line_worded_unlike_any_furniture_pattern_is_dropped_too():
    text = HEAD + (
        "It feeds the cells lining the colon.\n"
        "We value your privacy\n"
        "Cookie Preferences\n"
        "Marketing cookies show you adverts.\n"
        "Analytics cookies count visits.\n"
        "Personalisation lets us remember your choices and tailor what you see.\n"
    )
    term = parse_term(text, "term.txt", FURNITURE)
    assert term.mechanism == ["It feeds the cells lining the colon."]
    assert term.banner_lines == 5


def test_a_banner_after_a_paragraph_without_a_full_stop_is_dropped_whole():
    text = HEAD + (
        "It feeds the cells lining the colon, as scraped without a full stop\n"
        "We use cookies to give you the best experience on our website.\n"
        "Cookie Preferences\n"
        "Analytics cookies count visits.\n"
    )
    term = parse_term(text, "term.txt", FURNITURE)
    assert term.mechanism == [
        "It feeds the cells lining the colon, as scraped without a full stop"
    ]
    assert term.banner_lines == 3


def test_a_single_line_about_cookies_is_not_a_banner():
    text = HEAD + "Some shops that sell supplements use cookies to follow you.\n"
    term = parse_term(text, "term.txt", FURNITURE)
    assert term.banner_lines == 0
    assert term.mechanism == [
        "Some shops that sell supplements use cookies to follow you."
    ]


def test_footer_lines_after_the_banner_are_dropped_but_not_counted():
    text = (
        HEAD
        + "It feeds the cells lining the colon.\n"
        + "We use cookies on this website.\nCookie settings\n"
        + "Analytics cookies count visits.\n"
        + "Back to top\n© 2026 Old Glossary Ltd.\n"
    )
    term = parse_term(text, "term.txt", FURNITURE)
    assert term.mechanism == ["It feeds the cells lining the colon."]
    assert term.banner_lines == 3


def test_a_banner_that_would_empty_the_mechanism_is_reported_as_an_empty_section():
    text = HEAD + "We use cookies on this website.\nAnalytics cookies count visits.\n"
    with pytest.raises(GlossaryImportError) as caught:
        parse_term(text, "term.txt", FURNITURE)
    assert str(caught.value) == "term.txt:6: the 'Mechanism' section is empty"


@pytest.mark.parametrize(
    "ending",
    [
        ["We use cookies on our site.", "A line of content that says nothing at all."],
        ["We use cookies on our site.", "Analytics cookies count visits."],
    ],
    ids=["content", "banner"],
)
def test_a_megabyte_of_short_lines_is_searched_in_a_moment(ending):
    lines = (HEAD + "How it works.\n" + "\n".join(ending * 15_000)).splitlines()
    started = time.perf_counter()
    find_trailing_banner(lines, 0, FURNITURE)
    assert time.perf_counter() - started < 0.5
