// Spherical-harmonic gravity to high degree and order, evaluated in ITRF without singularities
// at the poles and without underflow of the sectorial terms.
//
// Formulation: Pines, "Uniform Representation of the Gravitational Potential and its
// Derivatives", AIAA Journal 11(11), 1508–1511 (1973), with fully normalized derived Legendre
// functions; the recursions are the modified forward column method of Holmes & Featherstone,
// "A unified approach to the Clenshaw summation and the recursive computation of very high
// degree and order normalised associated Legendre functions", J. Geodesy 76, 279–299 (2002),
// §2 (the u^m factor is kept out of the column recursion). Our own
// derivation and code:
//
//   With ê = (s, t, u) = r/|r| and q = R/r, V = (μ/r) Σ_n q^n Σ_m Ā_nm(u) D_nm(s, t), where
//   Ā_nm = P̄_nm / cos^m φ is a polynomial in u (HF's X̄_nm, Pines' normalized A_nm) and
//   D_nm = C̄_nm ρ_m + S̄_nm ι_m with ρ_m + i ι_m = (s + i t)^m. Because ∂ê/∂r = (I − êêᵀ)/r and
//   D_nm is homogeneous of degree m in (s, t),
//     ∇V = (μ/r²) [ G − (H + u G_u) ê ],
//     G_s = Σ q^n m Ā_nm (C̄ ρ_{m−1} + S̄ ι_{m−1}),   G_t = Σ q^n m Ā_nm (S̄ ρ_{m−1} − C̄ ι_{m−1}),
//     G_u = Σ q^n k_nm Ā_{n,m+1} D_nm,  k_nm = √((n − m)(n + m + 1)/(1 + δ_m0))  (dĀ_nm/du),
//     H   = Σ q^n (n + m + 1) Ā_nm D_nm.
//   Column recursion (HF §2, without the u^m factor), with Â_nm = q^n Ā_nm:
//     Â_mm = q √((2m+1)/(2m)) Â_{m−1,m−1} (Â_11 = q√3, Â_00 = 1),
//     Â_nm = a_nm (q u) Â_{n−1,m} − b_nm q² Â_{n−2,m},
//     a_nm = √((2n+1)(2n−1)/((n−m)(n+m))),  b_nm = √((2n+1)(n+m−1)(n−m−1)/((n−m)(n+m)(2n−3))).
//   Column m+1 supplies the derivative terms of column m, so one pass over the columns
//   evaluates everything and no per-call storage is needed.

/// Spherical-harmonic gravity of a `GravityFieldCoefficients` field to a chosen degree and
/// order, evaluated in ITRF and rotated to GCRF with the context's Earth rotation.
///
/// Working storage: the recursion coefficients a_nm, b_nm and the coefficient products are
/// precomputed once at `init` into an immutable array shared by copies of the model (Sendable,
/// read-only); an evaluation walks the columns with O(1) scalar state, so it neither allocates
/// nor needs per-call scratch buffers.
///
/// Accuracy: agrees with Orekit's Holmes–Featherstone model to ≤ 1e-13 of |a| at degree and
/// order 2, 20, 70, 360 from 200 km to 36 000 km altitude (see GravityHarmonicsTests).
/// Beyond about 40 000 km radius at degree 360 the highest-degree terms fall into the
/// subnormal range (q^360 < 1e-300); they are negligible there, but subnormal arithmetic is slow.
/// - Complexity: O(N·M) per evaluation for degree N and order M.
/// - References: Pines, AIAA J. 11 (1973) 1508; Holmes & Featherstone, J. Geodesy 76 (2002)
///   279; Montenbruck & Gill, *Satellite Orbits* (2000) §3.2.
public struct SphericalHarmonicGravity: ForceModel {
  /// Degree N of the evaluated expansion.
  public let degree: Int
  /// Order M of the evaluated expansion (≤ N).
  public let order: Int
  /// Gravitational parameter μ (m³/s²).
  public let gravitationalParameter: Double
  /// Reference radius R (m).
  public let referenceRadius: Double
  /// Whether the degree-0 term −μ r/|r|³ is included.
  public let includesCentralTerm: Bool
  /// Per column k = 0…K and row n = k…N, six values: a_nk, b_nk, C̄_nk, S̄_nk,
  /// k_{n,k−1} C̄_{n,k−1}, k_{n,k−1} S̄_{n,k−1}.
  @usableFromInline let records: [Double]
  /// Sectorial factors: q-free ratio Ā_kk/Ā_{k−1,k−1} for k = 0…K (index 0 unused).
  @usableFromInline let sectorial: [Double]
  /// Last column evaluated: min(M + 1, N).
  @usableFromInline let lastColumn: Int

