import Foundation
import OtklikConsole
import OtklikCore
import Testing

// Whole screens of the sort menu, the confirmation, the incident actions and ASCII line
// drawing, compared as text (see RenderTests.swift). Regenerate deliberately.

let expectedASCIIInbox80x24 = #"""
     Отклик | ЦУР Северо-Озёрской области        ivanova | оператор  28.11 17:00:00 
     новые 1 | в работе 4 | под угрозой 1 | просрочено 1          порядок: по сроку 
            Срок      № Ист    Тема          Ведомство  Статус      Текст           
     -2 ч 15 мин   1041 ПОС    Отсутствие г~ Водоканал  у ведомства Третью неделю н~
           14:00   1187 ТГ     Ямы и выбоин~ -          новый       ^]52;c;cm0gLXJm~
      1 ч 35 мин   1203 ВК     Ямы и выбоин~ Упрдор     в работе    На ул. Ленина о~
         3 д 2 ч   1250 e-mail Вывоз мусора  Регоперат~ отвечен     Контейнеры не в~
               -   1299 ОК     Лифт неиспра~ ГЖИ        ждёт автора Лифт стоит, в п~
               -   1300 311    Уличное осве~ Адм. Озер~ закрыт      Не горят фонари~
                                                                                    
                                                                                    
                                                                                    
                                                                                    
     №1041 | ПОС | у ведомства                                                      
     Автор: Ольга Смирнова | https://vk.com/id700042                                
     Ссылка: https://vk.com/wall-71234567_100042                                    
     Место: Озерецк, ул. Ленина, д. 5                                               
     Тема: Отсутствие горячей воды                                                  
     Ведомство: ГКУ "Упрдор"                                                        
     Регламент: Соцсети: обычное                                                    
     Реакция до: 28.11 16:05 - выполнено 28.11 15:30                                
     Ответ до: 28.11 14:45 (просрочено 2 ч 15 мин)                                  
     Все инциденты                                                           1 из 6 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход         
    """#

let expectedASCIIFullDetail80x24 = #"""
     Отклик | ЦУР Северо-Озёрской области        ivanova | оператор  28.11 17:00:00 
     новые 1 | в работе 4 | под угрозой 1 | просрочено 1          порядок: по сроку 
     №1041 | ПОС | у ведомства                                 Esc/Enter - к списку 
     Автор: Ольга Смирнова | https://vk.com/id700042                                
     Ссылка: https://vk.com/wall-71234567_100042                                    
     Место: Озерецк, ул. Ленина, д. 5                                               
     Тема: Отсутствие горячей воды                                                  
     Ведомство: ГКУ "Упрдор"                                                        
     Регламент: Соцсети: обычное                                                    
     Реакция до: 28.11 16:05 - выполнено 28.11 15:30                                
     Ответ до: 28.11 14:45 (просрочено 2 ч 15 мин)                                  
                                                                                    
     -- Переписка --                                                                
     28.11 15:00  Ольга Смирнова | сообщение                                        
       Третью неделю нет горячей воды в доме 12 по ул. Мира                         
     28.11 15:30  ivanova | внутренняя заметка                                      
       Передала в Упрдор, звонила дежурному.                                        
                                                                                    
     -- История --                                                                  
     28.11 15:05  system:ingest  incident.registered: - > new                       
                                                                                    
                                                                                    
     Все инциденты                                                           1 из 6 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход         
    """#

let expectedSortMenu80x24 = #"""
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
     Порядок: 1 по сроку  2 сначала новые  3 по номеру  4 по статусу  5 по ведомству
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход         
    """#

let expectedSortMenu120x40 = #"""
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
                                                                                                                            
     Порядок: 1 по сроку  2 сначала новые  3 по номеру  4 по статусу  5 по ведомству                                        
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход                                                 
    """#

let expectedConfirm80x24 = #"""
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
     Отметить №1041 «без ответа» (ответ не требуется)? y/n                          
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход         
    """#

let expectedTaggedConfirm120x40 = #"""
     Отклик · ЦУР Северо-Озёрской области                                                ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1                                                  порядок: по сроку 
            Срок      № Ист    Тема                     Ведомство      Статус      Куратор     Возр. Текст                  
     −2 ч 15 мин   1041*ПОС    Отсутствие горячей воды  Водоканал      у ведомства —             2 ч Третью неделю нет горя…
           14:00   1187*ТГ     Ямы и выбоины на дороге  —              новый       —             2 ч ␛]52;c;cm0gLXJmIH4=␇Со…
      1 ч 35 мин   1203 ВК     Ямы и выбоины на дороге  Упрдор         в работе    —             2 ч На ул. Ленина огромная…
         3 д 2 ч   1250 e-mail Вывоз мусора             Регоператор    отвечен     —             2 ч Контейнеры не вывозят …
               —   1299 ОК     Лифт неисправен          ГЖИ            ждёт автора —             2 ч Лифт стоит, в подъезде…
               —   1300 311    Уличное освещение        Адм. Озерецк   закрыт      —             2 ч Не горят фонари во дво…
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
     №1203 · ВК · в работе                                                                                                  
     Автор: Ольга Смирнова · https://vk.com/id700042                                                                        
     Ссылка: https://vk.com/wall-71234567_100042                                                                            
     Место: Озерецк, ул. Ленина, д. 5                                                                                       
     Тема: Ямы и выбоины на дороге                                                                                          
     Ведомство: ГКУ «Упрдор»                                                                                                
     Регламент: Соцсети: обычное                                                                                            
     Реакция до: 28.11 16:05 — выполнено 28.11 15:30                                                                        
     Ответ до: 28.11 18:35 (1 ч 35 мин)                                                                                     
                                                                                                                            
     ── Переписка ──                                                                                                        
     28.11 15:00  Ольга Смирнова · сообщение                                                                                
       На ул. Ленина огромная яма, машины бьют колёса                                                                       
     28.11 15:30  ivanova · внутренняя заметка                                                                              
       Передала в Упрдор, звонила дежурному.                                                                                
                                                                                                                            
     Отметить 2 обращения «без ответа»? y/n                                                                                 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход                                                 
    """#

let expectedTaken80x24 = #"""
     Отклик · ЦУР Северо-Озёрской области        ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1          порядок: по сроку 
            Срок      № Ист    Тема          Ведомство  Статус      Текст           
     −2 ч 15 мин   1041 ПОС    Отсутствие г… Водоканал  в работе    Третью неделю н…
           14:00   1187 ТГ     Ямы и выбоин… —          новый       ␛]52;c;cm0gLXJm…
      1 ч 35 мин   1203 ВК     Ямы и выбоин… Упрдор     в работе    На ул. Ленина о…
         3 д 2 ч   1250 e-mail Вывоз мусора  Регоперат… отвечен     Контейнеры не в…
               —   1299 ОК     Лифт неиспра… ГЖИ        ждёт автора Лифт стоит, в п…
               —   1300 311    Уличное осве… Адм. Озер… закрыт      Не горят фонари…
                                                                                    
                                                                                    
                                                                                    
                                                                                    
     №1041 · ПОС · в работе                                                         
     Автор: Ольга Смирнова · https://vk.com/id700042                                
     Ссылка: https://vk.com/wall-71234567_100042                                    
     Место: Озерецк, ул. Ленина, д. 5                                               
     Тема: Отсутствие горячей воды                                                  
     Ведомство: ГКУ «Упрдор»                                                        
     Куратор: ivanova                                                               
     Регламент: Соцсети: обычное                                                    
     Реакция до: 28.11 16:05 — выполнено 28.11 15:30                                
     №1041 взято в работу                                                    1 из 6 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход         
    """#

let expectedTaken120x40 = #"""
     Отклик · ЦУР Северо-Озёрской области                                                ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1                                                  порядок: по сроку 
            Срок      № Ист    Тема                     Ведомство      Статус      Куратор     Возр. Текст                  
     −2 ч 15 мин   1041 ПОС    Отсутствие горячей воды  Водоканал      в работе    ivanova       2 ч Третью неделю нет горя…
           14:00   1187 ТГ     Ямы и выбоины на дороге  —              новый       —             2 ч ␛]52;c;cm0gLXJmIH4=␇Со…
      1 ч 35 мин   1203 ВК     Ямы и выбоины на дороге  Упрдор         в работе    —             2 ч На ул. Ленина огромная…
         3 д 2 ч   1250 e-mail Вывоз мусора             Регоператор    отвечен     —             2 ч Контейнеры не вывозят …
               —   1299 ОК     Лифт неисправен          ГЖИ            ждёт автора —             2 ч Лифт стоит, в подъезде…
               —   1300 311    Уличное освещение        Адм. Озерецк   закрыт      —             2 ч Не горят фонари во дво…
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
                                                                                                                            
     №1041 · ПОС · в работе                                                                                                 
     Автор: Ольга Смирнова · https://vk.com/id700042                                                                        
     Ссылка: https://vk.com/wall-71234567_100042                                                                            
     Место: Озерецк, ул. Ленина, д. 5                                                                                       
     Тема: Отсутствие горячей воды                                                                                          
     Ведомство: ГКУ «Упрдор»                                                                                                
     Куратор: ivanova                                                                                                       
     Регламент: Соцсети: обычное                                                                                            
     Реакция до: 28.11 16:05 — выполнено 28.11 15:30                                                                        
     Ответ до: 28.11 14:45 (просрочено 2 ч 15 мин)                                                                          
                                                                                                                            
     ── Переписка ──                                                                                                        
     28.11 15:00  Ольга Смирнова · сообщение                                                                                
       Третью неделю нет горячей воды в доме 12 по ул. Мира                                                                 
     28.11 15:30  ivanova · внутренняя заметка                                                                              
       Передала в Упрдор, звонила дежурному.                                                                                
     №1041 взято в работу                                                                                            1 из 6 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход                                                 
    """#

let expectedTaggedResult80x24 = #"""
     Отклик · ЦУР Северо-Озёрской области        ivanova · оператор  28.11 17:00:00 
     новые 1 · в работе 4 · под угрозой 1 · просрочено 1          порядок: по сроку 
            Срок      № Ист    Тема          Ведомство  Статус      Текст           
     −2 ч 15 мин   1041 ПОС    Отсутствие г… Водоканал  у ведомства Третью неделю н…
           14:00   1187*ТГ     Ямы и выбоин… —          новый       ␛]52;c;cm0gLXJm…
      1 ч 35 мин   1203*ВК     Ямы и выбоин… Упрдор     в работе    На ул. Ленина о…
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
     Взято в работу: 1 из 3 · изменено другими: 1 (обновлено)   отмечено: 2  1 из 6 
     j вниз  k вверх  Enter карточка  / поиск  \ фильтр  ? справка  q выход         
    """#

@Suite struct ActionRenderTests {
    func screen(_ state: ConsoleState) -> String { InboxScreen.render(state).lines.joined(separator: "\n") }

    @Test func asciiInboxAt80x24() {
        var state = fixtureState()
        state.glyphs = .ascii
        #expect(screen(state) == expectedASCIIInbox80x24)
    }

    @Test func asciiFullDetailAt80x24() {
        var state = fixtureState()
        state.glyphs = .ascii
        state.detailMode = .full
        #expect(screen(state) == expectedASCIIFullDetail80x24)
    }

    /// Every glyph of the ASCII set is one cell, as is its replacement, so columns stay put:
    /// the two screens differ only in the replaced cells.
    @Test func asciiKeepsEveryColumnInPlace() {
        for (width, height) in [(80, 24), (120, 40), (160, 40)] {
            var ascii = fixtureState(width: width, height: height)
            ascii.glyphs = .ascii
            let unicodeGrid = InboxScreen.render(fixtureState(width: width, height: height))
            let asciiGrid = InboxScreen.render(ascii)
            for (a, u) in zip(asciiGrid.cells, unicodeGrid.cells) {
                #expect(a.role == u.role && a.isContinuation == u.isContinuation)
                #expect(a.character == u.character || GlyphSet.ascii.replacements[u.character] == a.character)
            }
            // No line drawing, ellipsis, arrow or dash is left.
            #expect(!asciiGrid.cells.contains { "│─…→•·—−«»".contains($0.character) })
        }
        for (glyph, replacement) in GlyphSet.ascii.replacements {
            #expect(DisplayWidth.of(glyph) == 1 && replacement.isASCII, "\(glyph)")
        }
    }

    @Test func asciiIsChosenWithoutUTF8OrOnRequest() {
        #expect(GlyphSet.choose(localeIsUTF8: true, environment: [:]) == .unicode)
        #expect(GlyphSet.choose(localeIsUTF8: false, environment: [:]) == .ascii)
        #expect(GlyphSet.choose(localeIsUTF8: true, environment: ["OTKLIK_ASCII": "1"]) == .ascii)
        #expect(GlyphSet.choose(localeIsUTF8: true, environment: ["OTKLIK_ASCII": "0"]) == .unicode)
        #expect(GlyphSet.choose(localeIsUTF8: true, environment: ["OTKLIK_ASCII": ""]) == .unicode)
        #expect(GlyphSet.choose(localeIsUTF8: true, environment: [:], forced: true) == .ascii)
    }

    @Test func sortMenuAt80x24And120x40() {
        let state = pressing(operatorState(), .character("o")).0
        #expect(screen(state) == expectedSortMenu80x24)
        // Keys other than 1–5 and the cancelling ones leave the menu open.
        #expect(screen(pressing(operatorState(width: 120, height: 40), .character("o"), .character("j")).0) == expectedSortMenu120x40)
        // The current order is highlighted.
        let grid = InboxScreen.render(state)
        let line = grid.text(row: 22)
        let start = DisplayWidth.of(String(line[..<line.range(of: "1 по сроку")!.lowerBound]))
        #expect((start..<start + 10).allSatisfy { grid[$0, 22].role == .selected })
        #expect(grid[start + 12, 22].role == .prompt)
    }

    @Test func confirmationAt80x24() {
        let state = pressing(operatorState(), .character("X")).0
        #expect(screen(state) == expectedConfirm80x24)
        #expect(InboxScreen.render(state).roles(row: 22).allSatisfy { $0 == .prompt })
    }

    @Test func taggedConfirmationAt120x40() {
        #expect(screen(taggedConfirmationState(width: 120, height: 40)) == expectedTaggedConfirm120x40)
    }

    @Test func takenIncidentAt80x24And120x40() {
        #expect(screen(takenState()) == expectedTaken80x24)
        #expect(screen(takenState(width: 120, height: 40)) == expectedTaken120x40)
    }

    @Test func taggedResultAt80x24() {
        let state = batchResultState()
        #expect(screen(state) == expectedTaggedResult80x24)
        let grid = InboxScreen.render(state)
        #expect(grid[1, 22].role == .error)  // not all of them went through
    }

    @Test func headerShowsTheSortOrder() {
        var state = fixtureState()
        state.sort = .agency
        #expect(InboxScreen.render(state).text(row: 1).hasSuffix("порядок: по ведомству "))
        var english = fixtureState(language: .en)
        english.sort = .newest
        #expect(InboxScreen.render(english).text(row: 1).hasSuffix("sort: newest first "))
        // Counters too wide for both: the order gives way.
        var crowded = fixtureState()
        crowded.counters = InboxCounters(new: 123_456, open: 987_654, atRisk: 123_456, overdue: 654_321)
        #expect(!InboxScreen.render(crowded).text(row: 1).contains("порядок"))
    }
}
