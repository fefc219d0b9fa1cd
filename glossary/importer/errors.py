"""The one error type the importer raises for bad input."""

from typing import NamedTuple


class ImportProblem(NamedTuple):
    path: str
    line: int | None
    message: str

    def __str__(self):
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class GlossaryImportError(Exception):
    """One or more problems found in a file; each names the file and the line."""

    def __init__(self, problems: list[ImportProblem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def single(cls, path: str, line: int | None, message: str):
        return cls([ImportProblem(path, line, message)])


def unexpected_problem(path: str, error: Exception) -> ImportProblem:
    """A failure nobody foresaw, still one line; ``--traceback`` shows the rest."""
    return ImportProblem(
        path,
        None,
        f"not imported: unexpected {error.__class__.__name__} ({error}); "
        "please report this file",
    )
