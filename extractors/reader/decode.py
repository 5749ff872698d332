"""Bytes to text: UTF-8 first, then cp1252, then latin-1; never crash."""

from __future__ import annotations

from extractors.errors import FilingError

#: Control characters that never occur in a text filing (NUL and friends).
_BINARY_BYTES = bytes(range(9)) + bytes([11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 25, 28, 29, 30, 31])


def decode(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Decode a filing's bytes.

    Returns:
        The text and the name of the encoding that decoded it.

    Raises:
        FilingError: E001 for empty input, E002 for binary input.
    """
    if not data or not data.strip():
        raise FilingError(path, "E001")
    head = data[:65536]
    if b"\x00" in head:
        raise FilingError(path, "E002", detail="NUL bytes")
    controls = sum(head.count(bytes([b])) for b in _BINARY_BYTES)
    if controls > max(8, len(head) // 100):
        raise FilingError(path, "E002", detail=f"{controls} control bytes in the first {len(head)}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"
