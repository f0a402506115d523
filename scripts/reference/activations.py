#!/usr/bin/env python3
"""Reference values for the activation kernel's accuracy tests.

Run from the repository root (Debian: apt-get install python3-mpmath):

    /usr/bin/python3 scripts/reference/activations.py

It writes test/lib/activations/reference.json (read by test/lib/activations/accuracy.test.ts
and the vector tests). The output depends only on this file and the mpmath version: no clock,
no unseeded randomness, no dictionary-order surprises. Running it twice gives the same bytes.

What it computes, for every scalar entry (default parameters and a few variants) at every
test point x (a float64):

  * f(x) and f'(x) rounded correctly (round-half-even) to float64. Every value is computed
    with mpmath at DPS decimal digits from formulas free of cancellation (expm1, log1p,
    sigma(-x) instead of 1 - sigma(x), sech^2 instead of 1 - tanh^2, an asymptotic series for
    erfc of huge arguments), then recomputed at CHECK_DPS digits; the script stops if the two
    roundings differ. mpmath has no exponent range, so e^-1e10 is a number, not 0, and the
    rounding to float64 (including subnormals) is done exactly with Python's Fraction.
  * the condition numbers |x g'(x) / g(x)| of g = f and g = f' (how much a relative error of
    x is amplified), rounded up to two significant digits; 0 when at most 1 (the tests then
    use the flat 4-ulp tolerance), "Infinity" at a root of g.

Conventions (the tests rely on them):

  * Parameters are the float64 values the code holds: alpha = 0.01 means the double nearest
    0.01, exactly. The RReLU evaluation slope is the float64 computation (1/8 + 1/3) / 2 with
    1/3 rounded first, = 0.22916666666666666 (the same double as 11/48). The GELU-tanh
    constants are the doubles k0 = 0.7978845608028654 (sqrt(2/pi) rounded, as PyTorch's
    M_SQRT2 * M_2_SQRTPI * 0.5) and k1 = 0.044715. SELU's lambda and alpha are the decimal
    constants 1.0507009873554804934193349852946 and 1.6732632423543772848170429916717, exact.
  * Derivatives at kinks follow PyTorch: relu'(0) = 0, leaky'(0) = prelu'(0) = rrelu'(0) =
    alpha, elu'(0) = alpha, selu'(0) = lambda*alpha, celu'(0) = 1, hardtanh'(min) =
    hardtanh'(max) = 0, relu6'(0) = relu6'(6) = 0, hardsigmoid'(+-3) = 0, hardswish' = 0 for
    x < -3, x/3 + 1/2 for -3 <= x <= 3 (so -1/2 at -3 and 3/2 at 3), 1 above.
  * At +-Infinity the values are the limits; at NaN both are NaN.
  * Zeros of f carry a sign: the sign of the true value where it is not zero (an underflow:
    gelu(-40) is "-0", sigmoid(-800) is 0); at x = -0 the sign of x for every function that
    is 0 at 0 with a positive slope (tanh(-0) = -0, like Math.tanh); and "±0" (either sign
    accepted) where f is exactly zero on a flat piece (relu(-5), hard-swish(-4),
    hard-sigmoid(-3)) and for relu(-0), relu6(-0). The tests ignore the sign of a zero f'.

JSON encoding: numbers are Python reprs of doubles (they round-trip exactly through
JSON.parse); "NaN", "Infinity", "-Infinity", "-0" and "±0" are strings. A scalar entry has
rows [x, f, f', cond f, cond f'] (exact, piecewise-linear entries: [x, f, f']); a vector case
has x, y and cond (the componentwise condition numbers).
"""

import json
import math
import os
import random
from fractions import Fraction

import mpmath
from mpmath import mp, mpf

DPS = 80
CHECK_DPS = 160
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'lib', 'activations',
                   'reference.json')

INF = math.inf
SELU_LAMBDA = '1.0507009873554804934193349852946'
SELU_ALPHA = '1.6732632423543772848170429916717'
GELU_K0 = 0.7978845608028654
GELU_K1 = 0.044715

# ------------------------------------------------------------------------------------------
# Rounding and encoding


