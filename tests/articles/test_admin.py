import pytest
import wagtail_factories

pytestmark = pytest.mark.django_db


def test_editors_can_open_the_new_article_form(admin_client, article_index):
    response = admin_client.get(
        f"/admin/pages/add/articles/articlepage/{article_index.pk}/"
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Link glossary terms automatically" in html
    assert "Authorship and medical review" in html


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


def test_author_photo_shows_in_the_author_box(
    client, make_article, author, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    author.photo = wagtail_factories.ImageFactory(file__width=400, file__height=400)
    author.save()
    article = make_article()

    html = client.get(article.url).content.decode()

    assert 'class="author-box__photo"' in html


def test_body_image_block_renders_a_picture_with_alt_text(
    client, make_article, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    image = wagtail_factories.ImageFactory(file__width=1200, file__height=800)
    article = make_article(
        body=[
            (
                "image",
                {
                    "image": {"image": image, "alt_text": "A bowl of lentils"},
                    "caption": "Pulses are rich in fibre.",
                },
            )
        ]
    )

    html = client.get(article.url).content.decode()

    assert 'alt="A bowl of lentils"' in html
    assert "<figcaption>Pulses are rich in fibre.</figcaption>" in html
    assert "width-800.webp 800w" in html
