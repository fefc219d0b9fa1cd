"""The shipped translations are complete and compiled.

``makemessages`` is run on a copy of each plugin, as a maintainer would run it
(docs/translations.md): every string the code marks must be translated, nothing
fuzzy, the committed ``.po`` must be what ``makemessages`` writes, and the
committed ``.mo`` must hold exactly the committed ``.po``. Needs GNU gettext
(``xgettext``, ``msgmerge``, ``msgfmt``), which ``make test`` installs.
"""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent.parent
LANGUAGES = ["de"]
# Each app with its own locale folder, and what its makemessages run leaves out
# (consent.records is an app of its own inside consent/).
CATALOGS = {
    "glossary": ["migrations/*"],
    "consent": ["migrations/*", "records/*"],
    "consent/records": ["migrations/*"],
}
CASES = [(app, language) for app in CATALOGS for language in LANGUAGES]


def po_path(root: Path, language: str) -> Path:
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


def gettext_tool(*args) -> str:
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    return result.stdout


def msgids(po_text: str) -> list[str]:
    """The messages of msgattrib's output (unwrapped), without the header."""
    return re.findall(r'^msgid "(.+)"$', po_text, re.MULTILINE)


def catalog(mo_path: Path) -> dict:
    with mo_path.open("rb") as mo:
        messages = dict(gettext.GNUTranslations(mo)._catalog)
    messages.pop("", None)  # the header, with its dates
    return messages


def compiled(po: Path, tmp_path: Path) -> dict:
    mo = tmp_path / f"{po.parent.parent.name}-{abs(hash(po))}.mo"
    gettext_tool("msgfmt", "--check", "-o", str(mo), str(po))
    return catalog(mo)


@pytest.fixture
def regenerated(tmp_path, monkeypatch):
    """The .po that makemessages writes today for ``app`` and ``language``."""

    def run(app, language):
        copy = tmp_path / app.replace("/", "-")
        shutil.copytree(ROOT / app, copy, ignore=shutil.ignore_patterns("__pycache__"))
        monkeypatch.chdir(copy)
        call_command(
            "makemessages",
            locale=[language],
            no_obsolete=True,
            no_location=True,
            ignore_patterns=CATALOGS[app],
            verbosity=0,
        )
        return po_path(copy, language)

    return run


@pytest.mark.parametrize(("app", "language"), CASES)
def test_makemessages_leaves_nothing_untranslated_or_fuzzy(app, language, regenerated):
    po = regenerated(app, language)
    untranslated = gettext_tool("msgattrib", "--untranslated", "--no-wrap", str(po))
    fuzzy = gettext_tool("msgattrib", "--only-fuzzy", "--no-wrap", str(po))
    assert msgids(untranslated) == []
    assert msgids(fuzzy) == []


@pytest.mark.parametrize(("app", "language"), CASES)
def test_the_committed_po_is_what_makemessages_writes(
    app, language, regenerated, tmp_path
):
    committed = po_path(ROOT / app, language)
    assert compiled(regenerated(app, language), tmp_path) == compiled(
        committed, tmp_path
    ), f"run makemessages in {app}/ (docs/translations.md)"


@pytest.mark.parametrize(("app", "language"), CASES)
def test_the_committed_mo_is_the_compiled_po(app, language, tmp_path):
    po = po_path(ROOT / app, language)
    messages = compiled(po, tmp_path)
    assert messages, f"{po} holds no translations"
    assert catalog(po.with_suffix(".mo")) == messages, (
        f"run compilemessages in {app}/ (docs/translations.md)"
    )
