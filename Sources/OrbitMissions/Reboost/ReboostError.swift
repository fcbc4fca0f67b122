// Why a reboost cannot be planned or simulated. Our own code.

import OrbitCore

/// Why a reboost cannot be planned or simulated.
///
/// References: none (error type).
public enum ReboostError: Error, Sendable, CustomStringConvertible {
  /// The requested rise is not positive (m).
  case nonPositiveRise(Double)
  /// The target mean altitude (m) is not above the current mean altitude (m).
  case targetBelowCurrent(target: Double, current: Double)
  /// The goal needs more propellant than is available (kg).
  case insufficientPropellant(required: Double, available: Double, deltaV: Double)
  /// The phase goal's date is not after the burns' start.
  case phaseDateTooEarly(date: Epoch, start: Epoch)
  /// Inputs that make no physical sense (mass ≤ 0, propellant < 0 or ≥ mass, thrust ≤ 0, ...).
  case invalidInput(String)
  /// The space weather for a date is missing and no fallback was given.
  case spaceWeather(SpaceWeatherError)
  /// The numerical propagation failed.
  case propagation(PropagationError)
  /// The initial state cannot be read as an orbit (e.g. hyperbolic, inside the Earth).
  case invalidState(String)

  /// A one-line message.
  public var description: String {
    switch self {
    case .nonPositiveRise(let d):
      return "the rise of the mean semi-major axis must be > 0 km, got \(format(d / 1000)) km"
    case .targetBelowCurrent(let target, let current):
      return "target mean altitude \(format(target / 1000)) km is not above the current mean altitude \(format(current / 1000)) km (a reboost only raises the orbit)"
    case .insufficientPropellant(let required, let available, let dv):
      return "the goal needs \(format(required)) kg of propellant (Δv \(format(dv)) m/s) but only \(format(available)) kg is available"
    case .phaseDateTooEarly(let date, let start):
      return "the phase date is \(format(start - date)) s before the burn start; it must be after the burns"
    case .invalidInput(let m):
      return m
    case .spaceWeather(let e):
      return e.description
    case .propagation(let e):
      return "propagation failed: \(e.description)"
    case .invalidState(let m):
      return "invalid initial state: \(m)"
    }
  }

  private func format(_ x: Double) -> String {
    let r = (x * 1000).rounded() / 1000
    return String(r)
  }
}
