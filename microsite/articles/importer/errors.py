class ArticleFileError(ValueError):
    """A problem in an article file, with the line it is on when known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self):
        if self.line is None:
            return self.message
        return f"line {self.line}: {self.message}"
