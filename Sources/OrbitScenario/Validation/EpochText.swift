import OrbitCore

/// ISO-8601 text ⇄ `Epoch` for the scenario and CLI layers.
public enum EpochText {
  /// The instant written as `text` in `scale` (e.g. `2024-01-01T00:00:00Z` in UTC).
  public static func parse(_ text: String, scale: TimeScale, data: TimeScaleData = .standard) -> Result<Epoch, TimeError> {
    do throws(TimeError) {
      return .success(try Epoch(iso8601: text, scale: scale, data: data))
    } catch {
      return .failure(error)
    }
  }
}
