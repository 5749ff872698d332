"""Score the facts view against gold, exactly as ``../shared/spec/facts.md`` says.

A predicted fact matches a gold fact of the same kind (and the same filing)
when their key fields agree: names case- and punctuation-insensitively with
corporate suffixes and a leading "the" dropped and people with or without a
middle initial; dates and numbers exactly, percents within 0.05. Matching is
one-to-one. Precision, recall and F1 per kind and micro-averaged.

A gold file may start with ``{"_scope": [...], "source": ..., "form": ...}``:
then only those kinds are scored for its filing. Without it, every kind is.
Predicted facts are restricted to the filings that have gold; a predicted
fact without ``doc`` is attributed to the filing of its first evidence span.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.facts import KINDS
from graph.normalize import name_key, norm_text

#: Key fields per kind (spec table).
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "filing": ("doc", "form", "date"),
    "identifier": ("entity", "scheme", "value"),
    "incorporation": ("entity", "jurisdiction"),
    "role": ("person", "role", "organization"),
    "signed": ("doc", "signer"),
    "agreement": ("name", "date"),
    "amends": ("amended", "number", "date"),
    "owns": ("owner", "issuer", "shares", "percent"),
    "ownership_limit": ("holder", "percent"),
    "member": ("member", "group"),
    "exhibit": ("doc", "number", "source_form", "source_number", "source_filed"),
    "registers": ("doc", "security_class"),
}
NAME_FIELDS = frozenset(
    {
        "entity",
        "person",
        "organization",
        "signer",
        "name",
        "amended",
        "owner",
        "issuer",
        "holder",
        "member",
        "group",
        "security_class",
        "jurisdiction",
    }
)
PERCENT_FIELDS = frozenset({"percent"})
PERCENT_TOLERANCE = 0.05


class GoldError(ValueError):
    """A gold file that cannot be read."""


@dataclass
class GoldDoc:
    """The gold facts of one filing and the kinds they cover."""

    doc: str
    facts: list[dict[str, Any]]
    scope: frozenset[str] | None  # None: every kind
    path: str = ""

    def scored(self, kind: str) -> bool:
        return kind in KEY_FIELDS and (self.scope is None or kind in self.scope)


def fact_doc(fact: dict[str, Any]) -> str | None:
    """The filing a fact belongs to: its ``doc``, else its first evidence span's."""
    if fact.get("doc"):
        return str(fact["doc"])
    ev = fact.get("evidence") or []
    return str(ev[0]["doc"]) if ev and isinstance(ev[0], dict) and ev[0].get("doc") else None


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file (blank lines skipped)."""
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}:{i}: not JSON ({e.msg})") from None
        if not isinstance(obj, dict):
            raise GoldError(f"{path}:{i}: not a JSON object")
        out.append(obj)
    return out


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Gold from a ``.jsonl`` file or a directory of them (one filing per file)."""
    p = Path(path)
    if not p.exists():
        raise GoldError(f"no gold at {p}")
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    if not files:
        raise GoldError(f"no .jsonl gold files in {p}")
    docs = []
    for f in files:
        rows = read_jsonl(f)
        scope = None
        if rows and "_scope" in rows[0]:
            scope = frozenset(rows[0]["_scope"])
            rows = rows[1:]
        named = Counter(fact_doc(r) for r in rows if fact_doc(r))
        doc = named.most_common(1)[0][0] if named else f.stem
        docs.append(GoldDoc(doc, [r for r in rows if "kind" in r], scope, str(f)))
    return docs


def _norm(fieldname: str, value: Any) -> Any:
    if value is None:
        return None
    if fieldname in NAME_FIELDS:
        return name_key(str(value))
    if fieldname in PERCENT_FIELDS or fieldname == "shares":
        try:
            return float(value)
        except (TypeError, ValueError):
            return norm_text(str(value))
    if fieldname == "number" and isinstance(value, int | float):
        return float(value)
    if fieldname in ("doc", "date", "source_filed"):
        return str(value).strip()
    return norm_text(str(value))


