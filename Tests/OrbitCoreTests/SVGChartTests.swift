// The SVG chart writer: bins, ticks, pixel mapping, equal aspect, escaping and robustness,
// checked against values worked out by hand from the layout rules in SVGChart.swift.

@testable import OrbitCore
import Testing

@Suite struct SVGChartTests {
  @Test func histogramBinsPutTheMaximumInTheLastBin() {
    let (edges, counts) = SVGChart.histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, .nan], bins: 3)
    #expect(edges == [0, 3, 6, 9])
    #expect(counts == [3, 3, 4])  // 0,1,2 | 3,4,5 | 6,7,8,9 (max in the last bin); NaN ignored
    let (e1, c1) = SVGChart.histogram([2, 2, 2], bins: 2)
    #expect(e1 == [1.5, 2, 2.5])
    #expect(c1 == [0, 3])
    let (e0, c0) = SVGChart.histogram([], bins: 4)
    #expect(e0.count == 5 && c0 == [0, 0, 0, 0])
  }

  @Test func linearTicksAreOneTwoFiveSteps() {
    let t = SVGChart.ticks(lo: 0, hi: 10, scale: .linear)
    #expect(t.map(\.position) == [0, 2, 4, 6, 8, 10])
    #expect(t.map(\.label) == ["0", "2", "4", "6", "8", "10"])
    let small = SVGChart.ticks(lo: -0.02, hi: 0.52, scale: .linear)
    #expect(small.map(\.label) == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5"])
    let big = SVGChart.ticks(lo: 396.3, hi: 421.9, scale: .linear)
    #expect(big.map(\.label) == ["400", "405", "410", "415", "420"])
    let log = SVGChart.ticks(lo: -3, hi: 1, scale: .log10)
    #expect(log.map(\.label) == ["0.001", "0.01", "0.1", "1", "10"])
  }

  @Test func fixedDomainsMapLinearlyIntoThePlotArea() {
    var c = SVGChart(title: "t", xLabel: "x", yLabel: "y")
    c.xDomain = 0...10
    c.yDomain = 0...100
    c.addPoints([SIMD2(5, 50)], label: "")  // no legend: right margin 30 px
    // Plot area: x from 92 to 960 − 30 = 930 (838 px), y from 84 to 600 − 70 = 530 (446 px).
    #expect(c.pixel(SIMD2(0, 0)) == SIMD2(92, 530))
    #expect(c.pixel(SIMD2(10, 100)) == SIMD2(930, 84))
    #expect(c.pixel(SIMD2(5, 50)) == SIMD2(511, 307))
  }

  @Test func equalAspectGivesTheSameScaleOnBothAxes() {
    var c = SVGChart(title: "approach", xLabel: "V-bar (m)", yLabel: "R-bar (m)")
    c.equalAspect = true
    c.addLine([SIMD2(-2500, 0), SIMD2(0, 100), SIMD2(0, 0)], label: "Soyuz")
    let o = c.pixel(SIMD2(0, 0))
    let dx = c.pixel(SIMD2(1000, 0)).x - o.x
    let dy = o.y - c.pixel(SIMD2(0, 1000)).y
    #expect(abs(dx - dy) < 1e-9 * dx)  // pixels per metre equal on both axes
  }

  @Test func textIsEscapedAndNonFinitePointsAreSkipped() {
    var c = SVGChart(title: "a < b & \"c\"", xLabel: "x", yLabel: "y")
    c.addLine([SIMD2(0, 0), SIMD2(1, .nan), SIMD2(2, 2), SIMD2(3, 3)], label: "s<1>")
    c.addGuide(y: 1.5, label: "floor")
    c.addHistogram([1, 2, 2, 3], bins: 2, label: "h")
    let svg = c.render()
    #expect(svg.contains("a &lt; b &amp; &quot;c&quot;"))
    #expect(svg.contains("s&lt;1&gt;"))
    #expect(!svg.contains("nan") && !svg.contains("inf"))
    // The NaN breaks the line: one polyline of the two finite points after it, none of a single point.
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 1)
    #expect(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>\n"))
    #expect(svg.components(separatedBy: "<text").count == svg.components(separatedBy: "</text>").count)
  }

  @Test func emptyAndDegenerateChartsStillRender() {
    let empty = SVGChart(title: "nothing", xLabel: "x", yLabel: "y").render()
    #expect(empty.hasSuffix("</svg>\n"))
    var one = SVGChart(title: "one point", xLabel: "x", yLabel: "y")
    one.xScale = .log10
    one.addPoints([SIMD2(0, 1), SIMD2(-1, 1), SIMD2(10, 5)], label: "p")  // x ≤ 0 not drawable on log
    let svg = one.render()
    #expect(svg.components(separatedBy: "<circle").count - 1 == 2)  // one point + its legend marker
  }
}
