import Dashboard
import Metrics

/// A trust whose drops cross the pandemic, as the DfE's Bradford absence file does: Ash
/// has attendance in the summers of 2017/18, 2018/19, 2020/21 and 2021/22 (the DfE
/// published no 2019/20), Birch only in the last two. Ash misses 3,000 of 60,000 sessions
/// in the first, and 600 more in each after it; Birch 2,700 of 45,000 in both of its own.
enum PandemicTrust {
    static let ash = TestTrust.urn(200_101)
    static let birch = TestTrust.urn(200_102)
    static let summers = [2017, 2018, 2020, 2021].map { DataDrop(year: AcademicYear($0), term: .summer) }
    static let latest = summers[3]

    static func view() -> TrustView {
        var attendance = summers.enumerated().map { index, drop in
            TestTrust.attendance(
                ash, drop, pupils: 200, possible: 60_000, absent: 3_000 + 600 * index, persistent: 20,
                severe: 2)
        }
        attendance += summers.suffix(2).map {
            TestTrust.attendance(
                birch, $0, pupils: 150, possible: 45_000, absent: 2_700, persistent: 15, severe: 1)
        }
        let data = TrustData(
            trustName: "Pandemic Trust",
            academies: [
                Academy(urn: ash, name: "Ash Primary", phase: .primary),
                Academy(urn: birch, name: "Birch Primary", phase: .primary),
            ],
            attendance: attendance, attainment: [], scores: [], benchmarks: BuiltInBenchmarks.all,
            ingestedAt: [:])
        return TrustView(data: data, config: RatingConfig(), trustName: "Pandemic Trust", isSample: false)
    }
}
