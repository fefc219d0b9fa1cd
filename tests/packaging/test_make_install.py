"""What `make install` runs, read from `make --dry-run` in a copy of the Makefile
and the three pyproject.toml files (a real install takes minutes)."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECTS = ("pyproject.toml", "glossary/pyproject.toml", "consent/pyproject.toml")


def install_steps(project: Path) -> list[str]:
    result = subprocess.run(
        ["make", "--dry-run", "install", f"VENV={project / 'venv'}"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def stamp(steps: list[str]) -> str:
    (touch,) = [step for step in steps if step.startswith("touch ")]
    return touch.removeprefix("touch ")


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for name in ("Makefile", *PYPROJECTS):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, project / name)
    return project


def test_install_installs_both_plugins_and_the_site_editable(tmp_path):
    steps = install_steps(copy_project(tmp_path))

    (pip,) = [step for step in steps if "pip install" in step and " -e " in step]
    assert pip.endswith('-e ./glossary -e ./consent -e ".[dev,prod]"')


def test_editing_any_of_the_three_pyprojects_installs_again(tmp_path):
    project = copy_project(tmp_path)
    stamps = {stamp(install_steps(project))}
    for name in PYPROJECTS:
        with (project / name).open("a") as pyproject:
            pyproject.write("\n# changed\n")
        stamps.add(stamp(install_steps(project)))

    assert len(stamps) == 1 + len(PYPROJECTS)