def keys_match(kind: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Whether two facts of ``kind`` agree on every key field after normalisation."""
    for f in KEY_FIELDS[kind]:
        g, p = _norm(f, gold.get(f)), _norm(f, pred.get(f))
        if f in PERCENT_FIELDS and isinstance(g, float) and isinstance(p, float):
            if abs(g - p) > PERCENT_TOLERANCE + 1e-9:
                return False
        elif g != p:
            return False
    return True


@dataclass
class KindScore:
    """Counts and the unmatched facts of one kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Per-kind scores and their micro average."""

    kinds: dict[str, KindScore] = field(default_factory=dict)
    docs: list[str] = field(default_factory=list)

    @property
    def micro(self) -> KindScore:
        total = KindScore()
        for k in self.kinds.values():
            total.tp += k.tp
            total.fp += k.fp
            total.fn += k.fn
        return total

    def table(self) -> list[dict[str, Any]]:
        """Rows: kind, gold, predicted, tp, precision, recall, f1; the last is ``micro``."""
        out = []
        for name, k in [
            *sorted(self.kinds.items(), key=lambda kv: _kind_order(kv[0])),
            ("micro", self.micro),
        ]:
            out.append(
                {
                    "kind": name,
                    "gold": k.tp + k.fn,
                    "predicted": k.tp + k.fp,
                    "tp": k.tp,
                    "precision": round(k.precision, 4),
                    "recall": round(k.recall, 4),
                    "f1": round(k.f1, 4),
                }
            )
        return out


def _kind_order(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def score(predicted: Iterable[dict[str, Any]], gold: list[GoldDoc]) -> Score:
    """Score predicted facts against gold documents."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in predicted:
        d = fact_doc(fact)
        if d is not None:
            by_doc[d].append(fact)
    result = Score(docs=[g.doc for g in gold])
    for g in gold:
        for kind in KEY_FIELDS:
            if not g.scored(kind):
                continue
            ks = result.kinds.setdefault(kind, KindScore())
            golds = [f for f in g.facts if f.get("kind") == kind]
            preds = [f for f in by_doc.get(g.doc, []) if f.get("kind") == kind]
            used = [False] * len(preds)
            for gf in golds:
                hit = next(
                    (i for i, pf in enumerate(preds) if not used[i] and keys_match(kind, gf, pf)),
                    None,
                )
                if hit is None:
                    ks.fn += 1
                    ks.missed.append({**gf, "doc": gf.get("doc", g.doc)})
                else:
                    used[hit] = True
                    ks.tp += 1
            for i, pf in enumerate(preds):
                if not used[i]:
                    ks.fp += 1
                    ks.spurious.append(pf)
    return result


def _fmt_fact(fact: dict[str, Any]) -> str:
    body = {k: v for k, v in fact.items() if k not in ("kind", "evidence")}
    text = json.dumps(body, ensure_ascii=False)
    ev = fact.get("evidence") or []
    if ev:
        quote = " ".join(str(ev[0].get("text", "")).split())
        text += f' — "{quote[:160]}"'
    return text


def report_markdown(result: Score, title: str = "secgraph evaluation") -> str:
    """The per-kind table and the missed and spurious facts (with evidence), as Markdown."""
    lines = [
        f"# {title}",
        "",
        f"Filings scored: {len(result.docs)}",
        "",
        "| kind | gold | predicted | matched | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result.table():
        lines.append(
            f"| {r['kind']} | {r['gold']} | {r['predicted']} | {r['tp']} | "
            f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |"
        )
    for name, k in sorted(result.kinds.items(), key=lambda kv: _kind_order(kv[0])):
        if not (k.missed or k.spurious):
            continue
        lines += ["", f"## {name}", ""]
        for label, rows in (("Missed", k.missed), ("Spurious", k.spurious)):
            if rows:
                lines.append(f"**{label}** ({len(rows)})")
                lines.append("")
                lines += [f"- {_fmt_fact(f)}" for f in rows]
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"
