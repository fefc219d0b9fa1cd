import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

# The site's demo content (home, glossary, terms), built once per module.
from tests.site.conftest import demo_content, home_page, site_content_once  # noqa: F401


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
