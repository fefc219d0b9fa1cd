"""The plugins' wheels and sdists, built as PyPI would get them (``python -m build``:
the sdist first, the wheel from the sdist), hold everything a non-editable install
needs and declare only what each plugin needs."""

import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PLUGINS = {
    "glossary": "wagtail-glossary-kit",
    "consent": "wagtail-consent-kit",
}
REQUIREMENTS = {
    "glossary": {"wagtail>=7.4", "PyYAML>=6.0", "django-tasks<0.13,>=0.9"},
    "consent": {
        "wagtail>=7.4",
        "django-cookie-consent<1.1,>=1.0",
        'playwright>=1.48; extra == "audit"',
    },
}
# What a non-editable install cannot do without: found in the source folder.
DATA_FOLDERS = ("templates", "static", "locale", "migrations")
DISTRIBUTION_FILES = ("pyproject.toml", "README.md", "CHANGELOG.md", "MANIFEST.in")
NOT_SHIPPED = ("__pycache__", ".egg-info", ".pyc")


def source_files(plugin: str) -> set[str]:
    """Files of the plugin's folder, as paths inside its package (``consent/…``)."""
    folder = ROOT / plugin
    return {
        f"{plugin}/{path.relative_to(folder).as_posix()}"
        for path in folder.rglob("*")
        if path.is_file()
        and not any(part in str(path) for part in NOT_SHIPPED)
        and path.name not in DISTRIBUTION_FILES
        and (
            path.suffix == ".py"
            or set(path.relative_to(folder).parts) & set(DATA_FOLDERS)
        )
    }


def build(plugin: str, outdir: Path) -> tuple[Path, Path]:
    # From a copy, so that the build leaves no egg-info in the working tree.
    source = outdir / "src" / plugin
    shutil.copytree(
        ROOT / plugin,
        source,
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist"),
    )
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(outdir), str(source)],
        check=True,
        capture_output=True,
        text=True,
    )
    (wheel,) = outdir.glob("*.whl")
    (sdist,) = outdir.glob("*.tar.gz")
    return wheel, sdist


@pytest.fixture(scope="module", params=sorted(PLUGINS))
def built(request, tmp_path_factory):
    plugin = request.param
    wheel, sdist = build(plugin, tmp_path_factory.mktemp(f"dist-{plugin}"))
    with zipfile.ZipFile(wheel) as archive:
        wheel_files = set(archive.namelist())
        (metadata_name,) = (n for n in wheel_files if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(metadata_name).decode())
    with tarfile.open(sdist) as archive:
        top = f"{sdist.name.removesuffix('.tar.gz')}/"
        sdist_files = {
            name.removeprefix(top)
            for name in archive.getnames()
            if archive.getmember(name).isfile()
        }
    return plugin, wheel_files, sdist_files, metadata


def test_wheel_holds_every_module_template_static_file_migration_and_translation(built):
    plugin, wheel_files, _, _ = built
    expected = source_files(plugin)
    for folder in ("templates", "static", "migrations"):
        assert any(name.startswith(f"{plugin}/{folder}/") for name in expected)

    missing = sorted(expected - wheel_files)
    # A subpackage missing from [tool.setuptools] packages shows up here.
    assert not missing, f"not in the {plugin} wheel: {missing}"


def test_wheel_holds_only_the_plugin_package(built):
    plugin, wheel_files, _, _ = built
    top_level = {name.split("/", 1)[0] for name in wheel_files}
    assert {name for name in top_level if not name.endswith(".dist-info")} == {plugin}
    assert not any(name.startswith("microsite") for name in wheel_files)
    for name in DISTRIBUTION_FILES + ("setup.py",):
        assert f"{plugin}/{name}" not in wheel_files
    assert not [name for name in wheel_files if any(n in name for n in NOT_SHIPPED)]


def test_sdist_holds_the_package_files_and_the_distribution_files(built):
    plugin, _, sdist_files, _ = built
    in_package = {f"{plugin}/{name}" for name in sdist_files}
    missing = sorted(source_files(plugin) - in_package)
    assert not missing, f"not in the {plugin} sdist: {missing}"
    assert {"pyproject.toml", "README.md", "CHANGELOG.md"} <= sdist_files
    assert not any("microsite" in name for name in sdist_files)


def test_metadata_declares_exactly_the_plugins_requirements(built):
    plugin, _, _, metadata = built
    assert metadata["Name"] == PLUGINS[plugin]
    assert metadata["Version"] == "0.1.0"
    assert set(metadata.get_all("Requires-Dist")) == REQUIREMENTS[plugin]
    assert metadata["Requires-Python"] == ">=3.11"
    classifiers = set(metadata.get_all("Classifier"))
    assert {
        "Framework :: Wagtail :: 7",
        "Framework :: Wagtail :: 8",
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.11",
    } <= classifiers
    # The README is the PyPI page.
    assert metadata["Description-Content-Type"] == "text/markdown"
    readme = (ROOT / plugin / "README.md").read_text()
    assert metadata.get_payload().strip() == readme.strip()


def test_the_site_packages_only_itself_and_depends_on_both_plugins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["tool"]["setuptools"]["packages"]["find"]["include"] == [
        "microsite*"
    ]
    names = {
        requirement.split("=")[0].split(">")[0].split("[")[0]
        for requirement in project["project"]["dependencies"]
    }
    assert set(PLUGINS.values()) <= names
