"""`python -m lossledger` runs the command-line interface."""

from lossledger.cli import cli

if __name__ == "__main__":
    cli()
