import pytest

from glossary.models import GlossaryTermPage, Topic

pytestmark = pytest.mark.django_db


def test_saving_a_term_files_it_under_the_first_letter_of_its_title(make_term):
    term = make_term("“Leaky gut”")
    term.refresh_from_db()
    assert term.first_letter == "L"

    term.title = "5-HT"
    term.save(update_fields=["title"])
    term.refresh_from_db()
    assert term.first_letter == "#"


def test_synonyms_are_copied_to_searchable_text_on_save(make_term):
    term = make_term("Gut microbiota", synonyms=["gut flora", "intestinal flora"])
    term.refresh_from_db()
    assert term.synonyms_text == "gut flora\nintestinal flora"


def test_related_terms_show_on_both_terms(make_term):
    dysbiosis = make_term("Dysbiosis")
    microbiome = make_term("Gut microbiome", related=[dysbiosis])

    assert list(microbiome.get_related_terms()) == [dysbiosis]
    assert list(dysbiosis.get_related_terms()) == [microbiome]


def test_related_terms_leave_out_drafts_and_the_term_itself(make_term):
    draft = make_term("Butyrate", live=False)
    term = make_term("Fibre", related=[draft])
    term.related_terms = [draft, term]
    term.save()
    assert list(term.get_related_terms()) == []


def test_related_terms_setter_keeps_the_editors_order(make_term):
    zinc, acetate = make_term("Zinc"), make_term("Acetate")
    term = make_term("Short-chain fatty acids", related=[zinc, acetate])
    term.refresh_from_db()
    assert term.related_terms == [zinc, acetate]
    # get_related_terms() lists them A–Z for readers.
    assert list(term.get_related_terms()) == [acetate, zinc]


def test_related_term_summaries_give_id_title_and_url(make_term):
    other = make_term("Dysbiosis")
    term = make_term("Gut microbiome", related=[other])
    assert term.related_term_summaries == [
        {"id": other.pk, "title": "Dysbiosis", "url": "/glossary/dysbiosis/"}
    ]


def test_neighbours_are_the_published_terms_either_side_alphabetically(make_term):
    apple, _draft, mango, zinc = (
        make_term("apple"),
        make_term("Banana", live=False),
        make_term("Mango"),
        make_term("zinc"),
    )
    assert mango.get_neighbours() == (apple, zinc)
    assert apple.get_neighbours() == (None, mango)
    assert zinc.get_neighbours() == (mango, None)


def test_neighbours_stay_within_the_same_glossary(make_term, site_root):
    from .factories import GlossaryIndexPageFactory

    other_glossary = GlossaryIndexPageFactory(parent=site_root, slug="other")
    make_term("Acetate", parent=other_glossary)
    term = make_term("Butyrate")
    assert term.get_neighbours() == (None, None)


def test_letters_in_use_come_from_one_query(
    make_term, glossary_index, django_assert_num_queries
):
    for title in ["Acetate", "apple", "Zinc", "5-HT"]:
        make_term(title)
    terms = GlossaryTermPage.objects.in_glossary(glossary_index)
    with django_assert_num_queries(1):
        assert terms.letters_in_use() == {"A", "Z", "#"}


def test_index_order_puts_hash_group_last_and_ignores_case(make_term):
    for title in ["5-HT", "zinc", "Acetate", "bile acids"]:
        make_term(title)
    titles = [t.title for t in GlossaryTermPage.objects.in_letter_order()]
    assert titles == ["Acetate", "bile acids", "zinc", "5-HT"]


def test_topics_used_by_lists_only_topics_of_published_terms(make_term, make_topic):
    skin, mood, _unused = make_topic("Skin"), make_topic("Mood"), make_topic("Bones")
    make_term("Acne", topics=[skin])
    make_term("Serotonin", topics=[mood], live=False)
    used = Topic.objects.used_by(GlossaryTermPage.objects.published())
    assert list(used) == [skin]
