// A small SVG line-chart writer with log-log axes, series with markers, a legend and axis
// labels: enough for work-precision diagrams, no dependency. Our own code.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A log-log line chart rendered as a standalone SVG document.
struct SVGChart {
  /// Marker shapes, drawn at every point of a series.
  enum Marker: CaseIterable {
    case circle, square, triangle, diamond, cross, invertedTriangle
  }

  /// One line with markers.
  struct Series {
    /// Legend text.
    var label: String
    /// CSS colour, e.g. `#1f77b4`.
    var color: String
    /// Marker at each point.
    var marker: Marker
    /// Points in data units (both coordinates must be positive to be drawn).
    var points: [(x: Double, y: Double)]
    /// Dashed line (e.g. for peers).
    var dashed = false
    /// Optional text next to each point (same count as `points`, or empty).
    var pointLabels: [String] = []
  }

  /// A dashed guide line at a constant x or y (e.g. a target), with a label.
  struct Guide {
    enum Axis { case x, y }
    var axis: Axis
    var value: Double
    var label: String
  }

  var title: String
  var subtitle = ""
  var xLabel: String
  var yLabel: String
  var series: [Series] = []
  var guides: [Guide] = []
  var width = 960.0
  var height = 640.0

  // Plot area margins (px).
  private let left = 90.0, right = 250.0, top = 84.0, bottom = 70.0

  /// The SVG document.
  func render() -> String {
    let xs = series.flatMap { $0.points.map(\.x) }.filter { $0 > 0 && $0.isFinite }
      + guides.filter { $0.axis == .x }.map(\.value)
    let ys = series.flatMap { $0.points.map(\.y) }.filter { $0 > 0 && $0.isFinite }
      + guides.filter { $0.axis == .y }.map(\.value)
    let (x0, x1) = decades(xs)
    let (y0, y1) = decades(ys)
    let plotW = width - left - right
    let plotH = height - top - bottom
    func px(_ x: Double) -> Double { left + (log10(x) - x0) / (x1 - x0) * plotW }
    func py(_ y: Double) -> Double { top + plotH - (log10(y) - y0) / (y1 - y0) * plotH }

    var s = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" \
      viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(f(left))" y="28" font-size="18" font-weight="bold">\(escape(title))</text>

      """
    // Subtitle: one line per "\n".
    for (i, l) in subtitle.split(separator: "\n").enumerated() {
      s += text(left, 48 + 15 * Double(i), String(l), anchor: "start", size: 12, fill: "#444")
    }
    // Grid and ticks: major at decades (labelled), minor at 2..9.
    for d in Int(x0)...Int(x1) {
      for m in 1...9 {
        let v = Double(m) * pow(10, Double(d))
        guard log10(v) <= x1 + 1e-9 else { break }
        let x = px(v)
        let major = m == 1
        s += line(x, top, x, top + plotH, stroke: major ? "#d0d0d0" : "#eeeeee")
        if major {
          s += text(x, top + plotH + 20, decadeLabel(d), anchor: "middle", size: 12)
        }
      }
    }
    for d in Int(y0)...Int(y1) {
      for m in 1...9 {
        let v = Double(m) * pow(10, Double(d))
        guard log10(v) <= y1 + 1e-9 else { break }
        let y = py(v)
        let major = m == 1
        s += line(left, y, left + plotW, y, stroke: major ? "#d0d0d0" : "#eeeeee")
        if major { s += text(left - 8, y + 4, decadeLabel(d), anchor: "end", size: 12) }
      }
    }
    s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#333\"/>\n"
    s += text(left + plotW / 2, height - 22, xLabel, anchor: "middle", size: 14)
    s += "<text x=\"24\" y=\"\(f(top + plotH / 2))\" font-size=\"14\" text-anchor=\"middle\" transform=\"rotate(-90 24 \(f(top + plotH / 2)))\">\(escape(yLabel))</text>\n"

    // Guides.
    for g in guides {
      switch g.axis {
      case .x:
        let x = px(g.value)
        s += line(x, top, x, top + plotH, stroke: "#c00", dash: "6,4", width: 1.5)
        s += text(x + 4, top + 14, g.label, anchor: "start", size: 11, fill: "#c00")
      case .y:
        let y = py(g.value)
        s += line(left, y, left + plotW, y, stroke: "#c00", dash: "6,4", width: 1.5)
        s += text(left + plotW - 4, y - 5, g.label, anchor: "end", size: 11, fill: "#c00")
      }
    }

    // Series: lines, then markers, clipped to the plot area.
    s += "<defs><clipPath id=\"plot\"><rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\"/></clipPath></defs>\n"
    s += "<g clip-path=\"url(#plot)\">\n"
    for se in series {
      let pts = se.points.filter { $0.x > 0 && $0.y > 0 && $0.x.isFinite && $0.y.isFinite }
      if pts.count > 1 {
        let path = pts.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
        s += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(se.color)\" stroke-width=\"2\""
        s += se.dashed ? " stroke-dasharray=\"7,4\"/>\n" : "/>\n"
      }
      for (i, p) in se.points.enumerated() where p.x > 0 && p.y > 0 && p.x.isFinite && p.y.isFinite {
        s += marker(se.marker, px(p.x), py(p.y), color: se.color)
        if i < se.pointLabels.count, !se.pointLabels[i].isEmpty {
          s += text(px(p.x) + 7, py(p.y) - 6, se.pointLabels[i], anchor: "start", size: 9, fill: "#555")
        }
      }
    }
    s += "</g>\n"

    // Legend.
    let lx = left + plotW + 20
    var ly = top + 10
    for se in series {
      s += line(lx, ly, lx + 30, ly, stroke: se.color, dash: se.dashed ? "7,4" : nil, width: 2)
      s += marker(se.marker, lx + 15, ly, color: se.color)
      s += wrappedText(lx + 38, ly + 4, se.label, size: 12, maxChars: 26)
      ly += 22 + 14 * Double((se.label.count - 1) / 26)
    }
    s += "</svg>\n"
    return s
  }

  /// The decade range [floor, ceil] of log10 of `values`, at least one decade wide.
  private func decades(_ values: [Double]) -> (Double, Double) {
    guard let lo = values.min(), let hi = values.max() else { return (0, 1) }
    let a = floor(log10(lo))
    var b = ceil(log10(hi))
    if b <= a { b = a + 1 }
    return (a, b)
  }

  private func decadeLabel(_ d: Int) -> String {
    switch d {
    case 0: return "1"
    case 1: return "10"
    case 2: return "100"
    case -1: return "0.1"
    case -2: return "0.01"
    default: return "1e\(d)"
    }
  }

  private func f(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
  }

  private func escape(_ t: String) -> String {
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

  private func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, dash: String? = nil,
    width: Double = 1
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
