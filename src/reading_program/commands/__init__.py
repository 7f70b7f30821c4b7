"""The commands `reading-program` runs, one module per family; cli.py is their front end
(options, and every failure as one line)."""


class CommandError(Exception):
    """A problem with the command's input: printed as one line, exit code 1."""
