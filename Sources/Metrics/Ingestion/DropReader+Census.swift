extension DropReader {
    /// Places the schools of every file whose distributions wait for phases (see
    /// `PendingDistributions`), by the census lines of this batch and those stored before,
    /// and logs on each such file how its schools' phases were found.
    func placePendingDistributions(_ batch: inout DropBatch) {
        guard !batch.pendingDistributions.isEmpty else { return }
        var phases = censusPhases
        for line in batch.census { phases.add(line.record) }
        for pending in batch.pendingDistributions {
            var log = IssueLog(file: batch.files[pending.file].name)
            for distribution in pending.distributions(placingBy: phases, log: &log) {
                batch.distributions.append(Sourced(distribution, file: pending.file, line: 1))
            }
            batch.files[pending.file].warnings += log.warnings
            batch.issues += log.report
        }
        batch.pendingDistributions = []
    }
}
