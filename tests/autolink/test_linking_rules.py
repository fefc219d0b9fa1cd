"""The linking rules, checked on the linker alone (no database)."""

import re

from glossary.autolink import LinkState

LINK_RE = re.compile(r'<a href="([^"]*)" class="glossary-term"[^>]*>(.*?)</a>')


def linked(linker, markup, state=None):
    html, _count = linker.link(markup, state or LinkState())
    return html


def links(html):
    """(href, text) of each auto-link in the output."""
    return LINK_RE.findall(html)


def test_a_term_becomes_a_link_to_its_page_with_its_definition(linker):
    html = linked(linker, "<p>Signs of dysbiosis vary.</p>")
    assert html == (
        '<p>Signs of <a href="/glossary/dysbiosis/" class="glossary-term" '
        'data-definition="An &quot;imbalance&quot; &lt;b&gt;&amp; more&lt;/b&gt;">'
        "dysbiosis</a> vary.</p>"
    )


def test_matching_ignores_case_and_keeps_the_readers_spelling(linker):
    assert links(linked(linker, "<p>DYSBIOSIS matters.</p>")) == [
        ("/glossary/dysbiosis/", "DYSBIOSIS")
    ]


def test_only_the_first_occurrence_of_a_term_is_linked(linker):
    html = linked(linker, "<p>dysbiosis</p><p>dysbiosis again, Dysbiosis.</p>")
    assert links(html) == [("/glossary/dysbiosis/", "dysbiosis")]
    assert html.endswith("<p>dysbiosis again, Dysbiosis.</p>")


def test_a_synonym_links_to_its_term_and_counts_as_that_term(linker):
    html = linked(linker, "<p>Gut flora, or the gut microbiome.</p>")
    assert links(html) == [("/glossary/gut-microbiome/", "Gut flora")]


def test_words_only_match_whole(linker):
    html = linked(linker, "<p>Dysbiosisless, predysbiosis and dysbiosis_x.</p>")
    assert links(html) == []


def test_the_longest_term_wins_where_terms_overlap(linker):
    html = linked(linker, "<p>Gut microbiome mental health, then gut microbiome.</p>")
    assert links(html) == [
        ("/glossary/gut-microbiome-mental-health/", "Gut microbiome mental health"),
        ("/glossary/gut-microbiome/", "gut microbiome"),
    ]


def test_a_shorter_term_inside_an_already_linked_longer_one_is_not_linked(linker):
    html = linked(
        linker,
        "<p>gut microbiome mental health</p><p>gut microbiome mental health</p>",
    )
    assert links(html) == [
        ("/glossary/gut-microbiome-mental-health/", "gut microbiome mental health")
    ]


def test_punctuation_around_a_term_stays_outside_the_link(linker):
    html = linked(linker, "<p>(dysbiosis), “gut flora”; E. coli.</p>")
    assert links(html) == [
        ("/glossary/dysbiosis/", "dysbiosis"),
        ("/glossary/gut-microbiome/", "gut flora"),
        ("/glossary/e-coli/", "E. coli"),
    ]
    assert "(<a " in html and "</a>)," in html and "</a>”;" in html


def test_a_sentence_break_between_words_does_not_make_a_phrase(linker):
    assert links(linked(linker, "<p>The gut. Microbiome studies.</p>")) == []


def test_any_dash_matches_the_dash_in_a_term(linker):
    for dash in ("-", "\u2013", "\u2014", " \u2013 "):
        html = linked(linker, f"<p>The gut{dash}skin axis.</p>")
        assert links(html) == [("/glossary/gut-skin-axis/", f"gut{dash}skin axis")]


def test_accented_letters_are_part_of_words_in_any_case_and_normal_form(linker):
    assert links(linked(linker, "<p>CAFÉ AU LAIT spots</p>")) == [
        ("/glossary/cafe-au-lait/", "CAFÉ AU LAIT")
    ]
    decomposed = "cafe\u0301 au lait"
    assert links(linked(linker, f"<p>{decomposed}</p>")) == [
        ("/glossary/cafe-au-lait/", decomposed)
    ]
    assert links(linked(linker, "<p>cafés au lait, café au laitier</p>")) == []


def test_curly_and_straight_apostrophes_match_alike(linker):
    html = linked(linker, "<p>Crohn\u2019s disease</p>")
    assert links(html) == [("/glossary/crohns-disease/", "Crohn\u2019s disease")]


