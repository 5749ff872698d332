"""secgraph's spaCy components; importing this module registers their factories."""

from extractors.components import (  # noqa: F401
    agreements,
    defined_terms,
    events,
    exhibits,
    header,
    holdings,
    roles,
    signatures,
)
