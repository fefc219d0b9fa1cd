"""Demo content: the article index at /articles/, two authors and three articles.

The articles are Markdown files in `texts/`, imported through the same importer as
`manage.py import_articles`, so the demo also shows the file format. Running this
twice changes nothing: unchanged articles are skipped without a new revision.
"""

from pathlib import Path

from django.core.management.base import CommandError
from wagtail.models import Site

from glossary.models import GlossaryTermPage, Topic
from microsite.articles.importer import ArticleImporter, parse_article
from microsite.articles.models import ArticleIndexPage, Author
from microsite.demo import reviewers

from .people import AUTHORS, INDEX, TOPICS

TEXTS = Path(__file__).parent / "texts"


def build(stdout):
    home = Site.objects.get(is_default_site=True).root_page
    index = ensure_index(home)
    for person in AUTHORS:
        ensure_author(person)
    # The articles' front matter names their clinical reviewers.
    reviewers.ensure_reviewers()
    for slug, name in TOPICS.items():
        Topic.objects.get_or_create(
            slug=slug, locale_id=index.locale_id, defaults={"name": name}
        )
    importer = ArticleImporter(index, publish=True, update=True)
    known_terms = set(GlossaryTermPage.objects.values_list("slug", flat=True))
    statuses = []
    for path in sorted(TEXTS.glob("*.md")):
        article = parse_article(path.read_text(encoding="utf-8"))
        article.related_terms = [s for s in article.related_terms if s in known_terms]
        statuses.append(importer.import_article(article).status)
    counts = ", ".join(
        f"{statuses.count(status)} {status}"
        for status in ("created", "updated", "unchanged")
        if statuses.count(status)
    )
    stdout.write(f"Articles: {len(statuses)} articles at /articles/ ({counts}).")


def ensure_index(home) -> ArticleIndexPage:
    existing = home.get_children().filter(slug=INDEX["slug"]).first()
    if existing is None:
        index = ArticleIndexPage(**INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
        return index
    index = existing.specific
    if not isinstance(index, ArticleIndexPage):
        raise CommandError(
            f"/{INDEX['slug']}/ is taken by a page that is not an article index."
        )
    if (index.title, index.intro) != (INDEX["title"], INDEX["intro"]):
        index.title, index.intro = INDEX["title"], INDEX["intro"]
        index.save_revision().publish()
    return index


def ensure_author(person: dict) -> Author:
    author, created = Author.objects.get_or_create(name=person["name"], defaults=person)
    if not created and any(getattr(author, k) != v for k, v in person.items()):
        for key, value in person.items():
            setattr(author, key, value)
        author.save()
    return author