  /// The field `field` cut at `degree` and `order`.
  ///
  /// - Parameters:
  ///   - field: the coefficients (e.g. `GravityFieldCoefficients.egm96`).
  ///   - degree: N ≤ `field.degree`.
  ///   - order: M ≤ N and ≤ `field.order`.
  ///   - includesCentralTerm: include −μ r/|r|³ (default true; false gives only the
  ///     non-central part, for summing with `PointMassGravity`).
  public init(field: GravityFieldCoefficients, degree: Int, order: Int, includesCentralTerm: Bool = true) {
    precondition(degree >= 0 && degree <= field.degree, "degree out of range")
    precondition(order >= 0 && order <= degree && order <= field.order, "order out of range")
    self.degree = degree
    self.order = order
    self.gravitationalParameter = field.gravitationalParameter
    self.referenceRadius = field.referenceRadius
    self.includesCentralTerm = includesCentralTerm
    let n = degree
    let last = min(order + 1, n)
    lastColumn = last
    var rec = [Double]()
    rec.reserveCapacity(6 * (last + 1) * (n + 1))
    func c(_ i: Int, _ k: Int) -> Double {
      if i == 0 && k == 0 { return includesCentralTerm ? 1 : 0 }
      return k <= order ? field.c(i, k) : 0
    }
    func s(_ i: Int, _ k: Int) -> Double { k <= order ? field.s(i, k) : 0 }
    for k in 0...last {
      for i in k...n {
        let di = Double(i), dk = Double(k)
        var a = 0.0, b = 0.0
        if i > k {
          a = ((2 * di + 1) * (2 * di - 1) / ((di - dk) * (di + dk))).squareRoot()
          if i > k + 1 {
            b = ((2 * di + 1) * (di + dk - 1) * (di - dk - 1) / ((di - dk) * (di + dk) * (2 * di - 3))).squareRoot()
          }
        }
        var dc = 0.0, ds = 0.0
        if k >= 1 {
          let m = k - 1
          let dm = Double(m)
          let ratio = ((di - dm) * (di + dm + 1) / (m == 0 ? 2 : 1)).squareRoot()
          dc = ratio * c(i, m)
          ds = ratio * s(i, m)
        }
        rec.append(contentsOf: [a, b, c(i, k), s(i, k), dc, ds])
      }
    }
    records = rec
    var sec = [Double](repeating: 0, count: last + 1)
    if last >= 1 { sec[1] = Double(3).squareRoot() }
    if last >= 2 {
      for k in 2...last { sec[k] = (Double(2 * k + 1) / Double(2 * k)).squareRoot() }
    }
    sectorial = sec
  }

  /// EGM96 at degree N and order M (including the central term).
  ///
  /// - Parameters:
  ///   - degree: N ≤ 360.
  ///   - order: M ≤ N.
  /// - References: Lemoine et al., NASA/TP-1998-206861 (1998).
  public static func egm96(degree: Int, order: Int) -> SphericalHarmonicGravity {
    SphericalHarmonicGravity(field: .egm96, degree: degree, order: order)
  }

  /// Needs the GCRF → ITRF rotation.
  public var requirements: ForceContextRequirements { .earthRotation }

