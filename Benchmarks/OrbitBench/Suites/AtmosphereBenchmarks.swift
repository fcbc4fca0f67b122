// Atmosphere models: NRLMSISE-00 evaluations (the model alone, 64 points 100–1000 km, all
// latitudes and local times, daily-Ap mode) and the density at GCRF positions through the
// `Atmosphere` protocol (geodetic inversion, UTC, space-weather look-up, model).

import OrbitCore

@inline(never)
func kernelMSIS(_ model: NRLMSISE00, _ inputs: UnsafeBufferPointer<NRLMSISE00.Input>, _ out: UnsafeMutableBufferPointer<Double>) {
  for i in 0..<out.count { out[i] = model.evaluate(inputs[i]).dragMassDensity }
}

@inline(never)
func kernelAtmosphere<A: Atmosphere>(
  _ model: A, _ positions: UnsafeBufferPointer<Vector3>, _ context: ForceContext, _ out: UnsafeMutableBufferPointer<Double>
) {
  for i in 0..<out.count { out[i] = model.density(position: positions[i], context: context) }
}

struct MSISState {
  var model: NRLMSISE00
  var inputs: [NRLMSISE00.Input]
  var out: [Double]
}

struct AtmosphereState<A: Atmosphere> {
  var model: A
  var positions: [Vector3]
  var context: ForceContext
  var out: [Double]
}

func registerAtmosphereBenchmarks(into registry: inout BenchmarkRegistry) {
  let count = 64
  let degree = Double.pi / 180
  // Item 0 is test case 1 of the NRLMSISE-00 distribution (400 km, 60° N, 70° W, day 172,
  // 29 000 s, LST 16 h, F10.7 = F10.7A = 150, Ap = 4): ρ (without anomalous O) = 4.074714e-15 g/cm³.
  func inputs() -> [NRLMSISE00.Input] {
    var rng = BenchRandom(seed: 2002)
    var out = [
      NRLMSISE00.Input(
        dayOfYear: 172, secondsOfDay: 29_000, altitude: 400_000, latitude: 60 * degree, longitude: -70 * degree,
        localSolarTime: 16 * 3600, f107: 150, f107Average: 150, ap: 4)
    ]
    while out.count < count {
      let v = rng.vector(in: 0...1)
      out.append(
        NRLMSISE00.Input(
          dayOfYear: 1 + Int(v.x * 364), secondsOfDay: v.y * 86_399, altitude: 100_000 + 900_000 * v.z,
          latitude: (v.x - 0.5) * .pi, longitude: (v.y - 0.5) * 2 * .pi, f107: 70 + 180 * v.z,
          f107Average: 70 + 180 * v.x, ap: 50 * v.y))
    }
    return out
  }

  registry.register(
    "NRLMSISE00/density", items: count, tags: ["kernel"],
    setup: { MSISState(model: NRLMSISE00(), inputs: inputs(), out: Array(repeating: 0, count: count)) },
    body: { s in
      let model = s.model
      s.inputs.withUnsafeBufferPointer { p in s.out.withUnsafeMutableBufferPointer { o in kernelMSIS(model, p, o) } }
    },
    check: { s in
      let rho = s.model.evaluate(s.inputs[0]).massDensity
      let error = abs(rho / 4.074714e-12 - 1)
      if !s.out.allSatisfy({ $0.isFinite && $0 > 0 }) { return .failed("non-finite or non-positive density") }
      return .expect(error < 1e-6, "test case 1 density differs from the distribution's by \(error) relative")
    })

  registry.register(
    "NRLMSISE00/density-at-GCRF-position", items: count, tags: ["kernel"],
    setup: { () -> AtmosphereState<NRLMSISE00> in
      let epoch: Epoch
      do { epoch = try Epoch(iso8601: "2024-05-10T18:30:00Z") } catch { fatalError("benchmark setup: \(error)") }
      var rng = BenchRandom(seed: 415)
      var positions: [Vector3] = []
      while positions.count < count {
        let v = rng.vector(in: -1...1)
        let n = v.norm
        guard n > 0.1 && n <= 1 else { continue }
        positions.append(v / n * (6_578e3 + 800e3 * n))
      }
      return AtmosphereState(
        model: NRLMSISE00(), positions: positions, context: ForceContext(referenceEpoch: epoch),
        out: Array(repeating: 0, count: count))
    },
    body: { s in
      let model = s.model
      let context = s.context
      s.positions.withUnsafeBufferPointer { p in
        s.out.withUnsafeMutableBufferPointer { o in kernelAtmosphere(model, p, context, o) }
      }
    },
    check: { s in
      .expect(s.out.allSatisfy { $0.isFinite && $0 > 0 }, "non-finite or non-positive density")
    })
}
