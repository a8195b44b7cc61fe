#!/usr/bin/env python3
"""Generates sample-00N.json from a hand-written transcription table of samples/00N_*.txt.

Every transcribed line is cross-checked against the sample text: the numeric cells found on
the cited line must equal the transcribed values exactly (order and count), so a typo in the
table below fails loudly. Run from the repository root: python3 tests/Reports.Core.Tests/Fixtures/make_fixtures.py
"""
import glob, json, re, sys

ROOT = '.'
OUT = 'tests/Reports.Core.Tests/Fixtures'
COLS = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'tot']
T3_2019 = ['new', 'carried_in', 'r.granted', 'r.partial',
           'r.withheld.state_secret', 'r.withheld.law_prohibited', 'r.withheld.security_stability',
           'r.withheld.third_party', 'r.withheld.internal_affairs', 'r.withheld.process_info',
           'r.withheld.enforcement_file', 'r.withheld.admin_query',
           'r.unable.not_held', 'r.unable.needs_creation', 'r.unable.still_unclear',
           'r.declined.petition', 'r.declined.duplicate', 'r.declined.publication',
           'r.declined.excessive', 'r.declined.confirm_reissue', 'r.other', 'r.total', 'carried_out']
T3_2021 = T3_2019[:20] + ['r.other.no_correction', 'r.other.fee_unpaid', 'r.other.other'] + T3_2019[21:]
T4 = [g + '.' + c for g in ('rev', 'lit_direct', 'lit_after_rev') for c in ('upheld', 'corrected', 'other', 'pending', 'total')]


def camel(s):
    head, *rest = s.split('_')
    return head + ''.join(p[:1].upper() + p[1:] for p in rest)


def load(n):
    path = glob.glob(f'{ROOT}/samples/00{n}_*.txt')[0]
    with open(path, encoding='utf-8') as f:
        return path[len(ROOT) + 1:], f.read().split('\n')


def numbers_on(line):
    """Numeric cells of a tab- or pipe-separated table line (label cells like '1. 属于…' are not numeric)."""
    cells = re.split(r'[\t|]', line)
    return [c.strip(' \u00a0') for c in cells if re.fullmatch(r'[+\-−]?\d+(\.\d+)?( ?元)?', c.strip(' \u00a0'))]


class Fixture:
    def __init__(self, n, edition, agency, year):
        self.source, self.lines = load(n)
        self.n = n
        self.doc = {'edition': edition, 'agency': agency, 'year': year, 'source': self.source}
        self.count = 0

    def put(self, key, value):
        node = self.doc
        segs = [camel(s) for s in key.split('.')]
        for s in segs[:-1]:
            node = node.setdefault(s, {})
        assert segs[-1] not in node, key
        node[segs[-1]] = value
        self.count += 1

    def row(self, line, keys, values, raws=None):
        """Cells of one line; values are checked against the numeric cells on that line."""
        found = numbers_on(self.lines[line - 1])
        expect = [str(v) for v in values] if raws is None else raws
        if raws is None and len(found) != len(values):
            sys.exit(f'{self.source}:{line}: found {found}, transcribed {values}')
        if raws is None and found != expect:
            sys.exit(f'{self.source}:{line}: found {found}, transcribed {values}')
        for k, v in zip(keys, values):
            self.put(k, v)

    def check(self, line, text):
        actual = self.lines[line - 1]
        if actual != text:
            sys.exit(f'{self.source}:{line}: {actual!r} != {text!r}')

    def write(self):
        with open(f'{OUT}/sample-00{self.n}.json', 'w', encoding='utf-8') as f:
            text = json.dumps(self.doc, ensure_ascii=False, indent=2)
            # Invisible characters are written as escapes so a reader sees them.
            f.write(text.replace('\u3000', '\\u3000').replace('\u00a0', '\\u00a0') + '\n')
        print(f'sample-00{self.n}.json: {self.count} cells')


