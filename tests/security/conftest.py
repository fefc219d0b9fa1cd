import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import transaction

from microsite.demo import articles, consent, glossary, site


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The whole demo (pages, glossary, articles, consent), rolled back at the end."""
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            for step in (site, glossary, articles, consent):
                step.build(io.StringIO())
            yield
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture
def demo_content(demo_once, db):
    """The demo site; each test runs in its own savepoint."""


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def member_of(group_name: str, username: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db) -> User:
    """A member of Editors, the group the data migration sets up."""
    return member_of("Editors", "editor")


@pytest.fixture
def site_operator(db) -> User:
    return member_of("Site operators", "operator")


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("superuser", "superuser@example.org", "x")


@pytest.fixture
def user_in_role(editor, site_operator, superuser):
    """The user behind each role of the permission matrix (None: anonymous)."""
    return {
        "anonymous": None,
        "Editor": editor,
        "Site operator": site_operator,
        "superuser": superuser,
    }.__getitem__
