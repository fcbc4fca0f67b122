// Frames benchmarks: registered once the Frames API lands in OrbitCore.

func registerFramesBenchmarks(into registry: inout BenchmarkRegistry) {}
