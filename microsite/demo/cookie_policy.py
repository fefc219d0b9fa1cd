"""Demo content: the cookie policy page at /cookie-policy/, linked from the banner.

Runs after the consent step: the policy lists the categories and cookies it
creates (through the cookie declarations block, read from the database).
"""

from wagtail.models import Site

from consent.models import BannerSettings
from microsite.home.models import HomePage, InformationPage

TITLE = "Cookie policy"
SLUG = "cookie-policy"
SEARCH_DESCRIPTION = (
    "Which cookies Gut Health Explained uses, why, how long they last, and how to "
    "change or withdraw your choice at any time."
)


def paragraph(html):
    return ("paragraph", html)


BODY = [
    ("heading", "Who we are"),
    paragraph(
        "<p>Gut Health Explained is an independent education site about the gut "
        "microbiome, run by a small editorial team (a fictional organisation for "
        "this demonstration). We are responsible for the cookies described on this "
        "page. If you have a question about them, write to "
        "privacy@gut-health-explained.example.</p>"
    ),
    ("heading", "What cookies are"),
    paragraph(
        "<p>A cookie is a small text file that a website stores in your browser. "
        "Similar storage in your browser, such as localStorage, works in the same "
        "way, and this policy covers it too. Some cookies are needed for a site to "
        "work at all; others are optional and we only use them if you agree.</p>"
    ),
    ("heading", "The choices in our cookie banner"),
    paragraph(
        "<ul><li><b>Accept all</b> allows every optional category: analytics, "
        "personalisation and marketing, which includes advertising.</li>"
        "<li><b>Reject all</b> keeps only the strictly necessary cookies.</li>"
        "<li><b>Customise</b> lets you switch each optional category on or off."
        "</li></ul>"
        "<p>Nothing optional is stored until you choose. Strictly necessary cookies "
        "cannot be switched off, because the site would not work without them.</p>"
    ),
    ("heading", "The categories"),
    paragraph(
        "<ul><li><b>Strictly necessary</b>: remember your cookie choices, protect "
        "forms against misuse and keep editors signed in.</li>"
        "<li><b>Analytics</b>: count visits and show us which pages are useful, so "
        "we can improve them. We look only at grouped figures.</li>"
        "<li><b>Personalisation</b>: remember settings you choose, such as text "
        "size, for your next visit.</li>"
        "<li><b>Marketing</b>: let advertising partners measure the campaigns that "
        "brought you here and show you related adverts on other sites.</li></ul>"
    ),
    ("heading", "Every cookie we use"),
    paragraph(
        "<p>This list is produced from the same settings that drive the cookie "
        "banner, so it always matches what the site actually asks for.</p>"
    ),
    ("cookie_declarations", None),
    ("heading", "Changing or withdrawing your choice"),
    paragraph(
        "<p>You can change your mind at any time: follow <b>Cookie settings</b> at "
        "the foot of any page. Withdrawing consent is as easy as giving it, and when "
        "you switch a category off we delete the cookies it had set in your "
        "browser. You can also delete cookies in your browser's settings; the "
        "banner will then ask you again.</p>"
    ),
    ("heading", "How long we keep your choices"),
    paragraph(
        "<p>Your choice is stored in your browser for up to 12 months if you accept "
        "a category, and for 6 months if you decline it; after that we ask again. We "
        "also ask again when we add a cookie to a category or change the wording of "
        "the banner or this policy. So that we can show what you agreed to, we keep "
        "a record of each choice with a random reference (shown on the cookie "
        "settings page) for 13 months. The record holds no name, email address or "
        "IP address.</p>"
    ),
]


def build(stdout):
    home = HomePage.objects.get()
    page = ensure_policy_page(home)
    link_from_banner(page)
    stdout.write(f"Cookie policy: {page.url_path} linked from the cookie banner.")


def ensure_policy_page(home) -> InformationPage:
    page = InformationPage.objects.child_of(home).filter(slug=SLUG).first()
    if page is None:
        page = home.add_child(
            instance=InformationPage(
                title=TITLE,
                slug=SLUG,
                search_description=SEARCH_DESCRIPTION,
                body=BODY,
                live=False,
            )
        )
        page.save_revision().publish()
    elif not page.live or body_of(page) != BODY or page.title != TITLE:
        page.title = TITLE
        page.body = BODY
        page.save_revision().publish()
    return page


def body_of(page):
    return [
        (child.block_type, child.block.get_prep_value(child.value))
        for child in page.body
    ]


def link_from_banner(page) -> None:
    banner = BannerSettings.for_site(Site.objects.get(is_default_site=True))
    if banner.pk is None or banner.policy_page_id != page.pk:
        banner.policy_page = page
        banner.save()