def rnd(v):
    """The float64 nearest the mpf v (ties to even), with overflow to +-inf and underflow to a
    signed zero. Exact: no intermediate rounding to 53 bits."""
    if mp.isnan(v):
        return math.nan
    if mp.isinf(v):
        return INF if v > 0 else -INF
    if v == 0:
        return 0.0
    sign, man, exp, bc = v._mpf_
    top = exp + bc  # |v| lies in [2^(top-1), 2^top)
    if top > 1025:
        f = INF
    elif top < -1077:
        f = 0.0
    else:
        try:
            f = float(Fraction(man) * Fraction(2) ** exp)
        except OverflowError:
            f = INF
    return -f if sign else f


def midpoint(v):
    """True when the mpf v lies exactly halfway between two doubles (where rounding v to a
    few more digits would have decided the tie)."""
    if mp.isnan(v) or mp.isinf(v) or v == 0:
        return False
    d = rnd(v)
    if math.isinf(d):
        return False
    other = math.nextafter(d, INF if v > d else -INF)
    exact = Fraction(v.man) * Fraction(2) ** v.exp
    return not math.isinf(other) and exact * 2 == Fraction(d) + Fraction(other)


def token(f):
    """A float64 as JSON: a number, or one of the strings for what JSON cannot write."""
    if math.isnan(f):
        return 'NaN'
    if math.isinf(f):
        return 'Infinity' if f > 0 else '-Infinity'
    if f == 0:
        return '-0' if math.copysign(1, f) < 0 else 0
    return f


def cond_token(c):
    """A condition number rounded up to 2 significant digits; 0 when at most 1."""
    if c == INF:
        return 'Infinity'
    if c <= 1:
        return 0
    e = math.floor(math.log10(c)) - 1
    m = math.ceil(c / 10.0 ** e - 1e-9)
    v = float(f'{m}e{e}')
    if math.isinf(v):  # rounding up past the largest double: no finite tolerance applies
        return 'Infinity'
    return int(v) if v < 1e15 and v == int(v) else v


def condition(x, g, dg):
    """|x g'(x) / g(x)|: how much g amplifies a relative perturbation of x."""
    if g == 0:
        return 0.0 if (x == 0 or dg == 0) else INF
    c = abs(x * dg / g)
    return INF if mp.isinf(c) else float(c)


# ------------------------------------------------------------------------------------------
# Building blocks in mpmath (all free of cancellation)


def sig(u):
    """sigma(u) = 1 / (1 + e^-u): no cancellation for any u."""
    return 1 / (1 + mp.exp(-u))


def erfc(z):
    """erfc(z); mpmath's own fails near z = 1e308, so the asymptotic series above 1e6."""
    return mp.erfc(z) if z < 10 ** 6 else erfc_asymptotic(z)


def erfc_asymptotic(z):
    """erfc(z) = e^-z^2 / (z sqrt(pi)) (1 - 1/(2z^2) + 3/(2z^2)^2 - ...), for z >= 1e3."""
    t = 1 / (2 * z * z)
    total, term, n = mpf(1), mpf(1), 1
    eps = mpf(2) ** (-mp.prec - 10)
    while abs(term) > eps:
        term *= -(2 * n - 1) * t
        total += term
        n += 1
    return mp.exp(-z * z) / (z * mp.sqrt(mp.pi)) * total


def Phi(x):
    return erfc(-x / mp.sqrt(2)) / 2


def phi(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def softplus(u):
    """log(1 + e^u) = max(u, 0) + log1p(e^-|u|)."""
    return max(u, 0) + mp.log1p(mp.exp(-abs(u)))


def sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)


# ------------------------------------------------------------------------------------------
# The functions: each returns (f, f', f'') at an mpf x for float64 parameters p.


def f_identity(x, p):
    return x, mpf(1), mpf(0)


def f_sigmoid(x, p):
    s, r = sig(x), sig(-x)
    return s, s * r, -s * r * mp.tanh(x / 2)


def f_tanh(x, p):
    t, c = mp.tanh(x), mp.sech(x) ** 2
    return t, c, -2 * t * c


def f_softsign(x, p):
    a = 1 + abs(x)
    return x / a, 1 / a ** 2, -2 * sign(x) / a ** 3


def f_hard_sigmoid(x, p):
    if x <= -3:
        return mpf(0), mpf(0), mpf(0)
    if x >= 3:
        return mpf(1), mpf(0), mpf(0)
    return x / 6 + mpf(1) / 2, mpf(1) / 6, mpf(0)


