"""The page tree editors can build: which page type may go where.

``PAGE_TREE`` is the whole tree docs/editors.md describes. Every page model must
be in it: a new page type fails ``test_every_page_model_has_a_place_in_the_tree``
until someone decides where editors may create it.
"""

import pytest
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from microsite.articles.models import ArticleIndexPage, ArticlePage
from microsite.home.models import HomePage, InformationPage

# page model: (the page types it may be created under, the types it may contain)
PAGE_TREE = {
    # Wagtail's bare page is the tree's root: editors never create one (see below),
    # and under it only the home page may be created.
    Page: ({Page}, {Page, HomePage}),
    HomePage: ({Page}, {GlossaryIndexPage, ArticleIndexPage, InformationPage}),
    GlossaryIndexPage: ({HomePage}, {GlossaryTermPage}),
    GlossaryTermPage: ({GlossaryIndexPage}, set()),
    ArticleIndexPage: ({HomePage}, {ArticlePage}),
    ArticlePage: ({ArticleIndexPage}, set()),
    InformationPage: ({HomePage}, set()),
}


def label(model):
    return model._meta.label


@pytest.fixture(scope="module")
def wagtail_page_asserts():
    """Wagtail's own page-type assertions, used outside a unittest class."""
    return WagtailPageTestCase()


def test_every_page_model_has_a_place_in_the_tree():
    missing = [label(model) for model in get_page_models() if model not in PAGE_TREE]

    assert not missing, f"Add these page types to PAGE_TREE: {', '.join(missing)}"


@pytest.mark.parametrize("model", get_page_models(), ids=label)
def test_page_type_has_only_its_documented_parents(model, wagtail_page_asserts):
    parents, _children = PAGE_TREE[model]

    wagtail_page_asserts.assertAllowedParentPageTypes(model, parents)


@pytest.mark.parametrize("model", get_page_models(), ids=label)
def test_page_type_has_only_its_documented_children(model, wagtail_page_asserts):
    _parents, children = PAGE_TREE[model]

    wagtail_page_asserts.assertAllowedSubpageTypes(model, children)


@pytest.mark.parametrize("parent", get_page_models(), ids=label)
@pytest.mark.parametrize("child", get_page_models(), ids=label)
def test_editors_create_a_page_only_where_the_tree_allows(
    parent, child, wagtail_page_asserts
):
    _parents, children = PAGE_TREE[parent]

    if child in children:
        wagtail_page_asserts.assertCanCreateAt(parent, child)
    else:
        wagtail_page_asserts.assertCanNotCreateAt(parent, child)


def test_a_bare_wagtail_page_cannot_be_created_anywhere():
    assert not Page.is_creatable
    assert Page not in HomePage.creatable_subpage_models()


def test_the_tree_root_only_takes_the_home_page(site_root):
    root = site_root.get_parent()

    assert [model for model in get_page_models() if model.can_create_at(root)] == [
        HomePage
    ]


def test_a_glossary_never_goes_at_the_tree_root_whatever_its_parent_types(
    site_root,
):
    """The plugin's own guard, for sites that leave its parent types open."""
    root = site_root.get_parent()

    assert not GlossaryIndexPage.can_exist_under(root)
    assert not GlossaryIndexPage.can_create_at(root)
