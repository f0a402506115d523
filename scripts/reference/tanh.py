#!/usr/bin/env python3
"""Dense reference values for the kernel's tanh, which is computed from +, -, *, / only
(src/lib/activations/tanh.ts) and promises at most 1 ulp, tighter than the 4 ulps of
reference.json's general test.

Run from the repository root (Debian: apt-get install python3-mpmath):

    /usr/bin/python3 scripts/reference/tanh.py

It writes test/lib/activations/tanh-reference.json: [x, tanh(x) correctly rounded] pairs at
doubles chosen where the code changes method or could lose accuracy: around the seam at
|x| = 0.625 (rational approximation below, 1 - 2/(e^2|x| + 1) above), where e^2|x| crosses a
power of two (the exponential's reduction k changes), near 2^-28 (below it tanh x = x) and
22 (from it on, +-1), log-uniform tiny values, and uniform over (-25, 25). Seeded: running it
twice gives the same bytes.
"""

import json
import math
import random

import mpmath
from mpmath import mp, mpf

from activations import rnd, token

mp.dps = 60


def points():
    rng = random.Random(20261202)
    xs = []
    xs += [rng.uniform(-1.5, 1.5) for _ in range(3000)]
    xs += [rng.uniform(-25, 25) for _ in range(3000)]
    xs += [math.copysign(10 ** rng.uniform(-12, 0), rng.random() - 0.5) for _ in range(1000)]
    # e^(2x) = 2^(k + 1/2) is where the reduction's k steps: x = (k + 1/2) ln 2 / 2.
    for k in range(0, 64):
        c = (k + 0.5) * math.log(2) / 2
        xs += [math.nextafter(c, -math.inf), c, math.nextafter(c, math.inf)]
    for seam in (0.625, 22.0, 2.0 ** -28, 19.06):
        x = seam
        for _ in range(20):
            xs.append(x)
            x = math.nextafter(x, math.inf)
        x = seam
        for _ in range(20):
            x = math.nextafter(x, -math.inf)
            xs.append(x)
    xs += [-x for x in xs]
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def main():
    rows = []
    for x in points():
        with mp.workdps(60):
            t = rnd(mp.tanh(mpf(x)))
        with mp.workdps(120):
            check = rnd(mp.tanh(mpf(x)))
        assert t == check, x
        rows.append([token(x), token(t)])
    data = {
        'about': 'tanh(x) correctly rounded to float64 (mpmath, 60 and 120 digits agree); '
                 'written by scripts/reference/tanh.py',
        'mpmath': mpmath.__version__,
        'points': rows,
    }
    path = 'test/lib/activations/tanh-reference.json'
    with open(path, 'w') as f:
        json.dump(data, f, separators=(',', ':'))
        f.write('\n')
    print(f'{path}: {len(rows)} points')


if __name__ == '__main__':
    main()
