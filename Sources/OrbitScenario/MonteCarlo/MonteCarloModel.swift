import OrbitCore

/// The outcome of one run of an ensemble: one line of the run stream.
public struct MonteCarloRecord: Sendable, Equatable {
  /// The run index *k*.
  public var run: Int
  /// Whether the run met the kind's success criterion (e.g. docked).
  public var success: Bool
  /// The scheme the run flew (e.g. `2-orbit`, `3-day`); empty when the kind has none.
  public var scheme: String
  /// Whether the run had to fall back from the planned scheme.
  public var fallback: Bool
  /// One value per `MonteCarloModel.fields` entry (SI or the unit in the field name); NaN
  /// when undefined for this run (e.g. no docking time for a failed run).
  public var values: [Double]
  /// Why the run failed, when it did (empty otherwise).
  public var failure: String

  /// A record.
  public init(
    run: Int, success: Bool, scheme: String = "", fallback: Bool = false, values: [Double], failure: String = ""
  ) {
    self.run = run
    self.success = success
    self.scheme = scheme
    self.fallback = fallback
    self.values = values
    self.failure = failure
  }

  /// Bitwise equality of every value (NaN equals NaN with the same bits): "to the last bit".
  public func isBitIdentical(to other: MonteCarloRecord) -> Bool {
    run == other.run && success == other.success && scheme == other.scheme && fallback == other.fallback
      && failure == other.failure && values.count == other.values.count
      && zip(values, other.values).allSatisfy { $0.bitPattern == $1.bitPattern }
  }
}

/// What a scenario kind provides to run as an ensemble: its per-run result fields, its charts
/// and the run function.
public struct MonteCarloModel: Sendable {
  /// The per-run numeric fields: JSON names with unit suffixes (e.g. `docking_time_h`,
  /// `total_delta_v_m_s`).
  public var fields: [String]
  /// The field of the histogram chart (e.g. `docking_time_h`), or nil.
  public var histogramField: String?
  /// The (x, y) fields of the scatter chart (e.g. docking time vs total Δv), or nil.
  public var scatterFields: (x: String, y: String)?
  /// Runs one member of the ensemble. Must be a pure function of the draws (no shared mutable
  /// state): it is called concurrently from several threads. A failed run is a record with
  /// `success == false`, not a thrown error.
  public var run: @Sendable (_ draws: MonteCarloDraws) -> MonteCarloRecord

  /// A model with `fields`, optional charts and `run`.
  public init(
    fields: [String], histogramField: String? = nil, scatterFields: (x: String, y: String)? = nil,
    run: @escaping @Sendable (_ draws: MonteCarloDraws) -> MonteCarloRecord
  ) {
    self.fields = fields
    self.histogramField = histogramField
    self.scatterFields = scatterFields
    self.run = run
  }
}
