"""Every error secgraph's reader and extractors raise, with coded messages.

One exception hierarchy and one table of messages, so that the command line
can print a clean line (never a traceback) and tests can check the code.
"""

from __future__ import annotations

E001 = "file is empty"
E002 = "file looks binary ({detail}), not an EDGAR filing"
E003 = "file is not an EDGAR filing: {detail}"
E004 = "filing is truncated: {detail}"
E005 = "cannot read file: {detail}"
E006 = "no such file or folder"


class SecgraphError(Exception):
    """Base of all secgraph errors."""


class FilingError(SecgraphError):
    """A file that cannot be read as a filing.

    Attributes:
        path: the file (or the name given for bytes).
        code: the message code, e.g. ``"E002"``.
    """

    def __init__(self, path: str | None, code: str, **detail: str) -> None:
        self.path = path or "<bytes>"
        self.code = code
        template = globals()[code]
        self.problem = template.format(**detail)
        super().__init__(f"{self.path}: {self.problem} [{code}]")
