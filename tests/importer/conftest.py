from dataclasses import dataclass
from textwrap import dedent

import pytest

from glossary.management.commands.import_glossary import Command
from tests.autolink.conftest import glossary_index  # noqa: F401

DYSBIOSIS_TXT = """\
Dysbiosis is an imbalance in the community of microbes
that live in the gut.

Origin
From the Greek "dys" (bad) and "bios" (life).

The word entered medicine in the early twentieth century.

Mechanism
Fewer kinds of microbes <script>alert(1)</script> leave room for others.
"""

MICROBIOME_MD = """\
---
title: Gut microbiome
synonyms: [gut flora, gut microbiota]
topics: [Digestion]
sources:
  - title: The human gut microbiome
    publisher: Nature
    year: 2012
  - https://example.org/microbiome
---
The trillions of microbes living in the digestive tract.

## Origin
Named by combining "microbe" and "biome".

## Mechanism
They digest fibre & make short-chain fatty acids.
"""


@dataclass
class ImportRun:
    status: int
    out: str
    err: str


@pytest.fixture
def write_file(tmp_path):
    """Write a sample file into tmp_path; text is dedented, bytes kept as given."""

    def write(name, content):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(dedent(content), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_import(capsys, glossary_index, monkeypatch):  # noqa: F811
    """Run the command as manage.py would and return its exit status and output."""
    # run_from_argv closes every connection when it ends; on PostgreSQL that would
    # close the test's own transaction (in-memory SQLite is never closed).
    monkeypatch.setattr(
        "django.core.management.base.connections.close_all", lambda: None
    )

    def run(*args):
        command = Command()
        try:
            command.run_from_argv(["manage.py", "import_glossary", *map(str, args)])
            status = 0
        except SystemExit as exit:
            status = exit.code
        captured = capsys.readouterr()
        return ImportRun(status, captured.out, captured.err)

    return run
