#!/usr/bin/env python3
"""Verify the *.report-schema.json files against the meta-schema, the format rules of
docs/schema-format.md that JSON Schema cannot express, and (for the two national editions)
the flat key lists of Appendix A of the statutory-format spec.

usage: python3 tools/verify_schemas.py [path/to/statutory-format.md]
"""
import json, re, sys, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "src/Reports.Core/Schemas"
SPEC = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/format/statutory-format.md"
errors = []
def err(msg): errors.append(msg); print("  ERROR:", msg)

# ---------- 1. meta-schema ----------
meta = json.loads((SCHEMAS / "report-schema.schema.json").read_text(encoding="utf-8"))
files = sorted(SCHEMAS.glob("*.report-schema.json"))
try:
    import jsonschema
    jsonschema.Draft202012Validator.check_schema(meta)
    V = jsonschema.Draft202012Validator(meta)
except ImportError:
    V = None
    print("jsonschema not installed: meta-schema validation skipped")

def pascal(key): return "".join(p[:1].upper() + p[1:] for p in key.split("_"))

# ---------- 2. tree walking ----------
def leaf_columns(cols, path=(), names=()):
    """yield (keypath tuple, leaf column node, ancestor column nodes)"""
    for c in cols:
        p = path + ((c["key"],) if "key" in c else ())
        if "columns" in c:
            yield from leaf_columns(c["columns"], p, names + (c,))
        else:
            yield p, c, names + (c,)

def data_rows(rows, cols, path=(), anc=()):
    """yield (row keypath tuple, row node, ancestor row nodes, columns in effect)"""
    for r in rows:
        p = path + ((r["key"],) if "key" in r else ())
        eff = r.get("columns", cols)
        if "rows" in r:
            yield from data_rows(r["rows"], eff, p, anc + (r,))
        else:
            yield p, r, anc, eff

def check_siblings(nodes, parent_name, where):
    keys, names = set(), set()
    for n in nodes:
        k = n.get("key")
        if k is not None:
            if k in keys: err(f"{where}: duplicate sibling key {k!r}")
            keys.add(k)
        nm = n.get("name") or (pascal(k) if k else None)
        if nm:
            if nm in names: err(f"{where}: duplicate sibling name {nm!r}")
            names.add(nm)
            if nm == parent_name: err(f"{where}: member {nm!r} has the name of its enclosing type")
        for sub in ("rows", "columns"):
            if sub in n:
                check_siblings(n[sub], nm, f"{where}/{n.get('key', nm)}.{sub}")

def resolve(attr, leaf, row, anc, table):
    for n in (leaf, row, *reversed(anc), table):
        if attr in n: return n[attr]
    return {"kind": "count"}.get(attr)

def expand(ref, paths):
    """a reference expands to every path equal to it or below it"""
    t = tuple(ref.split("."))
    return [p for p in paths if p[:len(t)] == t]

INT_KINDS = {"count", "delta"}

def verify(doc, fname):
    cells = {}
    tables = {t["key"]: t for t in doc["tables"]}
    if len(tables) != len(doc["tables"]): err(f"{fname}: duplicate table key")
    check_siblings(doc["tables"], doc["typeName"], fname)
    info = {}
    for t in doc["tables"]:
        drs = list(data_rows(t["rows"], t.get("columns")))
        keyless = [d for d in drs if not d[0]]
        if keyless and len(drs) != 1:
            err(f"{fname}/{t['key']}: a data row without any key is only allowed as the single data row of a one-row table")
        rowpaths = [d[0] for d in drs]
        if len(set(rowpaths)) != len(rowpaths): err(f"{fname}/{t['key']}: duplicate data-row key path")
        allcols = set()
        for rp, row, anc, cols in drs:
            if not cols: err(f"{fname}/{t['key']}.{'.'.join(rp)}: data row has no columns in effect"); continue
            leaves = list(leaf_columns(cols))
            lps = [l[0] for l in leaves]
            if len(set(lps)) != len(lps): err(f"{fname}/{t['key']}: duplicate leaf column key path")
            absent = set(tuple(a.split(".")) for a in row.get("absent", []))
            for a in absent - set(lps): err(f"{fname}/{t['key']}.{'.'.join(rp)}: absent {a} is not a leaf column")
            for cp, leaf, canc in leaves:
                allcols.add(cp)
                if cp in absent: continue
                key = ".".join((t["key"],) + rp + cp)
                kind = resolve("kind", leaf, row, anc, t)
                unit = resolve("unit", leaf, row, anc, t)
                dec = resolve("decimals", leaf, row, anc, t)
                if kind == "money" and dec is None: err(f"{key}: money cell without decimals")
                if kind != "money" and dec is not None: err(f"{key}: decimals on a non-money cell")
                if key in cells: err(f"duplicate cell key {key}")
                rowlabels = [a["label"] for a in anc] + ([row["label"]] if rp else [])
                cells[key] = (kind, unit, dec, rp, cp, rowlabels, [c["label"] for c in canc])
        info[t["key"]] = (drs, rowpaths, allcols)
    # identities
    ids = set()
    for h in doc.get("identities", []):
        hid = h["id"]
        if hid in ids: err(f"{fname}: duplicate identity id {hid}")
        ids.add(hid)
        t = tables.get(h["table"])
        if not t: err(f"{hid}: unknown table"); continue
        drs, rowpaths, allcols = info[t["key"]]
        refs = ([h["total"]] + h["parts"]) if "total" in h else (h["left"] + h["right"])
        prefixes = h.get("each", [""])
        n_inst = 0
        for pre in prefixes:
            full = [(pre + "." + r) if pre else r for r in refs]
            if h["along"] == "columns":
                scope = [d for d in drs if not h.get("rows") or any(d[0][:len(x.split("."))] == tuple(x.split(".")) for x in h["rows"])]
                if h.get("rows"):
                    for x in h["rows"]:
                        if not expand(x, rowpaths): err(f"{hid}: rows entry {x} matches no data row")
                for rp, row, anc, cols in scope:
                    leafp = [l[0] for l in leaf_columns(cols)]
                    if not all(expand(r, leafp) for r in full):
                        if h.get("rows"): err(f"{hid}: row {'.'.join(rp)} lacks a referenced column")
                        continue
                    sig = set()
                    for r in full:
                        for cp in expand(r, leafp):
                            k = ".".join((t["key"],) + rp + cp)
                            if k not in cells: err(f"{hid}: references absent cell {k}"); continue
                            kd, un, de, *_ = cells[k]
                            sig.add(("int" if kd in INT_KINDS else kd, un, de))
                    if len(sig) > 1: err(f"{hid}: mixed kinds/units {sig} in row {'.'.join(rp)}")
                    n_inst += 1
            else:
                for r in full:
                    if not expand(r, rowpaths): err(f"{hid}: {r} matches no data row")
                colscope = sorted(allcols) if not h.get("columns") else [c for c in allcols if any(c[:len(x.split('.'))] == tuple(x.split('.')) for x in h["columns"])]
                for cp in colscope:
                    sig = set()
                    for r in full:
                        for rp in expand(r, rowpaths):
                            k = ".".join((t["key"],) + rp + cp)
                            if k not in cells: err(f"{hid}: missing cell {k}"); continue
                            kd, un, de, *_ = cells[k]
                            sig.add(("int" if kd in INT_KINDS else kd, un, de))
                    if len(sig) > 1: err(f"{hid}: mixed kinds/units {sig}")
                    n_inst += 1
        if n_inst == 0: err(f"{hid}: applies nowhere")
        print(f"  identity {hid:3} ({h.get('severity','error')}): {n_inst} instance(s)")
    return cells

