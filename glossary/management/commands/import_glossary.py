"""Import glossary terms from Markdown and plain-text files.

python manage.py import_glossary PATH [PATH …] [--parent /glossary/]
    [--publish] [--update] [--dry-run]
"""

from django.core.management.base import BaseCommand, CommandError

from glossary.importer.errors import GlossaryImportError
from glossary.importer.files import collect_files, read_terms
from glossary.importer.furniture import furniture_patterns
from glossary.importer.write import (
    CREATED,
    SKIPPED,
    UPDATED,
    TermWriter,
    duplicate_problems,
    find_parent,
    import_terms,
)

PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = (
        "Import glossary terms from .md files with YAML front matter and .txt files "
        "copied from glossary pages (definition, then 'Origin' and 'Mechanism')."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="Files, or folders of them."
        )
        parser.add_argument(
            "--parent",
            help="URL path or id of the glossary index page, e.g. /glossary/ "
            "(needed only when there is more than one glossary).",
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish terms (default: drafts)."
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Replace terms that already exist (same slug or title) instead of "
            "skipping them.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every file as a real import would (the same validation, "
            "the same failures) and write nothing.",
        )

    def handle(self, *args, paths, parent, publish, update, dry_run, **options):
        reraise = options.get("traceback", False)
        try:
            index = find_parent(parent)
        except GlossaryImportError as error:
            raise CommandError(str(error)) from None
        files, problems = collect_files(paths)
        parsed, parse_problems = read_terms(
            files, furniture_patterns(), reraise=reraise
        )
        parsed, duplicates = duplicate_problems(parsed)
        problems += parse_problems + duplicates
        writer = TermWriter(index, publish=publish, update=update, dry_run=dry_run)
        outcomes, write_problems = import_terms(
            parsed, writer, self._progress, reraise=reraise
        )
        problems += write_problems

        for outcome in outcomes:
            self.stdout.write(str(outcome))
            if outcome.action != SKIPPED:
                for warning in outcome.term.warnings:
                    self.stderr.write(self.style.WARNING(str(warning)))
        for problem in problems:
            self.stderr.write(self.style.ERROR(str(problem)))
        failed_files = {problem.path for problem in problems}
        self.stdout.write(self._summary(outcomes, len(failed_files), dry_run))
        if failed_files:
            raise CommandError(
                f"{len(failed_files)} file(s) failed; the others were "
                + ("checked" if dry_run else "imported")
            )

    def _progress(self, done, total):
        if total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
            self.stderr.write(f"… {done}/{total} files")

    @staticmethod
    def _summary(outcomes, failed, dry_run):
        counts = {
            action: sum(outcome.action == action for outcome in outcomes)
            for action in (CREATED, UPDATED, SKIPPED)
        }
        written = [outcome.term for outcome in outcomes if outcome.action != SKIPPED]
        prefix = "Dry run, nothing written. Would have: " if dry_run else "Summary: "
        return (
            f"{prefix}{counts[CREATED]} created, {counts[UPDATED]} updated, "
            f"{counts[SKIPPED]} skipped, {failed} failed."
            + _banner_summary(written)
            + _split_summary(written)
        )


def _banner_summary(terms) -> str:
    files = [term for term in terms if term.banner_lines]
    if not files:
        return ""
    lines = sum(term.banner_lines for term in files)
    return (
        f" Dropped {lines} cookie banner line{'s' if lines != 1 else ''} "
        f"from {len(files)} file{'s' if len(files) != 1 else ''}."
    )


def _split_summary(terms) -> str:
    split = sum(1 for term in terms if term.definition_rest)
    if not split:
        return ""
    return (
        f" Split {split} long definition{'s' if split != 1 else ''} (see the warnings)."
    )
