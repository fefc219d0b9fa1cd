"""The installation steps of the plugins' docs, read the way the bare-project
check reads them (.ci/bare_project/configure.py)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = {"glossary": ROOT / "docs/glossary.md", "consent": ROOT / "docs/consent.md"}


def load_configure():
    spec = importlib.util.spec_from_file_location(
        "bare_project_configure", ROOT / ".ci/bare_project/configure.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


configure = load_configure()


def steps(plugin: str, variant: str | None = None) -> dict[str, str]:
    """``{target: code}`` of one plugin's documented steps."""
    found = {}
    for target, code in configure.documented_steps(DOCS[plugin], variant):
        assert target not in found, f"two {target} blocks in {DOCS[plugin].name}"
        found[target] = code
    return found


def documented_urlpatterns(plugin: str) -> list:
    """The URL patterns the docs' urls.py step adds."""
    from django.urls import include, path

    namespace = {"path": path, "include": include, "urlpatterns": []}
    exec(steps(plugin)["urls"], namespace)
    return namespace["urlpatterns"]
