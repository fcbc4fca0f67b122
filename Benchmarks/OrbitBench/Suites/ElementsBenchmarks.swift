// Keplerian elements → Cartesian state (COE2RV).

import OrbitCore

@inline(never)
func kernelElementsToState(
  _ elements: UnsafeBufferPointer<KeplerianElements>, mu: Double,
  _ out: UnsafeMutableBufferPointer<CartesianState>
) {
  for i in 0..<out.count {
    out[i] = elements[i].cartesianState(epoch: .j2000, frame: .gcrf, mu: mu)
  }
}

struct ElementsState {
  var elements: [KeplerianElements]
  var out: [CartesianState]
}

func registerElementsBenchmarks(into registry: inout BenchmarkRegistry) {
  let n = 1000
  let mu = CentralBody.wgs84.gravitationalParameter

  registry.register(
    "Elements/toState/1e3", items: n, tags: ["kernel"],
    setup: { () -> ElementsState in
      var rng = BenchRandom(seed: 3)
      var elements: [KeplerianElements] = []
      while elements.count < n {
        let a = Double.random(in: 6.6e6...4.3e7, using: &rng)  // LEO to beyond GEO (m)
        let e = Double.random(in: 0...0.9, using: &rng)
        guard a * (1 - e) > 6.4e6 else { continue }  // perigee above the surface
        do {
          elements.append(
            try KeplerianElements(
              semiMajorAxis: a, eccentricity: e, inclination: .random(in: 0...(.pi), using: &rng),
              raan: .random(in: 0..<Angle.twoPi, using: &rng),
              argumentOfPeriapsis: .random(in: 0..<Angle.twoPi, using: &rng),
              trueAnomaly: .random(in: 0..<Angle.twoPi, using: &rng)))
        } catch {
          fatalError("benchmark setup: \(error)")
        }
      }
      let zero = CartesianState(epoch: .j2000, frame: .gcrf, position: .zero, velocity: .zero)
      return ElementsState(elements: elements, out: Array(repeating: zero, count: n))
    },
    body: { s in
      s.elements.withUnsafeBufferPointer { el in
        s.out.withUnsafeMutableBufferPointer { o in kernelElementsToState(el, mu: mu, o) }
      }
    },
    check: { s in
      // Independent of the conversion's formulas: vis-viva v²/2 − μ/r = −μ/(2a) and
      // |r × v| = √(μ p). Relative 1e-12 allows the roundoff of sin/cos and a few products.
      var worst = 0.0
      for i in 0..<n {
        let el = s.elements[i], st = s.out[i]
        let energy = 0.5 * st.velocity.normSquared - mu / st.position.norm
        let expectedEnergy = -mu / (2 * el.semiMajorAxis)
        worst = max(worst, abs(energy - expectedEnergy) / abs(expectedEnergy))
        let h = st.position.cross(st.velocity).norm
        let expectedH = (mu * el.semiLatusRectum).squareRoot()
        worst = max(worst, abs(h - expectedH) / expectedH)
      }
      return .expect(worst < 1e-12, "energy/angular momentum off by \(worst) (relative)")
    })
}
