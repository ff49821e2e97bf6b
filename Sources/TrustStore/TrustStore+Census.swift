import GRDB
import Metrics

extension TrustStore {
    /// Every school's phase in every stored school census, for placing the schools of a
    /// DfE file that gives no phase of its own.
    public func censusPhases() throws -> CensusPhases {
        try reading { db in
            var phases = CensusPhases()
            try StoredRow.forEach(
                in: db, sql: "SELECT academic_year, urn, phase FROM school_census", table: .census, path: path
            ) { row in
                phases.add(
                    urn: try row.urn(1), year: try row.year(0),
                    phase: try row.optionalValue(2, Vocabularies.phases))
            }
            return phases
        }
    }

    /// The stored school census lines of `year` (every year when nil), by year then URN.
    public func schoolCensus(year: AcademicYear? = nil) throws -> [SchoolCensus] {
        try reading { db in
            var lines: [SchoolCensus] = []
            var sql = RecordTable.census.selectSQL
            var arguments: StatementArguments = []
            if let year {
                sql += " WHERE academic_year = ?"
                arguments = [year.start]
            }
            sql += " ORDER BY academic_year, urn"
            try StoredRow.forEach(in: db, sql: sql, arguments: arguments, table: .census, path: path) {
                lines.append(try $0.census())
            }
            return lines
        }
    }

    /// The stored national rows of the census of `year` (every year when nil), by year
    /// then school type.
    public func nationalCensus(year: AcademicYear? = nil) throws -> [NationalCensus] {
        try reading { db in
            var rows: [NationalCensus] = []
            var sql = RecordTable.nationalCensus.selectSQL
            var arguments: StatementArguments = []
            if let year {
                sql += " WHERE academic_year = ?"
                arguments = [year.start]
            }
            sql += " ORDER BY academic_year, school_type"
            try StoredRow.forEach(in: db, sql: sql, arguments: arguments, table: .nationalCensus, path: path)
            {
                rows.append(try $0.nationalCensus())
            }
            return rows
        }
    }

    /// The stored `context` lines of `year` (every year when nil), by year then URN: the
    /// trust's own characteristics of its academies, for those the census lacks.
    public func academyContexts(year: AcademicYear? = nil) throws -> [SchoolContext] {
        try reading { db in
            var lines: [SchoolContext] = []
            var sql = RecordTable.context.selectSQL
            var arguments: StatementArguments = []
            if let year {
                sql += " WHERE academic_year = ?"
                arguments = [year.start]
            }
            sql += " ORDER BY academic_year, urn"
            try StoredRow.forEach(in: db, sql: sql, arguments: arguments, table: .context, path: path) {
                lines.append(try $0.context())
            }
            return lines
        }
    }

    /// True when any school census is stored: only then can an academy have similar
    /// schools, so only then are they loaded.
    public func hasCensus() throws -> Bool {
        try reading { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM school_census)") ?? false
        }
    }
}
