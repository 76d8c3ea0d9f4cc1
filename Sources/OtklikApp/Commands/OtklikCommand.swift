import ArgumentParser

/// `otklik`: the operators' console and its administrative commands.
public struct OtklikCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "otklik",
        abstract: "Отклик — консоль ЦУР для ответов на обращения граждан (Otklik: the incident console).",
        discussion: """
            Without a subcommand, opens the console on the store given by --db, then $OTKLIK_DB, \
            then $XDG_DATA_HOME/otklik/otklik.sqlite. `otklik demo` opens it on a built-in demo region.
            """,
        subcommands: [ConsoleCommand.self, DemoCommand.self, DatabaseCommand.self, SLACommand.self, ReportCommand.self,
                      BenchCommand.self, KeysCommand.self, DoctorCommand.self],
        defaultSubcommand: ConsoleCommand.self)

    public init() {}
}
