/// Where the list and the detail pane go: side by side on wide terminals, stacked on
/// narrow ones, the detail alone in full-screen mode. Rows 0–2 are the header and column
/// titles; the last two rows are the message line and the hint bar.
public struct Layout: Equatable, Sendable {
    public struct Area: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int
    }

    /// The list's rows (below the column titles).
    public let list: Area
    /// The detail pane, including its title line.
    public let detail: Area
    public let sideBySide: Bool

    /// Side by side from this width on: the list keeps 80 columns, the detail 60.
    public static let sideBySideWidth = 140

    public init(width: Int, height: Int, mode: DetailMode) {
        let bodyTop = 3
        let bodyHeight = max(0, height - bodyTop - 2)
        switch mode {
        case .full:
            list = Area(x: 0, y: bodyTop, width: width, height: 0)
            detail = Area(x: 0, y: 2, width: width, height: bodyHeight + 1)
            sideBySide = false
        case .split where width >= Self.sideBySideWidth:
            let detailWidth = max(60, width * 2 / 5)
            list = Area(x: 0, y: bodyTop, width: width - detailWidth - 1, height: bodyHeight)
            detail = Area(x: width - detailWidth, y: 2, width: detailWidth, height: bodyHeight + 1)
            sideBySide = true
        case .split:
            let listHeight = max(3, bodyHeight * 11 / 20)
            list = Area(x: 0, y: bodyTop, width: width, height: listHeight)
            detail = Area(x: 0, y: bodyTop + listHeight, width: width, height: bodyHeight - listHeight)
            sideBySide = false
        }
    }
}
