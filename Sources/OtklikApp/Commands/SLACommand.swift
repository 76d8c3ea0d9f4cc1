import ArgumentParser
import Foundation
import OtklikCore
import OtklikStore

/// `otklik sla`: deadlines, their explanation, the tick that records warnings and breaches,
/// extensions, calendars and policies (docs/sla.md).
struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla",
        abstract: "Deadlines in working time: compute, explain, tick, extend; calendars and policies.",
        discussion: "The clock rules, policies and calendars are in docs/sla.md.",
        subcommands: [Due.self, Explain.self, Tick.self, Extend.self, CalendarImport.self, Policies.self])

    /// `otklik sla due`: a deadline step by step, without an incident.
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute a policy's deadlines from a start time and explain them step by step.",
            discussion: """
                Examples:
                  otklik sla due --policy social-standard --start "2026-11-27 16:15"
                  otklik sla due --policy appeal-59fz --start 2026-12-25T10:00 --agency Упрдор
                  otklik sla due --policy social-important --start "2026-03-19 17:00" --zone Asia/Yekaterinburg \\
                      --calendar calendars/ru-2026.toml --calendar calendars/regions/ru-ba-2026.toml
                The start is local time in the calendar's zone unless it carries one (Z, +03:00). Without \
                --agency or --calendar, the store's center calendar is used when a store exists, else the \
                built-in 2026 calendar.
                """)

        @Option(name: .long, help: "The policy's code (otklik sla policies lists them).")
        var policy: String

        @Option(name: .long, help: "The start: \"2026-11-27 16:15\", 2026-11-27T16:15, optionally with Z or +03:00.")
        var start: String

        @Option(name: .long, help: "Count in this agency's calendar and zone (from the store).")
        var agency: String?

        @Option(name: .long, help: "A calendar file; repeat for a regional addition over the national one.")
        var calendar: [String] = []

        @Option(name: .long, help: "The IANA time zone for --calendar (default: the file's time_zone, else Europe/Moscow).")
        var zone: String?

        @Option(name: .long, help: "Policies from this sla.toml instead of the store's or the built-in ones.")
        var config: String?

        @Option(name: .long, help: storeFileHelp)
        var db: String?

        func validate() throws {
            if agency != nil && !calendar.isEmpty { throw ValidationError("give --agency or --calendar, not both") }
            if let zone, TimeZone(identifier: zone) == nil { throw ValidationError("unknown time zone \(zone)") }
        }

        func run() throws {
            let path = StoreLocation.resolve(explicit: db)
            let useStore = agency != nil || (calendar.isEmpty && (db != nil || FileManager.default.fileExists(atPath: path)))
            let store = useStore ? try openStore(path) : nil
            var policies = try store?.slaPolicies() ?? SLAPolicy.builtIn
            if let config { policies = try SLAFiles.config(config).policies }
            guard let chosen = policies.first(where: { $0.code == policy }) else {
                throw ValidationError("unknown policy \(policy) (known: \(policies.map(\.code).joined(separator: ", ")))")
            }
            let workingCalendar: WorkingCalendar
            let label: String
            if !calendar.isEmpty {
                workingCalendar = try SLAFiles.calendar(calendar, zone: zone)
                label = "\(workingCalendar.name) (\(workingCalendar.timeZone.identifier); files)"
            } else if let store {
                let found = try store.workingCalendar(agencyShortName: agency)
                let calendar = zone.flatMap(TimeZone.init(identifier:)).map { found.calendar.inZone($0) } ?? found.calendar
                (workingCalendar, label) = (calendar, found.label)
            } else {
                let tz = TimeZone(identifier: zone ?? "Europe/Moscow")!
                workingCalendar = RussianProductionCalendar.calendar2026(timeZone: tz)
                label = "ru-2026 (built in) · \(tz.identifier)"
            }
            guard let startDate = SLATime.parse(start, zone: workingCalendar.timeZone) else {
                throw ValidationError("cannot read the start time \"\(start)\" (e.g. \"2026-11-27 16:15\" or 2026-11-27T16:15+03:00)")
            }
            print(SLAExplanation.due(policy: chosen, start: startDate, calendar: workingCalendar, calendarLabel: label)
                .joined(separator: "\n"))
        }
    }

    /// `otklik sla explain N`.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Explain an incident's deadlines from its events, step by step.")

        @Argument(help: "The incident's number.")
        var number: Int

        @Option(name: .long, help: "As of this time (default: now).")
        var at: String?

        @Option(name: .long, help: storeFileHelp)
        var db: String?

        func run() throws {
            let store = try openStore(StoreLocation.resolve(explicit: db))
            let now = try SLATime.option(at, store: store)
            do {
                print(try store.slaExplanation(number: number, at: now).joined(separator: "\n"))
            } catch let error as SLAError {
                throw ValidationError(error.description)
            }
        }
    }

    /// `otklik sla tick`.
    struct Tick: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute changed incidents; record warnings and breaches once; escalate by the store's rules.",
            discussion: """
                Safe to run from several processes and from cron: results are the same and each warning, \
                breach and escalation is recorded once per incident and clock. --every keeps running.
                """)

        @Option(name: .long, help: storeFileHelp)
        var db: String?

        @Option(name: .long, help: "Tick again every this many seconds until interrupted.")
        var every: Int?

        @Option(name: .long, help: "As of this time (default: now; for tests and replays).")
        var at: String?

        @Flag(name: .shortAndLong, help: "Print nothing when nothing happened.")
        var quiet = false

        func validate() throws {
            if let every, every < 1 { throw ValidationError("--every must be at least 1") }
        }

        func run() throws {
            let store = try openStore(StoreLocation.resolve(explicit: db))
            repeat {
                let now = try SLATime.option(at, store: store)
                let started = Date()
                let summary = try store.slaTick(at: now)
                let seconds = Date().timeIntervalSince(started)
                if !quiet || summary.visited > 0 || summary.failed > 0 {
                    print("sla tick: visited \(summary.visited), changed \(summary.changed), warnings \(summary.warnings), "
                          + "breaches \(summary.breaches), escalations \(summary.escalations)"
                          + (summary.failed > 0 ? ", failed \(summary.failed)" : "") + String(format: " (%.2f s)", seconds))
                }
                if summary.failed > 0 && every == nil { throw ExitCode(1) }
                if let every { Thread.sleep(forTimeInterval: TimeInterval(every)) }
            } while every != nil
        }
    }

    /// `otklik sla extend N --reason TEXT`.
    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extend an incident's final deadline (59-ФЗ: once, by 30 days) with a recorded reason.")

        @Argument(help: "The incident's number.")
        var number: Int

        @Option(name: .long, help: "Why (recorded in the audit log; the citizen must be notified).")
        var reason: String

        @Option(name: .customLong("operator"), help: "Who extends it (default: $OTKLIK_OPERATOR, then $USER).")
        var operatorLogin: String?

        @Option(name: .long, help: storeFileHelp)
        var db: String?

        func run() throws {
            let store = try openStore(StoreLocation.resolve(explicit: db))
            let env = ProcessInfo.processInfo.environment
            let login = operatorLogin ?? env["OTKLIK_OPERATOR"] ?? env["USER"] ?? "operator"
            do {
                let evaluation = try store.extendFinalDeadline(number: number, reason: reason, at: Date(), actor: "operator:\(login)")
                let calendar = evaluation.context.calendar
                print("№\(number): final answer now due \(evaluation.clock(.final)?.due.map { SLAExplanation.stamp($0, calendar) } ?? "—")")
            } catch let error as SLAError {
                throw ValidationError(error.description)
            }
        }
    }

    /// `otklik sla calendar FILE`.
    struct CalendarImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar",
            abstract: "Check a calendar file and import it into the store, optionally for the center or an agency.",
            discussion: """
                Examples:
                  otklik sla calendar calendars/ru-2026.toml --center
                  otklik sla calendar calendars/regions/ru-ba-2026.toml --agency "Минздрав РБ"
                  otklik sla calendar calendars/regions/ru-ba-2026.toml --check
                """)

        @Argument(help: "The calendar file (calendars/*.toml).")
        var file: String

        @Flag(name: .long, help: "Make it the center's calendar.")
        var center = false

        @Option(name: .long, help: "Make it this agency's calendar (short name).")
        var agency: String?

        @Flag(name: .long, help: "Only check the file (and that it adds up); write nothing.")
        var check = false

        @Option(name: .long, help: storeFileHelp)
        var db: String?

        func validate() throws {
            if center && agency != nil { throw ValidationError("give --center or --agency, not both") }
        }

        func run() throws {
            let definition = try SLAFiles.definition(file)
            if check {
                let base = definition.extends == RussianProductionCalendar.definition2026.code
                    ? RussianProductionCalendar.calendar2026(timeZone: TimeZone(identifier: "UTC")!) : nil
                if let problem = definition.verify(base: base) { throw ValidationError(problem) }
                print("\(file): \(definition.code), \(definition.days.count) special days\(definition.extends.map { ", extends \($0)" } ?? ""): ok")
                return
            }
            let store = try openStore(StoreLocation.resolve(explicit: db))
            do {
                try store.importCalendar(definition, assign: center ? .center : agency.map { .agency($0) })
            } catch let error as SLAError {
                throw ValidationError(error.description)
            }
            print("imported \(definition.code)\(center ? " as the center's calendar" : agency.map { " for \($0)" } ?? "")")
        }
    }

    /// `otklik sla policies [--load FILE]`.
    struct Policies: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the policies in the order they apply; --load reads policies and escalation rules from sla.toml.")

        @Option(name: .long, help: "Load policies and [[escalation]] rules from this file (sla/sla.toml).")
        var load: String?

        @Option(name: .long, help: storeFileHelp)
        var db: String?

        func run() throws {
            let store = try openStore(StoreLocation.resolve(explicit: db))
            if let load {
                let config = try SLAFiles.config(load)
                do {
                    try store.loadSLAConfig(config)
                } catch let error as SLAError {
                    throw ValidationError(error.description)
                }
                print("loaded \(config.policies.count) policies and \(config.escalations.count) escalation rules from \(load)")
            }
            for policy in try store.slaPolicies() {
                var filters: [String] = []
                if !policy.sourceKinds.isEmpty { filters.append("sources \(policy.sourceKinds.map(\.rawValue).joined(separator: ","))") }
                if let p = policy.minimumPriority { filters.append("priority ≥ \(p.rawValue)") }
                if let t = policy.topicCode { filters.append("topic \(t) and below") }
                print("\(policy.code) «\(policy.name)»: \(filters.isEmpty ? "any incident" : filters.joined(separator: ", "))")
                print("  first reaction \(policy.firstReaction); answer \(policy.answer); final \(policy.final) from the "
                      + (policy.finalAnchor == .registration ? "registration" : "intermediate answer")
                      + "; next reply \(policy.target(.nextReply)); at risk after \(policy.warningPercent) %"
                      + (policy.maxExtensions > 0 ? "; extensible \(policy.maxExtensions)× by \(policy.finalExtension!)" : ""))
            }
            for rule in try store.escalationRules() {
                print("escalation: \(rule.clock?.rawValue ?? "any clock")\(rule.policyCode.map { " of \($0)" } ?? "") "
                      + "\(rule.afterMinutes) min past the deadline → "
                      + [rule.raisePriority ? "raise priority" : nil, rule.reassignTo.map { "reassign to \($0)" }].compactMap { $0 }.joined(separator: ", "))
            }
        }
    }
}

