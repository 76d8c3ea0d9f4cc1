import Foundation
import OtklikCore

/// Runs the console: reads input, ticks the clock, notices store changes, applies the
/// pure update and performs its effects, and presents each frame. Single-threaded, as
/// ncurses requires.
public final class ConsoleRuntime {
    public private(set) var state: ConsoleState
    private let terminal: TerminalDevice
    private let source: InboxSource
    private let clock: WallClock
    /// How often other processes' commits are looked for.
    private let pollInterval: TimeInterval
    private let themes: ThemeLookup

    public init(state: ConsoleState, terminal: TerminalDevice, source: InboxSource, clock: WallClock,
                pollInterval: TimeInterval = 0.5,
                themes: @escaping ThemeLookup = { name in name == "dark" ? .success(.builtIn) : .failure(.notFound(name)) }) {
        self.state = state
        self.terminal = terminal
        self.source = source
        self.clock = clock
        self.pollInterval = pollInterval
        self.themes = themes
    }

    /// Runs until the user quits or the terminal goes away.
    public func run() throws {
        var token = try source.changeToken()
        var lastPoll = clock.now
        var lastTick = clock.now
        var fullRedraw = true
        var running = try perform([.load(state.query, offset: 0, limit: ConsoleUpdate.windowSize), .loadCounters],
                                  fullRedraw: &fullRedraw)
        while running {
            // Render only when something happened: an idle console costs nothing between ticks.
            if changed || fullRedraw {
                terminal.present(InboxScreen.render(state), full: fullRedraw)
                fullRedraw = false
                changed = false
            }
            // Wake at the next whole second so the countdowns tick together.
            let now = clock.now
            let fraction = now.timeIntervalSince1970 - now.timeIntervalSince1970.rounded(.down)
            let wait = max(10, min(250, Int((1 - fraction) * 1000) + 1))
            var effects: [ConsoleEffect] = []
            switch terminal.readInput(timeoutMilliseconds: wait) {
            case .key(let key): effects += step(.key(key))
            case .resized(let width, let height): effects += step(.resized(width: width, height: height))
            case .timeout: break
            case .hangup: return
            }
            let later = clock.now
            if Int(later.timeIntervalSince1970) != Int(lastTick.timeIntervalSince1970) {
                lastTick = later
                effects += step(.tick(later))
            }
            if later.timeIntervalSince(lastPoll) >= pollInterval {
                lastPoll = later
                let current = try source.changeToken()
                if current != token {
                    token = current
                    effects += step(.storeChanged)
                }
            }
            running = try perform(effects, fullRedraw: &fullRedraw)
        }
    }

    /// Whether the state changed since the last frame.
    private var changed = true

    private func step(_ event: ConsoleEvent) -> [ConsoleEffect] {
        let (next, effects) = ConsoleUpdate.update(state, event)
        state = next
        changed = true
        return effects
    }

    /// Performs effects, feeding their results back through `update`. Returns false to stop.
    /// A failing load is reported on the message line rather than ending the session.
    private func perform(_ effects: [ConsoleEffect], fullRedraw: inout Bool) throws -> Bool {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .quit: return false
            case .redrawAll: fullRedraw = true
            case .suspend:
                terminal.suspend()
                fullRedraw = true
            case .load(let query, let offset, let limit):
                do {
                    queue += step(.loaded(try source.snapshot(query, offset: offset, limit: limit, now: clock.now)))
                } catch {
                    queue += step(.failed("\(error)"))
                }
            case .loadCounters:
                do {
                    queue += step(.countersLoaded(try source.counters(now: clock.now)))
                } catch {
                    queue += step(.failed("\(error)"))
                }
            case .loadDetail(let id):
                do {
                    queue += step(.detailLoaded(try source.detail(id: id)))
                } catch {
                    queue += step(.failed("\(error)"))
                }
            case .perform(let action, let targets, let operatorLogin, let toTagged):
                do {
                    let outcomes = try source.perform(action, on: targets, operatorLogin: operatorLogin, now: clock.now)
                    let results = zip(targets, outcomes).map { IncidentActionReport.Result(target: $0, outcome: $1) }
                    queue += step(.performed(IncidentActionReport(action: action, results: results, toTagged: toTagged)))
                } catch {
                    queue += step(.failed("\(error)"))
                }
            case .applyTheme(let name):
                switch themes(name) {
                case .success(let theme):
                    terminal.apply(theme: theme)
                    fullRedraw = true
                    queue += step(.themeApplied(name: name, problem: nil))
                case .failure(let problem):
                    queue += step(.themeApplied(name: name, problem: "\(problem)"))
                }
            }
        }
        return true
    }
}
