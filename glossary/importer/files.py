"""Find the files to import and read each one into a ``ParsedTerm``."""

from pathlib import Path

from .errors import GlossaryImportError, ImportProblem
from .parse import ParsedTerm, decode, parse_term

SUFFIXES = (".md", ".txt")


def collect_files(paths) -> tuple[list[Path], list[ImportProblem]]:
    """Expand directories into their ``*.md`` and ``*.txt`` files, A–Z."""
    files, problems = [], []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                child
                for child in path.iterdir()
                if child.suffix.lower() in SUFFIXES and child.is_file()
            )
            if not found:
                problems.append(ImportProblem(str(path), None, "no .md or .txt files"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(ImportProblem(str(path), None, "no such file or directory"))
    return files, problems


def read_terms(files, furniture) -> tuple[list[ParsedTerm], list[ImportProblem]]:
    """Parse every file; a bad file adds problems and never stops the others."""
    parsed, problems = [], []
    for path in files:
        try:
            parsed.append(read_term(path, furniture))
        except GlossaryImportError as error:
            problems.extend(error.problems)
    return parsed, problems


def read_term(path: Path, furniture) -> ParsedTerm:
    if path.suffix.lower() not in SUFFIXES:
        raise GlossaryImportError.single(
            str(path), None, "not a .md or .txt file; it was not read"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GlossaryImportError.single(
            str(path), None, f"cannot be read: {error.strerror or error}"
        ) from None
    return parse_term(decode(data, str(path)), str(path), furniture)
