import Metrics

extension GroupGap {
    /// `.better` when the gap narrowed since last year, `.worse` when it widened, else `.text`.
    var role: Role {
        guard let previous, abs(gap) != abs(previous) else { return .text }
        return abs(gap) < abs(previous) ? .better : .worse
    }
}
