// The chart writer is `SVGChart` in OrbitCore (Sources/OrbitCore/Serialization/SVG/SVGChart.swift),
// Foundation-free so that orbit-bench and every module can share it: `import OrbitCore` and use
// `SVGChart(title:xLabel:yLabel:)`, `addLine`, `addPoints`, `addHistogram`, `addGuide(x:)`/`addGuide(y:)`,
// `equalAspect`, `xScale`/`yScale` (.linear, .log10), `render()`. Scenario writers return its text as a file.
