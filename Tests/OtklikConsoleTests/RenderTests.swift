import Foundation
import OtklikConsole
import OtklikCore
import Testing

// Whole screens, compared as text. Trailing spaces matter: each line is the full width.
// Regenerate deliberately: a change here is a change users see.

let expectedInbox80x24 = #"""
     Отклик · ЦУР Северо-Озёрской области        ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1          порядок: по сроку 
            Срок      № Ист    Тема          Ведомство  Статус      Текст           
     −2 ч 15 мин   1041 ПОС    Отсутствие г… Водоканал  у ведомства Третью неделю н…
           14:00   1187 ТГ     Ямы и выбоин… —          новый       ␛]52;c;cm0gLXJm…
      1 ч 35 мин   1203 ВК     Ямы и выбоин… Упрдор     в работе    На ул. Ленина о…
         3 д 2 ч   1250 e-mail Вывоз мусора  Регоперат… отвечен     Контейнеры не в…
               —   1299 ОК     Лифт неиспра… ГЖИ        ждёт автора Лифт стоит, в п…
               —   1300 311    Уличное осве… Адм. Озер… закрыт      Не горят фонари…
                                                                                    
                                                                                    
                                                                                    
                                                                                    
     №1041 · ПОС · у ведомства                                                      
     Автор: Ольга Смирнова · https://vk.com/id700042                                
     Ссылка: https://vk.com/wall-71234567_100042                                    
     Место: Озерецк, ул. Ленина, д. 5                                               
     Тема: Отсутствие горячей воды                                                  
     Ведомство: ГКУ «Упрдор»                                                        
     Регламент: Соцсети: обычное                                                    
     Реакция до: 28.11 16:05 — выполнено 28.11 15:30                                
     Ответ до: 28.11 14:45 (просрочено 2 ч 15 мин)                                  
     Все инциденты                                                           1 из 6 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход         
    """#

let expectedInbox120x40 = #"""
     Отклик · ЦУР Северо-Озёрской области                                                ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1                                                  порядок: по сроку 
            Срок      № Ист    Тема                     Ведомство      Статус      Куратор     Возр. Текст                  
     −2 ч 15 мин   1041 ПОС    Отсутствие горячей воды  Водоканал      у ведомства —             2 ч Третью неделю нет горя…
           14:00   1187 ТГ     Ямы и выбоины на дороге  —              новый       —             2 ч ␛]52;c;cm0gLXJmIH4=␇Со…
      1 ч 35 мин   1203 ВК     Ямы и выбоины на дороге  Упрдор         в работе    —             2 ч На ул. Ленина огромная…
         3 д 2 ч   1250 e-mail Вывоз мусора             Регоператор    отвечен     —             2 ч Контейнеры не вывозят …
               —   1299 ОК     Лифт неисправен          ГЖИ            ждёт автора —             2 ч Лифт стоит, в подъезде…
               —   1300 311    Уличное освещение        Адм. Озерецк   закрыт      —             2 ч Не горят фонари во дво…
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
     №1041 · ПОС · у ведомства                                                                                              
     Автор: Ольга Смирнова · https://vk.com/id700042                                                                        
     Ссылка: https://vk.com/wall-71234567_100042                                                                            
     Место: Озерецк, ул. Ленина, д. 5                                                                                       
     Тема: Отсутствие горячей воды                                                                                          
     Ведомство: ГКУ «Упрдор»                                                                                                
     Регламент: Соцсети: обычное                                                                                            
     Реакция до: 28.11 16:05 — выполнено 28.11 15:30                                                                        
     Ответ до: 28.11 14:45 (просрочено 2 ч 15 мин)                                                                          
                                                                                                                            
     ── Переписка ──                                                                                                        
     28.11 15:00  Ольга Смирнова · сообщение                                                                                
       Третью неделю нет горячей воды в доме 12 по ул. Мира                                                                 
     28.11 15:30  ivanova · внутренняя заметка                                                                              
       Передала в Упрдор, звонила дежурному.                                                                                
                                                                                                                            
     Все инциденты                                                                                                   1 из 6 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход                                                 
    """#

let expectedHelp80x24 = #"""
     Отклик · ЦУР Северо-Озёрской области        ivanova · оператор  28.11 17:00:00 
     нов Клавиши                                                      1–18 / 37 оку 
                                                                                    
     −2   j <Down>      Следующий инцидент                                      ю н…
          k <Up>        Предыдущий инцидент                                     XJm…
      1   <PgDn>        Страница вниз                                           а о…
          <PgUp>        Страница вверх                                          е в…
          <C-d>         Полстраницы вниз                                        в п…
          <C-u>         Полстраницы вверх                                       ари…
          g <Home>      В начало списка                                             
          G <End>       В конец списка                                              
          <Enter>       Карточка на весь экран / обратно                            
          / <F3>        Поиск по тексту (ё = е)                                     
     №10  n             Следующее совпадение                                        
     Авт  N             Предыдущее совпадение                                       
     Ссы  \ <F4>        Фильтр: статус:новый тема:дороги @я …                       
     Мес  :             Командная строка (Tab дополняет)                            
     Тем  1             Вид 1: Новые                                                
     Вед  2             Вид 2: Мои                                                  
     Рег  3             Вид 3: Скоро срок                                           
     Реа  4             Вид 4: Просроченные                                         
     Отв                                                                            
     Все j/k — листать · Esc или q — закрыть                                    з 6 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход         
    """#

let expectedSideBySide160x40 = #"""
     Отклик · ЦУР Северо-Озёрской области                                                                                        ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1                                                                                          порядок: по сроку 
            Срок      № Ист    Тема                 Ведомство      Статус      Текст               │ №1041 · ПОС · у ведомства                                      
     −2 ч 15 мин   1041 ПОС    Отсутствие горячей … Водоканал      у ведомства Третью неделю нет г…│ Автор: Ольга Смирнова · https://vk.com/id700042                
           14:00   1187 ТГ     Ямы и выбоины на до… —              новый       ␛]52;c;cm0gLXJmIH4=…│ Ссылка: https://vk.com/wall-71234567_100042                    
      1 ч 35 мин   1203 ВК     Ямы и выбоины на до… Упрдор         в работе    На ул. Ленина огром…│ Место: Озерецк, ул. Ленина, д. 5                               
         3 д 2 ч   1250 e-mail Вывоз мусора         Регоператор    отвечен     Контейнеры не вывоз…│ Тема: Отсутствие горячей воды                                  
               —   1299 ОК     Лифт неисправен      ГЖИ            ждёт автора Лифт стоит, в подъе…│ Ведомство: ГКУ «Упрдор»                                        
               —   1300 311    Уличное освещение    Адм. Озерецк   закрыт      Не горят фонари во …│ Регламент: Соцсети: обычное                                    
                                                                                                   │ Реакция до: 28.11 16:05 — выполнено 28.11 15:30                
                                                                                                   │ Ответ до: 28.11 14:45 (просрочено 2 ч 15 мин)                  
                                                                                                   │                                                                
                                                                                                   │ ── Переписка ──                                                
                                                                                                   │ 28.11 15:00  Ольга Смирнова · сообщение                        
                                                                                                   │   Третью неделю нет горячей воды в доме 12 по ул. Мира         
                                                                                                   │ 28.11 15:30  ivanova · внутренняя заметка                      
                                                                                                   │   Передала в Упрдор, звонила дежурному.                        
                                                                                                   │                                                                
                                                                                                   │ ── История ──                                                  
                                                                                                   │ 28.11 15:05  system:ingest  incident.registered: — → new       
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
                                                                                                   │                                                                
     Все инциденты                                                                                                                                           1 из 6 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход                                                                                         
    """#

let expectedFullDetail80x24 = #"""
     Отклик · ЦУР Северо-Озёрской области        ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1          порядок: по сроку 
     №1041 · ПОС · у ведомства                                 Esc/Enter — к списку 
     Автор: Ольга Смирнова · https://vk.com/id700042                                
     Ссылка: https://vk.com/wall-71234567_100042                                    
     Место: Озерецк, ул. Ленина, д. 5                                               
     Тема: Отсутствие горячей воды                                                  
     Ведомство: ГКУ «Упрдор»                                                        
     Регламент: Соцсети: обычное                                                    
     Реакция до: 28.11 16:05 — выполнено 28.11 15:30                                
     Ответ до: 28.11 14:45 (просрочено 2 ч 15 мин)                                  
                                                                                    
     ── Переписка ──                                                                
     28.11 15:00  Ольга Смирнова · сообщение                                        
       Третью неделю нет горячей воды в доме 12 по ул. Мира                         
     28.11 15:30  ivanova · внутренняя заметка                                      
       Передала в Упрдор, звонила дежурному.                                        
                                                                                    
     ── История ──                                                                  
     28.11 15:05  system:ingest  incident.registered: — → new                       
                                                                                    
                                                                                    
     Все инциденты                                                           1 из 6 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход         
    """#

@Suite struct RenderTests {
    func screen(_ grid: Grid) -> String { grid.lines.joined(separator: "\n") }

    @Test func inboxAt80x24() {
        #expect(screen(InboxScreen.render(fixtureState())) == expectedInbox80x24)
    }

    @Test func inboxAt120x40() {
        #expect(screen(InboxScreen.render(fixtureState(width: 120, height: 40))) == expectedInbox120x40)
    }

    @Test func sideBySideAt160x40() {
        #expect(screen(InboxScreen.render(fixtureState(width: 160, height: 40))) == expectedSideBySide160x40)
    }

    @Test func fullScreenDetailAt80x24() {
        var state = fixtureState()
        state.detailMode = .full
        #expect(screen(InboxScreen.render(state)) == expectedFullDetail80x24)
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
        #expect(grid.text(row: 6).contains("Контейнеры не вывозят"))
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
        #expect(grid.text(row: 23).hasPrefix(" j down  k up  Enter detail  / search  \\ filter  ? help  q quit"))
    }
}

/// docs/keys.md is generated from the declarations; it must not drift.
@Test func keyReferenceDocIsCurrent() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let doc = try String(contentsOf: root.appendingPathComponent("docs/keys.md"), encoding: .utf8)
    #expect(doc == KeyReference.markdown(), "run `swift run otklik keys > docs/keys.md`")
}
