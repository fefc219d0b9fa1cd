"""docs/editors.md names only menus and pages an Editor really finds in the admin.

Every bold path written with arrows (**Cookie consent → Categories**), and every
bold name followed by "in the sidebar", is followed through the admin menu a member
of Editors is shown after signing in; one followed by "(administrators only)"
through a superuser's menu. A path that starts with **Pages** is followed through
the demo's page tree instead, down to **Add child page** (and the page type, when
one is named) on a page where the Editor may add pages.
"""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.admin.menu import admin_menu
from wagtail.models import Page

from microsite.demo import articles, site

GUIDE = Path(settings.BASE_DIR) / "docs" / "editors.md"
ARROW = "→"
ADD_CHILD_PAGE = "Add child page"
MENU_PATH = re.compile(
    r"\*\*(?P<path>[^*]+)\*\*"
    r"(?P<where>\s+in\s+the\s+sidebar)?"
    r"(?P<admin>\s+\(administrators\s+only\))?"
)

pytestmark = pytest.mark.django_db


def menu_paths_in(markdown: str) -> list[tuple[list[str], bool]]:
    """(steps, for administrators only) of each menu path the text names."""
    return [
        ([step.strip() for step in found["path"].split(ARROW)], bool(found["admin"]))
        for found in MENU_PATH.finditer(markdown)
        if ARROW in found["path"] or found["where"]
    ]


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("editor", "editor@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sidebar_for(client, user) -> dict:
    """The admin sidebar ``user`` is shown on the dashboard: label → submenu or None."""
    client.force_login(user)
    # The dashboard's own request: loading the admin registers every viewset's menu.
    request = client.get(reverse("wagtailadmin_home")).wsgi_request

    def labels(menu):
        return {
            str(item.label): labels(item.menu) if hasattr(item, "menu") else None
            for item in menu.menu_items_for_request(request)
        }

    return labels(admin_menu)


@pytest.fixture
def editor_menu(client, editor) -> dict:
    return sidebar_for(client, editor)


@pytest.fixture
def administrator_menu(client, django_user_model) -> dict:
    administrator = django_user_model.objects.create_superuser(
        "administrator", "administrator@example.org", "x"
    )
    return sidebar_for(client, administrator)


@pytest.fixture
def demo_tree(db):
    """The demo's home page, glossary and article list (no terms or articles)."""
    out = io.StringIO()
    site.build(out)
    articles.ensure_index(Page.objects.get(depth=2).specific)


def follow_menu(menu: dict, steps: list[str]) -> str | None:
    """Why ``steps`` cannot be followed in ``menu``, or None when it can."""
    for depth, step in enumerate(steps):
        if menu is None or step not in menu:
            offered = sorted(menu or {})
            return f"no “{step}” after {steps[:depth] or 'the sidebar'}: {offered}"
        menu = menu[step]
    return None


def follow_page_tree(editor: User, steps: list[str]) -> str | None:
    """Why ``steps`` (page titles, then Add child page → a type) cannot be followed."""
    page = Page.get_first_root_node()
    for depth, step in enumerate(steps):
        if step == ADD_CHILD_PAGE:
            page_types = steps[depth + 1 :]
            creatable = {
                str(model.get_verbose_name())
                for model in page.specific_class.creatable_subpage_models()
            }
            if not (creatable and page.permissions_for_user(editor).can_add_subpage()):
                return f"an Editor cannot add pages under “{page.title}”"
            if page_types and (len(page_types) > 1 or page_types[0] not in creatable):
                return f"“{page.title}” takes {sorted(creatable)}, not {page_types}"
            return None
        child = page.get_children().filter(title=step).first()
        if child is None:
            titles = [child.title for child in page.get_children()]
            return f"no page “{step}” under “{page.title}”: {titles}"
        page = child
    return None


def test_the_guide_names_menu_paths():
    """The test below reads real paths, not none."""
    paths = [steps for steps, _administrators in menu_paths_in(GUIDE.read_text())]

    assert len(paths) >= 4
    assert any(steps[0] == "Pages" for steps in paths)
    assert any(steps[0] != "Pages" for steps in paths)
    assert any(len(steps) == 1 for steps in paths), "a sidebar item"


def test_every_menu_path_in_the_editors_guide_exists_for_its_reader(
    editor, editor_menu, administrator_menu, demo_tree
):
    problems = []
    for steps, for_administrators in menu_paths_in(GUIDE.read_text()):
        menu = administrator_menu if for_administrators else editor_menu
        if steps[0] == "Pages" and len(steps) > 1 and "Pages" in menu:
            problem = follow_page_tree(editor, steps[1:])
        else:
            problem = follow_menu(menu, steps)
        if problem:
            problems.append(f"{' → '.join(steps)}: {problem}")

    assert not problems, "\n".join(problems)
