// A small, dependency-free SVG chart writer: linear or log10 axes, line and marker series,
// histograms, guide lines, a legend and an optional equal-aspect mode for trajectory plots
// (e.g. an approach in the station's LVLH frame). Output is deterministic text.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A chart rendered as a standalone SVG document.
///
/// ```swift
/// var chart = SVGChart(title: "ISS mean altitude", xLabel: "days", yLabel: "km")
/// chart.addLine(days.indices.map { SIMD2(days[$0], altitudes[$0]) }, label: "simulated")
/// chart.addGuide(y: 410, label: "floor")
/// let svg = chart.render()
/// ```
/// Non-finite points (and non-positive ones on a log axis) are skipped, never drawn at NaN.
public struct SVGChart: Sendable {
  /// Axis scale.
  public enum Scale: Sendable, Equatable {
    /// Linear, with 1-2-5 ticks.
    case linear
    /// Base-10 logarithmic, ticks at decades.
    case log10
  }

  /// Marker shapes drawn at the points of a series.
  public enum Marker: Sendable, CaseIterable, Equatable {
    case none, circle, square, triangle, diamond, cross, invertedTriangle
  }

  /// One series of points.
  public struct Series: Sendable {
    /// Legend text (an empty label leaves the series out of the legend).
    public var label: String
    /// CSS colour, e.g. `#1f77b4`.
    public var color: String
    /// Points in data units.
    public var points: [SIMD2<Double>]
    /// Joins the points with a line.
    public var drawsLine: Bool
    /// Marker at each point (`.none` for a plain line).
    public var marker: Marker
    /// Dashed line.
    public var dashed: Bool
    /// Optional text next to each point (same count as `points`, or empty).
    public var pointLabels: [String]
  }

  /// A histogram: bar `i` spans `edges[i]...edges[i + 1]` with height `counts[i]`.
  public struct Bars: Sendable {
    /// Legend text.
    public var label: String
    /// CSS colour.
    public var color: String
    /// Bin edges, ascending (`counts.count + 1` values).
    public var edges: [Double]
    /// Bar heights.
    public var counts: [Double]
  }

  /// A dashed guide line at a constant x or y (a target, a floor, an event), with a label.
  public struct Guide: Sendable {
    /// The axis the value is on: `.x` gives a vertical line.
    public enum Axis: Sendable { case x, y }
    public var axis: Axis
    public var value: Double
    public var label: String
  }

  /// Title, drawn bold at the top.
  public var title: String
  /// Lines under the title, separated by `\n` (e.g. machine, date, model).
  public var subtitle = ""
  /// Axis labels (with units).
  public var xLabel: String
  public var yLabel: String
  /// Axis scales (default linear).
  public var xScale: Scale = .linear
  public var yScale: Scale = .linear
  /// Fixed axis ranges; nil fits the data (linear axes get 4 % padding).
  public var xDomain: ClosedRange<Double>? = nil
  public var yDomain: ClosedRange<Double>? = nil
  /// Same data units per pixel on both axes (linear axes only), for trajectories.
  public var equalAspect = false
  /// Image size (px).
  public var width = 960.0
  public var height = 600.0
  /// The series, bars and guides, drawn in this order: bars, guides, series.
  public private(set) var series: [Series] = []
  public private(set) var bars: [Bars] = []
  public private(set) var guides: [Guide] = []

