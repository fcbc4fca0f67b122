// Fused multiply-add in the integrators' hot loops, switched at build time. Our own code.
//
// A portable x86-64 build has no FMA instruction (a fused multiply-add would be a library call),
// so the stage sums of the Runge–Kutta–Nyström kernel are plain `x + c·g` there. A build for a
// CPU that has FMA (Package.swift: `ORBIT_TARGET_CPU=native ORBIT_FMA=1`) compiles them as one
// fused operation each: one rounding instead of two, and one latency instead of two on the
// critical path of a single orbit. Scalar and lane code switch together, so a batch lane still
// equals the scalar result bit for bit within one build.

/// What the build was compiled for (reported by `orbit-bench`).
public enum OrbitBuild {
  /// Whether the integrators' hot loops use fused multiply-add (`ORBIT_FMA` at build time).
  public static var fusedMultiplyAdd: Bool {
    #if ORBIT_FMA
      return true
    #else
      return false
    #endif
  }
}

extension SIMD3 where Scalar == Double {
  /// `self + c·g` rounded once (an FMA instruction on a CPU that has one).
  ///
  /// - Parameters:
  ///   - c: the factor.
  ///   - g: the vector it multiplies.
  @inlinable @inline(__always)
  public func fusedAdding(_ c: Double, _ g: Self) -> Self {
    Self(x.addingProduct(c, g.x), y.addingProduct(c, g.y), z.addingProduct(c, g.z))
  }
}

extension LaneVector3 {
  /// `self + c·g` per lane, rounded once (an FMA instruction on a CPU that has one).
  ///
  /// - Parameters:
  ///   - c: the factor (all lanes).
  ///   - g: the lane vector it multiplies.
  @inlinable @inline(__always)
  public func fusedAdding(_ c: Double, _ g: Self) -> Self {
    LaneVector3(x.addingProduct(c, g.x), y.addingProduct(c, g.y), z.addingProduct(c, g.z))
  }
}
