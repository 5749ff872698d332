"""Collect and emit the roles of lists and layouts (``_roles_lists``, ``_roles_services``).

``collect`` runs on each block Doc and keeps what it finds (with exact evidence); ``emit`` runs at the
end of the filing, when the signers, aliases and parties of the whole filing are known, and resolves
names: a party label ("LANDLORD:") through the defined terms, a firm written in capitals to its best
mention, "the undersigned" of a power of attorney to the people who sign it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from extractors.claims import Evidence, Mention
from extractors.components import _roles_lists as rl
from extractors.components import _roles_services as sv
from extractors.filing import Document
from extractors.names import LEGAL_FORM_WORDS, display_name, kind_of, person_name
from extractors.pipeline import FilingContext

#: Item sections whose election headings need no further context (8-K Item 5.07; 10-Q Item 4).
_VOTE_ITEM = re.compile(r"\b(?:5\.07|4)\b")
#: Cheap test on a block's lower-cased text before any list or layout is looked for.
_KEYS = re.compile(
    r"appoint|elect|underwriter|accountant|auditor|accounting firm|counsel|title:|director"
)
_SELF = re.compile(
    r"^(?:the\s+)?(?:company|registrant|issuer|corporation|partnership|trust|fund)(?:'s|\u2019s)?$",
    re.IGNORECASE,
)
_CORP_WORDS = LEGAL_FORM_WORDS


@dataclass
class Pending:
    """A role found in a block, resolved at the end of the filing."""

    holder: str
    holder_is_org: bool
    role: str
    org: str | None  # as written; None: the registrant (or the grantors of a power of attorney)
    ev: tuple[Evidence, ...]
    pattern: str
    poa: tuple[Document, int] | None = None  # the document and the offset after the grant


def collect(doc: Doc, ctx: FilingContext, out: list[Pending], seen: set) -> None:
    """Find list and layout roles in one block."""
    text: str = doc._.text
    document: Document = doc._.document
    base: int = doc._.base
    section = doc._.section
    full = document.text
    low = text.lower()
    if not _KEYS.search(low):
        return
    end = base + len(text)

    def add(
        f_name: str, is_org: bool, role: str, org: str | None, spans, pattern: str, poa=None
    ) -> None:
        key = (document.sequence, spans[0][0], role, f_name)
        if key in seen:
            return
        seen.add(key)
        evs = tuple(ctx.document_evidence(document, s, e) for s, e in spans)
        out.append(Pending(f_name, is_org, role, org, evs, pattern, poa))

    if "appoint" in low and "attorney" in low:
        for a0, a1, found in rl.powers_of_attorney(full, base, end):
            for f in found:
                add(f.name, False, f.role, None, ((f.start, f.end),), f.pattern, (document, a1))
    if section is not None and section.kind == "signature" and document is ctx.filing.main:
        return  # the filing's own signature block: the signatures component reads it
    if "elect" in low:
        item = (
            section is not None
            and section.kind == "item"
            and bool(_VOTE_ITEM.search(section.label or ""))
        )
        for f in rl.elected_directors(full, base, end, item, limit=len(full)):
            add(f.name, False, "director", None, ((f.start, f.end),), f.pattern)
    if "underwriter" in low:
        for f in rl.underwriting_table(full, base, end):
            add(f.name, True, "underwriter", None, ((f.start, f.end),), f.pattern)
        for f, several in rl.representatives(full, base, end):
            rep = (
                "representative of the several underwriters"
                if several
                else "representative of the underwriters"
            )
            add(f.name, True, rep, None, ((f.start, f.end),), f.pattern)
            add(f.name, True, "underwriter", None, ((f.start, f.end),), f.pattern)
    if ("appointed" in low or "elected" in low) and "board" in low:
        for f, _s, _e in rl.appointed_together(text):
            add(f.name, False, "director", None, ((base + f.start, base + f.end),), f.pattern)
    if (
        "accountant" in low or "auditor" in low or "accounting firm" in low
    ) and sv.AUDIT_PREFILTER.search(text):
        for s in sv.auditors(text, 0, len(text)) + sv.auditors_report(full, base, end):
            spans = (
                tuple((a + base, b + base) for a, b in s.spans)
                if s.pattern != "auditor.report"
                else s.spans
            )
            add(s.holder, True, s.role, s.org, spans, s.pattern)
    if "counsel" in low and sv.COUNSEL_PREFILTER.search(text):
        for s in sv.counsel(full, base, end):
            add(s.holder, True, s.role, s.org, s.spans, s.pattern)
    if "title:" in low and sv.NAME_TITLE_PREFILTER.search(text):
        for s in sv.name_title_blocks(full, base, end):
            add(s.holder, False, s.role, s.org, s.spans, s.pattern)
    if "director" in low and sv.is_ownership_form(ctx.filing.form_type):
        box = sv.director_box(text)
        if box is not None:
            add(
                "\x00reporting person",
                False,
                "director",
                "\x00issuer",
                ((base + box[0], base + box[1]),),
                "form4.relationship",
            )


def header_roles(ctx: FilingContext, out: list[Pending]) -> None:
    """``<RELATIONSHIP>DIRECTOR`` of the one reporting owner of a Form 3/4/5's SGML header."""
    hdr = ctx.filing.header
    owners = [p for p in hdr.parties if p.role == "reporting-owner"]
    if hdr.span is None or len(owners) != 1 or not sv.is_ownership_form(ctx.filing.form_type):
        return
    m = sv.header_director(ctx.filing.source, hdr.span[0], hdr.span[1])
    if m is not None:
        out.append(
            Pending(
                "\x00reporting person",
                False,
                "director",
                "\x00issuer",
                (ctx.source_evidence(m[0], m[1], "header"),),
                "header.relationship",
            )
        )


