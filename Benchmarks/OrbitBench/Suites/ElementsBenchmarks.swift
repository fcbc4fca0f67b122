// Elements benchmarks: registered once the Elements API lands in OrbitCore.

func registerElementsBenchmarks(into registry: inout BenchmarkRegistry) {}
