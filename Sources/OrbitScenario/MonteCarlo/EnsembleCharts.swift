import OrbitCore

/// The SVG charts of a complete ensemble, drawn from the records sorted by run index (so they
/// are identical for an unsharded run and a merge): a histogram of the model's histogram field
/// (e.g. docking time) with guides at the mean and the 5th/95th percentiles, and a scatter of
/// its two scatter fields (e.g. total Δv against docking time), one colour per scheme.
enum EnsembleCharts {
  static func files(header: RunStream.Header, sortedRecords records: [MonteCarloRecord]) -> [(name: String, contents: String)] {
    var out: [(name: String, contents: String)] = []
    let subtitle = "\(header.scenario): \(records.count) runs, seed \(header.seed)"
    if let h = header.histogramField, let i = header.fields.firstIndex(of: h) {
      let values = records.map { $0.values[i] }.filter(\.isFinite)
      var chart = SVGChart(title: "Monte Carlo: \(label(h))", xLabel: label(h), yLabel: "runs")
      chart.subtitle = subtitle + " (\(values.count) with a value)"
      if !values.isEmpty {
        chart.addHistogram(values, bins: header.histogramBins, label: label(h))
        let s = EnsembleStatistics.summarize(name: h, values)
        chart.addGuide(x: s.percentiles[1], label: "p5")
        chart.addGuide(x: s.mean, label: "mean")
        chart.addGuide(x: s.percentiles[5], label: "p95")
      }
      out.append((name: "histogram-\(fileStem(h)).svg", contents: chart.render()))
    }
    if let x = header.scatterX, let y = header.scatterY, let ix = header.fields.firstIndex(of: x),
      let iy = header.fields.firstIndex(of: y)
    {
      var chart = SVGChart(title: "Monte Carlo: \(label(y)) vs \(label(x))", xLabel: label(x), yLabel: label(y))
      chart.subtitle = subtitle
      let schemes = Array(Set(records.map(\.scheme))).sorted()
      for scheme in schemes {
        let points = records.filter { $0.scheme == scheme }.map { SIMD2($0.values[ix], $0.values[iy]) }
          .filter { $0.x.isFinite && $0.y.isFinite }
        if !points.isEmpty { chart.addPoints(points, label: scheme.isEmpty ? "runs" : scheme) }
      }
      out.append((name: "scatter-\(fileStem(y))-vs-\(fileStem(x)).svg", contents: chart.render()))
    }
    return out
  }

  /// `docking_time_h` → `docking time (h)`.
  static func label(_ field: String) -> String {
    let units: [(suffix: String, unit: String)] = [
      ("_m_s", "m/s"), ("_km", "km"), ("_kg", "kg"), ("_h", "h"), ("_s", "s"), ("_m", "m"), ("_deg", "deg"),
      ("_percent", "%"),
    ]
    for u in units where field.hasSuffix(u.suffix) {
      let stem = field.dropLast(u.suffix.count).split(separator: "_").joined(separator: " ")
      return "\(stem) (\(u.unit))"
    }
    return field.split(separator: "_").joined(separator: " ")
  }

  static func fileStem(_ field: String) -> String { field.split(separator: "_").joined(separator: "-") }
}