def f_hard_tanh(x, p):
    lo, hi = mpf(p['min']), mpf(p['max'])
    if x <= lo:
        return lo, mpf(0), mpf(0)
    if x >= hi:
        return hi, mpf(0), mpf(0)
    return x, mpf(1), mpf(0)


def f_log_sigmoid(x, p):
    return -softplus(-x), sig(-x), -sig(x) * sig(-x)


def f_relu(x, p):
    return (x, mpf(1), mpf(0)) if x > 0 else (mpf(0), mpf(0), mpf(0))


def f_leaky(x, p):
    a = mpf(p['alpha'])
    return (x, mpf(1), mpf(0)) if x > 0 else (a * x, a, mpf(0))


def rrelu_slope(p):
    """The evaluation slope (lower + upper) / 2, computed in float64 as the code does."""
    return mpf((p['lower'] + p['upper']) / 2)


def f_rrelu(x, p):
    return f_leaky(x, {'alpha': float(rrelu_slope(p))})


def f_relu6(x, p):
    if x <= 0:
        return mpf(0), mpf(0), mpf(0)
    if x >= 6:
        return mpf(6), mpf(0), mpf(0)
    return x, mpf(1), mpf(0)


def f_elu(x, p):
    a = mpf(p['alpha'])
    if x > 0:
        return x, mpf(1), mpf(0)
    return a * mp.expm1(x), a * mp.exp(x), a * mp.exp(x)


def f_celu(x, p):
    a = mpf(p['alpha'])
    if x > 0:
        return x, mpf(1), mpf(0)
    return a * mp.expm1(x / a), mp.exp(x / a), mp.exp(x / a) / a


def f_selu(x, p):
    lam, a = mpf(SELU_LAMBDA), mpf(SELU_ALPHA)
    if x > 0:
        return lam * x, lam, mpf(0)
    return lam * a * mp.expm1(x), lam * a * mp.exp(x), lam * a * mp.exp(x)


def f_softplus(x, p):
    b = mpf(p['beta'])
    return softplus(b * x) / b, sig(b * x), b * sig(b * x) * sig(-b * x)


def f_gelu(x, p):
    P, d = Phi(x), phi(x)
    return x * P, P + x * d, d * (2 - x * x)


def f_gelu_tanh(x, p):
    k0, k1 = mpf(GELU_K0), mpf(GELU_K1)
    u = 2 * k0 * (x + k1 * x ** 3)
    du = 2 * k0 * (1 + 3 * k1 * x * x)
    d2u = 12 * k0 * k1 * x
    s, r = sig(u), sig(-u)
    ds = s * r
    d2s = -ds * mp.tanh(u / 2)  # s (1 - s) (1 - 2 s)
    return x * s, s + x * ds * du, 2 * ds * du + x * (d2s * du * du + ds * d2u)


def swish_parts(x, b):
    s, r = sig(b * x), sig(-b * x)
    return (x * s, s * (1 + b * x * r), b * s * r * (2 - b * x * mp.tanh(b * x / 2)))


def f_silu(x, p):
    return swish_parts(x, mpf(1))


def f_swish(x, p):
    return swish_parts(x, mpf(p['beta']))


def f_mish(x, p):
    sp = softplus(x)
    t, c, s = mp.tanh(sp), mp.sech(sp) ** 2, sig(x)
    dt = c * s
    d2t = c * s * (sig(-x) - 2 * t * s)
    return x * t, t + x * dt, 2 * dt + x * d2t


def f_hard_swish(x, p):
    if x < -3:
        return mpf(0), mpf(0), mpf(0)
    if x > 3:
        return x, mpf(1), mpf(0)
    f = x * (x + 3) / 6 if x > -3 else mpf(0)
    return f, x / 3 + mpf(1) / 2, mpf(1) / 3


# Limits at -Infinity and +Infinity: (f(-inf), f(+inf), f'(-inf), f'(+inf)). An mpf-valued
# entry is a function of the parameters (rounded like any value); a string is a token.
def lim(fm, fp, dm, dp):
    return lambda p: (fm(p) if callable(fm) else fm, fp(p) if callable(fp) else fp,
                      dm(p) if callable(dm) else dm, dp(p) if callable(dp) else dp)