def test_terms_inside_nested_inline_markup_are_linked_in_place(linker):
    html = linked(linker, "<p>See <strong>the <em>dysbiosis</em> note</strong>.</p>")
    assert '<em><a href="/glossary/dysbiosis/"' in html
    assert html.endswith("dysbiosis</a></em> note</strong>.</p>")


def test_a_term_split_by_markup_is_left_alone(linker):
    html = linked(linker, "<p>gut <em>microbiome</em></p>")
    assert html == "<p>gut <em>microbiome</em></p>"


def test_existing_links_are_never_linked_inside(linker):
    html = linked(
        linker,
        '<p><a href="/elsewhere/">about <b>dysbiosis</b></a> and dysbiosis</p>',
    )
    assert links(html) == [("/glossary/dysbiosis/", "dysbiosis")]
    assert html.startswith('<p><a href="/elsewhere/">about <b>dysbiosis</b></a> and <a')


def test_headings_code_pre_script_and_style_are_never_linked(linker):
    markup = (
        "<h1>dysbiosis</h1><h2 id='x'>Dysbiosis</h2><h6>dysbiosis</h6>"
        "<pre><code>dysbiosis</code> dysbiosis</pre><code>dysbiosis</code>"
        '<script>let s = "<p>dysbiosis</p>";</script>'
        "<style>.dysbiosis::after { content: '<b>dysbiosis' }</style>"
    )
    assert linked(linker, markup) == markup


def test_text_after_an_excluded_element_is_linked_again(linker):
    html = linked(linker, "<h2>Dysbiosis <span>x</span></h2><p>dysbiosis</p>")
    assert html.startswith("<h2>Dysbiosis <span>x</span></h2><p><a ")


def test_an_element_marked_data_no_autolink_is_skipped_with_its_children(linker):
    html = linked(
        linker,
        "<div data-no-autolink><div>dysbiosis</div> dysbiosis</div><p>dysbiosis</p>",
    )
    assert html.startswith(
        "<div data-no-autolink><div>dysbiosis</div> dysbiosis</div><p><a "
    )


def test_attributes_and_comments_are_never_rewritten(linker):
    markup = (
        "<p title=\"dysbiosis > gut flora\" data-x='dysbiosis'>"
        '<!-- dysbiosis --><img alt="dysbiosis"></p>'
    )
    assert linked(linker, markup) == markup


def test_entities_in_text_are_understood_and_kept_escaped(linker):
    html = linked(linker, "<p>gut&nbsp;flora &amp; &lt;dysbiosis&gt;</p>")
    assert links(html) == [
        ("/glossary/gut-microbiome/", "gut\xa0flora"),
        ("/glossary/dysbiosis/", "dysbiosis"),
    ]
    assert "&amp; &lt;<a " in html and "</a>&gt;</p>" in html


def test_the_own_page_term_is_never_linked(linker):
    state = LinkState(excluded_term_ids=frozenset({4}))
    assert links(linked(linker, "<p>dysbiosis and gut flora</p>", state)) == [
        ("/glossary/gut-microbiome/", "gut flora")
    ]


def test_the_state_carries_first_occurrence_across_calls(linker):
    state = LinkState()
    linked(linker, "<p>dysbiosis</p>", state)
    assert links(linked(linker, "<p>dysbiosis</p>", state)) == []


def test_the_count_of_added_links_is_returned(linker):
    _html, count = linker.link("<p>dysbiosis, gut flora, dysbiosis</p>", LinkState())
    assert count == 2


def test_a_long_unclosed_tag_is_handled_quickly_as_text(linker):
    markup = '<p data-x="a' + " attribute=value" * 5000 + " dysbiosis"
    html = linked(linker, markup)
    assert html.startswith('<p data-x="a attribute=value')
    assert links(html) == [("/glossary/dysbiosis/", "dysbiosis")]


def test_a_remembered_result_is_reused_and_still_records_its_links(linker):
    first_state, second_state = LinkState(), LinkState()
    first = linker.link("<p>dysbiosis and gut flora</p>", first_state)
    second = linker.link("<p>dysbiosis and gut flora</p>", second_state)
    assert second == first
    assert second_state.linked_term_ids == first_state.linked_term_ids == {1, 4}
    assert linker.link("<p>dysbiosis</p>", second_state) == ("<p>dysbiosis</p>", 0)


def test_the_memo_keeps_only_its_most_recent_results(linker):
    linker.memo_size = 2
    for text in ("dysbiosis", "gut flora", "E. coli"):
        linker.link(f"<p>{text}</p>", LinkState())
    assert [key[0] for key in linker._memo] == ["<p>gut flora</p>", "<p>E. coli</p>"]
