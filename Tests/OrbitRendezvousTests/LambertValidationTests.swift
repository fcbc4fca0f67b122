// Lambert solver against published worked examples (validation).

import OrbitCore
import OrbitRendezvous
import Testing
import _OrbitTestSupport

@Suite(.tags(.validation))
struct LambertValidationTests {
  /// Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed. (2013), Example 7-5
  /// (Lambert by universal variables): r1 = (15945.34, 0, 0) km, r2 = (12214.83899, 10249.46731, 0) km,
  /// Δt = 76 min, μ = 398600.4418 km³/s²; v1 = (2.058913, 2.915965, 0) km/s,
  /// v2 = (−3.451565, 0.910315, 0) km/s. (Numbers cross-checked in several independent
  /// transcriptions; one prints 2.915964, so the last digit is uncertain by one unit.)
  @Test func valladoExample7_5() throws {
    let solver = LambertSolver(mu: 398_600.4418e9)
    let solutions = try solver.solve(
      from: Vector3(15_945.34e3, 0, 0), to: Vector3(12_214.83899e3, 10_249.46731e3, 0),
      timeOfFlight: 76 * 60, maxRevolutions: 0)
    try #require(solutions.count == 1)
    // Printed to 1e-6 km/s = 1 mm/s, with the last digit uncertain by one: 2 mm/s per vector.
    expectClose(solutions[0].departureVelocity, Vector3(2_058.913, 2_915.965, 0), absolute: 2e-3)
    expectClose(solutions[0].arrivalVelocity, Vector3(-3_451.565, 910.315, 0), absolute: 2e-3)
  }

  /// Curtis, *Orbital Mechanics for Engineering Students*, Example 5.2 (Algorithm 5.2):
  /// r1 = (5000, 10000, 2100) km, r2 = (−14600, 2500, 7000) km, Δt = 1 h, μ = 398600 km³/s²;
  /// v1 = (−5.9925, 1.9254, 3.2456) km/s, v2 = (−3.3125, −4.1966, −0.38529) km/s.
  @Test func curtisExample5_2() throws {
    let solver = LambertSolver(mu: 398_600e9)
    let solutions = try solver.solve(
      from: Vector3(5_000e3, 10_000e3, 2_100e3), to: Vector3(-14_600e3, 2_500e3, 7_000e3),
      timeOfFlight: 3_600, maxRevolutions: 0)
    try #require(solutions.count == 1)
    let v1 = solutions[0].departureVelocity
    let v2 = solutions[0].arrivalVelocity
    // Printed to 1e-4 km/s (5 significant digits): half a unit is 0.05 m/s per component.
    for (a, e) in [(v1.x, -5_992.5), (v1.y, 1_925.4), (v1.z, 3_245.6), (v2.x, -3_312.5), (v2.y, -4_196.6)] {
      expectClose(a, e, absolute: 0.05)
    }
    expectClose(v2.z, -385.29, absolute: 0.005)  // printed to 1e-5 km/s
  }
}
