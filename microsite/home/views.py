import unicodedata

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import strip_tags
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from consent.sensitivity import SensitiveView
from glossary.search import ranked_search

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Disallow: {reverse('cookie_consent_cookie_group_list')}",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def search(request):
    """Site search over live public pages, ranked as ``glossary.search`` explains.

    Reader mistakes never raise: an empty query shows the form with a hint, an
    overlong one answers 400 with a message, and a page number that is not a
    number, or is past the end, falls back to the first or last page.
    """
    query = request.GET.get("q", "").strip()
    context = {
        "query": query,
        "max_length": MAX_QUERY_LENGTH,
        "results": [],
        # What a reader searches for is health data: shielded as a sensitive page.
        "consent_view": SensitiveView("Search results", reverse("search")),
    }
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = (
            f"Your search is too long. Please use {MAX_QUERY_LENGTH} characters "
            "or fewer."
        )
        context["query"] = ""
        return TemplateResponse(request, "pages/search.html", context, status=400)
    terms = search_terms(query)
    context["searched"] = bool(terms)
    if terms:
        public = Page.objects.live().public()
        matches = ranked_search(public.only("title"), terms, load=as_specific_pages)
        page_obj = Paginator(matches, RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["page_obj"] = page_obj
        context["results"] = [describe(page) for page in page_obj.object_list]
    return TemplateResponse(request, "pages/search.html", context)


def search_terms(query: str) -> str:
    """The reader's words without what search engines parse as syntax.

    Double quotes and control characters (NUL included) make SQLite's full-text
    search or PostgreSQL fail on malformed input; a site search does not need them.
    """
    kept = (
        " " if char == '"' or unicodedata.category(char) == "Cc" else char
        for char in query
    )
    return " ".join("".join(kept).split())


def as_specific_pages(pages: list[Page]) -> list[Page]:
    """The pages as their own types, same order: one query, plus one per type."""
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific()
    by_pk = {page.pk: page for page in specific}
    return [by_pk[page.pk] for page in pages if page.pk in by_pk]


def describe(page: Page) -> dict:
    """What a search result shows: title, link, kind of page and a summary."""
    summary = (
        getattr(page, "definition", "")
        or page.search_description
        or strip_tags(str(getattr(page, "intro", "") or ""))
    )
    return {
        "page": page,
        "title": page.title,
        "kind": page.specific_class._meta.verbose_name.capitalize(),
        "summary": summary,
    }
