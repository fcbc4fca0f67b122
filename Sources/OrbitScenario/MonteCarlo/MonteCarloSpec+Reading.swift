import OrbitCore

extension MonteCarloSpec {
  /// Largest `runs` accepted.
  public static let maximumRuns = 100_000_000

  /// Reads a `monte_carlo` section on its own (for tools and tests; kinds use
  /// `MonteCarloEnsemble.scenario`).
  /// - Throws: `ScenarioError.invalid` with every problem and its JSON path.
  public static func parse(
    _ section: JSONValue, scenario: JSONValue, kind: String, uses: [DispersionName]
  ) throws(ScenarioError) -> MonteCarloSpec {
    var c = Checker()
    let spec = read(section, at: JSONPath.root.appending("monte_carlo"), scenario: scenario, kind: kind, uses: uses, checker: &c)
    guard let spec, c.issues.isEmpty else {
      throw .invalid(file: "monte_carlo", issues: Array(Set(c.issues)).sorted())
    }
    return spec
  }

  /// Reads and checks a `monte_carlo` section, reporting every problem with its JSON path
  /// (negative sigmas, unknown dispersions, dispersions the kind does not use, a covariance
  /// that is not symmetric positive semi-definite, …).
  ///
  /// - Parameters:
  ///   - value: the section.
  ///   - path: its path (`monte_carlo`).
  ///   - scenario: the whole scenario (for the fingerprint).
  ///   - kind: the scenario kind (for messages).
  ///   - uses: the dispersions the kind applies.
  ///   - checker: receives the problems.
  /// - Returns: the spec, or nil when invalid.
  static func read(
    _ value: JSONValue, at path: JSONPath, scenario: JSONValue, kind: String, uses: [DispersionName],
    checker c: inout Checker
  ) -> MonteCarloSpec? {
    guard
      let o = c.object(
        value, at: path, allowed: ["runs", "seed", "dispersions", "histogram_bins"], required: ["runs", "seed"])
    else { return nil }
    var ok = true
    let runs = c.integer(o["runs"], at: path.appending("runs"))
    if let runs, runs < 1 || runs > maximumRuns {
      c.report(path.appending("runs"), "must be in 1...\(maximumRuns), got \(runs)")
      ok = false
    }
    let seed = c.integer(o["seed"], at: path.appending("seed"))
    if let seed, seed < 0 {
      c.report(path.appending("seed"), "must be ≥ 0, got \(seed)")
      ok = false
    }
    var bins = 40
    if let b = c.integer(o["histogram_bins"], at: path.appending("histogram_bins")) {
      if b < 1 || b > 1000 {
        c.report(path.appending("histogram_bins"), "must be in 1...1000, got \(b)")
        ok = false
      } else {
        bins = b
      }
    } else if o["histogram_bins"] != nil {
      ok = false
    }
    var dispersions: [Dispersion] = []
    if let d = o["dispersions"] {
      let dPath = path.appending("dispersions")
      let names = DispersionName.allCases.map(\.rawValue)
      if let object = c.object(d, at: dPath, allowed: names, required: []) {
        for member in object.members {
          guard let name = DispersionName(rawValue: member.key) else {
            ok = false
            continue
          }
          let mPath = dPath.appending(member.key)
          guard uses.contains(name) else {
            c.report(
              mPath,
              "not used by kind \"\(kind)\" (it disperses: \(uses.map(\.rawValue).joined(separator: ", ")))")
            ok = false
            continue
          }
          if let dispersion = readDispersion(name, member.value, at: mPath, checker: &c) {
            dispersions.append(dispersion)
          } else {
            ok = false
          }
        }
      } else {
        ok = false
      }
    }
    guard ok, let runs, let seed else { return nil }
    return MonteCarloSpec(
      runs: runs, seed: UInt64(seed), dispersions: dispersions, histogramBins: bins,
      fingerprint: fingerprint(of: scenario))
  }

