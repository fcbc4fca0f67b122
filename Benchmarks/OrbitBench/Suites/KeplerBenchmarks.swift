// Kepler benchmarks: registered once the Kepler API lands in OrbitCore.

func registerKeplerBenchmarks(into registry: inout BenchmarkRegistry) {}
