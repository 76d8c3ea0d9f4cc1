import ArgumentParser
import Foundation
import OtklikCore
import OtklikStore

/// `otklik report`: figures for supervisors.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for supervisors.",
        subcommands: [SLAReportCommand.self])

    /// `otklik report sla`.
    struct SLAReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sla",
            abstract: "SLA compliance, first-reaction median and 90th percentile, and breaches, per agency, topic or operator.",
            discussion: """
                Counts incidents registered from --from (inclusive) to --to (exclusive); dates are the \
                center's local midnight unless a time is given. Each clock judged so far counts once: met, \
                or breached (late, or still running past its deadline). Reaction times are working time.
                Example: otklik report sla --from 2026-11-01 --to 2026-12-01 --by agency --format csv
                """)

        @Option(name: .long, help: "From this date or time (inclusive).")
        var from: String

        @Option(name: .long, help: "To this date or time (exclusive).")
        var to: String

        @Option(name: .long, help: "Group by agency, topic or operator.")
        var by: String = "agency"

        @Option(name: .long, help: "table, csv or json.")
        var format: String = "table"

        @Option(name: .long, help: "Judge running clocks as of this time (default: now).")
        var at: String?

        @Option(name: .long, help: storeFileHelp)
        var db: String?

        func validate() throws {
            guard SLAReportDimension(rawValue: by) != nil else { throw ValidationError("--by is agency, topic or operator") }
            guard SLAReport.Format(rawValue: format) != nil else { throw ValidationError("--format is table, csv or json") }
        }

        func run() throws {
            let store = try openStore(StoreLocation.resolve(explicit: db))
            let start = try SLATime.option(from, store: store)
            let end = try SLATime.option(to, store: store)
            guard start < end else { throw ValidationError("--from must be before --to") }
            let now = try SLATime.option(at, store: store)
            let rows = try store.slaReport(from: start, to: end, by: SLAReportDimension(rawValue: by)!, now: now)
            print(SLAReport.render(rows, by: by, format: SLAReport.Format(rawValue: format)!, from: start, to: end))
        }
    }
}