def emit(
    ctx: FilingContext,
    pendings: list[Pending],
    default_org: Mention | None,
    add: Callable[..., None],
) -> None:
    """Resolve the names of the collected roles and add one claim per (holder, role, organisation)."""
    done = {
        (_strict(cl.subject.name), cl.q("role"), _squash(getattr(cl.object, "name", "") or ""))
        for cl in ctx.claims
        if cl.kind == "role"
    }
    known = _known_mentions(ctx, default_org)
    # a signer's title already read by the signatures component (for whichever party): not read twice
    titled = {(_strict(cl.subject.name), cl.q("role")) for cl in ctx.claims if cl.kind == "role"}
    for p in pendings:
        holder = _holder(ctx, p, known)
        if holder is None or (
            p.pattern == "block.name_title" and (_strict(holder.name), p.role) in titled
        ):
            continue
        if p.poa is not None:
            orgs = _grantors(ctx, p)
        elif p.org and p.org.endswith(":"):
            orgs = [_party_label(ctx, p.org.rstrip(":").strip(), p.ev[0], known)]
        else:
            orgs = [_org(ctx, p.org, default_org, known)]
        for org in orgs:
            if org is None or _squash(holder.name) == _squash(org.name):
                continue
            key = (_strict(holder.name), p.role, _squash(org.name))
            if key in done:
                continue
            done.add(key)
            add(holder, org, p.ev, p.pattern, p.role)


def _known_mentions(ctx: FilingContext, default_org: Mention | None) -> dict[str, Mention]:
    """Organisations named in the filing's claims and aliases, by a loose key (suffixes and case dropped)."""
    found: dict[str, Mention] = {}
    mentions = [m for cl in ctx.claims for m in (cl.subject, cl.object) if isinstance(m, Mention)]
    mentions += list(ctx.aliases.values()) + ([default_org] if default_org else [])
    for m in mentions:
        if m.kind in ("person", "filing", "document", "agreement", "security", "group"):
            continue
        k = _squash(m.name)
        if k and (k not in found or _better(m.name, found[k].name)):
            found[k] = m
    return found


def _better(a: str, b: str) -> bool:
    """Whether ``a`` is a better written form than ``b`` (mixed case first, then longer)."""
    return (a.isupper(), -len(a)) < (b.isupper(), -len(b))


def _squash(name: str) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", name.lower().replace("&", " and "))]
    while words and words[-1] in _CORP_WORDS:
        words.pop()
    if words and words[0] == "the":
        words = words[1:]
    return "".join(words)


def _firm(ctx: FilingContext, name: str, known: dict[str, Mention]) -> Mention:
    m = known.get(_squash(name)) or ctx.resolve(name)
    if m is not None and m.kind != "person":
        if m.name.isupper() and not name.isupper() and _squash(m.name) == _squash(name):
            return Mention(name, m.kind, None, m.identifiers, m.attrs)  # the better written form
        return m
    long_caps = (
        name.isupper()
        and len([w for w in name.split() if w.lower().strip(",.") not in _CORP_WORDS]) >= 2
    )
    shown = display_name(name) if long_caps else name
    return Mention(shown, kind_of(shown, "company"))