def t2_2019(fx, lines):
    """lines: regulation, normative, licensing, other_service, penalty, coercion, fee, procurement."""
    rows = [('a1.regulation', ('made', 'published', 'total_public')), ('a1.normative', ('made', 'published', 'total_public')),
            ('a5.licensing', ('prev_items', 'delta_items', 'decisions')), ('a5.other_service', ('prev_items', 'delta_items', 'decisions')),
            ('a6.penalty', ('prev_items', 'delta_items', 'decisions')), ('a6.coercion', ('prev_items', 'delta_items', 'decisions')),
            ('a8.fee', ('prev_items', 'delta_items'))]
    for (row, cols), (line, values) in zip(rows, lines):
        fx.row(line, ['t2.' + row + '.' + c for c in cols], values)


def t3(fx, rows, spec):
    """spec: list of (line, values) in row order; values has 7 (or 6 when tot is absent) entries."""
    assert len(rows) == len(spec)
    for key, (line, values) in zip(rows, spec):
        fx.row(line, ['t3.' + key + '.' + c for c in COLS[:len(values)]], values)


def t4(fx, line, values):
    found = numbers_on(fx.lines[line - 1])
    assert found == [str(v) for v in values], (line, found)
    for k, v in zip(T4, values[:15]):
        fx.put('t4.' + k, v)


def z(n=7):
    return [0] * n


# ---------------------------------------------------------------- 000 (E2019, Markdown tables)
fx = Fixture(0, '2019', '泉港区人民政府办公室', 2020)
fx.check(7, '## 泉港区人民政府办公室 2020 年政府信息公开工作年度报告')
t2_2019(fx, [(56, [0, 0, 0]), (57, [13, 13, 13]), (60, [0, 0, 0]), (61, [0, 0, 0]), (64, [0, 0, 0]), (65, [0, 0, 0]), (68, [0, 0])])
fx.row(71, ['t2.a9.procurement.projects', 't2.a9.procurement.amount'], [0, 0])
t3(fx, T3_2019, [(79, [40, 0, 0, 0, 0, 0, 40]), (80, z()), (81, [10, 0, 0, 0, 0, 0, 10]), (82, z())]
   + [(l, z()) for l in range(83, 91)]
   + [(96, [21, 0, 0, 0, 0, 0, 21]), (97, [1, 0, 0, 0, 0, 0, 1]), (98, z())]
   + [(l, z()) for l in range(99, 104)]
   + [(104, [8, 0, 0, 0, 0, 0, 8]), (105, [40, 0, 0, 0, 0, 0, 40]), (106, z())])
t4(fx, 115, z(15))
fx.write()

# ---------------------------------------------------------------- 001 (E2019, tab-separated)
fx = Fixture(1, '2019', '鲤城区人民政府临江街道办事处', 2020)
fx.check(7, '鲤城区人民政府临江街道办事处 2020 年政府信息公开工作年度报告')
t2_2019(fx, [(61, [0, 0, 0]), (62, [0, 0, 0]), (65, [1, 1, 87]), (66, [57, 95, 3600]), (69, [0, 1, 0]), (70, [0, 0, 0]), (74, [0, 0])])
fx.check(77, '政府集中采购\t15\t1827190 元')
fx.put('t2.a9.procurement.projects', 15)
fx.put('t2.a9.procurement.amount', {'state': 'number', 'value': 1827190, 'raw': '1827190 元', 'line': 77})
t3(fx, T3_2019, [(l, z()) for l in (84, 85, 86, 87, 88, 89, 90, 91, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 108, 109, 110)])
# Line 117 has 16 values for 15 cells (extra trailing cell, spec §10); the 16th cannot be held by the JSON model.
t4(fx, 117, z(16))
fx.write()

