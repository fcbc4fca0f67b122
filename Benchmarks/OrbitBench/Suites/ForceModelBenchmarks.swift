// Force models: EGM96 spherical harmonics (one ITRF acceleration per item) at 20×20, 70×70 and
// 360×360, and a full-force ISS derivative (context + 20×20 + Harris–Priester drag + Sun + Moon
// + SRP) through the Cowell adapter.

import OrbitCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

@inline(never)
func kernelHarmonics(
  _ model: SphericalHarmonicGravity, _ positions: UnsafeBufferPointer<Vector3>,
  _ out: UnsafeMutableBufferPointer<Vector3>
) {
  for i in 0..<out.count { out[i] = model.acceleration(itrfPosition: positions[i]) }
}

@inline(never)
func kernelDerivative<Forces: ForceModel>(
  _ dynamics: ForceModelDynamics<Forces>, _ states: UnsafeBufferPointer<OrbitState>, _ times: UnsafeBufferPointer<Double>,
  _ out: UnsafeMutableBufferPointer<OrbitState>
) {
  for i in 0..<out.count { out[i] = dynamics.derivative(states[i], at: times[i]) }
}

struct HarmonicsState {
  var model: SphericalHarmonicGravity
  var positions: [Vector3]
  var out: [Vector3]
}

struct FullForceState<Forces: ForceModel> {
  var dynamics: ForceModelDynamics<Forces>
  var states: [OrbitState]
  var times: [Double]
  var out: [OrbitState]
}