  /// The acceleration in ITRF (m/s²) at an ITRF position.
  ///
  /// - Parameter p: Earth-fixed position (m); NaN results at r = 0.
  /// - Returns: ∇V in ITRF axes (m/s²).
  /// - References: see the file header.
  public func acceleration(itrfPosition p: Vector3) -> Vector3 {
    let r2 = p.x * p.x + p.y * p.y + p.z * p.z
    let r = r2.squareRoot()
    let rInv = 1 / r
    let s = p.x * rInv, t = p.y * rInv, u = p.z * rInv
    let q = referenceRadius * rInv
    let qu = q * u
    let q2 = q * q
    let nMax = degree
    let last = lastColumn

    var totals = HarmonicTotals()
    records.withUnsafeBufferPointer { rec in
      sectorial.withUnsafeBufferPointer { sec in
        // State of column k: its seed Â_kk, (ρ_k, ι_k) and (ρ_{k−1}, ι_{k−1}).
        var k = 0
        var base = 0
        var seed = 1.0
        var rho = 1.0, iota = 0.0
        var rhoPrev = 0.0, iotaPrev = 0.0
        // Two columns per pass: their recursions are independent dependency chains, which
        // roughly doubles the instruction-level parallelism of the serial column recursion.
        while k + 1 <= last {
          let seedB = seed * q * sec[k + 1]
          let rhoB = s * rho - t * iota
          let iotaB = s * iota + t * rho
          let baseB = base + 6 * (nMax - k + 1)
          var a = ColumnSums(), b = ColumnSums()
          // Rows n = k (column k) and n = k + 1 (both columns).
          var iA = base, iB = baseB
          var p2A = seed
          a.add(seed, Double(k), rec, iA)
          iA &+= 6
          var p1A = rec[iA] * qu * p2A
          a.add(p1A, Double(k + 1), rec, iA)
          iA &+= 6
          var p1B = seedB, p2B = 0.0
          b.add(seedB, Double(k + 1), rec, iB)
          iB &+= 6
          var n = k + 2
          var dn = Double(n)
          while n <= nMax {
            let pA = rec[iA] * qu * p1A - rec[iA + 1] * q2 * p2A
            let pB = rec[iB] * qu * p1B - rec[iB + 1] * q2 * p2B
            p2A = p1A
            p1A = pA
            p2B = p1B
            p1B = pB
            a.add(pA, dn, rec, iA)
            b.add(pB, dn, rec, iB)
            iA &+= 6
            iB &+= 6
            n &+= 1
            dn += 1
          }
          totals.add(a, column: k, rho: rho, iota: iota, rhoPrev: rhoPrev, iotaPrev: iotaPrev)
          totals.add(b, column: k + 1, rho: rhoB, iota: iotaB, rhoPrev: rho, iotaPrev: iota)
          // Advance to column k + 2.
          base = iB
          k += 2
          if k <= last {
            seed = seedB * q * sec[k]
            rhoPrev = rhoB
            iotaPrev = iotaB
            rho = s * rhoB - t * iotaB
            iota = s * iotaB + t * rhoB
          }
        }
        if k == last {
          // The remaining single column.
          var a = ColumnSums()
          var i = base
          var p1 = seed, p2 = 0.0
          a.add(seed, Double(k), rec, i)
          i &+= 6
          var n = k + 1
          var dn = Double(n)
          while n <= nMax {
            let pn = rec[i] * qu * p1 - rec[i + 1] * q2 * p2
            p2 = p1
            p1 = pn
            a.add(pn, dn, rec, i)
            i &+= 6
            n &+= 1
            dn += 1
          }
          totals.add(a, column: k, rho: rho, iota: iota, rhoPrev: rhoPrev, iotaPrev: iotaPrev)
        }
      }
    }
    let scale = gravitationalParameter / r2
    let radial = totals.h + u * totals.gu
    return Vector3(
      scale * (totals.gs - radial * s), scale * (totals.gt - radial * t), scale * (totals.gu - radial * u))
  }

  /// The acceleration in GCRF (m/s²): the ITRF acceleration at the rotated position, rotated back.
  public func acceleration(position: Vector3, velocity: Vector3, mass: Double, context: ForceContext) -> Vector3 {
    let rotation = context.gcrfToITRF
    return rotation.transposeMultiply(acceleration(itrfPosition: rotation * position))
  }
}

/// Sums over one column k of Â_nk·C̄, Â_nk·S̄, n·Â_nk·C̄, n·Â_nk·S̄ and the derivative terms of
/// column k − 1 (see the file header).
@usableFromInline
struct ColumnSums {
  var sc = 0.0, ss = 0.0, hc = 0.0, hs = 0.0, dc = 0.0, ds = 0.0

  @usableFromInline init() {}

  /// Adds row n (value `p` = Â_nk, `dn` = n) with the record at `i`.
  @inline(__always) @usableFromInline
  mutating func add(_ p: Double, _ dn: Double, _ rec: UnsafeBufferPointer<Double>, _ i: Int) {
    let c = rec[i + 2], s = rec[i + 3]
    sc += p * c
    ss += p * s
    let np = dn * p
    hc += np * c
    hs += np * s
    dc += p * rec[i + 4]
    ds += p * rec[i + 5]
  }
}

/// The running sums G_s, G_t, G_u and H of the file header.
@usableFromInline
struct HarmonicTotals {
  var gs = 0.0, gt = 0.0, gu = 0.0, h = 0.0

  @usableFromInline init() {}

  /// Folds in column k's sums with (ρ_k, ι_k) and (ρ_{k−1}, ι_{k−1}).
  @inline(__always) @usableFromInline
  mutating func add(_ c: ColumnSums, column k: Int, rho: Double, iota: Double, rhoPrev: Double, iotaPrev: Double) {
    let w = Double(k + 1)
    h += rho * (c.hc + w * c.sc) + iota * (c.hs + w * c.ss)
    if k >= 1 {
      let dk = Double(k)
      gs += dk * (rhoPrev * c.sc + iotaPrev * c.ss)
      gt += dk * (rhoPrev * c.ss - iotaPrev * c.sc)
      gu += rhoPrev * c.dc + iotaPrev * c.ds
    }
  }
}
