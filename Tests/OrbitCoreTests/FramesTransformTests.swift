// FrameTransform algebra, the frame graph at one epoch, and local orbital frames.

import OrbitCore
import Testing
import _OrbitTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Frames: FrameTransform and the frame graph", .tags(.property))
struct FramesTransformTests {
  static let eop = EOPValues(
    ut1MinusUTC: 0.0123, xp: 0.1 * Angle.arcsecond, yp: 0.35 * Angle.arcsecond, lengthOfDayExcess: 0.0011)
  static func epoch() throws -> Epoch { try Epoch(iso8601: "2025-03-14T15:09:26.535897Z", scale: .utc) }
  static let r = Vector3(-2_345_678.9, 5_678_901.2, 3_210_987.6)
  static let v = Vector3(-5_432.1, -3_210.9, 4_567.8)

  /// 1e-8 m and 1e-11 m/s: a handful of 3×3 products of unit-norm rotations at 7e6 m.
  static let roundingPosition = 1e-8
  static let roundingVelocity = 1e-11

  @Test("Inverse and composition: A → B → C equals A → C for every pair of frames")
  func graphConsistency() throws {
    let reduction = try FK5Reduction(epoch: Self.epoch(), eop: Self.eop)
    for a in Frame.allCases {
      for b in Frame.allCases {
        let ab = reduction.transform(from: a, to: b)
        #expect(abs(ab.rotation.determinant - 1) < 1e-14)
        let back = ab.inverse.apply(position: ab.apply(position: Self.r, velocity: Self.v).position,
          velocity: ab.apply(position: Self.r, velocity: Self.v).velocity)
        expectClose(back.position, Self.r, absolute: Self.roundingPosition, "\(a)→\(b)→\(a)")
        expectClose(back.velocity, Self.v, absolute: Self.roundingVelocity, "\(a)→\(b)→\(a)")
        let ba = reduction.transform(from: b, to: a)
        #expect(ba.rotation.maxAbsDifference(ab.inverse.rotation) < 1e-15)
        for c in Frame.allCases {
          let ac = reduction.transform(from: a, to: c)
          let viaB = ab.followed(by: reduction.transform(from: b, to: c))
          let direct = ac.apply(position: Self.r, velocity: Self.v)
          let composed = viaB.apply(position: Self.r, velocity: Self.v)
          expectClose(composed.position, direct.position, absolute: Self.roundingPosition, "\(a)→\(b)→\(c)")
          expectClose(composed.velocity, direct.velocity, absolute: Self.roundingVelocity, "\(a)→\(b)→\(c)")
          // `*` is composition in matrix order.
          #expect((reduction.transform(from: b, to: c) * ab) == viaB)
        }
      }
    }
  }

  @Test("transformFromGCRF agrees with transform(from: .gcrf, to:)")
  func fromGCRF() throws {
    for model in [CelestialPoleModel.frameBias, .nutationCorrections(dPsi: -5e-8, dEps: 2e-9)] {
      let reduction = try FK5Reduction(epoch: Self.epoch(), eop: Self.eop, model: model)
      for frame in Frame.allCases {
        let a = reduction.transformFromGCRF(to: frame)
        let b = reduction.transform(from: .gcrf, to: frame)
        #expect(a.rotation.maxAbsDifference(b.rotation) < 1e-15, "\(frame)")
        #expect((a.angularVelocity - b.angularVelocity).norm < 1e-20, "\(frame)")
      }
      // In the corrections model EME2000 is the GCRF.
      if case .nutationCorrections = model {
        #expect(reduction.transform(from: .gcrf, to: .eme2000) == .identity)
      }
    }
  }

  @Test("Earth-fixed velocity equals the time derivative of the transformed position")
  func velocityByFiniteDifference() throws {
    // A point fixed in GCRF: its ITRF velocity comes only from the frame's rotation. Precession
    // and nutation rates are neglected by design (≤ 1e-11 rad/s → ≤ 1e-4 m/s at 7e6 m); with
    // EOP held fixed the GMST rate differs from ω⊕ by the precession in right ascension.
    let epoch = try Self.epoch()
    let t0 = try FrameTransform.between(.gcrf, .itrf, at: epoch, eop: Self.eop)
    let predicted = t0.apply(position: Self.r, velocity: .zero).velocity
    let dt = 1.0
    let plus = try FrameTransform.between(.gcrf, .itrf, at: epoch + dt, eop: Self.eop).apply(position: Self.r)
    let minus = try FrameTransform.between(.gcrf, .itrf, at: epoch - dt, eop: Self.eop).apply(position: Self.r)
    let numeric = (plus - minus) / (2 * dt)
    // 1 mm/s: neglected rates (~1e-4 m/s), LOD against GMST rate (~1e-5 m/s), the central
    // difference's truncation error (ω²·r·dt²/6 ≈ 6e-6 m/s).
    expectClose(predicted, numeric, absolute: 1e-3)
    // And the same for TEME → PEF, which has the same angular velocity.
    let temeToPEF = try FrameTransform.between(.teme, .pef, at: epoch, eop: Self.eop)
    #expect(temeToPEF.angularVelocity == Vector3(0, 0, SiderealTime.earthAngularVelocity(lengthOfDayExcess: 0.0011)))
    print("FramesTransformTests.velocityByFiniteDifference |Δv| \((predicted - numeric).norm) m/s")
  }

