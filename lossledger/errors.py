"""One exception tree for Lossledger.

    LossledgerError
    ├── ReadError      an input could not be read (missing, binary, bad encoding, too large, bad JSON line)
    └── PackError      a language pack is missing or does not validate
"""


class LossledgerError(Exception):
    """Base of every error Lossledger raises on purpose."""


class ReadError(LossledgerError):
    """An input could not be read; the message names the file and the problem."""


class PackError(LossledgerError):
    """A language pack is missing or malformed."""
