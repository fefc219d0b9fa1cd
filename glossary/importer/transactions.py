"""One transaction per imported file, and what to say when the database refuses."""

from contextlib import contextmanager

from django.db import DatabaseError, transaction


@contextmanager
def rolled_back_if(dry_run: bool):
    """A transaction that commits, or for a dry run is rolled back at the end."""
    with transaction.atomic():
        yield
        if dry_run:
            transaction.set_rollback(True)


def database_refusal(error: DatabaseError) -> str:
    """One line for an error the database raised (validation should come first)."""
    first_line = (str(error).strip().splitlines() or [""])[0]
    return f"the database refused it ({error.__class__.__name__}: {first_line})"
