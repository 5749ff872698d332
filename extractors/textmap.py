"""Normalised text with an exact offset map back to the decoded source.

Readers build a normalised text piece by piece with :class:`TextBuilder`:
``copy`` appends a slice of the source verbatim (offsets map one to one),
``replace`` appends text that stands for a source span of another length
(an HTML entity, a tag turned into a line break). :class:`MappedText`
then maps any span of the normalised text to the source span it came from.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class MappedText:
    """A normalised text and the piecewise map of its offsets to the source.

    Segments are kept in four parallel arrays: normalised start, normalised
    end, source start, source end. A segment whose two lengths are equal is a
    verbatim copy; any other segment is atomic (an entity, a tag).
    """

    text: str
    _n_start: array = field(repr=False)
    _n_end: array = field(repr=False)
    _s_start: array = field(repr=False)
    _s_end: array = field(repr=False)

    def _segment(self, offset: int) -> int:
        i = bisect_right(self._n_start, offset) - 1
        return max(i, 0)

    def source_offset(self, offset: int, *, end: bool = False) -> int:
        """Map one normalised offset to the source.

        Args:
            offset: a position in ``text`` (0..len(text)).
            end: True when the offset is the exclusive end of a span, so that
                it maps to the end of the source piece that holds ``offset-1``.
        """
        if not self._n_start:
            return 0
        if end:
            if offset <= 0:
                return self._s_start[0]
            i = self._segment(offset - 1)
            ns, ne, ss, se = self._n_start[i], self._n_end[i], self._s_start[i], self._s_end[i]
            if ne - ns == se - ss:
                return ss + min(offset, ne) - ns
            return se
        i = self._segment(offset)
        ns, ne, ss, se = self._n_start[i], self._n_end[i], self._s_start[i], self._s_end[i]
        if offset >= ne:
            return se
        if ne - ns == se - ss:
            return ss + offset - ns
        return ss

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to its source span."""
        if end <= start:
            s = self.source_offset(start)
            return s, s
        return self.source_offset(start), self.source_offset(end, end=True)

    def __len__(self) -> int:
        return len(self.text)


class TextBuilder:
    """Accumulates normalised text while recording where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self._n_start = array("q")
        self._n_end = array("q")
        self._s_start = array("q")
        self._s_end = array("q")

    @property
    def length(self) -> int:
        return self._len

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def tail(self, n: int) -> str:
        """The last ``n`` characters built so far."""
        out = ""
        for part in reversed(self._parts):
            out = part + out
            if len(out) >= n:
                break
        return out[-n:]

    def _add(self, text: str, s_start: int, s_end: int) -> None:
        if not text:
            return
        n = len(text)
        # Merge with the previous verbatim segment when contiguous.
        if (
            self._n_start
            and n == s_end - s_start
            and self._s_end[-1] == s_start
            and self._n_end[-1] - self._n_start[-1] == self._s_end[-1] - self._s_start[-1]
        ):
            self._n_end[-1] += n
            self._s_end[-1] = s_end
        else:
            self._n_start.append(self._len)
            self._n_end.append(self._len + n)
            self._s_start.append(s_start)
            self._s_end.append(s_end)
        self._parts.append(text)
        self._len += n

    def copy(self, source: str, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim."""
        self._add(source[start:end], start, end)

    def replace(self, text: str, s_start: int, s_end: int) -> None:
        """Append ``text`` standing for the source span ``[s_start, s_end)``.

        When both have the same length (a tag blanked to spaces), offsets inside
        still map one to one; otherwise the piece maps as a whole.
        """
        self._add_atomic(text, s_start, s_end)

    def _add_atomic(self, text: str, s_start: int, s_end: int) -> None:
        if not text:
            return
        self._n_start.append(self._len)
        self._n_end.append(self._len + len(text))
        self._s_start.append(s_start)
        self._s_end.append(s_end)
        self._parts.append(text)
        self._len += len(text)

    def build(self) -> MappedText:
        return MappedText("".join(self._parts), self._n_start, self._n_end, self._s_start, self._s_end)


def identity(source: str, start: int = 0, end: int | None = None) -> MappedText:
    """A MappedText that is ``source[start:end]`` unchanged."""
    b = TextBuilder()
    b.copy(source, start, len(source) if end is None else end)
    return b.build()
