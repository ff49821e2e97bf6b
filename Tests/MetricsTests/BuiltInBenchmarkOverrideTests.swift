import Testing

@testable import Metrics

@Suite("A trust's own benchmarks over the built-in ones")
struct BuiltInBenchmarkOverrideTests {
    @Test func aFigureWithTheSameKeyReplacesTheBuiltInOneAndOthersAreAdded() throws {
        let builtIn = try #require(BuiltInBenchmarks.all.first)
        var ours = builtIn
        ours.value = builtIn.value + 1
        ours.source = "our own figure"
        // Another scope is another key: added, replacing nothing.
        var local = builtIn
        local.scope = .localAuthority("Northshire")
        let merged = BuiltInBenchmarks.overridden(by: [ours, local])
        // One built-in figure gone, two of ours added.
        #expect(merged.count == BuiltInBenchmarks.all.count + 1)
        #expect(merged.contains(ours))
        #expect(merged.contains(local))
        #expect(!merged.contains(builtIn))
    }

    @Test func noOverridesLeavesTheBuiltInFigures() {
        #expect(BuiltInBenchmarks.overridden(by: []) == BuiltInBenchmarks.all)
    }
}