ONE, ZERO = mpf(1), mpf(0)
PINF, MINF = mpf('inf'), mpf('-inf')

SPECS = {
    # id: (function, limits at -inf and +inf, exact: piecewise linear, so 0 ulps)
    'identity': (f_identity, lim(MINF, PINF, ONE, ONE), True),
    'sigmoid': (f_sigmoid, lim(ZERO, ONE, ZERO, ZERO), False),
    'tanh': (f_tanh, lim(-ONE, ONE, ZERO, ZERO), False),
    'softsign': (f_softsign, lim(-ONE, ONE, ZERO, ZERO), False),
    'hard-sigmoid': (f_hard_sigmoid, lim('±0', ONE, ZERO, ZERO), True),
    'hard-tanh': (f_hard_tanh, lim(lambda p: mpf(p['min']), lambda p: mpf(p['max']), ZERO, ZERO),
                  True),
    'log-sigmoid': (f_log_sigmoid, lim(MINF, '-0', ONE, ZERO), False),
    'relu': (f_relu, lim('±0', PINF, ZERO, ONE), True),
    'leaky-relu': (f_leaky, lim(MINF, PINF, lambda p: mpf(p['alpha']), ONE), True),
    'prelu': (f_leaky, lim(MINF, PINF, lambda p: mpf(p['alpha']), ONE), True),
    'rrelu': (f_rrelu, lim(MINF, PINF, rrelu_slope, ONE), True),
    'relu6': (f_relu6, lim('±0', mpf(6), ZERO, ZERO), True),
    'elu': (f_elu, lim(lambda p: -mpf(p['alpha']), PINF, ZERO, ONE), False),
    'celu': (f_celu, lim(lambda p: -mpf(p['alpha']), PINF, ZERO, ONE), False),
    'selu': (f_selu, lim(lambda p: -mpf(SELU_LAMBDA) * mpf(SELU_ALPHA), PINF, ZERO,
                         lambda p: mpf(SELU_LAMBDA)), False),
    'softplus': (f_softplus, lim(ZERO, PINF, ZERO, ONE), False),
    'gelu': (f_gelu, lim('-0', PINF, ZERO, ONE), False),
    'gelu-tanh': (f_gelu_tanh, lim('-0', PINF, ZERO, ONE), False),
    'silu': (f_silu, lim('-0', PINF, ZERO, ONE), False),
    'swish': (f_swish, lim('-0', PINF, ZERO, ONE), False),
    'mish': (f_mish, lim('-0', PINF, ZERO, ONE), False),
    'hard-swish': (f_hard_swish, lim('±0', PINF, ZERO, ONE), False),
}

# f(x) = 0 on a flat piece: the sign of the zero is not specified.
FLAT_ZERO = {'relu', 'relu6', 'hard-sigmoid', 'hard-swish'}
# Also at x = -0 (max(x, 0) is +0 in IEEE 754-2019's maximum; x * (x > 0) gives -0).
UNSIGNED_AT_ZERO = {'relu', 'relu6'}

# (id, parameters): the defaults first, then the variants.
ENTRIES = [
    ('identity', {}),
    ('sigmoid', {}),
    ('tanh', {}),
    ('softsign', {}),
    ('hard-sigmoid', {}),
    ('hard-tanh', {'min': -1.0, 'max': 1.0}),
    ('hard-tanh', {'min': -2.0, 'max': 3.0}),
    ('log-sigmoid', {}),
    ('relu', {}),
    ('leaky-relu', {'alpha': 0.01}),
    ('leaky-relu', {'alpha': 0.2}),
    ('prelu', {'alpha': 0.25}),
    ('prelu', {'alpha': 0.1}),
    ('rrelu', {'lower': 0.125, 'upper': 1 / 3}),
    ('relu6', {}),
    ('elu', {'alpha': 1.0}),
    ('elu', {'alpha': 0.5}),
    ('elu', {'alpha': 2.0}),
    ('celu', {'alpha': 1.0}),
    ('celu', {'alpha': 0.5}),
    ('celu', {'alpha': 2.0}),
    ('selu', {}),
    ('softplus', {'beta': 1.0}),
    ('softplus', {'beta': 0.5}),
    ('softplus', {'beta': 2.0}),
    ('gelu', {}),
    ('gelu-tanh', {}),
    ('silu', {}),
    ('swish', {'beta': 1.0}),
    ('swish', {'beta': 0.5}),
    ('swish', {'beta': 2.0}),
    ('mish', {}),
    ('hard-swish', {}),
]

