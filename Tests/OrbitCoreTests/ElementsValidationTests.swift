// The validated initializers reject bad input with the right reason.

import OrbitCore
import Testing

@Suite("Elements: validation")
struct ElementsValidationTests {
  func make(
    a: Double = 7e6, e: Double = 0.1, i: Double = 1, raan: Double = 0, argp: Double = 0,
    nu: Double = 0
  ) throws(ElementsError) -> KeplerianElements {
    try KeplerianElements(
      semiMajorAxis: a, eccentricity: e, inclination: i, raan: raan, argumentOfPeriapsis: argp,
      trueAnomaly: nu)
  }

  @Test("Rejected element sets")
  func rejected() {
    #expect(throws: ElementsError.negativeEccentricity(-0.1)) { try make(e: -0.1) }
    #expect(throws: ElementsError.parabolic) { try make(a: 7e6, e: 1) }
    #expect(throws: ElementsError.inconsistentSemiMajorAxis(semiMajorAxis: 7e6, eccentricity: 1.5)) {
      try make(a: 7e6, e: 1.5)
    }
    #expect(throws: ElementsError.inconsistentSemiMajorAxis(semiMajorAxis: -7e6, eccentricity: 0.5)) {
      try make(a: -7e6, e: 0.5)
    }
    #expect(throws: ElementsError.inconsistentSemiMajorAxis(semiMajorAxis: 0, eccentricity: 0.1)) {
      try make(a: 0)
    }
    #expect(throws: ElementsError.inclinationOutOfRange(-0.1)) { try make(i: -0.1) }
    #expect(throws: ElementsError.inclinationOutOfRange(4)) { try make(i: 4) }
    #expect(throws: ElementsError.nonFinite(field: "semiMajorAxis")) { try make(a: .nan) }
    #expect(throws: ElementsError.nonFinite(field: "eccentricity")) { try make(e: .infinity) }
    #expect(throws: ElementsError.nonFinite(field: "trueAnomaly")) { try make(nu: .nan) }
    // e = 2: the asymptote is at ν = ±120°.
    #expect(throws: ElementsError.trueAnomalyBeyondAsymptote(trueAnomaly: 2.5, eccentricity: 2)) {
      try make(a: -7e6, e: 2, nu: 2.5)
    }
  }

  @Test("Accepted sets are stored with reduced angles")
  func reduced() throws {
    let el = try make(raan: -1, argp: 7, nu: -0.5)
    #expect(el.raan >= 0 && el.raan < Angle.twoPi)
    #expect(el.argumentOfPeriapsis >= 0 && el.argumentOfPeriapsis < Angle.twoPi)
    #expect(el.trueAnomaly >= 0 && el.trueAnomaly < Angle.twoPi)
    let hyperbolic = try make(a: -7e6, e: 2, nu: -1)
    #expect(hyperbolic.trueAnomaly == -1)
  }

  @Test("Degenerate states are rejected")
  func degenerateStates() {
    let mu = 3.986004418e14
    #expect(throws: ElementsError.degenerateState) {
      try KeplerianElements(position: .zero, velocity: Vector3(1, 2, 3), mu: mu)
    }
    #expect(throws: ElementsError.degenerateState) {
      try KeplerianElements(position: Vector3(7e6, 0, 0), velocity: Vector3(-5e3, 0, 0), mu: mu)
    }
    #expect(throws: ElementsError.nonPositiveGravitationalParameter(-1)) {
      try KeplerianElements(position: Vector3(7e6, 0, 0), velocity: Vector3(0, 7e3, 0), mu: -1)
    }
  }

  @Test("Singular orbits follow the documented conventions")
  func conventions() throws {
    let mu = 3.986004418e14
    let a = 7e6
    let v = (mu / a).squareRoot()
    // Circular equatorial prograde at +y: true longitude 90°.
    let ce = try KeplerianElements(position: Vector3(0, a, 0), velocity: Vector3(-v, 0, 0), mu: mu)
    #expect(ce.raan == 0 && ce.argumentOfPeriapsis == 0)
    #expect(abs(ce.trueAnomaly - 0.5 * Double.pi) < 1e-15)
    // Circular equatorial retrograde at +y: moving towards +x; measured from +x in the
    // direction of motion (towards −y), +y is at 270°.
    let cr = try KeplerianElements(position: Vector3(0, a, 0), velocity: Vector3(v, 0, 0), mu: mu)
    #expect(cr.inclination == Double.pi)
    #expect(abs(cr.trueAnomaly - 1.5 * Double.pi) < 1e-15)
    // Circular inclined: ν is the argument of latitude (from the node).
    let ci = try KeplerianElements(position: Vector3(0, 0, a), velocity: Vector3(-v, 0, 0), mu: mu)
    #expect(ci.argumentOfPeriapsis == 0)
    #expect(abs(ci.trueAnomaly - 0.5 * Double.pi) < 1e-15)
    #expect(abs(ci.inclination - 0.5 * Double.pi) < 1e-15)
  }
}