def _holder(ctx: FilingContext, p: Pending, known: dict[str, Mention]) -> Mention | None:
    if p.holder == "\x00reporting person":
        filing = next((c for c in ctx.claims if c.kind == "filing"), None)
        obj = filing.object if filing is not None else None
        return obj if isinstance(obj, Mention) and obj.kind == "person" else None
    if p.holder_is_org:
        return _firm(ctx, p.holder, known)
    resolved = ctx.resolve(p.holder)
    if resolved is not None and resolved.kind == "person":
        return Mention(
            person_name(resolved.name),
            "person",
            resolved.text,
            resolved.identifiers,
            resolved.attrs,
        )
    return Mention(person_name(p.holder), "person")


def _org(
    ctx: FilingContext, text: str | None, default_org: Mention | None, known: dict[str, Mention]
) -> Mention | None:
    if text is None or _SELF.match(text.strip()):
        return default_org
    if text == "\x00issuer":
        return _issuer(ctx)
    resolved = ctx.resolve(text)
    if resolved is not None and resolved.kind != "person":
        return resolved
    if default_org is not None:
        d, t = _squash(default_org.name), _squash(text)
        if t and (d == t or (d.startswith(t) and len(t) >= 4)):
            return default_org
    return _firm(ctx, text, known)


def _strict(name: str) -> str:
    """A person's key that keeps initials ("John E. Roe" and "John C. Roe" are two people)."""
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))


def _party_label(
    ctx: FilingContext, label: str, ev: Evidence, known: dict[str, Mention]
) -> Mention | None:
    """The party an agreement defines as ``label`` ("Landlord"): the party named last before its definition."""
    document = next((d for d in ctx.filing.documents if d.sequence == ev.document), None)
    if document is None:
        return None
    text = document.text
    parties: dict[str, Mention] = {}
    for cl in ctx.claims:
        if cl.kind == "agreement":
            for name in cl.q("parties") or ():
                parties.setdefault(name, _firm(ctx, name, known))
    for d in re.finditer(r"[\"\u201c]" + re.escape(label) + r"[\"\u201d]", text, re.IGNORECASE):
        window = text[max(0, d.start() - 400) : d.start()]
        best, at = None, -1
        for name, m in parties.items():
            words = re.findall(r"[A-Za-z0-9]+", name)
            if len(words) < 2:
                continue
            for hit in re.finditer(r"\W+".join(map(re.escape, words)), window, re.IGNORECASE):
                if hit.start() > at:
                    best, at = m, hit.start()
        if best is not None:
            return best
    return None


def _issuer(ctx: FilingContext) -> Mention | None:
    """The issuer of a Form 3/4/5: the SGML header's subject company (or the issuer of its holding)."""
    owns = next((c for c in ctx.claims if c.kind == "owns" and isinstance(c.object, Mention)), None)
    if owns is not None:
        return owns.object
    party = ctx.filing.header.party("subject-company", "issuer")
    if party is None or not party.name:
        return None
    for cl in ctx.claims:
        for m in (cl.subject, cl.object):
            if isinstance(m, Mention) and party.cik and ("cik", party.cik) in m.identifiers:
                return m
    shown = display_name(re.sub(r"\s*/[A-Z]{2,3}/?\s*$", "", party.name))
    return Mention(shown, kind_of(shown, "company"))


def _grantors(ctx: FilingContext, p: Pending) -> list[Mention]:
    """Who grants a power of attorney: the people who sign the document below the grant."""
    document, after = p.poa
    text = document.text
    out: list[Mention] = []
    for cl in ctx.claims:
        if cl.kind != "signed" or not isinstance(cl.object, Mention) or cl.object.kind != "person":
            continue
        if not any(ev.document == document.sequence for ev in cl.evidence):
            continue
        words = [re.escape(w) for w in cl.object.name.replace(",", " ").split()]
        rx = re.compile(r"[\s,]+".join(words), re.IGNORECASE)
        if rx.search(text, after, min(len(text), after + 40000)) and cl.object not in out:
            out.append(cl.object)
    return out