# ------------------------------------------------------------------------------------------
# Test points


def neighbours(x, n=1):
    """x and the n doubles on each side of it."""
    out, lo, hi = [x], x, x
    for _ in range(n):
        lo, hi = math.nextafter(lo, -INF), math.nextafter(hi, INF)
        out += [lo, hi]
    return out


def both(*xs):
    return [v for x in xs for v in (x, -x)]


SPECIAL = (
    [0.0, -0.0, 5e-324, -5e-324, 1e-310, -1e-310, 2.2250738585072014e-308,
     -2.2250738585072014e-308]
    + both(1e-300, 1e-20, 1e-16, 1e-12, 1e-8, 1e-5, 1e-3)
    + both(15.0, 19.06, 20.0, 25.0, 30.0, 36.04, 37.0, 37.43, 38.0, 40.0, 50.0, 100.0, 500.0,
           700.0, 708.4, 709.78, 710.0, 745.0, 745.2, 1000.0)
    + [20.5, 1.8e308, -1.8e308]
    + both(1e5, 1e10, 1e20, 1e100, 1e103, 1e154, 1e155, 1e200, 1e308, 1.7976931348623157e308)
    + [INF, -INF, math.nan]
)
# The kinks of the piecewise functions (and of their variants) and the doubles next to them.
KINKS = [v for k in (-3.0, -2.0, -1.0, 1.0, 2.0, 3.0, 6.0) for v in neighbours(k)]
GRID = ([k / 8 for k in range(-32, 33)]
        + [k / 2 for k in range(-20, -8)] + [k / 2 for k in range(9, 21)])
_rng = random.Random(20240601)
UGLY = [_rng.uniform(-10, 10) for _ in range(48)]
COMMON = SPECIAL + KINKS + GRID + UGLY


def root(fn, guess):
    """A root of fn near guess, at the current precision."""
    return mp.findroot(fn, mpf(guess), tol=mpf(2) ** (-mp.prec + 8))


def root_points(r):
    """Doubles at and around a root r (an mpf) of f', where f' is ill-conditioned."""
    x = rnd(r)
    pts = neighbours(x, 2)
    pts += [x * (1 + e) for e in (1e-12, -1e-12, 1e-8, -1e-8, 1e-4, -1e-4)]
    return pts


def extra_points(id, p):
    """Points that matter to one entry: the roots of f' and f'' and thresholds."""
    fn = SPECS[id][0]
    with mp.workdps(DPS):
        def d1(x):
            return fn(x, p)[1]

        def d2(x):
            return fn(x, p)[2]
        pts = []
        if id in ('gelu', 'gelu-tanh', 'silu', 'swish', 'mish'):
            b = p.get('beta', 1.0)
            guess = {'gelu': -0.75, 'gelu-tanh': -0.75, 'silu': -1.28, 'swish': -1.28 / b,
                     'mish': -1.19}[id]
            pts += root_points(root(d1, guess))
            inflections = {'gelu': (-1.41, 1.41), 'gelu-tanh': (-1.4, 1.4),
                           'silu': (-2.4, 2.4), 'swish': (-2.4 / b, 2.4 / b),
                           'mish': (-2.2, 1.6)}[id]
            pts += [rnd(root(d2, g)) for g in inflections]
        if id == 'hard-swish':
            pts += root_points(mpf(-1.5))
        if id == 'softplus':
            t = 20 / p['beta']
            pts += neighbours(t, 2) + [t + 0.5, -t]
        if id == 'hard-tanh':
            pts += neighbours(p['min'], 2) + neighbours(p['max'], 2)
        return pts


def points_for(id, p):
    seen, out = set(), []
    for x in COMMON + extra_points(id, p):
        key = 'nan' if math.isnan(x) else (x, math.copysign(1, x))
        if key not in seen:
            seen.add(key)
            out.append(x)
    return out


# ------------------------------------------------------------------------------------------
# Evaluation


