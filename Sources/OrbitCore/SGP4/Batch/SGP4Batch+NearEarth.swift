// The near-Earth SGP4 kernel on lanes of 8 times of one satellite.
//
// Provenance: the same equations as SGP4.swift (Hoots & Roehrich, Spacetrack Report #3 (1980)
// §6; Vallado, Crawford, Hujsak & Kelso, AIAA 2006-6753 (2006), rev. 3, `sgp4`), rearranged for
// lanes without changing the theory:
//   - the satellite's coefficients are scalars broadcast to the lanes (lanes run over times, so
//     the simplified-drag branch is uniform and no coefficient is gathered);
//   - pow is gone: near Earth the mean motion is constant, so a = (ke/n₀)^(2/3)·tempa² with the
//     first factor computed once per satellite, √a = √((ke/n₀)^(2/3))·|tempa|, n = ke/(a√a), and
//     √p = √a·β with β = √(1 − e²) (p = a(1 − e²)): one vector square root per state;
//   - the fmod calls are dropped: the angles only enter sines and cosines (reduced by
//     `LaneMath.sinCos`) except u = M + ω + …, the start of Kepler's iteration, which is reduced
//     to [−π, π] (the reference's fmod gives (−2π, 2π); the root differs by 2π, its sine and
//     cosine do not);
//   - atan2 is gone: the argument of latitude enters only through sin u and cos u, and the short-
//     period correction δu is applied as a rotation by δu of the (renormalised) (cos u, sin u);
//   - sin/cos of the small corrections (δu, δi, and the drag offset of M) come from a Taylor
//     series and a rotation of the known sine and cosine (`LaneMath.sinCosNearZero`);
//   - Kepler's equation is iterated with a lane mask: a lane stops updating when its step falls
//     below 1e-12 rad (keeping the sine and cosine of the iterate before that step, as the
//     reference does), and the loop ends when all lanes have stopped or after 10 iterations,
//     the reference's limit; the 0.95 rad step clamp is kept. When all remaining steps are
//     below 1e-6 rad, the last sine and cosine come from a second-order rotation by that step
//     instead of one more iteration (the reference would iterate once more and keep the same
//     values to ~1e-16).
// Error codes 1, 4 and 6 are computed as lane masks in the reference's order.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension SGP4Batch {
  /// A satellite's near-Earth coefficients as the lane kernel uses them (canonical units:
  /// Earth radii, minutes, radians).
  @usableFromInline
  struct NearEarthTerms: Sendable {
    var mo = 0.0, mdot = 0.0, argpo = 0.0, argpdot = 0.0, nodeo = 0.0, nodedot = 0.0
    var nodecf = 0.0, cc1 = 0.0, bstarCC4 = 0.0, t2cof = 0.0
    var fullDrag = false
    var omgcof = 0.0, eta = 0.0, xmcof = 0.0, delmo = 0.0, d2 = 0.0, d3 = 0.0, d4 = 0.0
    var bstarCC5 = 0.0, sinmao = 0.0, t3cof = 0.0, t4cof = 0.0, t5cof = 0.0
    /// (ke/n₀)^(2/3) and its square root (Earth radii, Earth radii^½).
    var aKozai = 0.0, sqrtAKozai = 0.0
    var xke = 0.0, no = 0.0, ecco = 0.0, inclo = 0.0, sinio = 0.0, cosio = 0.0
    var aycof = 0.0, xlcof = 0.0, con41 = 0.0, x1mth2 = 0.0, x7thm1 = 0.0, j2 = 0.0
    var radiusKm = 0.0, velocityKmPerSecond = 0.0

    init(_ m: SGP4) {
      mo = m.meanAnomaly0
      mdot = m.mdot
      argpo = m.argumentOfPerigee0
      argpdot = m.argpdot
      nodeo = m.raan0
      nodedot = m.nodedot
      nodecf = m.nodecf
      cc1 = m.cc1
      bstarCC4 = m.bstar * m.cc4
      t2cof = m.t2cof
      fullDrag = !m.isSimplifiedDrag
      omgcof = m.omgcof
      eta = m.eta
      xmcof = m.xmcof
      delmo = m.delmo
      d2 = m.d2
      d3 = m.d3
      d4 = m.d4
      bstarCC5 = m.bstar * m.cc5
      sinmao = m.sinmao
      t3cof = m.t3cof
      t4cof = m.t4cof
      t5cof = m.t5cof
      xke = m.xke
      no = m.meanMotion0
      aKozai = pow(m.xke / m.meanMotion0, 2.0 / 3.0)
      sqrtAKozai = aKozai.squareRoot()
      ecco = m.eccentricity0
      inclo = m.inclination0
      sinio = sin(m.inclination0)
      cosio = cos(m.inclination0)
      aycof = m.aycof
      xlcof = m.xlcof
      con41 = m.con41
      x1mth2 = m.x1mth2
      x7thm1 = m.x7thm1
      j2 = m.j2
      radiusKm = m.radiusKm
      velocityKmPerSecond = m.velocityKmPerSecond
    }
  }

  /// The states of `SGP4Lane.scalarCount` times of one near-Earth satellite: position (km), velocity (km/s) in TEME
  /// and the error code per lane (0, or 1, 4, 6 as the reference).
  @inline(__always)
  static func nearEarthLanes(_ c: NearEarthTerms, _ t: SGP4Lane) -> (
    x: SGP4Lane, y: SGP4Lane, z: SGP4Lane, vx: SGP4Lane, vy: SGP4Lane, vz: SGP4Lane,
    code: SGP4Lane
  ) {
    typealias L = SGP4Lane
    // Secular gravity and atmospheric drag.
    let xmdf = c.mdot * t + c.mo
    let argpdf = c.argpdot * t + c.argpo
    let nodedf = c.nodedot * t + c.nodeo
    var argpm = argpdf
    var mm = xmdf
    let t2 = t * t
    let nodem = c.nodecf * t2 + nodedf
    var tempa = 1.0 - c.cc1 * t
    var tempe = c.bstarCC4 * t
    var templ = c.t2cof * t2
    if c.fullDrag {
      let delomg = c.omgcof * t
      let (sinMdf, cosMdf) = LaneMath.sinCos(xmdf)
      let delmtemp = c.eta * cosMdf + 1.0
      let delm = c.xmcof * (delmtemp * delmtemp * delmtemp - c.delmo)
      let temp = delomg + delm
      mm = xmdf + temp
      argpm = argpdf - temp
      let t3 = t2 * t
      let t4 = t3 * t
      tempa = tempa - c.d2 * t2 - c.d3 * t3 - c.d4 * t4
      // sin(M_df + δ) by rotation: δ (drag, ≲ 1e-3 rad) is small.
      let (sinTemp, cosTemp) = LaneMath.sinCosNearZero(temp)
      let sinMm = sinMdf * cosTemp + cosMdf * sinTemp
      tempe = tempe + c.bstarCC5 * (sinMm - c.sinmao)
      templ = templ + c.t3cof * t3 + t4 * (c.t5cof * t + c.t4cof)
    }

    let am = c.aKozai * tempa * tempa
    let sqrtAm = c.sqrtAKozai * LaneMath.magnitude(tempa)
    let nm = c.xke / (am * sqrtAm)
    var em = c.ecco - tempe
    let error1 = (em .>= 1.0) .| (em .< -0.001)
    em = LaneMath.select(em .< 1.0e-6, L(repeating: 1.0e-6), em)
    mm = mm + c.no * templ

    // Long-period periodics (near Earth: e_p = e_m, i_p = i₀, ω_p = ω_m, Ω_p = Ω_m, M_p = M_m).
    let (sinArgp, cosArgp) = LaneMath.sinCos(argpm)
    let axnl = em * cosArgp
    var temp = 1.0 / (am * (1.0 - em * em))
    let aynl = em * sinArgp + temp * c.aycof
    // u = x_l − Ω_p = M + ω + (1/(a(1−e²)))·xlcof·a_xN.
    let u = LaneMath.reducedToPlusMinusPi(mm + argpm + temp * c.xlcof * axnl)

    // Kepler's equation for E + ω (masked Newton–Raphson, at most 10 iterations).
    var eo1 = u
    var sineo1 = L.zero
    var coseo1 = L.zero
    var active = SGP4LaneMask(repeating: true)
    for _ in 0..<10 {
      let (s, co) = LaneMath.sinCos(eo1)
      sineo1 = LaneMath.select(active, s, sineo1)
      coseo1 = LaneMath.select(active, co, coseo1)
      var tem5 = (u - aynl * co + axnl * s - eo1) / (1.0 - co * axnl - s * aynl)
      let big = LaneMath.magnitude(tem5) .>= 0.95
      let clamped = LaneMath.lanes(
        LaneMath.bits(L(repeating: 0.95)) | (LaneMath.bits(tem5) & 0x8000_0000_0000_0000))
      tem5 = LaneMath.select(big, clamped, tem5)
      eo1 = LaneMath.select(active, eo1 + tem5, eo1)
      let step = LaneMath.magnitude(tem5)
      active = active .& (step .>= 1.0e-12)
      if !LaneMath.anyTrue(active) { break }
      // When every remaining step is below 1e-6 rad, the next iteration would only confirm
      // the root (quadratic convergence: its own step is below ~e·1e-12); take the sine and
      // cosine of the updated iterate by a second-order rotation (error < 2e-19) instead.
      if !LaneMath.anyTrue(active .& (step .>= 1.0e-6)) {
        let halfSquare = 0.5 * tem5 * tem5
        let s1 = sineo1 + coseo1 * tem5 - sineo1 * halfSquare
        let c1 = coseo1 - sineo1 * tem5 - coseo1 * halfSquare
        sineo1 = LaneMath.select(active, s1, sineo1)
        coseo1 = LaneMath.select(active, c1, coseo1)
        break
      }
    }

    // Short-period preliminary quantities.
    let ecose = axnl * coseo1 + aynl * sineo1
    let esine = axnl * sineo1 - aynl * coseo1
    let el2 = axnl * axnl + aynl * aynl
    let oneMinusEl2 = 1.0 - el2
    let pl = am * oneMinusEl2
    let error4 = pl .< 0.0
    let rl = am * (1.0 - ecose)
    let invRl = 1.0 / rl
    let betal = LaneMath.squareRoot(oneMinusEl2)
    let rdotl = sqrtAm * esine * invRl
    let rvdotl = sqrtAm * betal * invRl
    temp = esine / (1.0 + betal)
    let aOverR = am * invRl
    var sinu = aOverR * (sineo1 - aynl - axnl * temp)
    var cosu = aOverR * (coseo1 - axnl + aynl * temp)
    // |(cos u, sin u)| = 1 up to rounding; one first-order step makes it 1 to ~1e-31.
    let norm = 1.5 - 0.5 * (sinu * sinu + cosu * cosu)
    sinu = sinu * norm
    cosu = cosu * norm
    let sin2u = (cosu + cosu) * sinu
    let cos2u = 1.0 - 2.0 * sinu * sinu
    temp = 1.0 / pl
    let temp1 = 0.5 * c.j2 * temp
    let temp2 = temp1 * temp

    // Short-period periodics.
    let mrt = rl * (1.0 - 1.5 * temp2 * betal * c.con41) + 0.5 * temp1 * c.x1mth2 * cos2u
    let deltaU = -0.25 * temp2 * c.x7thm1 * sin2u
    let xnode = nodem + 1.5 * temp2 * c.cosio * sin2u
    let deltaI = 1.5 * temp2 * c.cosio * c.sinio * cos2u
    let mvt = rdotl - nm * temp1 * c.x1mth2 * sin2u / c.xke
    let rvdot = rvdotl + nm * temp1 * (c.x1mth2 * cos2u + 1.5 * c.con41) / c.xke

    // Orientation vectors; su = u + δu and i = i₀ + δi by rotation (δu, δi small).
    let (sinDu, cosDu) = LaneMath.sinCosNearZero(deltaU)
    let sinsu = sinu * cosDu + cosu * sinDu
    let cossu = cosu * cosDu - sinu * sinDu
    let (snod, cnod) = LaneMath.sinCos(xnode)
    let (sinDi, cosDi) = LaneMath.sinCosNearZero(deltaI)
    let sini = c.sinio * cosDi + c.cosio * sinDi
    let cosi = c.cosio * cosDi - c.sinio * sinDi
    let xmx = -snod * cosi
    let xmy = cnod * cosi
    let ux = xmx * sinsu + cnod * cossu
    let uy = xmy * sinsu + snod * cossu
    let uz = sini * sinsu
    let vx = xmx * cossu - cnod * sinsu
    let vy = xmy * cossu - snod * sinsu
    let vz = sini * cossu

    let error6 = mrt .< 1.0
    var code = LaneMath.select(error6, L(repeating: 6), L.zero)
    code = LaneMath.select(error4, L(repeating: 4), code)
    code = LaneMath.select(error1, L(repeating: 1), code)

    let mr = mrt * c.radiusKm
    let vk = c.velocityKmPerSecond
    return (
      mr * ux, mr * uy, mr * uz,
      vk * (mvt * ux + rvdot * vx), vk * (mvt * uy + rvdot * vy), vk * (mvt * uz + rvdot * vz),
      code
    )
  }

}
