import Foundation
import OtklikConsole
import OtklikCore
import Testing

// Whole screens, compared as text. Trailing spaces matter: each line is the full width.
// Regenerate deliberately: a change here is a change users see.

let expectedInbox80x24 = """
     Отклик · ЦУР Северо-Озёрской области        ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1                            
            Срок      № Ист    Тема          Ведомство  Статус      Текст           
     −2 ч 15 мин   1041 ПОС    Отсутствие г… Водоканал  у ведомства Третью неделю н…
           14:00   1187 ТГ     Ямы и выбоин… —          новый       ␛]52;c;cm0gLXJm…
      1 ч 35 мин   1203 ВК     Ямы и выбоин… Упрдор     в работе    На ул. Ленина о…
         3 д 2 ч   1250 e-mail Вывоз мусора  Регоперат… отвечен     Контейнеры не в…
               —   1299 ОК     Лифт неиспра… ГЖИ        ждёт автора Лифт стоит, в п…
               —   1300 311    Уличное осве… Адм. Озер… закрыт      Не горят фонари…
                                                                                    
                                                                                    
                                                                                    
                                                                                    
                                                                                    
                                                                                    
                                                                                    
                                                                                    
                                                                                    
                                                                                    
                                                                                    
                                                                                    
                                                                                    
                                                                             1 из 6 
     j вниз  k вверх  g начало  G конец  R обновить  ? справка  q выход             
    """

let expectedInbox120x40 = """
     Отклик · ЦУР Северо-Озёрской области                                                ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1                                                                    
            Срок      № Ист    Тема                       Ведомство      Статус      Текст                                  
     −2 ч 15 мин   1041 ПОС    Отсутствие горячей воды    Водоканал      у ведомства Третью неделю нет горячей воды в доме …
           14:00   1187 ТГ     Ямы и выбоины на дороге    —              новый       ␛]52;c;cm0gLXJmIH4=␇Сосульки над входо…
      1 ч 35 мин   1203 ВК     Ямы и выбоины на дороге    Упрдор         в работе    На ул. Ленина огромная яма, машины бью…
         3 д 2 ч   1250 e-mail Вывоз мусора               Регоператор    отвечен     Контейнеры не вывозят с понедельника … 
               —   1299 ОК     Лифт неисправен            ГЖИ            ждёт автора Лифт стоит, в подъезде пожилые люди    
               —   1300 311    Уличное освещение          Адм. Озерецк   закрыт      Не горят фонари во дворе               
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                     1 из 6 
     j вниз  k вверх  g начало  G конец  R обновить  ? справка  q выход                                                     
    """

let expectedHelp80x24 = """
     Отклик · ЦУР Северо-Озёрской области        ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1                            
            Срок      № Ист    Тема          Ведомство  Статус      Текст           
     −2 ч 15 Клавиши                                                        еделю н…
           1                                                                m0gLXJm…
      1 ч 35  j <Down>       Следующий инцидент                             енина о…
         3 д  k <Up>         Предыдущий инцидент                            ры не в…
              <PgDn> <Space> Страница вниз                                  ит, в п…
              <PgUp>         Страница вверх                                  фонари…
              <C-d>          Полстраницы вниз                                       
              <C-u>          Полстраницы вверх                                      
              g <Home>       В начало списка                                        
              G <End>        В конец списка                                         
              R <F5>         Обновить список                                        
              <C-l>          Перерисовать экран                                     
              ? <F1>         Справка по клавишам                                    
              q <Esc>        Назад (из списка — выход)                              
              Q <C-c>        Выйти                                                  
                                                                                    
             Esc или q — закрыть                                                    
                                                                                    
                                                                                    
                                                                             1 из 6 
     j вниз  k вверх  g начало  G конец  R обновить  ? справка  q выход             
    """

@Suite struct RenderTests {
    func screen(_ grid: Grid) -> String { grid.lines.joined(separator: "\n") }

    @Test func inboxAt80x24() {
        #expect(screen(InboxScreen.render(fixtureState())) == expectedInbox80x24)
    }

    @Test func inboxAt120x40() {
        #expect(screen(InboxScreen.render(fixtureState(width: 120, height: 40))) == expectedInbox120x40)
    }

    @Test func helpOverlayAt80x24() {
        var state = fixtureState()
        state.helpVisible = true
        #expect(screen(InboxScreen.render(state)) == expectedHelp80x24)
    }

    @Test func rowsCarryDeadlineRoles() {
        var state = fixtureState()
        state.cursor = 5  // the selected row is reverse video; look at the others
        let grid = InboxScreen.render(state)
        let slaColumn = 0..<12
        #expect(slaColumn.allSatisfy { grid[$0, 3].role == .slaBreached })   // −2 ч 15 мин
        #expect(slaColumn.allSatisfy { grid[$0, 4].role == .slaWarning })    // 14:00, past its warning
        #expect(slaColumn.allSatisfy { grid[$0, 5].role == .slaOK })
        #expect(slaColumn.allSatisfy { grid[$0, 7].role == .slaNone })       // paused
        #expect(grid.roles(row: 8).allSatisfy { $0 == .selected })
        #expect(grid[13, 4].role == .priorityHigh)                           // the number of a high-priority incident
        #expect(grid[0, 1].role == .normal && grid.text(row: 1).contains("просрочено 1"))
    }

    @Test func escapeSequencesNeverReachTheGrid() {
        let grid = InboxScreen.render(fixtureState(width: 120, height: 40))
        for cell in grid.cells {
            #expect(!cell.character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) })
        }
        #expect(grid.text(row: 4).contains("␛]52;c;"))
    }

    @Test func wideCharactersKeepColumnsAligned() {
        let grid = InboxScreen.render(fixtureState(width: 120, height: 40))
        // Every row is exactly the terminal's width in cells.
        for y in 0..<grid.height {
            #expect(DisplayWidth.of(grid.text(row: y)) == 120)
        }
        #expect(grid.text(row: 6).contains("Контейнеры не вывозят с понедельника …"))
    }

    @Test func tooSmallTerminalSaysSo() {
        let grid = InboxScreen.render(fixtureState(width: 60, height: 20))
        #expect(grid.text(row: 10).contains("Окно слишком мало: нужно не меньше 80×24 (60×20)"))
        let english = InboxScreen.render(fixtureState(width: 79, height: 24, language: .en))
        #expect(english.text(row: 12).contains("Terminal too small: 80×24 needed (79×24)"))
    }

    @Test func englishInterface() {
        let grid = InboxScreen.render(fixtureState(language: .en))
        #expect(grid.text(row: 1).hasPrefix(" new 1 · open 4 · at risk 1 · overdue 1"))
        #expect(grid.text(row: 2).contains("Due") && grid.text(row: 2).contains("Agency"))
        #expect(grid.text(row: 23).hasPrefix(" j down  k up  g first  G last  R refresh  ? help  q quit"))
    }
}
