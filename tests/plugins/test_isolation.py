"""The plugins' test project stands without the site: nothing it runs imports
``microsite``, and neither do the plugins."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def listed_test_modules():
    """The site's test modules that `make test-plugins` runs here (modules.txt)."""
    lines = (HERE / "modules.txt").read_text().splitlines()
    paths = [line.split("#")[0].strip() for line in lines]
    return [ROOT / path for path in paths if path and not path.startswith("-")]


def imported_modules(tree, *, top_level_only=False):
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def local_helpers(tree):
    """Helper modules of the test suite a module imports (tests.x.factories...)."""
    for name in imported_modules(tree):
        if name.startswith("tests."):
            path = ROOT.joinpath(*name.split(".")).with_suffix(".py")
            if path.exists():
                yield path


def microsite_imports(path, *, top_level_only=False):
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        name
        for name in imported_modules(tree, top_level_only=top_level_only)
        if name == "microsite" or name.startswith("microsite.")
    ]


def conftests_for(module):
    """The conftest.py files pytest loads for ``module``, from tests/ down."""
    folder = module.parent
    while folder != ROOT:
        if (folder / "conftest.py").exists():
            yield folder / "conftest.py"
        folder = folder.parent


def test_the_module_list_names_existing_files():
    missing = [str(p) for p in listed_test_modules() if not p.is_file()]
    assert not missing
    assert len(listed_test_modules()) >= 30


def test_no_module_the_plugin_project_runs_imports_microsite():
    modules = [*listed_test_modules(), *HERE.rglob("*.py")]
    helpers = {h for m in modules for h in local_helpers(ast.parse(m.read_text()))}
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in [*modules, *helpers]
        if (found := microsite_imports(path))
    }
    assert offenders == {}


def test_no_conftest_the_plugin_project_loads_imports_microsite_on_load():
    # A fixture may import the site lazily for the site's own tests; the
    # fixtures the listed modules use never do (see the session guard in conftest).
    conftests = {c for m in listed_test_modules() for c in conftests_for(m)}
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in conftests
        if (found := microsite_imports(path, top_level_only=True))
    }
    assert offenders == {}


@pytest.mark.parametrize("plugin", ["glossary", "consent"])
def test_the_plugins_import_nothing_from_microsite(plugin):
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in (ROOT / plugin).rglob("*.py")
        if (found := microsite_imports(path))
    }
    assert offenders == {}


def test_the_project_has_no_microsite_app():
    from django.conf import settings

    assert settings.ROOT_URLCONF == "tests.plugins.urls"
    assert not [app for app in settings.INSTALLED_APPS if app.startswith("microsite")]