func registerForceModelBenchmarks(into registry: inout BenchmarkRegistry) {
  let count = 64
  // Point 2 of Tests/ReferenceData/orekit/egm96_gravity_accelerations.csv (616 km altitude)
  // and Orekit's non-central accelerations there, per degree (the check's reference).
  let referencePoint = Vector3(-3.16388050011397898e+06, -5.81499339978001639e+06, -1.90724907624863693e+06)
  let orekit: [Int: Vector3] = [
    20: Vector3(3.33812077200556449e-03, 6.09210954022319957e-03, 8.47472098684699804e-03),
    70: Vector3(3.33535686151594695e-03, 6.09277598064914168e-03, 8.47512052703995947e-03),
    360: Vector3(3.33537884060906495e-03, 6.09273075345974965e-03, 8.47506370494779601e-03),
  ]

  func positions(seed: UInt64) -> [Vector3] {
    var rng = BenchRandom(seed: seed)
    var out = [referencePoint]
    while out.count < count {
      let v = rng.vector(in: -1...1)
      let n = v.norm
      guard n > 0.1 && n <= 1 else { continue }
      out.append(v / n * (6_578e3 + 1_500e3 * (n - 0.1)))  // LEO shell 200–1550 km
    }
    return out
  }

  for degree in [20, 70, 360] {
    registry.register(
      "Harmonics/\(degree)x\(degree)/single-eval", items: count, tags: ["kernel"],
      setup: {
        HarmonicsState(
          model: .egm96(degree: degree, order: degree), positions: positions(seed: UInt64(degree)),
          out: Array(repeating: .zero, count: count))
      },
      body: { s in
        let model = s.model
        s.positions.withUnsafeBufferPointer { p in
          s.out.withUnsafeMutableBufferPointer { o in kernelHarmonics(model, p, o) }
        }
      },
      check: { s in
        // Orekit Holmes–Featherstone at the reference point: 1e-12 of |a| (the tests' bound).
        let p = s.positions[0]
        let central = (-3.986004415e14 / (p.normSquared * p.norm)) * p
        guard let nonCentral = orekit[degree] else { return .failed("no reference for degree \(degree)") }
        let expected = central + nonCentral
        let error = (s.out[0] - expected).norm / expected.norm
        if !s.out.allSatisfy({ $0.isFinite }) { return .failed("non-finite acceleration") }
        return .expect(error < 1e-12, "EGM96 \(degree)x\(degree) differs from Orekit by \(error) relative")
      })
  }

  struct ContextState {
    var builder: ForceContextBuilder
    var epoch: Epoch
    var offsets: [Double]
    var out: [Matrix3]
  }
  for (label, tabulated) in [("direct", false), ("tabulated", true)] {
    registry.register(
      "ForceModel/context-earth-rotation/\(label)", items: count, tags: ["kernel"],
      setup: { () -> ContextState in
        let epoch: Epoch
        do { epoch = try Epoch(iso8601: "2025-03-01T00:00:00Z") } catch { fatalError("benchmark setup: \(error)") }
        let model =
          tabulated ? EarthOrientationModel(tabulatedFrom: epoch, to: epoch + 86_400) : EarthOrientationModel()
        return ContextState(
          builder: ForceContextBuilder(requirements: .earthRotation, earthOrientation: model), epoch: epoch,
          offsets: (0..<count).map { Double($0) * 1_337.1 }, out: Array(repeating: .identity, count: count))
      },
      body: { s in
        for i in 0..<count {
          s.out[i] = s.builder.context(referenceEpoch: s.epoch, offset: s.offsets[i], properties: .none).gcrfToITRF
        }
      },
      check: { s in
        // Against Frames' direct GCRF → ITRF transform: 1e-10 rad (the tabulation's bound).
        for i in stride(from: 0, to: count, by: 9) {
          guard let t = try? FrameTransform.between(.gcrf, .itrf, at: s.epoch + s.offsets[i], data: .standard) else {
            return .failed("reference transform threw")
          }
          let d = t.rotation.maxAbsDifference(s.out[i])
          if d > 1e-10 { return .failed("rotation differs by \(d) at offset \(s.offsets[i]) s") }
        }
        return .passed
      })
  }

  let forces = ForceModelSet(
    SphericalHarmonicGravity.egm96(degree: 20, order: 20), AtmosphericDrag(atmosphere: HarrisPriesterAtmosphere()),
    ThirdBodyGravity.sun, ThirdBodyGravity.moon, SolarRadiationPressure())
  registry.register(
    "ForceModel/ISS-20x20-HP-Sun-Moon-SRP/derivative", items: count, tags: ["kernel"],
    setup: { () -> FullForceState<ForceModelSet<SphericalHarmonicGravity, AtmosphericDrag<HarrisPriesterAtmosphere>, ThirdBodyGravity, ThirdBodyGravity, SolarRadiationPressure>> in
      let epoch: Epoch
      do { epoch = try Epoch(iso8601: "2025-03-01T00:00:00Z") } catch { fatalError("benchmark setup: \(error)") }
      let dynamics = ForceModelDynamics(
        forces: forces, referenceEpoch: epoch,
        properties: SpacecraftProperties(dragArea: 1_600, dragCoefficient: 2.2, srpArea: 2_500, reflectivityCoefficient: 1.3))
      let states = positions(seed: 99).map { r in
        OrbitState(position: r, velocity: r.cross(Vector3(0.1, 0.2, 1)).unit * 7_660, mass: 420_000)
      }
      return FullForceState(
        dynamics: dynamics, states: states, times: (0..<count).map { Double($0) * 60 },
        out: Array(repeating: .zero, count: count))
    },
    body: { s in
      let d = s.dynamics
      s.states.withUnsafeBufferPointer { y in
        s.times.withUnsafeBufferPointer { t in
          s.out.withUnsafeMutableBufferPointer { o in kernelDerivative(d, y, t, o) }
        }
      }
    },
    check: { s in
      // Gravity dominates: |a| within 1 % of μ/r² at every state, and v' = v.
      for (y, d) in zip(s.states, s.out) {
        let g = 3.986004415e14 / y.position.normSquared
        if abs(d.velocity.norm / g - 1) > 0.01 || d.position != y.velocity {
          return .failed("derivative off: |a| = \(d.velocity.norm), μ/r² = \(g)")
        }
      }
      return .passed
    })
}
