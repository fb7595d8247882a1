"""Errors a question or a gold file can cause."""
from index.errors import UserError


class QuestionError(UserError):
    """The question cannot be asked (empty, nothing but symbols)."""


class GoldError(UserError):
    """A gold file is missing or malformed."""
