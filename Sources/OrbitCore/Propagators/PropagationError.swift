// The error type of every propagator (analytic, SGP4, numerical) and of events, maneuvers and
// ephemerides. Normal termination (target reached, a terminal event, the step limit) is a
// `PropagationOutcome`, never an error (STYLE.md §6).

/// Why a propagation failed. Normal termination is never an error.
///
/// One type for all propagators: the numerical propagator's failures (formerly
/// `NumericalPropagationError`, kept as a type alias) were merged here so that a numerical
/// run can be used through the `Propagator` protocol.
///
/// References: STYLE.md §6; Orekit `OrekitException` kinds; heyoka `taylor_outcome`.
public enum PropagationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The propagated state (or its derivative) became NaN or infinite at `epoch`, or the
  /// initial state was not finite.
  case nonFiniteState(epoch: Epoch)
  /// The initial state or elements were rejected.
  case invalidElements(ElementsError)
  /// The propagator does not model this kind of orbit.
  case unsupportedOrbit(UnsupportedOrbit)
  /// Error control asked for a step of magnitude `step` (s) below the minimum step (or below
  /// the resolution of the time variable) at `epoch`.
  case stepSizeUnderflow(epoch: Epoch, step: Double)
  /// The options of a numerical propagation (or of a detector or maneuver) are unusable.
  case invalidOptions(InvalidOption)
  /// The event function of detector `detector` (its index in the detector list) was not
  /// finite at `epoch` (e.g. a distance detector's other object outside its ephemeris).
  case eventFunctionNotFinite(detector: Int, epoch: Epoch)
  /// The root finder did not converge on the event of detector `detector` near `epoch`.
  case eventLocatorDiverged(detector: Int, epoch: Epoch)
  /// A maneuver at `epoch` needs `required` kg of propellant but only `available` kg
  /// (mass above the dry mass) is left.
  case insufficientPropellant(epoch: Epoch, required: Double, available: Double)
  /// The trajectory reached the surface (an impact detector fired) at `epoch`, before the
  /// requested target; raised by the `Propagator`-protocol view of a numerical session (a
  /// session itself returns the `.impact` outcome).
  case impact(epoch: Epoch)
  /// A terminal event of detector `detector` stopped the propagation at `epoch`, before the
  /// requested target (raised by the `Propagator`-protocol view of a numerical session).
  case stoppedByEvent(epoch: Epoch, detector: Int)
  /// `epoch` is outside the span `start`...`end` where the propagator (an ephemeris) is valid.
  case outsideValidity(epoch: Epoch, start: Epoch, end: Epoch)

  /// Orbit kinds a propagator may not support.
  public enum UnsupportedOrbit: Hashable, Sendable {
    /// e > 1 (e.g. a mean-element theory defined for ellipses only).
    case hyperbolic
    /// The periapsis is inside the central body's reference radius.
    case periapsisInsideBody
  }

  /// Which option of a numerical propagation was rejected.
  public enum InvalidOption: Hashable, Sendable {
    /// Tolerances must be finite and non-negative, with some absolute or relative part.
    case tolerance
    /// Need 0 ≤ minStep ≤ maxStep, maxStep > 0, and a positive finite initial step if given.
    case stepBounds
    /// maxSteps must be positive.
    case maxSteps
    /// The fixed step must be positive and finite.
    case fixedStep
    /// A fixed-step method (no error estimate) needs `fixedStep`.
    case fixedStepRequired
    /// The output step must be positive and finite.
    case outputStep
    /// Detector `index` has a non-positive or non-finite `maxCheckInterval` or `threshold`.
    case detector(index: Int)
    /// Event detectors need dynamics whose state is `OrbitState`.
    case detectorsNeedOrbitState
    /// Maneuver `index` has a non-positive or non-finite thrust, Isp, duration or Δv, a zero
    /// direction, or a dry mass that is negative or not finite.
    case maneuver(index: Int)
    /// A finite burn specified by Δv cannot be crossed backwards before it has been flown
    /// forwards (its duration depends on the mass at its start).
    case backwardBurn(index: Int)
    /// An ephemeris needs at least two states, in strictly increasing time order (equal
    /// epochs allowed only as a pair marking a discontinuity), all finite and in one frame.
    case ephemerisStates
  }

  public var description: String {
    switch self {
    case .nonFiniteState(let epoch):
      return "the propagated state is not finite at epoch \(epoch)"
    case .invalidElements(let error):
      return "invalid initial elements: \(error)"
    case .unsupportedOrbit(.hyperbolic):
      return "the propagator supports elliptic orbits only"
    case .unsupportedOrbit(.periapsisInsideBody):
      return "the periapsis is inside the central body"
    case .stepSizeUnderflow(let epoch, let step):
      return "step size underflow at epoch \(epoch): a step of \(step) s is below the minimum"
    case .invalidOptions(.tolerance):
      return "integration tolerances must be finite, non-negative and not all zero"
    case .invalidOptions(.stepBounds):
      return "step bounds must satisfy 0 <= min_step <= max_step, max_step > 0"
    case .invalidOptions(.maxSteps):
      return "the step limit must be positive"
    case .invalidOptions(.fixedStep):
      return "the fixed step must be positive and finite"
    case .invalidOptions(.fixedStepRequired):
      return "a fixed-step integrator needs a fixed step"
    case .invalidOptions(.outputStep):
      return "the output step must be positive and finite"
    case .invalidOptions(.detector(let index)):
      return "event detector \(index): max check interval and threshold must be positive and finite"
    case .invalidOptions(.detectorsNeedOrbitState):
      return "event detectors need dynamics on OrbitState (position, velocity, mass)"
    case .invalidOptions(.maneuver(let index)):
      return "maneuver \(index): thrust, Isp, duration or delta-v, direction or dry mass is invalid"
    case .invalidOptions(.backwardBurn(let index)):
      return "finite burn \(index) is given by delta-v and cannot be propagated backwards before it is flown"
    case .invalidOptions(.ephemerisStates):
      return "an ephemeris needs at least two finite states in one frame, in increasing time order"
    case .eventFunctionNotFinite(let detector, let epoch):
      return "the event function of detector \(detector) is not finite at epoch \(epoch)"
    case .eventLocatorDiverged(let detector, let epoch):
      return "the root finder did not converge on the event of detector \(detector) near epoch \(epoch)"
    case .insufficientPropellant(let epoch, let required, let available):
      return "the maneuver at epoch \(epoch) needs \(required) kg of propellant but only \(available) kg is available"
    case .impact(let epoch):
      return "the trajectory reached the surface at epoch \(epoch)"
    case .stoppedByEvent(let epoch, let detector):
      return "terminal event detector \(detector) stopped the propagation at epoch \(epoch)"
    case .outsideValidity(let epoch, let start, let end):
      return "epoch \(epoch) is outside the valid span \(start) ... \(end)"
    }
  }
}