def evaluate(id, p, x):
    """One row [x, f, f', cond f, cond f'] of reference values at the double x."""
    fn, limits, exact = SPECS[id]
    if math.isnan(x):
        return [token(x), 'NaN', 'NaN', 0, 0]
    if math.isinf(x):
        with mp.workdps(DPS):
            fm, fp, dm, dp = limits(p)
            fv, dv = (fm, dm) if x < 0 else (fp, dp)
            return [token(x), fv if isinstance(fv, str) else token(rnd(fv)),
                    token(rnd(dv)), 0, 0]
    # Arguments such as x^2/2 (gelu) or k1 x^3 (gelu-tanh) must be exact before exp() sees
    # them, and for tiny x a value such as x (1/2 + x/sqrt(2 pi)) (gelu) must keep its x^2
    # term: add three digits for every decimal digit of the exponent of x.
    extra = 3 * math.ceil(abs(math.log10(abs(x)))) if x != 0 else 0
    rows = []
    for dps in (DPS + extra, CHECK_DPS + 2 * extra):
        with mp.workdps(dps):
            X = mpf(x)
            f, d, d2 = fn(X, p)
            rows.append((rnd(f), rnd(d), f == 0, condition(X, f, d), condition(X, d, d2)))
            exact_f, exact_d = f, d
    (f, d, zero, cf, cd), (f2, d2_, _, _, _) = rows
    if not exact and (midpoint(exact_f) or midpoint(exact_d)):
        raise AssertionError(f'{id} {p} at {x!r}: a value lies on a rounding midpoint')
    if (token(f), token(d)) != (token(f2), token(d2_)):
        raise AssertionError(f'{id} {p} at {x!r}: {DPS} digits give {f!r}, {d!r}; '
                             f'{CHECK_DPS} give {f2!r}, {d2_!r}')
    if zero:  # f is exactly 0
        if x == 0 and id not in UNSIGNED_AT_ZERO:
            ft = '-0' if math.copysign(1, x) < 0 else 0
        elif id in FLAT_ZERO:
            ft = '±0'
        else:
            raise AssertionError(f'{id} {p}: f({x!r}) is exactly 0 off a flat piece')
    else:
        ft = token(f)
    return [token(x), ft, token(d), cond_token(cf), cond_token(cd)]


def entry(id, p):
    exact = SPECS[id][2]
    rows = [evaluate(id, p, x) for x in points_for(id, p)]
    if exact:
        rows = [r[:3] for r in rows]
    return {'id': id, 'params': p, 'exact': exact, 'points': rows}


# ------------------------------------------------------------------------------------------
# Vector functions: softmax and log-softmax with temperature T, componentwise.


def vector_reference(id, x, t):
    out = []
    for dps in (DPS, CHECK_DPS):
        with mp.workdps(dps):
            T = mpf(t)
            z = [mpf(v) / T for v in x]
            m = max(z)
            e = [mp.exp(v - m) for v in z]
            total = mp.fsum(e)
            s = [v / total for v in e]
            logs = mp.log(total)
            ys = s if id == 'softmax' else [v - m - logs for v in z]
            conds = []
            for i, y in enumerate(ys):
                # sum_j |x_j d y_i / d x_j| / |y_i|, with d s_i/d x_j = s_i (delta_ij - s_j) / T
                # and d log s_i / d x_j = (delta_ij - s_j) / T.
                c = mp.fsum(abs(z[j] * ((1 if i == j else 0) - s[j])) for j in range(len(x)))
                if id == 'log-softmax':
                    c = c / abs(y) if y != 0 else (0 if c == 0 else mpf('inf'))
                conds.append(cond_token(INF if mp.isinf(c) else float(c)))
            out.append(([token(rnd(y)) for y in ys], conds))
    if out[0][0] != out[1][0]:
        raise AssertionError(f'{id} {x} T={t}: the two precisions disagree')
    return {'id': id, 'params': {'temperature': t}, 'x': [token(v) for v in x],
            'y': out[0][0], 'cond': out[0][1]}


