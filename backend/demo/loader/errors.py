"""The one error a bad catalog file raises."""


class DemoDataError(Exception):
    """A catalog file is malformed; the message names the file and problem."""