# ---------------------------------------------------------------- 002 (E2019, tab-separated, 总计 missing in first 7 rows)
fx = Fixture(2, '2019', '河市镇', 2020)
fx.check(3, '河市镇 2020 年政府信息公开工作年度报告')
t2_2019(fx, [(23, [0, 0, 0]), (24, [0, 0, 0]), (27, [0, 0, 0]), (28, [0, 0, 0]), (31, [0, 0, 0]), (32, [0, 0, 0]), (36, [0, 0])])
fx.check(39, '政府集中采购\t4\t39340')
fx.put('t2.a9.procurement.projects', 4)
fx.put('t2.a9.procurement.amount', {'state': 'number', 'value': 39340, 'raw': '39340', 'line': 39})
t3(fx, T3_2019, [(l, z(6)) for l in range(46, 53)]
   + [(l, z()) for l in (54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 69, 70, 71)])
t4(fx, 78, [0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0])
fx.write()

# ---------------------------------------------------------------- 003 (E2019, one cell per line, U+3000 blanks)
fx = Fixture(3, '2019', '泉港区科学技术局', 2020)
fx.check(13, '泉港区科学技术局2020年度政府信息公开工作年度报告')
t2keys = ['a1.regulation.made', 'a1.regulation.published', 'a1.regulation.total_public',
          'a1.normative.made', 'a1.normative.published', 'a1.normative.total_public',
          'a5.licensing.prev_items', 'a5.licensing.delta_items', 'a5.licensing.decisions',
          'a5.other_service.prev_items', 'a5.other_service.delta_items', 'a5.other_service.decisions',
          'a6.penalty.prev_items', 'a6.penalty.delta_items', 'a6.penalty.decisions',
          'a6.coercion.prev_items', 'a6.coercion.delta_items', 'a6.coercion.decisions',
          'a8.fee.prev_items', 'a8.fee.delta_items', 'a9.procurement.projects', 'a9.procurement.amount']
for i, key in enumerate(t2keys):
    line = 40 + 5 * i
    fx.check(line, '\t0')
    fx.put('t2.' + key, 0)
fx.check(144, '\t采购总额')
labels = [166, 175, 185, 195, 206, 217, 228, 239, 250, 261, 272, 283, 294, 305, 316, 327, 338, 349, 360, 371, 381, 391, 400]
for key, label in zip(T3_2019, labels):
    for j, c in enumerate(COLS[:6]):
        fx.check(label + 1 + j, '\t\u3000')
        fx.put(f't3.{key}.{c}', {'state': 'blank', 'raw': '\u3000', 'line': label + 1 + j})
    fx.check(label + 7, '\t0')
    fx.put(f't3.{key}.tot', 0)
for i, key in enumerate(T4):
    line = 439 + i
    raw = fx.lines[line - 1][1:]
    assert raw.strip('\u00a0') == '0', (line, raw)
    fx.put('t4.' + key, {'state': 'number', 'value': 0, 'raw': raw, 'line': line} if raw != '0' else 0)
fx.write()

# ---------------------------------------------------------------- 004 (E2021, tab-separated)
fx = Fixture(4, '2021', '泉州市数字泉州建设办公室', 2021)
fx.check(21, '泉州市数字泉州建设办公室')
fx.check(23, '2021 年度政府信息公开工作报告')
fx.row(63, ['t2.a1.regulation.issued', 't2.a1.regulation.repealed', 't2.a1.regulation.in_force'], [0, 0, 0])
fx.row(64, ['t2.a1.admin_normative.issued', 't2.a1.admin_normative.repealed', 't2.a1.admin_normative.in_force'], [1, 0, 3])
fx.row(67, ['t2.a5.licensing.decisions'], [0])
fx.row(70, ['t2.a6.penalty.decisions'], [0])
fx.row(72, ['t2.a6.coercion.decisions'], [0])
fx.row(75, ['t2.a8.fee.amount'], [0])
t3(fx, T3_2021, [(82, [2, 0, 0, 0, 0, 0, 2]), (83, z()), (84, [2, 0, 0, 0, 0, 0, 2])]
   + [(l, z()) for l in (85, 86, 87, 88, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 105, 106)]
   + [(107, [2, 0, 0, 0, 0, 0, 2]), (108, z())])
t4(fx, 115, z(15))
fx.write()
