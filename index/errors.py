"""Errors a user can cause, shown as one line by every front end."""


class UserError(Exception):
    """Base of every error whose message is meant for the user, not a traceback."""


class CorpusError(UserError):
    """The corpus folder is missing, unreadable or holds no usable article."""


class IndexStateError(UserError):
    """An index on disk cannot be used as it is (corrupt, foreign, wrong model)."""


class ConfigError(UserError):
    """The configuration file or environment holds a bad value or unknown key."""
