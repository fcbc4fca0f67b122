import OrbitCore

extension MonteCarloEnsemble {
  /// The hook for scenario kinds. In a kind's `read`, after the nominal scenario is checked:
  ///
  /// ```swift
  /// if let section = top["monte_carlo"] {   // and allow "monte_carlo" among the top keys
  ///   return MonteCarloEnsemble.scenario(
  ///     section, scenario: json, kind: "reboost", name: name, uses: [.thrust, .isp],
  ///     checker: &c, model: { myModel(nominal) })
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - section: the `monte_carlo` value.
  ///   - scenario: the whole scenario JSON (its fingerprint ties run streams to it).
  ///   - kind, name: the scenario's kind and name.
  ///   - uses: the dispersions the kind applies (others are reported as errors).
  ///   - checker: receives problems with their JSON paths.
  ///   - model: makes the per-run model when the ensemble runs (e.g. plans the nominal flight
  ///     once); its error ends the run.
  /// - Returns: an ensemble scenario (`isEnsemble`), or nil when the section is invalid.
  static func scenario(
    _ section: JSONValue, scenario: JSONValue, kind: String, name: String, uses: [DispersionName],
    checker c: inout Checker, model: @escaping @Sendable () throws(ScenarioError) -> MonteCarloModel
  ) -> ExtendedScenario? {
    guard
      let spec = MonteCarloSpec.read(
        section, at: JSONPath.root.appending("monte_carlo"), scenario: scenario, kind: kind, uses: uses, checker: &c)
    else { return nil }
    var s = ExtendedScenario(kind: kind, name: name) { (options: ScenarioRunOptions) throws(ScenarioError) in
      try MonteCarloEnsemble.run(model: try model(), spec: spec, scenario: name, kind: kind, options: options)
    }
    s.isEnsemble = true
    return s
  }
}
