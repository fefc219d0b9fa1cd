from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page, Site

from glossary.importer.errors import GlossaryImportError, unexpected_problem
from glossary.importer.files import collect_files, read_limited
from glossary.importer.parse import decode
from microsite.articles.importer import ArticleFileError, ArticleImporter, parse_article
from microsite.articles.models import ArticleIndexPage


class Command(BaseCommand):
    help = (
        "Import articles from Markdown files with YAML front matter (see "
        "docs/articles.md). Files that fail are reported; the others still import."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", help="Markdown files, or folders holding *.md files."
        )
        parser.add_argument(
            "--parent",
            default="/articles/",
            help="URL path of the article index to import into (default /articles/).",
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish, instead of saving drafts."
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Replace articles that already exist (same slug) when they changed.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every file as a real import would (the same validation, "
            "the same failures) and write nothing.",
        )

    def handle(self, *args, **options):
        parent = self.find_parent(options["parent"])
        importer = ArticleImporter(
            parent,
            publish=options["publish"],
            update=options["update"],
            dry_run=options["dry_run"],
        )
        counts = {"created": 0, "updated": 0, "skipped": 0, "failed": 0}
        files, problems = collect_files(options["paths"], suffixes=(".md",))
        for problem in problems:
            self.stderr.write(str(problem))
        counts["failed"] += len({problem.path for problem in problems})
        for path in files:
            status = self.import_file(importer, path, options.get("traceback"))
            counts["skipped" if status == "unchanged" else status] += 1
        summary = ", ".join(f"{count} {status}" for status, count in counts.items())
        prefix = "Dry run, nothing saved: " if options["dry_run"] else ""
        if counts["failed"]:
            raise CommandError(f"{prefix}{summary}.")
        self.stdout.write(self.style.SUCCESS(f"{prefix}{summary}."))

    def find_parent(self, url_path: str) -> ArticleIndexPage:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site to import into.")
        components = [part for part in url_path.strip("/").split("/") if part]
        full_path = site.root_page.url_path + "".join(f"{c}/" for c in components)
        page = (
            Page.objects.filter(url_path=full_path).first()
            if "\x00" not in full_path
            else None
        )
        if page is None or not isinstance(page.specific, ArticleIndexPage):
            raise CommandError(f"No article index page at {url_path!r}.")
        return page.specific

    def import_file(self, importer: ArticleImporter, path: Path, reraise) -> str:
        """Import one file; any failure is one line naming the file and line."""
        try:
            text = decode(read_limited(path), str(path))
            outcome = importer.import_article(parse_article(text))
        except ArticleFileError as error:
            self.stderr.write(f"{path}:{error.line or 1}: {error.message}")
            return "failed"
        except GlossaryImportError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            return "failed"
        except Exception as error:
            if reraise:
                raise
            self.stderr.write(str(unexpected_problem(str(path), error)))
            return "failed"
        self.stdout.write(f"{path}: {outcome.message}")
        return outcome.status
