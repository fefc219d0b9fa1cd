import pytest

pytestmark = pytest.mark.django_db


def test_editors_can_open_the_new_article_form(admin_client, article_index):
    response = admin_client.get(
        f"/admin/pages/add/articles/articlepage/{article_index.pk}/"
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Link glossary terms automatically" in html
    assert "Authorship" in html
    assert "Not clinically reviewed yet." in html


def test_editors_can_open_an_existing_article(admin_client, make_article):
    article = make_article()

    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")

    assert response.status_code == 200


def test_authors_are_managed_as_snippets(admin_client, author):
    listing = admin_client.get("/admin/snippets/articles/author/")
    edit = admin_client.get(f"/admin/snippets/articles/author/edit/{author.pk}/")

    assert listing.status_code == 200
    assert "Dr Ruth Okafor" in listing.content.decode()
    assert edit.status_code == 200
