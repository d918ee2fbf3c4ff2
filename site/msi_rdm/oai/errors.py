"""OAI-PMH protocol errors, each carrying its code from the OAI-PMH 2.0 specification."""


class OAIError(Exception):
    """An error the protocol answers with ``<error code="...">``."""

    def __init__(self, code, message):
        """Keep the protocol code and a message for the harvester."""
        super().__init__(message)
        self.code = code
        self.message = message


def bad_argument(message):
    """Return a badArgument error."""
    return OAIError("badArgument", message)
