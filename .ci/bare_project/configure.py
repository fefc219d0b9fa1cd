"""Apply a plugin's documented installation steps to a `wagtail start` project.

The steps are the code blocks of the docs' "Installation" section that follow an
HTML comment such as ``<!-- bare-project: settings -->`` (invisible on the page),
so the check installs the plugin exactly as the docs say:

- ``settings``: appended to ``<project>/settings/base.py``;
- ``urls``: inserted in ``<project>/urls.py`` above Wagtail's catch-all;
- ``base.html``: written as ``<project>/templates/base.html``.

A marker with a variant, ``<!-- bare-project: settings (csp) -->``, is an optional
step: applied alone, when asked for (``--variant csp``), and skipped otherwise.

    python configure.py PROJECT_DIR docs/consent.md [--variant csp]
    python configure.py PROJECT_DIR --mount-consent-at privacy/cookies/
"""

import argparse
import re
import textwrap
from pathlib import Path

MARKER = re.compile(
    r"^[ \t]*<!-- bare-project: (?P<target>[\w.]+)(?: \((?P<variant>[\w-]+)\))? -->\n"
    r"(?P<indent>[ \t]*)```[\w-]*\n(?P<code>.*?)^[ \t]*```",
    re.MULTILINE | re.DOTALL,
)
# `wagtail start`'s urls.py appends Wagtail's catch-all last, after this line.
CATCH_ALL = "urlpatterns = urlpatterns + ["
CONSENT_URLS = re.compile(r'path\("(?P<prefix>[^"]*)", include\("consent\.urls"\)\)')


def documented_steps(doc: Path, variant: str | None) -> list[tuple[str, str]]:
    steps = [
        (match["target"], textwrap.dedent(match["code"]))
        for match in MARKER.finditer(doc.read_text())
        if match["variant"] == variant
    ]
    if not steps:
        raise SystemExit(f"{doc}: no <!-- bare-project: … --> code blocks ({variant})")
    return steps


def apply(project: Path, target: str, code: str) -> None:
    package = project / project.name
    if target == "settings":
        settings = package / "settings" / "base.py"
        settings.write_text(settings.read_text() + "\n\n" + code)
    elif target == "urls":
        urls = package / "urls.py"
        text = urls.read_text()
        if CATCH_ALL not in text:
            raise SystemExit(f"{urls}: no {CATCH_ALL!r} line to insert above")
        urls.write_text(text.replace(CATCH_ALL, code + "\n\n" + CATCH_ALL, 1))
    elif target == "base.html":
        (package / "templates" / "base.html").write_text(code)
    else:
        raise SystemExit(f"unknown bare-project target {target!r}")


def mount_consent_at(project: Path, prefix: str) -> None:
    urls = project / project.name / "urls.py"
    text, count = CONSENT_URLS.subn(
        f'path("{prefix}", include("consent.urls"))', urls.read_text()
    )
    if count != 1:
        raise SystemExit(f"{urls}: expected one include('consent.urls'), found {count}")
    urls.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("doc", type=Path, nargs="?")
    parser.add_argument("--variant")
    parser.add_argument("--mount-consent-at")
    args = parser.parse_args()
    project = args.project.resolve()
    if args.doc:
        for target, code in documented_steps(args.doc, args.variant):
            apply(project, target, code)
            print(f"  applied {args.doc.name}: {target}")
    if args.mount_consent_at:
        mount_consent_at(project, args.mount_consent_at)
        print(f"  consent.urls now at /{args.mount_consent_at}")


if __name__ == "__main__":
    main()
