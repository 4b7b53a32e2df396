"""The one error a bad article file raises."""


class ContentError(Exception):
    """An article file breaks a rule; the message is ``path:line: problem``."""

    def __init__(self, path: str, line: int | None, problem: str):
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")
