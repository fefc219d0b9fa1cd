"""Find the files to import and read each one into a ``ParsedTerm``.

The site's article importer reads its files through ``collect_files`` and
``read_limited`` too, so both importers refuse the same things: files over
``GLOSSARY_IMPORT_MAX_FILE_BYTES``, anything that is not a regular file, and
symlinks in a folder that lead outside it.
"""

from pathlib import Path

from glossary.conf import get_setting

from .errors import GlossaryImportError, ImportProblem, unexpected_problem
from .parse import ParsedTerm, decode, parse_term

SUFFIXES = (".md", ".txt")


def collect_files(paths, suffixes=SUFFIXES) -> tuple[list[Path], list[ImportProblem]]:
    """Expand directories into their files with one of ``suffixes``, A–Z."""
    files, problems = [], []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found, refused = _folder_files(path, suffixes)
            problems.extend(refused)
            if not found and not refused:
                names = " or ".join(suffixes)
                problems.append(ImportProblem(str(path), None, f"no {names} files"))
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            problems.append(ImportProblem(str(path), None, "no such file or directory"))
    return files, problems


def _folder_files(folder: Path, suffixes) -> tuple[list[Path], list[ImportProblem]]:
    root = folder.resolve()
    found, refused = [], []
    for child in sorted(folder.iterdir()):
        if child.suffix.lower() not in suffixes:
            continue
        if not child.resolve().is_relative_to(root):
            refused.append(
                ImportProblem(
                    str(child), None, "a link to a file outside the folder; not read"
                )
            )
        elif child.is_file():
            found.append(child)
    return found, refused


def read_limited(path: Path) -> bytes:
    """The bytes of a regular file no larger than the size limit, or a clear error."""
    limit = get_setting("GLOSSARY_IMPORT_MAX_FILE_BYTES")
    try:
        if not path.is_file():
            raise GlossaryImportError.single(
                str(path), None, "not a regular file; it was not read"
            )
        if path.stat().st_size > limit:
            raise GlossaryImportError.single(str(path), None, _too_large(limit))
        with path.open("rb") as file:
            data = file.read(limit + 1)
    except OSError as error:
        raise GlossaryImportError.single(
            str(path), None, f"cannot be read: {error.strerror or error}"
        ) from None
    if len(data) > limit:  # the file grew after it was measured
        raise GlossaryImportError.single(str(path), None, _too_large(limit))
    return data


def _too_large(limit: int) -> str:
    return (
        f"larger than {limit:,} bytes (GLOSSARY_IMPORT_MAX_FILE_BYTES); it was not read"
    )


def read_terms(
    files, furniture, *, reraise=False
) -> tuple[list[ParsedTerm], list[ImportProblem]]:
    """Parse every file; a bad file adds problems and never stops the others.

    ``reraise`` lets an unexpected exception (a bug) through, with its traceback.
    """
    parsed, problems = [], []
    for path in files:
        try:
            parsed.append(read_term(path, furniture))
        except GlossaryImportError as error:
            problems.extend(error.problems)
        except Exception as error:
            if reraise:
                raise
            problems.append(unexpected_problem(str(path), error))
    return parsed, problems


def read_term(path: Path, furniture) -> ParsedTerm:
    if path.suffix.lower() not in SUFFIXES:
        raise GlossaryImportError.single(
            str(path), None, "not a .md or .txt file; it was not read"
        )
    return parse_term(decode(read_limited(path), str(path)), str(path), furniture)
