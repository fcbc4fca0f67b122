/// Cholesky factorisation of symmetric positive semi-definite matrices.
enum Cholesky {
  /// L with L·Lᵀ = A (row-major n×n), allowing zero pivots (semi-definite: the column below a
  /// zero pivot must vanish too). Nil when A is not positive semi-definite (a pivot below
  /// −1e-12 of the largest diagonal element, or a non-zero column under a zero pivot).
  static func semidefiniteFactor(_ a: [Double], n: Int) -> [Double]? {
    var l = [Double](repeating: 0, count: n * n)
    let scale = (0..<n).map { a[$0 * n + $0] }.max() ?? 0
    let tolerance = 1e-12 * scale
    for j in 0..<n {
      var d = a[j * n + j]
      for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
      if d < -tolerance { return nil }
      let pivot = d > tolerance ? d.squareRoot() : 0
      l[j * n + j] = pivot
      for i in (j + 1)..<n {
        var s = a[i * n + j]
        for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
        if pivot == 0 {
          if abs(s) > 1e-9 * max(scale, Double.leastNormalMagnitude) { return nil }
          l[i * n + j] = 0
        } else {
          l[i * n + j] = s / pivot
        }
      }
    }
    return l
  }
}
