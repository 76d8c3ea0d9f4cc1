/// Column widths of the inbox list for a terminal width, in cells. At 80 columns the
/// text keeps about 16 cells; extra width goes to topic and agency up to a cap, then to
/// the text.
struct InboxColumns: Equatable {
    let sla = 12
    let number = 6
    let source = 6
    let topic: Int
    let agency: Int
    let status = 11
    let text: Int

    init(width: Int) {
        let fixed = sla + number + source + status + 6  // six one-cell gaps
        let spare = max(0, width - fixed - 13 - 10 - 16)
        topic = 13 + min(spare / 2, 13)
        agency = 10 + min(spare - (topic - 13), 4)
        text = max(1, width - fixed - topic - agency)
    }
}
