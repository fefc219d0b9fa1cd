import json
import re

import pytest

from glossary.templatetags.glossary_tags import json_ld

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = "Gut </script><script>alert(1)</script>"


def json_ld_blocks(response) -> list[dict]:
    html = response.content.decode()
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL
    )
    return [json.loads(block) for block in blocks]


def test_term_page_describes_itself_as_a_defined_term(client, make_term):
    term = make_term("Gut microbiome", synonyms=["gut flora", "gut microbiota"])
    [data] = json_ld_blocks(client.get(term.url))
    assert data == {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "name": "Gut microbiome",
        "description": term.definition,
        "url": "http://localhost/glossary/gut-microbiome/",
        "alternateName": ["gut flora", "gut microbiota"],
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "name": "Glossary",
            "url": "http://localhost/glossary/",
        },
    }


def test_index_describes_the_terms_on_the_page_as_a_defined_term_set(client, make_term):
    make_term("Butyrate")
    make_term("Acetate")
    [data] = json_ld_blocks(client.get("/glossary/"))
    assert data["@type"] == "DefinedTermSet"
    assert data["url"] == "http://localhost/glossary/"
    assert [term["name"] for term in data["hasDefinedTerm"]] == ["Acetate", "Butyrate"]
    assert data["hasDefinedTerm"][0]["url"] == "http://localhost/glossary/acetate/"


def test_a_title_with_a_closing_script_tag_cannot_break_out_of_json_ld(
    client, make_term
):
    term = make_term(HOSTILE_TITLE, slug="hostile", synonyms=["</SCRIPT> & <b>"])
    for url in (term.url, "/glossary/"):
        response = client.get(url)
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        [data] = json_ld_blocks(response)
        names = [data.get("name")] + [t["name"] for t in data.get("hasDefinedTerm", [])]
        assert HOSTILE_TITLE in names
    [data] = json_ld_blocks(client.get(term.url))
    assert data["alternateName"] == ["</SCRIPT> & <b>"]


def test_json_ld_tag_escapes_like_json_script():
    html = json_ld({"name": "a</script>&<b>"})
    assert html == (
        '<script type="application/ld+json">'
        '{"name": "a\\u003C/script\\u003E\\u0026\\u003Cb\\u003E"}</script>'
    )


def test_json_ld_tag_writes_nothing_for_no_data():
    assert json_ld(None) == ""
