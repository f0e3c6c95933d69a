"""The study's error type: a message a researcher can act on (what, where, how to fix)."""


class StudyError(Exception):
    """A failure with a one-line, actionable reason; the CLI prints it and exits non-zero."""
