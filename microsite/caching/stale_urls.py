"""Which public URLs a change to a page makes stale, for proxies and CDNs.

The application cache does not need this (it bumps its generation, see
``keys.py``); nginx, Varnish and CDNs purge URL by URL, so this module lists the
URLs whose bytes may have changed:

- the page's own URLs (and, after a move, its old ones and its subtree's);
- its ancestors up to the home page: they list it (article index, glossary A–Z);
- for an article: the feeds and topic filters of its index, articles that show it
  as related;
- for a glossary term: the A–Z index with its letter, topic and page variants that
  can show it, its related terms, its alphabetical neighbours, articles that feature
  it and every article whose text auto-links one of its names, old or new;
- each site's sitemap index, and every page of the sitemap sections that list the
  page or a page below it (``microsite.sitemaps``).

Variants no visitor asked for are listed too; a purge of an uncached URL is cheap.
"""

import math

from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Page, PageLogEntry, Site

from glossary.autolink import PhraseMatcher
from glossary.conf import get_setting as glossary_setting
from glossary.letters import letter_to_param
from glossary.models import GlossaryIndexPage, GlossaryTermPage
from microsite.articles.models import ArticleIndexPage, ArticlePage
from microsite.sitemaps import section_paths, sections_listing


class StaleUrls:
    """Collects full URLs; ``add_page`` adds every URL Wagtail caches for a page."""

    def __init__(self):
        self.urls: set[str] = set()

    def add(self, url: str | None) -> None:
        if url:
            self.urls.add(url)

    def add_page(self, page, *suffixes: str) -> None:
        base = page.get_full_url()
        if not base:
            return
        for path in page.specific_deferred.get_cached_paths():
            self.add(base + path.lstrip("/"))
        for suffix in suffixes:
            self.add(base + suffix)

    def add_pages(self, pages) -> None:
        for page in pages:
            self.add_page(page)


def urls_for_change(page, *, url_path_before=None, previous_names=()) -> set[str]:
    """Every URL whose content may change when ``page`` is published, unpublished,
    moved (``url_path_before`` is its old path) or deleted."""
    page = page.specific_deferred
    stale = StaleUrls()
    stale.add_page(page)
    if url_path_before:
        add_moved_subtree(stale, page, url_path_before)
    for ancestor in Page.objects.ancestor_of(page).filter(depth__gt=1).specific():
        add_listing(stale, ancestor)
    if isinstance(page, ArticlePage):
        stale.add_pages(
            ArticlePage.objects.live().filter(related_article_links__article=page)
        )
    if isinstance(page, GlossaryTermPage):
        add_term_dependants(stale, page, previous_names)
    add_sitemaps(stale, sections_listing(page))
    return stale.urls


def urls_for_everything() -> set[str]:
    """Every public page and feed: for changes every page embeds (consent)."""
    stale = StaleUrls()
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        add_listing(stale, page)
    add_sitemaps(stale)
    return stale.urls


def add_sitemaps(stale: StaleUrls, sections=()) -> None:
    """Each site's sitemap index and the pages of its ``sections``."""
    for site in Site.objects.all():
        stale.add(site.root_url + reverse("sitemap"))
        for section in sorted(sections):
            for path in section_paths(site, section):
                stale.add(site.root_url + path)


def add_listing(stale: StaleUrls, page) -> None:
    if isinstance(page, ArticleIndexPage):
        topics = page.get_listed_topics().values_list("slug", flat=True)
        stale.add_page(page, "feed/", "feed/atom/", *(f"?topic={t}" for t in topics))
    else:
        stale.add_page(page)


def add_moved_subtree(stale: StaleUrls, page, url_path_before: str) -> None:
    for moved in Page.objects.descendant_of(page, inclusive=True).live():
        old_path = url_path_before + moved.url_path[len(page.url_path) :]
        stale.add(full_url_for_path(old_path))
        stale.add_page(moved)


def full_url_for_path(url_path: str) -> str | None:
    """The public URL a page with this ``url_path`` has (or had)."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return root.root_url + "/" + url_path[len(root.root_path) :]
    return None


def add_term_dependants(stale: StaleUrls, term, previous_names) -> None:
    glossary = term.get_parent().specific
    if isinstance(glossary, GlossaryIndexPage):
        add_glossary_variants(stale, glossary, term)
    stale.add_pages(term.get_related_terms())
    stale.add_pages(neighbour for neighbour in term.get_neighbours() if neighbour)
    stale.add_pages(
        ArticlePage.objects.live().filter(related_term_links__term=term).distinct()
    )
    names = [term.title, *term.synonym_names, *previous_names]
    stale.add_pages(articles_mentioning(names))


def add_glossary_variants(stale: StaleUrls, glossary, term) -> None:
    """The A–Z index pages that can list ``term``: whole list, its letter, its
    topics, and the numbered pages of each."""
    base = glossary.get_full_url()
    if not base:
        return
    per_page = glossary_setting("GLOSSARY_TERMS_PER_PAGE")
    terms = GlossaryTermPage.objects.published().in_glossary(glossary)
    letter = letter_to_param(term.first_letter) if term.first_letter else None
    topics = [topic.slug for topic in term.topics.all()]
    selections = [("", terms)]
    if letter:
        selections.append(
            (f"letter={letter}", terms.filter(first_letter=term.first_letter))
        )
    for slug in topics:
        by_topic = terms.filter(topics__slug=slug)
        selections.append((f"topic={slug}", by_topic))
        if letter:
            selections.append(
                (
                    f"letter={letter}&topic={slug}",
                    by_topic.filter(first_letter=term.first_letter),
                )
            )
    for query, selection in selections:
        # One page more than now: a term that left shortens the list.
        pages = math.ceil(selection.count() / per_page) + 1
        stale.add(base + (f"?{query}" if query else ""))
        for number in range(2, pages + 1):
            joiner = "&" if query else ""
            stale.add(f"{base}?{query}{joiner}page={number}")


def articles_mentioning(names):
    """Live articles that auto-link glossary terms and contain one of ``names``."""
    matcher = PhraseMatcher((name, 0) for name in names if name)
    if not len(matcher):
        return []
    articles = ArticlePage.objects.live().filter(autolink_glossary=True)
    return [
        article
        for article in articles
        if next(matcher.find(article_text(article)), None) is not None
    ]


def article_text(article) -> str:
    return " ".join(
        [
            article.title,
            strip_tags(str(article.intro or "")),
            *strings_in(article.body.get_prep_value()),
        ]
    )


def strings_in(data):
    if isinstance(data, str):
        yield strip_tags(data)
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from strings_in(value)


def previously_published_names(term, revision) -> list[str]:
    """The title and synonyms the term had when it was last published before now."""
    earlier = (
        PageLogEntry.objects.filter(
            page=term, action="wagtail.publish", revision__isnull=False
        )
        .exclude(revision=revision)
        .order_by("-timestamp", "-pk")
        .select_related("revision")
        .first()
    )
    if earlier is None:
        return []
    content = earlier.revision.content
    synonyms = [
        row.get("name", "")
        for row in content.get("synonyms", [])
        if isinstance(row, dict)
    ]
    return [content.get("title", ""), *synonyms]
