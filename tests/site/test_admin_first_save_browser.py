"""An Editor's first page, in a real Chromium: one Save draft is enough.

The editor types the title and the required fields only; the slug on the Promote
tab must follow the title, as it does for every Wagtail page.
"""

import io
import re
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Collection

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from microsite.articles.models import ArticleIndexPage, ArticlePage
from microsite.demo import site
from tests.articles.factories import ArticleIndexPageFactory, AuthorFactory

# A live server needs a transactional database. Its flushes remove what data
# migrations made (the Editors group, the root collection); `editor_page` puts
# them back as the migrations do. (serialized_rollback is no help here: after a
# plain transactional test has re-created the content types, loading the
# serialized ones collides with them.)
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site_tree(live_server):
    """Home page, glossary and article list, as the demo builds them."""
    site.build(io.StringIO())
    home = GlossaryIndexPage.objects.get().get_parent()
    ArticleIndexPageFactory(parent=home)
    AuthorFactory(name="Dr Eleanor Hart")
    return home


@pytest.fixture
def editor_page(page, live_server, site_tree, settings):
    """A browser tab signed in to the admin as a member of Editors.

    Wagtail 8's autosave is off: it would save the form in the background while
    the test types, and the one Save draft under test would race with it.
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    # The groups come from a data migration; earlier live-server tests in the same
    # run may have flushed them (and the root collection they are granted on), so
    # make sure they are there, as the migrations do.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    import_module(
        "microsite.security.migrations.0001_editor_and_operator_groups"
    ).create_groups(apps, None)
    editor = User.objects.create_user("editor", "editor@example.org", PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def add_child_page(page, live_server, parent):
    """**Add child page** on ``parent``: its one page type opens at once."""
    page.goto(
        live_server.url + reverse("wagtailadmin_pages:add_subpage", args=[parent.pk])
    )
    page.wait_for_url(re.compile(r"/admin/pages/add/"))


def type_rich_text(page, field_name, text):
    page.locator(f"[data-contentpath='{field_name}'] [contenteditable=true]").click()
    page.keyboard.type(text)


def save_draft_once(page):
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))


def assert_saved_with_success_message(page, title):
    message = page.locator(".messages .success")
    assert message.count() == 1, page.locator(".messages").inner_text()
    assert title in message.inner_text()
    assert page.locator(".error-message").count() == 0


def test_an_editor_creates_a_glossary_term_with_one_save(editor_page, live_server):
    page = editor_page
    add_child_page(page, live_server, GlossaryIndexPage.objects.get())
    page.get_by_role("textbox", name="Term").fill("Short-chain fatty acids")
    page.get_by_role("textbox", name="Definition").fill(
        "Small fatty acids that gut bacteria make when they ferment dietary fibre."
    )
    type_rich_text(page, "origin", "Named for their carbon chains of one to six.")
    type_rich_text(page, "mechanism", "Colon cells take them up and burn them.")

    save_draft_once(page)

    assert_saved_with_success_message(page, "Short-chain fatty acids")
    term = GlossaryTermPage.objects.get(title="Short-chain fatty acids")
    assert term.slug == "short-chain-fatty-acids"
    assert page.url.endswith(f"/admin/pages/{term.pk}/edit/")


def test_an_editor_creates_an_article_with_one_save(editor_page, live_server):
    page = editor_page
    add_child_page(page, live_server, ArticleIndexPage.objects.get())
    page.get_by_role("textbox", name="Title").fill("Why fibre matters")
    page.get_by_role("textbox", name="Intro").fill(
        "Fibre feeds the bacteria in your colon; here is what they make from it."
    )
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    body.locator("[contenteditable=true]").first.click()
    page.keyboard.type("Most of the bacteria in your gut live in the colon.")
    author = page.locator("[data-contentpath='author']")
    author.get_by_role("button", name="Choose author").click()
    page.get_by_role("dialog").get_by_role("link", name="Dr Eleanor Hart").click()
    author.get_by_text("Dr Eleanor Hart").wait_for()

    save_draft_once(page)

    assert_saved_with_success_message(page, "Why fibre matters")
    article = ArticlePage.objects.get(title="Why fibre matters")
    assert article.slug == "why-fibre-matters"
    assert page.url.endswith(f"/admin/pages/{article.pk}/edit/")