/// Reading SLA data files: the app's side of "the data file is the source".
enum SLAFiles {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read the file") }
        return String(decoding: data, as: UTF8.self)
    }

    static func definition(_ path: String) throws -> CalendarDefinition {
        do {
            return try CalendarDefinition.parse(try read(path), path: path)
        } catch let error as SimpleTOML.ParseError {
            throw ValidationError(error.description)
        }
    }

    /// Calendar files in order, each over the previous (the first over the built-in 2026
    /// calendar when it extends it), checked; in `zone`, else the files' own, else Moscow.
    static func calendar(_ paths: [String], zone: String?) throws -> WorkingCalendar {
        var calendar: WorkingCalendar?
        var zoneName = zone
        for path in paths {
            let definition = try definition(path)
            if zoneName == nil { zoneName = definition.timeZone }
            let tz = TimeZone(identifier: zoneName ?? "Europe/Moscow")!
            var base = calendar?.inZone(tz)
            if base == nil, let extends = definition.extends {
                guard extends == RussianProductionCalendar.definition2026.code else {
                    throw ValidationError("\(path) extends \(extends): give that calendar's file first")
                }
                base = RussianProductionCalendar.calendar2026(timeZone: tz)
            }
            if let problem = definition.verify(base: base) { throw ValidationError("\(path): \(problem)") }
            calendar = definition.calendar(timeZone: tz, base: base)
        }
        return calendar!
    }

    static func config(_ path: String) throws -> SLAConfig {
        do {
            return try SLAConfig.parse(try read(path), path: path)
        } catch let error as SimpleTOML.ParseError {
            throw ValidationError(error.description)
        }
    }
}

