"""Errors a user can cause: they carry a one-line message naming the input and what to do."""


class UserError(Exception):
    """Bad input or a refused operation. The CLI prints the message and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


class SourceConflict(UserError):
    """A new source claims an id that belongs to a different source; refused unless a replacement is asked for."""

    def __init__(self, message: str, source_id: str, current: str, incoming: str):
        super().__init__(message)
        self.source_id = source_id
        self.current = current  # the title (and file) of the source that has the id now
        self.incoming = incoming  # the title of the file that claims it
