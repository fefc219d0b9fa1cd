"""generate_glossary: bulk synthetic terms that keep the page tree valid."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from glossary.autolink import LinkState, get_linker
from glossary.management.commands.generate_glossary import (
    TOPIC_NAME,
    synthetic_title,
    synthetic_word,
)
from glossary.models import GlossaryTermPage, Topic

pytestmark = pytest.mark.django_db

VALID = "Def.\n\nOrigin\nWhere from.\n\nMechanism\nHow.\n"


@pytest.fixture
def generate(glossary_index, capsys):
    def generate(*args):
        call_command("generate_glossary", *map(str, args))
        return capsys.readouterr().out

    return generate


def tree_problems():
    return [problems for problems in Page.find_problems() if problems]


def test_synthetic_words_are_unique_and_titles_sometimes_have_two_words():
    words = {synthetic_word(number) for number in range(20_000)}
    assert len(words) == 20_000
    assert " " in synthetic_title(4) and " " not in synthetic_title(5)


def test_generated_terms_are_live_marked_and_keep_the_tree_valid(
    generate, glossary_index
):
    output = generate("--terms", 30)
    assert "Added 30 synthetic terms (numbers 1–30)" in output
    terms = GlossaryTermPage.objects.child_of(glossary_index).live()
    assert terms.count() == 30
    assert all(term.slug.startswith("synthetic-") for term in terms)
    assert all(term.topic_names == [TOPIC_NAME] for term in terms)
    assert tree_problems() == []
    glossary_index.refresh_from_db()
    assert glossary_index.numchild == 30


def test_generated_terms_are_linkable_with_their_synonyms(generate):
    generate("--terms", 6)
    linker = get_linker()
    assert len(linker.targets) == 6
    html, count = linker.link(
        f"<p>{synthetic_word(1)} and {synthetic_word(3)}oid</p>",
        LinkState(),
    )
    assert count == 2
    assert 'href="/glossary/synthetic-00003/"' in html


def test_generating_twice_continues_the_numbers_beside_real_terms(
    generate, glossary_index, write_file
):
    call_command("import_glossary", str(write_file("real-term.txt", VALID)))
    generate("--terms", 3)
    output = generate("--terms", 2)
    assert "numbers 4–5" in output
    assert GlossaryTermPage.objects.count() == 6
    assert tree_problems() == []
    # treebeard still adds pages after the bulk-written ones.
    glossary_index.refresh_from_db()
    glossary_index.add_child(instance=Page(title="Later", slug="later"))
    assert tree_problems() == []


def test_remove_deletes_only_synthetic_terms_and_their_topic(
    generate, glossary_index, write_file
):
    call_command("import_glossary", str(write_file("real-term.txt", VALID)))
    generate("--terms", 5)
    assert "Removed 5 synthetic terms." in generate("--remove")
    assert [term.slug for term in GlossaryTermPage.objects.all()] == ["real-term"]
    assert not Topic.objects.filter(name=TOPIC_NAME).exists()
    assert tree_problems() == []
    glossary_index.refresh_from_db()
    assert glossary_index.numchild == 1


def test_a_synthetic_looking_slug_with_non_ascii_digits_is_not_counted(
    generate, write_file
):
    # isdigit() accepts "²", which int() refuses: this slug once stopped the command.
    call_command("import_glossary", str(write_file("odd.txt", VALID)))
    GlossaryTermPage.objects.filter(slug="odd").update(slug="synthetic-²")
    generate("--terms", 1)
    assert GlossaryTermPage.objects.filter(slug__startswith="synthetic-").count() == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [((), "say --terms N"), (("--terms", -1), "zero or more")],
)
def test_bad_arguments_are_clear_errors(generate, args, message):
    with pytest.raises(CommandError, match=message):
        generate(*args)


def test_generated_terms_are_filed_under_their_letter_and_searchable_by_synonym(
    generate, glossary_index
):
    generate("--terms", 9)
    terms = GlossaryTermPage.objects.child_of(glossary_index)
    assert all(term.first_letter == term.title[0].upper() for term in terms)
    with_synonym = [term for term in terms if term.synonyms_text]
    assert len(with_synonym) == 3
    assert all(term.synonyms_text.endswith("oid") for term in with_synonym)
