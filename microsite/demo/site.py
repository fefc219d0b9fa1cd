"""Demo content: the tree root, the Site, the home page, the glossary index, the footer.

Runs first (see `load_demo`): everything else hangs below the home page it builds.
Works on a database fresh from migrations (Wagtail's "Welcome" page is replaced) and
on a flushed one (root page, locale and Site are created when missing).
"""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from microsite.home.models import HomePage, HomePageFeaturedTerm, SiteFooter

HOME = {
    "title": "Gut Health Explained",
    "slug": "home",
    "seo_title": "The gut microbiome in plain English",
    "heading": "Understand your gut microbiome",
    "search_description": (
        "Clear, sourced explanations of the gut microbiome and how it connects to "
        "the brain, the immune system, hormones and the skin."
    ),
    "intro": (
        "<p>Trillions of microbes live in your gut, and researchers are still "
        "working out what they do. This site explains the ideas behind the "
        "headlines in plain English: what is well established, what is still "
        "emerging, and where the evidence comes from.</p>"
    ),
}

GLOSSARY_INDEX = {
    "title": "Glossary",
    "slug": "glossary",
    "search_description": (
        "Plain-English definitions of gut microbiome terms, from butyrate to the "
        "gut–brain axis, each with its origin, how it works and its sources."
    ),
    "intro": (
        "<p>Short, sourced explanations of the words you meet when reading about "
        "the gut microbiome. Each entry says what a term means, where it comes "
        "from and how it works, and is checked by our medical reviewers.</p>"
    ),
}

FOOTER_DISCLAIMER = (
    "This site explains research for general education. It is not medical advice "
    "and does not replace a consultation: talk to your GP, pharmacist or another "
    "qualified health professional before changing your diet, medicines or "
    "supplements."
)


def build(stdout):
    root = ensure_root()
    home = ensure_home_page(root)
    ensure_default_site(home)
    ensure_glossary_index(home)
    ensure_footer()
    stdout.write(f"Site: home page at / and glossary at /glossary/ ({home.title}).")


def default_locale() -> Locale:
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=language)
    return locale


def ensure_root() -> Page:
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title="Root", slug="root", locale=default_locale())
        )
    return root


def ensure_home_page(root: Page) -> HomePage:
    home = HomePage.objects.child_of(root).first()
    if home is None:
        remove_wagtail_welcome_page(root)
        home = root.add_child(instance=HomePage(**HOME, live=False))
    publish_if_changed(home, HOME)
    return home


def remove_wagtail_welcome_page(root: Page) -> None:
    """Delete the plain "Welcome to your new Wagtail site!" page created by migrations.

    Only a page of the bare `Page` type with no children is removed, so an editor's
    real content is never touched.
    """
    for page in Page.objects.child_of(root).filter(slug="home"):
        if page.specific_class is Page and not page.get_children().exists():
            page.delete()


def ensure_default_site(home: HomePage) -> Site:
    """The default Site, rooted at the home page.

    A new Site gets Wagtail's own default address, localhost:80; an existing one keeps
    its address (`make run` sets it with `set_site_address`, operators in the admin).
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    in_place = site.root_page_id == home.pk and site.site_name == HOME["title"]
    if site.pk is None or not in_place:
        site.root_page = home
        site.site_name = HOME["title"]
        site.save()
    return site


def ensure_glossary_index(home: HomePage) -> GlossaryIndexPage:
    index = GlossaryIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=GlossaryIndexPage(**GLOSSARY_INDEX, live=False))
    publish_if_changed(index, GLOSSARY_INDEX)
    return index


def ensure_footer() -> None:
    footer = SiteFooter.for_site(Site.objects.get(is_default_site=True))
    if footer.disclaimer != FOOTER_DISCLAIMER:
        footer.disclaimer = FOOTER_DISCLAIMER
        footer.save()


def feature_on_home(slugs: list[str]) -> None:
    """Show these glossary terms on the home page, in this order."""
    home = HomePage.objects.get()
    terms = {t.slug: t for t in GlossaryTermPage.objects.filter(slug__in=slugs)}
    wanted = [terms[slug].pk for slug in slugs if slug in terms]
    current = list(home.featured_terms.values_list("term_id", flat=True))
    if current == wanted and home.live and not home.has_unpublished_changes:
        return
    home.featured_terms = [
        HomePageFeaturedTerm(term_id=pk, sort_order=i) for i, pk in enumerate(wanted)
    ]
    home.save_revision().publish()


def publish_if_changed(page: Page, fields: dict) -> bool:
    """Set the fields; publish a new revision only when something differs."""
    changed = [name for name, value in fields.items() if getattr(page, name) != value]
    if not changed and page.live and page.latest_revision_id:
        return False
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return True