def vector_cases():
    rng = random.Random(1990)
    cases = [
        ([1.0, 2.0, 3.0], 1.0),
        ([1000.0, 1000.0], 1.0),
        ([1e308, -1e308], 1.0),
        ([-1e308, 1e308], 10.0),
        ([-1000.0, 0.0, 1000.0], 1.0),
        ([0.1, 0.2, 0.7], 1.0),
        ([5.0], 1.0),
        ([1.0, 1.0 + 2 ** -52], 1.0),
        ([0.0, -1e4], 1.0),
        ([-745.0, 0.0], 1.0),
        ([-30.0, 0.0, 30.0], 1.0),
        ([1e-20, 0.0, -1e-20], 1.0),
        ([710.0, 700.0, -710.0], 1.0),
        ([0.0, -36.0, -37.0, -38.0], 1.0),
        ([2.5, 2.5, 2.5, 2.5, 2.5], 1.0),
        ([1.0, 2.0, 3.0], 0.05),
        ([3.0, 1.0, -2.0, 0.5], 0.05),
        ([3.0, 1.0, -2.0, 0.5], 0.5),
        ([3.0, 1.0, -2.0, 0.5], 2.0),
        ([3.0, 1.0, -2.0, 0.5], 10.0),
        ([3.0, 1.0, -2.0, 0.5], 0.3),
    ]
    temperatures = [1.0, 1.0, 1.0, 0.7, 2.0, 0.05, 10.0, 3.3]
    for i, t in enumerate(temperatures):
        n = 2 + i
        cases.append(([rng.uniform(-10, 10) for _ in range(n)], t))
    cases.append(([rng.uniform(-1, 1) for _ in range(64)], 1.0))
    return [vector_reference(id, x, t) for id in ('softmax', 'log-softmax') for x, t in cases]


# ------------------------------------------------------------------------------------------
# Independent checks of the formulas above (they stop the script if one fails)


def close(a, b, rel):
    return abs(a - b) <= rel * abs(b)


def self_check():
    with mp.workdps(60):
        # Published or independently computed values.
        assert close(f_gelu(mpf(-10), {})[0], mpf('-7.6198530241605260e-23'), 1e-15)
        assert close(f_softplus(mpf(20), {'beta': 1.0})[0], mpf('20.000000002061153'), 1e-16)
        # facts.md section 1 oracle values (minima of f, extremes of f').
        for fn, guess, at, value in (
            (f_gelu, -0.75, '-0.75179152469356446', '-0.16997120747990366'),
            (f_silu, -1.28, '-1.2784645427610738', '-0.2784645427610738'),
            (f_mish, -1.19, '-1.1924312145154952', '-0.30884341301725041'),
        ):
            x = root(lambda v, fn=fn: fn(v, {})[1], guess)
            assert close(x, mpf(at), 1e-15), (fn.__name__, x)
            assert close(fn(x, {})[0], mpf(value), 1e-15), (fn.__name__, fn(x, {})[0])
        # gelu-tanh with the float64 constants: the facts.md oracle (exact constants) to 1e-12.
        x = root(lambda v: f_gelu_tanh(v, {})[1], -0.75)
        assert close(x, mpf('-0.75246142207101626'), 1e-12), x
        assert close(f_gelu_tanh(x, {})[0], mpf('-0.17004075057125405'), 1e-12)
        assert close(f_gelu(mp.sqrt(2), {})[1], mpf('1.128904145'), 1e-9)
        assert close(f_silu(root(lambda v: f_silu(v, {})[2], 2.4), {})[1], mpf('1.09983932'),
                     1e-8)
        lo = f_mish(root(lambda v: f_mish(v, {})[2], -2.2), {})[1]
        hi = f_mish(root(lambda v: f_mish(v, {})[2], 1.6), {})[1]
        assert close(lo, mpf('-0.1125261'), 1e-6) and close(hi, mpf('1.0884982'), 1e-7)
        assert close(-mpf(SELU_LAMBDA) * mpf(SELU_ALPHA), mpf('-1.7580993408473768'), 1e-16)
        # Textbook forms, at high precision where they do not cancel.
        for v in ('-7.3', '-2.1', '-0.6', '0.37', '1.9', '4.4', '8.8'):
            x = mpf(v)
            s = 1 / (1 + mp.exp(-x))
            assert close(f_gelu(x, {})[0], x / 2 * (1 + mp.erf(x / mp.sqrt(2))), 1e-40)
            assert close(f_gelu_tanh(x, {})[0],
                         x / 2 * (1 + mp.tanh(GELU_K0 * (x + GELU_K1 * x ** 3))), 1e-40)
            assert close(f_silu(x, {})[0], x * s, 1e-50)
            assert close(f_mish(x, {})[0], x * mp.tanh(mp.log(1 + mp.exp(x))), 1e-50)
            assert close(f_log_sigmoid(x, {})[0], mp.log(s), 1e-50)
            assert close(f_softplus(x, {'beta': 2.0})[0], mp.log(1 + mp.exp(2 * x)) / 2, 1e-50)
            assert close(f_tanh(x, {})[1], 1 - mp.tanh(x) ** 2, 1e-40)
            assert close(f_sigmoid(x, {})[1], s * (1 - s), 1e-40)
        # erfc's asymptotic series against mpmath where both work.
        for z in ('1e3', '1e6', '3.7e7'):
            assert close(erfc_asymptotic(mpf(z)), mp.erfc(mpf(z)), 1e-55), z
        # Every analytic f' and f'' against mpmath's numerical differentiation.
        for id, p in ENTRIES:
            fn = SPECS[id][0]
            for v in ('-7.3', '-2.1', '-0.6', '0.37', '1.9', '4.4', '8.8'):
                x = mpf(v)
                f, d, d2 = fn(x, p)
                nd = mp.diff(lambda t: fn(t, p)[0], x)
                nd2 = mp.diff(lambda t: fn(t, p)[0], x, 2)
                assert abs(d - nd) <= 1e-30 * (1 + abs(d)), (id, p, v, d, nd)
                assert abs(d2 - nd2) <= 1e-25 * (1 + abs(d2)), (id, p, v, d2, nd2)


