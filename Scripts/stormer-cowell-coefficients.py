#!/usr/bin/env python3
"""Coefficients of the Störmer–Cowell PEC integrator (Sources/OrbitCore/Integrators/StormerCowell.swift).

Derived here in exact rational arithmetic from the generating functions of the backward-difference
forms (Hairer, Nørsett & Wanner, Solving ODEs I, 2nd ed., §III.10, eqs. (10.4)–(10.9)), with t = ∇:

  Störmer (explicit)   Σ σ_j t^j  = (t / log(1 − t))² / (1 − t)
  Cowell  (implicit)   Σ σ*_j t^j = (t / log(1 − t))²
  velocity             Σ δ_j t^j  = (−log(1 − t) − t) / log(1 − t)²
                       (v_n = ∇r_n / h + h Σ δ_j ∇^j f_n, from hD = −log(1 − ∇))

checked against the first values printed in HNW Table III.10.1/10.2, then converted to ordinate
form (Σ_j c_j ∇^j f_n = Σ_i α_i f_{n−i}) and printed as correctly rounded doubles. Run with no
arguments; prints the Swift literals and the order checks. Our own code.
"""
from fractions import Fraction as F
from math import comb

K = 10  # back values of f in the predictor; the corrector and the velocity use K + 1
N = 24

def series_mul(a, b):
    return [sum(a[j] * b[i - j] for j in range(i + 1)) for i in range(N)]

def series_inv(a):
    b = [F(0)] * N
    b[0] = 1 / a[0]
    for i in range(1, N):
        b[i] = -sum(a[j] * b[i - j] for j in range(1, i + 1)) / a[0]
    return b

# −log(1 − t)/t = Σ t^j/(j + 1)
L = [F(1, j + 1) for j in range(N)]
g = series_inv(L)                       # t/(−log(1 − t))
cowell = series_mul(g, g)               # (t/log(1 − t))²
stormer = series_mul(cowell, [F(1)] * N)  # … / (1 − t)
# (−log(1 − t) − t)/log(1 − t)² = (L − 1)/t · t / (t² L²) · t² … = ((L − 1)/t) · (1/L²)
lm1 = L[1:] + [F(1, N + 1)]             # (L − 1)/t
delta = series_mul(lm1, series_mul(g, g))

assert [str(x) for x in stormer[:8]] == ['1', '0', '1/12', '1/12', '19/240', '3/40', '863/12096', '275/4032']
assert [str(x) for x in cowell[:8]] == ['1', '-1', '1/12', '0', '-1/240', '-1/240', '-221/60480', '-19/6048']
assert delta[0] == F(1, 2)

def ordinate(diff, k):
    return [(-1) ** i * sum(diff[j] * comb(j, i) for j in range(i, k)) for i in range(k)]

predictor = ordinate(stormer, K)        # f_n … f_{n−K+1}
corrector = ordinate(cowell, K + 1)     # f_{n+1} … f_{n−K+1}
velocity = ordinate(delta, K + 1)       # f_n … f_{n−K}

# Order checks: the formulas are exact for polynomials r(t) = t^m up to the stated degree.
def check_second(coeffs, shift, degree):
    # r(1) − 2 r(0) + r(−1) = Σ α_i r''(shift − i), h = 1
    for m in range(degree + 1):
        lhs = F(1) ** m - 2 * F(0) ** m + F(-1) ** m
        rhs = sum(c * (m * (m - 1) * F(shift - i) ** (m - 2) if m >= 2 else 0) for i, c in enumerate(coeffs))
        if lhs != rhs:
            return m - 1
    return degree

def check_velocity(coeffs, degree):
    # r'(0) = r(0) − r(−1) + Σ α_i r''(−i), h = 1
    for m in range(degree + 1):
        lhs = F(m * 0 ** (m - 1)) if m >= 1 else F(0)
        rhs = F(0) ** m - F(-1) ** m + sum(c * (m * (m - 1) * F(-i) ** (m - 2) if m >= 2 else 0) for i, c in enumerate(coeffs))
        if lhs != rhs:
            return m - 1
    return degree

print("// exact for polynomials up to degree: predictor", check_second(predictor, 0, 30),
      "corrector", check_second(corrector, 1, 30), "velocity", check_velocity(velocity, 30))
for name, c in [("predictor", predictor), ("corrector", corrector), ("velocity", velocity)]:
    print(f"// {name}")
    for i, x in enumerate(c):
        print(f"{float(x)!r},  // {x}")
