class ParseError(Exception):
    """A document that cannot be turned into text; the message is one line for the user."""
