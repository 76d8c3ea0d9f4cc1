/// A screen's worth of cells: what rendering produces and the terminal adapter draws.
/// Tests compare grids as text (and roles) without a terminal.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills a row (or part of it) with one role, e.g. for a highlighted line.
    public mutating func fill(row y: Int, from x: Int = 0, to end: Int? = nil, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, end ?? width) {
            self[column, y] = Cell(" ", role: role)
        }
    }

    /// Writes `text` at (x, y), at most `maxWidth` cells (default: to the edge). Text is
    /// measured in terminal cells; a wide character that does not fit is replaced by a
    /// space. Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        var column = max(0, x)
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > limit {
                if column < limit { self[column, y] = Cell(" ", role: role); column += 1 }
                break
            }
            self[column, y] = Cell(character, role: role)
            if w == 2 { self[column + 1, y] = Cell(" ", role: role, isContinuation: true) }
            column += w
        }
        return column
    }

    /// The text of one row; continuation cells are omitted, so a wide character counts once.
    public func text(row y: Int) -> String {
        var line = ""
        for x in 0..<width where !self[x, y].isContinuation {
            line.append(self[x, y].character)
        }
        return line
    }

    /// The whole screen as lines of text, trailing spaces kept (tests compare exactly).
    public var lines: [String] { (0..<height).map(text(row:)) }

    /// The roles of one row, one name per cell, for tests where colour carries meaning.
    public func roles(row y: Int) -> [StyleRole] { (0..<width).map { self[$0, y].role } }
}
