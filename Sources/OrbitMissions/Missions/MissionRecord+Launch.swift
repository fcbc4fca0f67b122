// A mission's liftoff as the launch-window model predicts it from the pre-launch TLE alone.

import OrbitCore

extension MissionRecord {
  /// The launch-window option of the scheme flown on the reported liftoff's UTC date, predicted
  /// from the station TLE alone (the window of that day whose liftoff is nearest the reported
  /// one; normally the only one), or nil when the record has no TLE.
  ///
  /// This is the prediction `LaunchWindowTests` checks (within 30 s with a TLE ≤ 2 days old,
  /// 60 s otherwise, on the training missions).
  /// - Parameters:
  ///   - model: the ascent model (default: calibrated Soyuz-2.1a).
  ///   - scheme: the scheme whose liftoff to predict (default: the one flown).
  /// - Throws: `LaunchWindowError` when the TLE cannot be used or no window exists that day.
  /// - References: see `LaunchWindowPlanner`.
  public func predictedLaunch(
    model: AscentModel = .soyuz21a, scheme: PhasingScheme? = nil
  ) throws(LaunchWindowError) -> LaunchWindow.Option? {
    guard let tle = stationTLE?.tle else { return nil }
    let planner = try LaunchWindowPlanner(target: tle, pad: pad, model: model)
    let date: CivilDate
    do throws(TimeError) {
      date = try liftoff.epoch.components(.utc).date
    } catch {
      throw .time(error.description)
    }
    let s = scheme ?? schemeFlown
    let options = try planner.windows(utcDate: date).map { $0.option(s) }
    guard let best = options.min(by: { abs($0.liftoff - liftoff.epoch) < abs($1.liftoff - liftoff.epoch) }) else {
      throw .unreachable("\(mission): no northbound window on \(liftoff.utcText.prefix(10))")
    }
    return best
  }
}