/// Times typed on the command line.
enum SLATime {
    /// "2026-11-27 16:15", "2026-11-27T16:15", "…:30", with an optional "Z" or "+03:00"; a
    /// date alone is its midnight. Local time in `zone` unless a zone is written.
    static func parse(_ text: String, zone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...2).contains(parts.count), let day = CivilDay(iso: parts[0]) else { return nil }
        var seconds = 0
        var offset: Int?
        if parts.count == 2 {
            var time = parts[1]
            if time.hasSuffix("Z") {
                offset = 0
                time.removeLast()
            } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                let zonePart = time[time.index(after: sign)...].split(separator: ":")
                guard zonePart.count == 2, let h = Int(zonePart[0]), let m = Int(zonePart[1]) else { return nil }
                offset = (h * 3_600 + m * 60) * (time[sign] == "-" ? -1 : 1)
                time = String(time[..<sign])
            }
            let hms = time.split(separator: ":").map { Int($0) }
            guard (2...3).contains(hms.count), hms.allSatisfy({ $0 != nil }), (0...23).contains(hms[0]!), (0...59).contains(hms[1]!) else { return nil }
            seconds = hms[0]! * 3_600 + hms[1]! * 60 + (hms.count == 3 ? hms[2]! : 0)
        }
        let local = day.number * 86_400 + seconds
        if let offset { return Date(timeIntervalSince1970: TimeInterval(local - offset)) }
        let guess = local - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        return Date(timeIntervalSince1970: TimeInterval(local - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))))
    }

    /// An `--at` option in the center's zone, or now.
    static func option(_ text: String?, store: Store) throws -> Date {
        guard let text else { return Date() }
        guard let date = parse(text, zone: try store.centerTimeZone()) else { throw ValidationError("cannot read the time \"\(text)\"") }
        return date
    }
}
