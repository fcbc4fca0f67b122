// Layout canaries (STYLE.md §4, §5.6): code that packs or reinterprets these types depends on
// their sizes, so a change in the standard library or in our types must fail loudly here.

import OrbitCore
import Testing

@Suite struct LayoutTests {
  @Test func simd3IsStoredInFourLanes() {
    #expect(MemoryLayout<SIMD3<Double>>.size == 32)
    #expect(MemoryLayout<SIMD3<Double>>.stride == 32)
    // 16 on x86_64 (SSE) and arm64; only the 16-byte minimum is relied upon.
    #expect(MemoryLayout<SIMD3<Double>>.alignment >= 16)
    #expect(MemoryLayout<Vector3>.stride == MemoryLayout<SIMD3<Double>>.stride)
  }

  @Test func matrix3IsThreeColumns() {
    #expect(MemoryLayout<Matrix3>.size == 96)
    #expect(MemoryLayout<Matrix3>.stride == 96)
    #expect(MemoryLayout<Matrix3>.offset(of: \Matrix3.c1) == 32)
    #expect(MemoryLayout<Matrix3>.offset(of: \Matrix3.c2) == 64)
  }

  @Test func epochIsTwoWords() {
    #expect(MemoryLayout<Epoch>.size == 16)
    #expect(MemoryLayout<Epoch>.stride == 16)
  }

  @Test func compensatedSumIsTwoDoubles() {
    #expect(MemoryLayout<CompensatedSum>.size == 16)
  }
}
