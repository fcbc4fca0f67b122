// SGP4 as an `AnalyticalPropagator`: epochs in, SI `CartesianState`s in TEME out.
//
// References: Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA
// 2006-6753 (2006), rev. 3 (SGP4 output frame TEME); the algorithm is in SGP4.swift.

/// SGP4/SDP4 behind the `AnalyticalPropagator` protocol: states at `Epoch`s, in SI units
/// (m, m/s) and the TEME frame.
///
/// The time argument is the elapsed SI time since the TLE epoch, `(epoch − tleEpoch) / 60` min.
/// For the theory's own km and km/s at minutes since epoch, use `model` directly.
///
/// References: Vallado et al., AIAA 2006-6753, rev. 3.
public struct SGP4Propagator: AnalyticalPropagator {
  /// The SGP4 coefficients.
  public let model: SGP4
  /// The element set's epoch.
  public let epoch: Epoch
  /// The state at the element set's epoch (m, m/s, TEME).
  public let initialState: CartesianState

  /// Why an `SGP4Propagator` could not be made from a TLE.
  public enum InitializationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The TLE epoch could not be converted (e.g. before 1972, where UTC has no leap-second table).
    case epoch(TimeError)
    /// SGP4 failed at the epoch.
    case sgp4(SGP4Error)

    public var description: String {
      switch self {
      case .epoch(let e): return "TLE epoch: \(e)"
      case .sgp4(let e): return e.description
      }
    }
  }

  /// A propagator from an initialised model and its epoch.
  ///
  /// - Parameters:
  ///   - model: the SGP4 coefficients.
  ///   - epoch: the element set's epoch (normally `try tle.epoch()`).
  /// - Throws: `SGP4Error` if the model fails at its epoch.
  public init(model: SGP4, epoch: Epoch) throws(SGP4Error) {
    self.model = model
    self.epoch = epoch
    let s = try model.state(minutesSinceEpoch: 0)
    self.initialState = Self.cartesian(s, epoch: epoch)
  }

  /// A propagator from a TLE.
  ///
  /// - Parameters:
  ///   - tle: the element set.
  ///   - gravity: SGP4 gravity model (default WGS-72).
  ///   - mode: operation mode (default improved).
  ///   - data: leap seconds for the TLE's UTC epoch.
  /// - Throws: `InitializationError`.
  public init(
    tle: TLE, gravity: SGP4.Gravity = .wgs72, mode: SGP4.OperationMode = .improved,
    data: TimeScaleData = .standard
  ) throws(InitializationError) {
    let epoch: Epoch
    do { epoch = try tle.epoch(data: data) } catch { throw .epoch(error) }
    do {
      try self.init(model: try SGP4(tle: tle, gravity: gravity, mode: mode), epoch: epoch)
    } catch {
      throw .sgp4(error)
    }
  }

  /// The TEME state at `epoch`, or the SGP4 error code (no information lost).
  ///
  /// - Parameter epoch: the target instant.
  /// - Returns: the state (m, m/s, TEME) or an `SGP4Error`.
  public func sgp4State(at epoch: Epoch) -> Result<CartesianState, SGP4Error> {
    let minutes = (epoch - self.epoch) / 60.0
    return model.propagate(minutesSinceEpoch: minutes).map { Self.cartesian($0, epoch: epoch) }
  }

  /// The TEME state at `epoch` (m, m/s).
  ///
  /// `PropagationError` has no SGP4 case, so the codes map as: 6 (decayed) →
  /// `.unsupportedOrbit(.periapsisInsideBody)`; 1–4 → `.invalidElements(.notElliptic)`. Use
  /// `sgp4State(at:)` for the exact code.
  ///
  /// - Parameter epoch: the target instant.
  /// - Returns: the state (m, m/s, TEME).
  /// - Throws: `PropagationError`.
  public func state(at epoch: Epoch) throws(PropagationError) -> CartesianState {
    switch sgp4State(at: epoch) {
    case .success(let state):
      return state
    case .failure(.decayed):
      throw .unsupportedOrbit(.periapsisInsideBody)
    case .failure:
      throw .invalidElements(.notElliptic)
    }
  }

  /// km, km/s → m, m/s.
  static func cartesian(_ s: SGP4State, epoch: Epoch) -> CartesianState {
    CartesianState(epoch: epoch, frame: .teme, position: s.position * 1000.0, velocity: s.velocity * 1000.0)
  }
}
