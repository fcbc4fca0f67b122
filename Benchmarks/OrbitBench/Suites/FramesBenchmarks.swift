// Frame transformations GCRF → ITRF (IAU-76/FK5 reduction with interpolated EOP).

import OrbitCore

/// Builds the GCRF → ITRF transform at each epoch (EOP lookup, precession, 106-term nutation,
/// sidereal time, polar motion) and applies it to that epoch's position.
@inline(never)
func kernelGCRFToITRF(
  _ epochs: UnsafeBufferPointer<Epoch>, _ positions: UnsafeBufferPointer<Vector3>,
  _ out: UnsafeMutableBufferPointer<Vector3>, data: TimeScaleData
) -> Bool {
  for i in 0..<out.count {
    guard let t = try? FrameTransform.between(.gcrf, .itrf, at: epochs[i], data: data) else {
      return false
    }
    out[i] = t.apply(position: positions[i])
  }
  return true
}

/// Applies one precomputed GCRF → ITRF transform to many positions.
@inline(never)
func kernelApplyTransform(
  _ transform: FrameTransform, _ positions: UnsafeBufferPointer<Vector3>,
  _ out: UnsafeMutableBufferPointer<Vector3>
) {
  for i in 0..<out.count { out[i] = transform.apply(position: positions[i]) }
}

struct FramesState {
  var epochs: [Epoch]
  var positions: [Vector3]
  var out: [Vector3]
  var ok = true
  var transform = FrameTransform(rotation: .identity)
  let data = TimeScaleData.standard
}

func registerFramesBenchmarks(into registry: inout BenchmarkRegistry) {
  let n = 1000

  func makeState(seed: UInt64) -> FramesState {
    var rng = BenchRandom(seed: seed)
    // One day sampled every 86.4 s, inside the built-in EOP table.
    let start: Epoch
    do {
      start = try Epoch(iso8601: "2024-03-01T00:00:00Z")
    } catch {
      fatalError("benchmark setup: \(error)")
    }
    let epochs = (0..<n).map { start + Double($0) * 86.4 }
    let positions = (0..<n).map { _ in rng.vector(in: -7e6...7e6) }
    return FramesState(epochs: epochs, positions: positions, out: Array(repeating: .zero, count: n))
  }

  /// Inverse round trip ITRF → GCRF with an independently built transform, and length
  /// preservation. 1e-9 m at 7000 km is ~1e-16 relative: a few roundings; a wrong or
  /// non-orthogonal rotation shows up at the metre level.
  func roundTripCheck(_ s: FramesState) -> CheckResult {
    guard s.ok else { return .failed("a transform threw (EOP or leap-second lookup failed)") }
    var worst = 0.0
    for i in stride(from: 0, to: n, by: 7) {
      guard let back = try? FrameTransform.between(.itrf, .gcrf, at: s.epochs[i], data: s.data) else {
        return .failed("ITRF → GCRF transform threw at \(s.epochs[i])")
      }
      worst = max(worst, (back.apply(position: s.out[i]) - s.positions[i]).norm)
      worst = max(worst, abs(s.out[i].norm - s.positions[i].norm))
    }
    return .expect(worst < 1e-8, "GCRF → ITRF → GCRF round trip off by \(worst) m")
  }

  registry.register(
    "Frames/GCRF-to-ITRF/1e3", items: n, tags: ["kernel"],
    setup: { makeState(seed: 4) },
    body: { s in
      let data = s.data
      s.ok = s.epochs.withUnsafeBufferPointer { e in
        s.positions.withUnsafeBufferPointer { p in
          s.out.withUnsafeMutableBufferPointer { o in kernelGCRFToITRF(e, p, o, data: data) }
        }
      }
    },
    check: roundTripCheck)

  registry.register(
    "Frames/GCRF-to-ITRF-apply-only/1e3", items: n, tags: ["micro"],
    setup: { () -> FramesState in
      var s = makeState(seed: 5)
      // Every position at the same epoch, so the one transform (built here, not measured)
      // is right for all of them.
      s.epochs = Array(repeating: s.epochs[0], count: n)
      do {
        s.transform = try FrameTransform.between(.gcrf, .itrf, at: s.epochs[0], data: s.data)
      } catch {
        fatalError("benchmark setup: \(error)")
      }
      return s
    },
    body: { s in
      let t = s.transform
      s.positions.withUnsafeBufferPointer { p in
        s.out.withUnsafeMutableBufferPointer { o in kernelApplyTransform(t, p, o) }
      }
    },
    check: roundTripCheck)
}