def write_json(data, path):
    """One scalar row or vector case a line: readable diffs, round-trip numbers."""
    def dump(v):
        return json.dumps(v, ensure_ascii=False, separators=(',', ':'))
    lines = ['{']
    for key in ('about', 'generator', 'mpmath', 'dps', 'conventions'):
        lines.append(f'  {dump(key)}: {dump(data[key])},')
    lines.append('  "scalars": [')
    for i, e in enumerate(data['scalars']):
        head = {k: e[k] for k in ('id', 'params', 'exact')}
        lines.append('    ' + dump(head)[:-1] + ',"points":[')
        lines += ['      ' + dump(r) + (',' if j < len(e['points']) - 1 else '')
                  for j, r in enumerate(e['points'])]
        lines.append('    ]}' + (',' if i < len(data['scalars']) - 1 else ''))
    lines.append('  ],')
    lines.append('  "vectors": [')
    lines += ['    ' + dump(c) + (',' if i < len(data['vectors']) - 1 else '')
              for i, c in enumerate(data['vectors'])]
    lines.append('  ]')
    lines.append('}')
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')


def main():
    self_check()
    data = {
        'about': 'Correctly rounded float64 values of the activations and their derivatives, '
                 'with condition numbers. Rows: [x, f, df, cond f, cond df] ([x, f, df] for '
                 'exact entries). See the generator for the conventions.',
        'generator': 'scripts/reference/activations.py (/usr/bin/python3 '
                     'scripts/reference/activations.py)',
        'mpmath': mpmath.__version__,
        'dps': [DPS, CHECK_DPS],
        'conventions': {
            'rrelu': 'evaluation slope (0.125 + fl(1/3)) / 2 in float64 = 0.22916666666666666',
            'gelu-tanh': 'k0 = 0.7978845608028654, k1 = 0.044715 (float64)',
            'selu': f'lambda = {SELU_LAMBDA}, alpha = {SELU_ALPHA} (exact decimals)',
            'zeros': '"-0" and 0 are signed zeros; "±0" is an exact zero of either sign',
        },
        'scalars': [entry(id, p) for id, p in ENTRIES],
        'vectors': vector_cases(),
    }
    write_json(data, OUT)
    size = os.path.getsize(OUT)
    rows = sum(len(e['points']) for e in data['scalars'])
    print(f'wrote {os.path.normpath(OUT)}: {len(data["scalars"])} entries, {rows} rows, '
          f'{len(data["vectors"])} vector cases, {size} bytes')


if __name__ == '__main__':
    main()
