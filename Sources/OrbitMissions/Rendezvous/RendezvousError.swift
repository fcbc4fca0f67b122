// Why a rendezvous simulation could not be run or could not close.

/// Why a rendezvous could not be simulated. Each case's description is one line for a user.
public enum RendezvousError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An unknown profile name.
  case unknownProfile(String, valid: [String])
  /// The phase angle at insertion lies outside the window of the requested scheme.
  case phaseOutOfWindow(profile: String, phaseDegrees: Double, lowerDegrees: Double, upperDegrees: Double)
  /// No scheme's window contains the phase angle (`auto`): the liftoff is outside any window.
  case noFeasibleProfile(phaseDegrees: Double)
  /// The liftoff is not near an in-plane time: the pad is too far from the station's plane.
  case launchOutsideWindow(padOutOfPlaneDegrees: Double, limitDegrees: Double)
  /// The target orbit cannot be reached from this pad and liftoff (e.g. another plane).
  case targetOrbit(String)
  /// The insertion could not be computed.
  case insertion(String)
  /// The phasing burns could not be solved (the targeter did not converge).
  case targetingFailed(profile: String, detail: String)
  /// A propagation failed (propellant, non-finite state).
  case propagation(String)
  /// The close approach failed.
  case approach(String)
  /// Invalid input (non-finite values, a hand-over before the burns, …).
  case invalidInput(String)

  /// A one-line message.
  public var description: String {
    switch self {
    case .unknownProfile(let name, let valid):
      return "unknown profile '\(name)'; valid profiles: \(valid.joined(separator: ", "))"
    case .phaseOutOfWindow(let p, let phase, let lo, let hi):
      return
        "profile \(p) cannot close: phase angle at insertion \(format(phase))° is outside its window \(format(lo))°…\(format(hi))°"
    case .noFeasibleProfile(let phase):
      return
        "liftoff outside any rendezvous window: phase angle at insertion \(format(phase))° fits no scheme ("
        + RendezvousProfile.schemes.map { p in
          let w = p.scheme!.phaseWindowDegrees
          return "\(p.rawValue) \(format(w.lower))…\(format(w.upper))°"
        }.joined(separator: ", ") + ")"
    case .launchOutsideWindow(let a, let lim):
      return
        "launch time outside any window: the pad is \(format(a))° from the station's plane at liftoff (limit \(format(lim))°); use orbit launch-window for the in-plane times"
    case .targetOrbit(let m): return "target orbit: \(m)"
    case .insertion(let m): return "insertion: \(m)"
    case .targetingFailed(let p, let d): return "profile \(p) cannot close: \(d)"
    case .propagation(let m): return "propagation failed: \(m)"
    case .approach(let m): return "approach: \(m)"
    case .invalidInput(let m): return "invalid input: \(m)"
    }
  }
}

/// Fixed two-decimal text without Foundation.
func format(_ x: Double, digits: Int = 2) -> String {
  guard x.isFinite else { return "\(x)" }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let v = (abs(x) * scale).rounded()
  let whole = Int(v / scale)
  var frac = String(Int(v.truncatingRemainder(dividingBy: scale)))
  while frac.count < digits { frac = "0" + frac }
  return (x < 0 && v > 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + frac : "")
}