# ---------- 3. Appendix A ----------
def appendix(spec_text):
    """{edition: (keys in order, counts, {key: expected label path}, {t3 col key: label})}"""
    a = spec_text[spec_text.index("## Appendix A"):]
    out = {}
    for ed, start, end in (("2019", "### E2019", "### E2021"), ("2021", "### E2021", None)):
        block = a[a.index(start): a.index(end) if end else None]
        keys = []
        cols = None
        labels, collabels = {}, {}
        for line in block.splitlines():
            m = re.match(r"^(t[234]\.[a-z0-9_.]+)\s*\|", line)
            if line.startswith("# Table 3"):
                pairs = re.findall(r"([a-z]+)=([^,\s\]]+)", line.split("[")[1].split("]")[0])
                cols = [c for c, _ in pairs]
                collabels = dict(pairs)
            if not m: continue
            k = m.group(1)
            path = line.split("|")[1].strip()
            if k.startswith("t3."):
                keys += [f"{k}.{c}" for c in cols]
                for c in cols: labels[f"{k}.{c}"] = path
            else:
                keys.append(k)
                labels[k] = path
        total = re.search(r"# cells: table2=(\d+), table3=\d+x\d+=(\d+), table4=(\d+), total=(\d+)", block)
        out[ed] = (keys, tuple(int(x) for x in total.groups()), labels, collabels)
    return out

spec = appendix(SPEC.read_text(encoding="utf-8"))

for f in files:
    doc = json.loads(f.read_text(encoding="utf-8"))
    print(f"{f.relative_to(ROOT)}")
    if V:
        errs = sorted(V.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errs: err(f"meta-schema: /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        if not errs: print("  meta-schema: valid")
    cells = verify(doc, f.name)
    per = {}
    for k in cells: per[k.split(".")[0]] = per.get(k.split(".")[0], 0) + 1
    print(f"  cells: {per} total={len(cells)}")
    ed = doc["edition"]
    if ed in spec:
        keys, (c2, c3, c4, ctot), labels, collabels = spec[ed]
        nlab = 0
        for k, (kd, un, de, rp, cp, rl, cl) in cells.items():
            if k not in labels: continue
            if k.startswith("t3."):
                got_path, got_col = " › ".join(rl), cl[-1]
                if got_col != collabels[k.split(".")[-1]]: err(f"{k}: column label {got_col!r} != {collabels[k.split('.')[-1]]!r}")
            else:
                got_path = " › ".join(rl + cl)
            if got_path != labels[k]: err(f"{k}: label path {got_path!r} != Appendix A {labels[k]!r}")
            else: nlab += 1
        print(f"  Appendix A E{ed}: {nlab} label paths verbatim-equal")
        want = {"t2": c2, "t3": c3, "t4": c4}
        for t, n in want.items():
            if per.get(t) != n: err(f"{t}: {per.get(t)} cells, spec says {n}")
        if len(cells) != ctot: err(f"total {len(cells)} cells, spec says {ctot}")
        if len(keys) != ctot: err(f"Appendix A lists {len(keys)} keys but states total={ctot}")
        got, exp = list(cells), keys
        if set(got) != set(exp):
            for k in sorted(set(exp) - set(got)): err(f"missing key {k}")
            for k in sorted(set(got) - set(exp)): err(f"extra key {k}")
        elif got != exp:
            err("cell keys match Appendix A as a set but not in document order")
        else:
            print(f"  Appendix A E{ed}: all {len(exp)} cell keys equal, same order; counts t2={c2} t3={c3} t4={c4} total={ctot}")

print("FAILED" if errors else "OK", f"({len(errors)} error(s))")
sys.exit(1 if errors else 0)