  static func readDispersion(
    _ name: DispersionName, _ value: JSONValue, at path: JSONPath, checker c: inout Checker
  ) -> Dispersion? {
    let u = name.unit
    let allowed: [String]
    if name.isStateError {
      allowed = [
        "distribution", "position_sigma_m", "velocity_sigma_m_s", "position_half_width_m",
        "velocity_half_width_m_s", "position_mean_m", "velocity_mean_m_s", "covariance", "bounds_sigma",
      ]
    } else {
      allowed = ["distribution", "sigma_\(u)", "half_width_\(u)", "mean_\(u)", "bounds_sigma"]
    }
    guard let o = c.object(value, at: path, allowed: allowed, required: ["distribution"]) else { return nil }
    guard let distribution = c.choice(o["distribution"], at: path.appending("distribution"), as: DispersionDistribution.self)
    else { return nil }
    var ok = true
    let nonNegative: (Double) -> String? = { $0 < 0 ? "must be ≥ 0" : nil }
    let spreadWord = distribution == .uniform ? "half_width" : "sigma"
    let otherWord = distribution == .uniform ? "sigma" : "half_width"

    // Keys that do not belong to the chosen distribution.
    for key in o.keys where key.contains(otherWord) || (distribution == .uniform && (key == "covariance" || key == "bounds_sigma"))
      || (distribution == .normal && key == "bounds_sigma")
    {
      c.report(path.appending(key), "not used by distribution \"\(distribution.rawValue)\"")
      ok = false
    }

    var bounds = (lower: -3.0, upper: 3.0)
    if distribution == .truncatedNormal, let b = o["bounds_sigma"] {
      let bPath = path.appending("bounds_sigma")
      if case .array(let items) = b, items.count == 2 {
        let lo = c.number(items[0], at: bPath.appending(index: 0))
        let hi = c.number(items[1], at: bPath.appending(index: 1))
        if let lo, let hi {
          if lo < hi { bounds = (lo, hi) } else {
            c.report(bPath, "must be [lower, upper] with lower < upper, got [\(numberText(lo)), \(numberText(hi))]")
            ok = false
          }
        } else {
          ok = false
        }
      } else {
        c.report(bPath, "expected an array of 2 numbers [lower, upper] (in σ)")
        ok = false
      }
    }

    if name.isStateError {
      var mean = [Double](repeating: 0, count: 6)
      var spread = [Double](repeating: 0, count: 6)
      var cholesky: [Double]? = nil
      func vector(_ key: String, _ offset: Int, into target: inout [Double], check: (Double) -> String?) -> Bool {
        guard let v = o[key] else { return false }
        guard let x = c.vector3(v, at: path.appending(key)) else {
          ok = false
          return true
        }
        for i in 0..<3 {
          if let problem = check(x[i]) {
            c.report(path.appending(key).appending(index: i), "\(problem), got \(numberText(x[i]))")
            ok = false
          }
          target[offset + i] = x[i]
        }
        return true
      }
      _ = vector("position_mean_m", 0, into: &mean) { _ in nil }
      _ = vector("velocity_mean_m_s", 3, into: &mean) { _ in nil }
      let p = vector("position_\(spreadWord)_m", 0, into: &spread, check: nonNegative)
      let v = vector("velocity_\(spreadWord)_m_s", 3, into: &spread, check: nonNegative)
      if let cov = o["covariance"], distribution != .uniform {
        let cPath = path.appending("covariance")
        if p || v {
          c.report(cPath, "give either a covariance or per-axis sigmas, not both")
          ok = false
        } else if let l = readCovariance(cov, at: cPath, checker: &c) {
          cholesky = l
        } else {
          ok = false
        }
      } else if !p && !v {
        let what = distribution == .uniform
          ? "position_half_width_m and/or velocity_half_width_m_s"
          : "position_sigma_m and/or velocity_sigma_m_s, or covariance"
        c.report(path, "missing the spread: give \(what)")
        ok = false
      }
      guard ok else { return nil }
      return Dispersion(
        name: name, distribution: distribution, mean: mean, spread: spread, choleskyFactor: cholesky,
        boundsSigma: bounds)
    }

    let spreadKey = "\(spreadWord)_\(u)"
    var spread = 0.0
    if o[spreadKey] == nil {
      c.report(path.appending(spreadKey), "missing required key")
      ok = false
    } else if let s = c.number(o[spreadKey], at: path.appending(spreadKey), check: nonNegative) {
      spread = s
    } else {
      ok = false
    }
    var mean = 0.0
    if let m = o["mean_\(u)"] {
      if let x = c.number(m, at: path.appending("mean_\(u)")) { mean = x } else { ok = false }
    }
    guard ok else { return nil }
    return Dispersion(
      name: name, distribution: distribution, mean: [mean * name.scale], spread: [spread * name.scale],
      choleskyFactor: nil, boundsSigma: bounds)
  }

  /// The lower Cholesky factor (row-major 6×6) of a symmetric positive semi-definite 6×6
  /// covariance given as 6 rows of 6 numbers (m², m²/s, m²/s²).
  static func readCovariance(_ value: JSONValue, at path: JSONPath, checker c: inout Checker) -> [Double]? {
    guard case .array(let rows) = value, rows.count == 6 else {
      c.report(path, "expected 6 rows of 6 numbers (LVLH r, t, n in m then their rates in m/s)")
      return nil
    }
    var m = [Double](repeating: 0, count: 36)
    var ok = true
    for (i, row) in rows.enumerated() {
      guard case .array(let items) = row, items.count == 6 else {
        c.report(path.appending(index: i), "expected a row of 6 numbers")
        ok = false
        continue
      }
      for (j, item) in items.enumerated() {
        if let x = c.number(item, at: path.appending(index: i).appending(index: j)) { m[i * 6 + j] = x } else { ok = false }
      }
    }
    guard ok else { return nil }
    for i in 0..<6 {
      if m[i * 6 + i] < 0 {
        c.report(path.appending(index: i).appending(index: i), "a variance must be ≥ 0, got \(numberText(m[i * 6 + i]))")
        ok = false
      }
      for j in 0..<i where m[i * 6 + j] != m[j * 6 + i] {
        c.report(
          path.appending(index: i).appending(index: j),
          "the covariance must be symmetric: [\(i)][\(j)] = \(numberText(m[i * 6 + j])) but [\(j)][\(i)] = \(numberText(m[j * 6 + i]))")
        ok = false
      }
    }
    guard ok else { return nil }
    guard let l = Cholesky.semidefiniteFactor(m, n: 6) else {
      c.report(path, "the covariance is not positive semi-definite")
      return nil
    }
    return l
  }
}

/// A number as a user would have written it: whole numbers without ".0".
func numberText(_ x: Double) -> String {
  x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : NumberFormat.shortest(x)
}