  @Test("Earth angular velocity: 7.292115146706979e-5 rad/s × (1 − LOD/86400)")
  func earthRate() {
    #expect(SiderealTime.nominalEarthAngularVelocity == 7.292115146706979e-5)
    #expect(SiderealTime.earthAngularVelocity(lengthOfDayExcess: 0) == 7.292115146706979e-5)
    expectClose(
      SiderealTime.earthAngularVelocity(lengthOfDayExcess: 0.0015563),
      7.292115146706979e-5 * (1 - 0.0015563 / 86_400), ulps: 1)
  }

  @Test("Same frame gives the identity; inertial pairs have no angular velocity")
  func identities() throws {
    let epoch = try Self.epoch()
    for frame in Frame.allCases {
      #expect(try FrameTransform.between(frame, frame, at: epoch, eop: Self.eop) == .identity)
    }
    for a in [Frame.gcrf, .eme2000, .mod, .tod, .teme] {
      for b in [Frame.gcrf, .eme2000, .mod, .tod, .teme] {
        let t = try FrameTransform.between(a, b, at: epoch, eop: Self.eop)
        #expect(t.angularVelocity.norm < 1e-25, "\(a)→\(b)")
      }
    }
    // PEF → ITRF is the polar-motion matrix W = R1(−y_p)·R2(−x_p).
    let w = try FrameTransform.between(.pef, .itrf, at: epoch, eop: Self.eop)
    #expect(w.rotation == PolarMotion.matrix(xp: Self.eop.xp, yp: Self.eop.yp))
    // The explicit rows of R1(−y_p)·R2(−x_p) (SOFA iauPom00 with s′ = 0, IERS 2010 eq. 5.3).
    let xp = Self.eop.xp, yp = Self.eop.yp
    let explicit = Matrix3(
      rows: Vector3(cos(xp), 0, sin(xp)),
      Vector3(sin(xp) * sin(yp), cos(yp), -cos(xp) * sin(yp)),
      Vector3(-sin(xp) * cos(yp), sin(yp), cos(xp) * cos(yp)))
    #expect(w.rotation.maxAbsDifference(explicit) <= 2.3e-16)  // one ulp of 1
  }
}

@Suite("Frames: local orbital frames", .tags(.property))
struct FramesLocalOrbitalFrameTests {
  @Test("Axes of LVLH, RTN and VNB for a circular equatorial orbit")
  func circularEquatorial() {
    let r = Vector3(7_000_000, 0, 0), v = Vector3(0, 7_546, 0)
    let lvlh = LocalOrbitalFrame.lvlh.rotation(position: r, velocity: v)
    #expect(lvlh.row(0) == Vector3(0, 1, 0))  // x along velocity
    #expect(lvlh.row(1) == Vector3(0, 0, -1))  // y = −ĥ
    #expect(lvlh.row(2) == Vector3(-1, 0, 0))  // z = nadir
    let rtn = LocalOrbitalFrame.rtn.rotation(position: r, velocity: v)
    #expect(rtn.row(0) == Vector3(1, 0, 0) && rtn.row(1) == Vector3(0, 1, 0) && rtn.row(2) == Vector3(0, 0, 1))
    let vnb = LocalOrbitalFrame.vnb.rotation(position: r, velocity: v)
    #expect(vnb.row(0) == Vector3(0, 1, 0) && vnb.row(1) == Vector3(0, 0, 1) && vnb.row(2) == Vector3(1, 0, 0))
    // A relative vector along the velocity is +x in LVLH; one radially outwards is −z.
    expectClose(lvlh * Vector3(0, 10, 0), Vector3(10, 0, 0), absolute: 0)
    expectClose(lvlh * Vector3(10, 0, 0), Vector3(0, 0, -10), absolute: 0)
  }

  @Test("Orthonormal, right-handed, and the documented axis relations for random eccentric states")
  func randomStates() {
    var state: UInt64 = 20_261_125
    func uniform() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53) * 2 - 1
    }
    // 1e-15: unit vectors and cross products, rounding only.
    let tol = 1e-15
    for _ in 0..<1000 {
      let r = Vector3(uniform(), uniform(), uniform()) * 4e7
      let v = Vector3(uniform(), uniform(), uniform()) * 9e3
      guard r.norm > 1e6, r.cross(v).norm > 1e-3 * r.norm * v.norm else { continue }
      let h = r.cross(v).unit
      for frame in LocalOrbitalFrame.allCases {
        let m = frame.rotation(position: r, velocity: v)
        #expect((m * m.transposed).maxAbsDifference(.identity) < 4 * tol, "\(frame) orthonormal")
        #expect(abs(m.determinant - 1) < 4 * tol, "\(frame) right-handed")
      }
      let lvlh = LocalOrbitalFrame.lvlh.rotation(position: r, velocity: v)
      let rtn = LocalOrbitalFrame.rtn.rotation(position: r, velocity: v)
      let vnb = LocalOrbitalFrame.vnb.rotation(position: r, velocity: v)
      #expect((rtn.row(0) - r.unit).norm < tol)
      #expect((rtn.row(2) - h).norm < tol)
      #expect(rtn.row(1).dot(v) > 0)  // T is on the velocity side
      #expect((lvlh.row(2) + r.unit).norm < tol)
      #expect((lvlh.row(1) + h).norm < tol)
      #expect((lvlh.row(0) - rtn.row(1)).norm < 2 * tol)  // LVLH x = RTN T
      #expect((vnb.row(0) - v.unit).norm < tol)
      #expect((vnb.row(1) - h).norm < tol)
      #expect(vnb.row(2).dot(r) > 0)  // B·r = |r × v|/|v| > 0: B points outwards
    }
  }
}