  /// The default colour cycle (colour-blind-friendly Tableau 10).
  public static let palette = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  ]

  /// An empty chart.
  public init(title: String, xLabel: String, yLabel: String) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
  }

  private var nextColor: String { Self.palette[(series.count + bars.count) % Self.palette.count] }

  /// Adds a line through `points` (in order).
  public mutating func addLine(
    _ points: [SIMD2<Double>], label: String, color: String? = nil, dashed: Bool = false, marker: Marker = .none
  ) {
    series.append(
      Series(
        label: label, color: color ?? nextColor, points: points, drawsLine: true, marker: marker, dashed: dashed,
        pointLabels: []))
  }

  /// Adds unconnected markers at `points` (a scatter plot).
  public mutating func addPoints(
    _ points: [SIMD2<Double>], label: String, color: String? = nil, marker: Marker = .circle,
    pointLabels: [String] = []
  ) {
    series.append(
      Series(
        label: label, color: color ?? nextColor, points: points, drawsLine: false,
        marker: marker == .none ? .circle : marker, dashed: false, pointLabels: pointLabels))
  }

  /// Adds a fully specified series.
  public mutating func add(_ s: Series) { series.append(s) }

  /// Adds a histogram of `values` with `bins` equal bins over their range (non-finite values
  /// are ignored). See `SVGChart.histogram(_:bins:)`.
  public mutating func addHistogram(_ values: [Double], bins: Int, label: String, color: String? = nil) {
    let (edges, counts) = Self.histogram(values, bins: bins)
    bars.append(Bars(label: label, color: color ?? nextColor, edges: edges, counts: counts))
  }

  /// Adds bars with explicit edges and heights.
  public mutating func add(_ b: Bars) { bars.append(b) }

  /// Adds a vertical guide at `x`.
  public mutating func addGuide(x: Double, label: String) { guides.append(Guide(axis: .x, value: x, label: label)) }
  /// Adds a horizontal guide at `y`.
  public mutating func addGuide(y: Double, label: String) { guides.append(Guide(axis: .y, value: y, label: label)) }

  /// Equal-width bins over [min, max] of the finite `values`: `bins + 1` edges and `bins` counts.
  /// The maximum falls in the last bin. An empty input gives edges 0…1 with zero counts; equal
  /// values get a bin of width 1 centred on them.
  public static func histogram(_ values: [Double], bins: Int) -> (edges: [Double], counts: [Double]) {
    let n = max(1, bins)
    let finite = values.filter(\.isFinite)
    guard var lo = finite.min(), var hi = finite.max() else {
      return ((0...n).map { Double($0) / Double(n) }, Array(repeating: 0, count: n))
    }
    if hi <= lo {
      lo -= 0.5
      hi += 0.5
    }
    let width = (hi - lo) / Double(n)
    let edges = (0...n).map { $0 == n ? hi : lo + Double($0) * width }
    var counts = Array(repeating: 0.0, count: n)
    for v in finite {
      var i = Int(((v - lo) / width).rounded(.down))
      if i >= n { i = n - 1 }
      if i < 0 { i = 0 }
      counts[i] += 1
    }
    return (edges, counts)
  }

  // MARK: - Layout

  private let left = 92.0, top = 84.0, bottom = 70.0
  private var right: Double { legendEntries.isEmpty ? 30 : 250 }

  private var legendEntries: [(label: String, color: String, marker: Marker, line: Bool, dashed: Bool, bar: Bool)] {
    bars.filter { !$0.label.isEmpty }.map { ($0.label, $0.color, Marker.none, false, false, true) }
      + series.filter { !$0.label.isEmpty }.map { ($0.label, $0.color, $0.marker, $0.drawsLine, $0.dashed, false) }
  }

  /// The plot-area pixel position of a data point (no clipping); exposed for tests.
  public func pixel(_ p: SIMD2<Double>) -> SIMD2<Double> {
    let frame = layout()
    return SIMD2(frame.px(p.x), frame.py(p.y))
  }

  private struct Axis {
    var scale: Scale
    var lo: Double  // in axis units (log10 of the value for log axes)
    var hi: Double
    func u(_ v: Double) -> Double { scale == .log10 ? lg(v) : v }
  }

  private struct Frame {
    var x: Axis
    var y: Axis
    var plotX: Double, plotY: Double, plotW: Double, plotH: Double
    func px(_ v: Double) -> Double { plotX + (x.u(v) - x.lo) / (x.hi - x.lo) * plotW }
    func py(_ v: Double) -> Double { plotY + plotH - (y.u(v) - y.lo) / (y.hi - y.lo) * plotH }
  }

  private func drawable(_ v: Double, _ scale: Scale) -> Bool { v.isFinite && (scale == .linear || v > 0) }

  private func axisRange(_ values: [Double], scale: Scale, domain: ClosedRange<Double>?) -> (Double, Double) {
    if let domain {
      if scale == .log10 {
        let a = lg(max(domain.lowerBound, .leastNormalMagnitude))
        let b = lg(max(domain.upperBound, .leastNormalMagnitude))
        return b > a ? (a, b) : (a, a + 1)
      }
      return domain.upperBound > domain.lowerBound
        ? (domain.lowerBound, domain.upperBound) : (domain.lowerBound - 1, domain.lowerBound + 1)
    }
    let vs = values.filter { drawable($0, scale) }
    guard let lo = vs.min(), let hi = vs.max() else { return scale == .log10 ? (0, 1) : (0, 1) }
    switch scale {
    case .log10:
      let a = floor(lg(lo))
      var b = ceil(lg(hi))
      if b <= a { b = a + 1 }
      return (a, b)
    case .linear:
      if hi <= lo {
        let d = lo == 0 ? 1 : abs(lo) * 0.1
        return (lo - d, hi + d)
      }
      let pad = 0.04 * (hi - lo)
      return (lo - pad, hi + pad)
    }
  }

  private func layout() -> Frame {
    var xs: [Double] = []
    var ys: [Double] = []
    for s in series {
      for p in s.points where drawable(p.x, xScale) && drawable(p.y, yScale) {
        xs.append(p.x)
        ys.append(p.y)
      }
    }
    for b in bars {
      xs += b.edges
      ys += b.counts
      ys.append(0)
    }
    for g in guides { if g.axis == .x { xs.append(g.value) } else { ys.append(g.value) } }
    let (x0, x1) = axisRange(xs, scale: xScale, domain: xDomain)
    let (y0, y1) = axisRange(ys, scale: yScale, domain: yDomain)
    var f = Frame(
      x: Axis(scale: xScale, lo: x0, hi: x1), y: Axis(scale: yScale, lo: y0, hi: y1),
      plotX: left, plotY: top, plotW: width - left - right, plotH: height - top - bottom)
    if equalAspect && xScale == .linear && yScale == .linear {
      // Widen the axis with fewer units per pixel so both share the larger scale.
      let sx = (x1 - x0) / f.plotW
      let sy = (y1 - y0) / f.plotH
      if sx > sy {
        let mid = (y0 + y1) / 2, half = sx * f.plotH / 2
        f.y.lo = mid - half
        f.y.hi = mid + half
      } else {
        let mid = (x0 + x1) / 2, half = sy * f.plotW / 2
        f.x.lo = mid - half
        f.x.hi = mid + half
      }
    }
    return f
  }

  /// Tick values (axis units) and labels for one axis.
  static func ticks(lo: Double, hi: Double, scale: Scale, target: Int = 6) -> [(position: Double, label: String)] {
    switch scale {
    case .log10:
      return (Int(ceil(lo - 1e-9))...max(Int(ceil(lo - 1e-9)), Int(floor(hi + 1e-9)))).map { d in
        (Double(d), decadeLabel(d))
      }
    case .linear:
      let span = hi - lo
      guard span > 0, span.isFinite else { return [] }
      let raw = span / Double(max(1, target))
      let magnitude = pow(10, floor(lg(raw)))
      let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
      let digits = max(0, min(12, Int(-floor(lg(step) + 1e-9))))
      var out: [(Double, String)] = []
      var k = ceil(lo / step - 1e-9)
      while k * step <= hi + step * 1e-9 {
        let v = k * step
        let clean = abs(v) < step * 1e-9 ? 0 : v
        out.append((clean, NumberFormat.fixed(clean, digits: digits)))
        k += 1
      }
      return out
    }
  }

  static func decadeLabel(_ d: Int) -> String {
    switch d {
    case 0: return "1"
    case 1: return "10"
    case 2: return "100"
    case 3: return "1000"
    case -1: return "0.1"
    case -2: return "0.01"
    case -3: return "0.001"
    default: return "1e\(d)"
    }
  }

  // MARK: - Rendering

  /// The SVG document.
  public func render() -> String {
    let fr = layout()
    let plotW = fr.plotW, plotH = fr.plotH
    var s = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" \
      viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(f(left))" y="28" font-size="18" font-weight="bold">\(escape(title))</text>

      """
    for (i, l) in subtitle.split(separator: "\n").enumerated() {
      s += text(left, 48 + 15 * Double(i), String(l), anchor: "start", size: 12, fill: "#444")
    }
    // Grid and tick labels.
    func axisValue(_ u: Double, _ scale: Scale) -> Double { scale == .log10 ? pow(10, u) : u }
    for (u, label) in Self.ticks(lo: fr.x.lo, hi: fr.x.hi, scale: xScale) {
      let x = fr.px(axisValue(u, xScale))
      s += line(x, top, x, top + plotH, stroke: "#d8d8d8")
      s += text(x, top + plotH + 20, label, anchor: "middle", size: 12)
    }
    for (u, label) in Self.ticks(lo: fr.y.lo, hi: fr.y.hi, scale: yScale) {
      let y = fr.py(axisValue(u, yScale))
      s += line(left, y, left + plotW, y, stroke: "#d8d8d8")
      s += text(left - 8, y + 4, label, anchor: "end", size: 12)
    }
    if xScale == .log10 || yScale == .log10 {
      // Minor grid at 2…9 within each decade.
      if xScale == .log10 {
        for d in Int(floor(fr.x.lo))..<Int(ceil(fr.x.hi)) {
          for m in 2...9 {
            let u = Double(d) + lg(Double(m))
            if u > fr.x.lo && u < fr.x.hi {
              let x = fr.px(pow(10, u))
              s += line(x, top, x, top + plotH, stroke: "#f0f0f0")
            }
          }
        }
      }
      if yScale == .log10 {
        for d in Int(floor(fr.y.lo))..<Int(ceil(fr.y.hi)) {
          for m in 2...9 {
            let u = Double(d) + lg(Double(m))
            if u > fr.y.lo && u < fr.y.hi {
              let y = fr.py(pow(10, u))
              s += line(left, y, left + plotW, y, stroke: "#f0f0f0")
            }
          }
        }
      }
    }
    s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#333\"/>\n"
    s += text(left + plotW / 2, height - 22, xLabel, anchor: "middle", size: 14)
    s += "<text x=\"24\" y=\"\(f(top + plotH / 2))\" font-size=\"14\" text-anchor=\"middle\" transform=\"rotate(-90 24 \(f(top + plotH / 2)))\">\(escape(yLabel))</text>\n"

    s += "<defs><clipPath id=\"plot\"><rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\"/></clipPath></defs>\n"
    s += "<g clip-path=\"url(#plot)\">\n"
    // Bars.
    for b in bars {
      for i in 0..<min(b.counts.count, max(0, b.edges.count - 1)) {
        let (a, c, h) = (b.edges[i], b.edges[i + 1], b.counts[i])
        guard drawable(a, xScale), drawable(c, xScale), h.isFinite, h > 0 else { continue }
        let base = yScale == .log10 ? pow(10, fr.y.lo) : 0
        let x0 = fr.px(a), x1 = fr.px(c), y0 = fr.py(max(base, yScale == .log10 ? base : 0)), y1 = fr.py(h)
        s += "<rect x=\"\(f(min(x0, x1)))\" y=\"\(f(min(y0, y1)))\" width=\"\(f(abs(x1 - x0)))\" height=\"\(f(abs(y1 - y0)))\" fill=\"\(b.color)\" fill-opacity=\"0.75\" stroke=\"white\" stroke-width=\"0.5\"/>\n"
      }
    }
    // Guides.
    for g in guides {
      switch g.axis {
      case .x:
        guard drawable(g.value, xScale) else { continue }
        let x = fr.px(g.value)
        s += line(x, top, x, top + plotH, stroke: "#c00", dash: "6,4", width: 1.5)
        s += text(x + 4, top + 14, g.label, anchor: "start", size: 11, fill: "#c00")
      case .y:
        guard drawable(g.value, yScale) else { continue }
        let y = fr.py(g.value)
        s += line(left, y, left + plotW, y, stroke: "#c00", dash: "6,4", width: 1.5)
        s += text(left + plotW - 4, y - 5, g.label, anchor: "end", size: 11, fill: "#c00")
      }
    }
    // Series: a line broken at undrawable points, then markers.
    for se in series {
      if se.drawsLine {
        var run: [String] = []
        func flush() {
          if run.count > 1 {
            s += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(se.color)\" stroke-width=\"2\""
            s += se.dashed ? " stroke-dasharray=\"7,4\"/>\n" : "/>\n"
          }
          run.removeAll(keepingCapacity: true)
        }
        for p in se.points {
          if drawable(p.x, xScale) && drawable(p.y, yScale) {
            run.append("\(f(fr.px(p.x))),\(f(fr.py(p.y)))")
          } else {
            flush()
          }
        }
        flush()
      }
      if se.marker != .none {
        for (i, p) in se.points.enumerated() where drawable(p.x, xScale) && drawable(p.y, yScale) {
          s += marker(se.marker, fr.px(p.x), fr.py(p.y), color: se.color)
          if i < se.pointLabels.count, !se.pointLabels[i].isEmpty {
            s += text(fr.px(p.x) + 7, fr.py(p.y) - 6, se.pointLabels[i], anchor: "start", size: 9, fill: "#555")
          }
        }
      }
    }
    s += "</g>\n"
    // Legend.
    let lx = left + plotW + 20
    var ly = top + 10
    for e in legendEntries {
      if e.bar {
        s += "<rect x=\"\(f(lx))\" y=\"\(f(ly - 6))\" width=\"30\" height=\"12\" fill=\"\(e.color)\" fill-opacity=\"0.75\"/>\n"
      } else if e.line {
        s += line(lx, ly, lx + 30, ly, stroke: e.color, dash: e.dashed ? "7,4" : nil, width: 2)
      }
      if e.marker != .none { s += marker(e.marker, lx + 15, ly, color: e.color) }
      s += wrappedText(lx + 38, ly + 4, e.label, size: 12, maxChars: 26)
      ly += 22 + 14 * Double((e.label.count - 1) / 26)
    }
    s += "</svg>\n"
    return s
  }

  private func f(_ v: Double) -> String {
    guard v.isFinite else { return "0" }
    let r = (v * 10).rounded() / 10
    return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
  }

  /// `t` with the XML special characters escaped.
  static func escape(_ t: String) -> String {
    var out = ""
    for c in t {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
  private func escape(_ t: String) -> String { Self.escape(t) }

  private func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, dash: String? = nil, width: Double = 1
  ) -> String {
    var s = "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\""
    if let dash { s += " stroke-dasharray=\"\(dash)\"" }
    return s + "/>\n"
  }

  private func text(
    _ x: Double, _ y: Double, _ t: String, anchor: String, size: Double, fill: String = "#222"
  ) -> String {
    "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\">\(escape(t))</text>\n"
  }

  private func wrappedText(_ x: Double, _ y: Double, _ t: String, size: Double, maxChars: Int) -> String {
    var lines: [String] = []
    var current = ""
    for word in t.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > maxChars {
        lines.append(current)
        current = String(word)
      } else {
        current += current.isEmpty ? String(word) : " " + word
      }
    }
    if !current.isEmpty { lines.append(current) }
    var s = "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\" fill=\"#222\">"
    for (i, l) in lines.enumerated() {
      s += "<tspan x=\"\(f(x))\" dy=\"\(i == 0 ? "0" : f(size * 1.15))\">\(escape(l))</tspan>"
    }
    return s + "</text>\n"
  }

  private func marker(_ m: Marker, _ x: Double, _ y: Double, color: String) -> String {
    let r = 4.5
    switch m {
    case .none:
      return ""
    case .circle:
      return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" fill=\"\(color)\" stroke=\"white\" stroke-width=\"1\"/>\n"
    case .square:
      return "<rect x=\"\(f(x - r))\" y=\"\(f(y - r))\" width=\"\(f(2 * r))\" height=\"\(f(2 * r))\" fill=\"\(color)\" stroke=\"white\" stroke-width=\"1\"/>\n"
    case .triangle:
      return polygon([(x, y - r * 1.2), (x - r * 1.1, y + r * 0.8), (x + r * 1.1, y + r * 0.8)], color)
    case .invertedTriangle:
      return polygon([(x, y + r * 1.2), (x - r * 1.1, y - r * 0.8), (x + r * 1.1, y - r * 0.8)], color)
    case .diamond:
      return polygon([(x, y - r * 1.3), (x + r * 1.1, y), (x, y + r * 1.3), (x - r * 1.1, y)], color)
    case .cross:
      return line(x - r, y - r, x + r, y + r, stroke: color, width: 2.5)
        + line(x - r, y + r, x + r, y - r, stroke: color, width: 2.5)
    }
  }

  private func polygon(_ p: [(Double, Double)], _ color: String) -> String {
    let pts = p.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
    return "<polygon points=\"\(pts)\" fill=\"\(color)\" stroke=\"white\" stroke-width=\"1\"/>\n"
  }
}

@inline(__always) private func lg(_ v: Double) -> Double { log10(v) }
