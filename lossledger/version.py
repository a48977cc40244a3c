"""The single source of Lossledger's version number."""

__version__ = "0.1.0"
