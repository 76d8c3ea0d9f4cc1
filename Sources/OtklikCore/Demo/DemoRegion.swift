// Seed data for the demo store: a FICTIONAL Russian region, its center (ЦУР), agencies,
// topics, reply templates, operators and the raw material the demo generator combines
// into citizens' messages. Pure data: no I/O, no randomness (see DemoGenerator).
//
// All names of the region, its towns, agencies and people are invented; any match with a
// real place or organisation is accidental.

/// One municipality (town or district) of the demo region.
public struct DemoMunicipality: Sendable {
    /// Short name, also used as the settlement in generated addresses ("Озерецк, ул. Мира, д. 5").
    public let name: String
    /// "городской округ" or "муниципальный район".
    public let kind: String
    /// IANA time zone id.
    public let timeZone: String
}

/// One agency of the demo region.
public struct DemoAgencySeed: Sendable {
    /// Unique, at most 12 terminal cells.
    public let shortName: String
    /// Full official-style name.
    public let name: String
    /// The agency this one is subordinate to (a department under its administration, etc.).
    public let parentShortName: String?
    /// The municipality the agency belongs to or sits in; nil for regional bodies.
    public let municipality: String?
    /// IANA time zone id: the municipality's zone, or the center's zone for regional bodies.
    public let timeZone: String
}

/// One topic (рубрика) of the demo rubricator.
public struct DemoTopicSeed: Sendable {
    /// Unique ASCII slug; subtopics are "parent.child".
    public let code: String
    /// Russian display name.
    public let name: String
    public let parentCode: String?
    /// Default responsible agency; always one of `DemoRegion.agencies`.
    public let agencyShortName: String?
    /// Realistic citizen complaints; "{place}" stands for a full address
    /// ("Озерецк, ул. Ленина, д. 12"). Empty for top-level topics.
    public let complaints: [String]
}

/// One reply template.
public struct DemoTemplateSeed: Sendable {
    /// ASCII slug.
    public let code: String
    /// Russian title.
    public let title: String
    /// One of "intermediate", "final", "clarification", "no_answer".
    public let kind: String
    /// Russian body with Mustache-style ASCII tags: {{citizen_name}}, {{incident_number}},
    /// {{agency_name}}, {{due_date}}, {{operator_name}}.
    public let body: String
}

/// One member of the center's staff.
public struct DemoOperatorSeed: Sendable {
    /// ASCII login.
    public let login: String
    /// Russian full name (surname, first name, patronymic).
    public let name: String
    public let role: OperatorRole
}

/// The fictional Северо-Озёрская область and everything the demo store is seeded with.
public enum DemoRegion {
    public static let regionName: String = "Северо-Озёрская область"
    public static let centerName: String = "ЦУР Северо-Озёрской области"
    /// The center and all regional bodies work in UTC+5; the eastern districts in UTC+6.
    public static let centerTimeZone: String = "Asia/Yekaterinburg"

    private static let west = "Asia/Yekaterinburg"
    private static let east = "Asia/Omsk"

    // MARK: - Municipalities

    /// Twelve municipalities: eight in the western part (UTC+5), four in the east (UTC+6).
    public static let municipalities: [DemoMunicipality] = [
        DemoMunicipality(name: "Озерецк", kind: "городской округ", timeZone: west),
        DemoMunicipality(name: "Соболёв", kind: "городской округ", timeZone: west),
        DemoMunicipality(name: "Рудянск", kind: "городской округ", timeZone: west),
        DemoMunicipality(name: "Ивняковский", kind: "муниципальный район", timeZone: west),
        DemoMunicipality(name: "Кедровский", kind: "муниципальный район", timeZone: west),
        DemoMunicipality(name: "Полянский", kind: "муниципальный район", timeZone: west),
        DemoMunicipality(name: "Тальниковский", kind: "муниципальный район", timeZone: west),
        DemoMunicipality(name: "Верхнеозёрский", kind: "муниципальный район", timeZone: west),
        DemoMunicipality(name: "Урманск", kind: "городской округ", timeZone: east),
        DemoMunicipality(name: "Ключевской", kind: "муниципальный район", timeZone: east),
        DemoMunicipality(name: "Боровлянский", kind: "муниципальный район", timeZone: east),
        DemoMunicipality(name: "Сыртовский", kind: "муниципальный район", timeZone: east),
    ]

    // MARK: - Agencies

    /// Regional bodies (center's zone), the regional waste operator, utilities, and the
    /// administrations of the larger municipalities with some of their departments.
    public static let agencies: [DemoAgencySeed] = [
        // Regional executive bodies (ОИВ).
        DemoAgencySeed(shortName: "МинЖКХ",
                       name: "Министерство жилищно-коммунального хозяйства и энергетики Северо-Озёрской области",
                       parentShortName: nil, municipality: nil, timeZone: centerTimeZone),
        DemoAgencySeed(shortName: "Минтранс",
                       name: "Министерство транспорта и дорожного хозяйства Северо-Озёрской области",
                       parentShortName: nil, municipality: nil, timeZone: centerTimeZone),
        DemoAgencySeed(shortName: "Упрдор",
                       name: "ГКУ «Управление автомобильных дорог Северо-Озёрской области»",
                       parentShortName: "Минтранс", municipality: nil, timeZone: centerTimeZone),
        DemoAgencySeed(shortName: "Минздрав",
                       name: "Министерство здравоохранения Северо-Озёрской области",
                       parentShortName: nil, municipality: nil, timeZone: centerTimeZone),
        DemoAgencySeed(shortName: "ССМП",
                       name: "ГБУЗ «Областная станция скорой медицинской помощи»",
                       parentShortName: "Минздрав", municipality: nil, timeZone: centerTimeZone),
        DemoAgencySeed(shortName: "Минобр",
                       name: "Министерство образования и науки Северо-Озёрской области",
                       parentShortName: nil, municipality: nil, timeZone: centerTimeZone),
        DemoAgencySeed(shortName: "Минсоц",
                       name: "Министерство социального развития Северо-Озёрской области",
                       parentShortName: nil, municipality: nil, timeZone: centerTimeZone),
        DemoAgencySeed(shortName: "Минприроды",
                       name: "Министерство природных ресурсов и экологии Северо-Озёрской области",
                       parentShortName: nil, municipality: nil, timeZone: centerTimeZone),
        DemoAgencySeed(shortName: "ГЖИ",
                       name: "Государственная жилищная инспекция Северо-Озёрской области",
                       parentShortName: nil, municipality: nil, timeZone: centerTimeZone),
        DemoAgencySeed(shortName: "УГЗ",
                       name: "Управление гражданской защиты и пожарной безопасности Северо-Озёрской области",
                       parentShortName: nil, municipality: nil, timeZone: centerTimeZone),
        // Region-wide operators.
        DemoAgencySeed(shortName: "Регоператор",
                       name: "ООО «Чистый край» — региональный оператор по обращению с твёрдыми коммунальными отходами",
                       parentShortName: nil, municipality: nil, timeZone: centerTimeZone),
        // The gas distribution company serves the whole region but is seated in Урманск,
        // so it answers in the eastern zone.
        DemoAgencySeed(shortName: "Озёрскгаз",
                       name: "АО «Озёрскгаз» — газораспределительная организация Северо-Озёрской области",
                       parentShortName: nil, municipality: "Урманск", timeZone: east),
        // Озерецк: the regional capital.
        DemoAgencySeed(shortName: "Адм. Озерецк",
                       name: "Администрация городского округа Озерецк",
                       parentShortName: nil, municipality: "Озерецк", timeZone: west),
        DemoAgencySeed(shortName: "ДГХ Озерецк",
                       name: "Департамент городского хозяйства администрации городского округа Озерецк",
                       parentShortName: "Адм. Озерецк", municipality: "Озерецк", timeZone: west),
        DemoAgencySeed(shortName: "УО Озерецк",
                       name: "Управление образования администрации городского округа Озерецк",
                       parentShortName: "Адм. Озерецк", municipality: "Озерецк", timeZone: west),
        DemoAgencySeed(shortName: "Водоканал",
                       name: "МУП «Водоканал» городского округа Озерецк",
                       parentShortName: "Адм. Озерецк", municipality: "Озерецк", timeZone: west),
        // Other western municipalities.
        DemoAgencySeed(shortName: "Адм. Соболёв",
                       name: "Администрация городского округа Соболёв",
                       parentShortName: nil, municipality: "Соболёв", timeZone: west),
        DemoAgencySeed(shortName: "Адм. Рудянск",
                       name: "Администрация Рудянского городского округа",
                       parentShortName: nil, municipality: "Рудянск", timeZone: west),
        DemoAgencySeed(shortName: "Адм. Кедров.",
                       name: "Администрация Кедровского муниципального района",
                       parentShortName: nil, municipality: "Кедровский", timeZone: west),
        // Eastern municipalities (UTC+6).
        DemoAgencySeed(shortName: "Адм. Урманск",
                       name: "Администрация городского округа Урманск",
                       parentShortName: nil, municipality: "Урманск", timeZone: east),
        DemoAgencySeed(shortName: "ЖКХ Урманск",
                       name: "Управление ЖКХ и благоустройства администрации городского округа Урманск",
                       parentShortName: "Адм. Урманск", municipality: "Урманск", timeZone: east),
        DemoAgencySeed(shortName: "Теплосеть",
                       name: "АО «Восточная теплосетевая компания»",
                       parentShortName: nil, municipality: "Урманск", timeZone: east),
        DemoAgencySeed(shortName: "Адм. Ключев.",
                       name: "Администрация Ключевского муниципального района",
                       parentShortName: nil, municipality: "Ключевской", timeZone: east),
    ]

    // MARK: - Topics

    /// Twelve top-level topics, each with 3–4 subtopics ("parent.child") and their complaints.
    public static let topics: [DemoTopicSeed] = [
        // ЖКХ
        DemoTopicSeed(code: "utilities", name: "ЖКХ", parentCode: nil, agencyShortName: "МинЖКХ", complaints: []),
        DemoTopicSeed(code: "utilities.hot_water", name: "Отсутствие горячей воды", parentCode: "utilities", agencyShortName: "МинЖКХ", complaints: [
            "Третий день нет горячей воды!!! Адрес: {place}. В УК трубку не берут, никто ничего не объясняет",
            "здравствуйте, когда дадут горячую воду? плановое отключение должно было закончиться ещё в пятницу",
            "Горячая вода еле тёплая, ребёнка искупать невозможно. Платим как за горячую, а течёт холодная 😡",
            "Прошу разобраться: в доме по адресу {place} отсутствует горячее водоснабжение с понедельника. Информации об аварийных работах на сайте управляющей компании нет.",
            "Опять без горячей воды. Сколько можно? Каждый месяц одно и то же",
        ]),
        DemoTopicSeed(code: "utilities.cold_water", name: "Нет холодной воды, плохое качество воды", parentCode: "utilities", agencyShortName: "Водоканал", complaints: [
            "Из крана течёт ржавая вода, бельё после стирки всё жёлтое. {place}",
            "С утра нет холодной воды по адресу {place}, никаких предупреждений не было. Когда включат?",
            "вода пахнет болотом уже неделю, детей этим поить страшно",
            "Прошу сообщить сроки восстановления водоснабжения в частном секторе ({place}). Подвоз воды не организован.",
            "Напор такой слабый, что на пятый этаж вода не доходит вообще!!!",
        ]),
        DemoTopicSeed(code: "utilities.heating", name: "Отопление: холодно в квартире", parentCode: "utilities", agencyShortName: "Теплосеть", complaints: [
            "В квартире +16, дети болеют. Батареи ледяные, а счёт за отопление пришёл как обычно",
            "Отопительный сезон начался, а у нас батареи до сих пор холодные ({place}). Управляющая компания кивает на теплосеть",
            "Стояк в подъезде не греет, третий этаж мёрзнет. Вызывали слесаря — не пришёл",
            "Сколько можно мёрзнуть??? На улице минус 25, дома сидим в куртках",
            "Прошу провести проверку качества теплоснабжения дома по адресу {place}: температура в жилых помещениях ниже нормативной.",
        ]),
        DemoTopicSeed(code: "utilities.sewage", name: "Канализация и прорывы труб", parentCode: "utilities", agencyShortName: "Водоканал", complaints: [
            "Подвал затоплен канализацией, вонь на весь подъезд. {place}",
            "Прорвало трубу, вода хлещет на дорогу уже второй день, никто не едет! Адрес: {place}",
            "Канализационный люк открыт и переливается прямо во дворе, рядом детская площадка!",
            "засор в общем стояке, у первого этажа всё идёт через унитаз. аварийка говорит ждите",
        ]),

        // Дороги
        DemoTopicSeed(code: "roads", name: "Дороги", parentCode: nil, agencyShortName: "Минтранс", complaints: []),
        DemoTopicSeed(code: "roads.potholes", name: "Ямы и выбоины на дороге", parentCode: "roads", agencyShortName: "Упрдор", complaints: [
            "Яма на полдороги, вчера пробил колесо. Кто будет возмещать? {place}",
            "Дорогу отремонтировали прошлым летом, а весной уже всё в ямах. Куда смотрит подрядчик? ({place})",
            "ямы такие что машины в них как в бассейн ныряют 🤦 сделайте хоть что-нибудь",
            "Просим включить в план ремонта участок дороги по адресу {place}: покрытие полностью разрушено, проезд скорой помощи затруднён.",
            "Трасса между Озерецком и Соболёвым — одни выбоины!!! Ездить невозможно",
        ]),
        DemoTopicSeed(code: "roads.snow", name: "Очистка дорог от снега и наледи", parentCode: "roads", agencyShortName: "ДГХ Озерецк", complaints: [
            "Дорогу не чистили с начала недели, автобусы не могут подняться в горку. {place}",
            "Тротуары — сплошной каток, бабушки падают, вчера соседка сломала руку. Посыпьте хоть чем-нибудь!",
            "грейдер прошёл и завалил все въезды во дворы, машину не выгнать",
            "Прошу организовать вывоз снега у дома по адресу {place}: сугробы закрывают обзор на перекрёстке.",
            "С крыш свисают сосульки по метру, ходим под ними с детьми. Кто за это отвечает?",
        ]),
        DemoTopicSeed(code: "roads.traffic_lights", name: "Светофоры и дорожные знаки", parentCode: "roads", agencyShortName: "ДГХ Озерецк", complaints: [
            "Светофор на перекрёстке не работает третий день, сегодня чуть не случилась авария. {place}",
            "Зелёный для пешеходов горит 7 секунд, пожилые люди не успевают перейти",
            "Знак «Пешеходный переход» сбит и лежит в кустах, водители не тормозят",
            "Просим установить светофор у школы по адресу {place}: дети переходят дорогу с оживлённым движением.",
        ]),
        DemoTopicSeed(code: "roads.sidewalks", name: "Тротуары и пешеходные переходы", parentCode: "roads", agencyShortName: "ДГХ Озерецк", complaints: [
            "Тротуара нет вообще, идём с колясками по проезжей части. {place}",
            "После раскопок на тротуаре оставили яму и кучу песка, прошёл уже месяц",
            "Пешеходный переход у остановки не освещён, вечером водители людей не видят",
            "Плитку уложили криво, после каждого дождя лужи по щиколотку",
        ]),

        // Благоустройство
        DemoTopicSeed(code: "improvement", name: "Благоустройство", parentCode: nil, agencyShortName: "Адм. Озерецк", complaints: []),
        DemoTopicSeed(code: "improvement.yards", name: "Благоустройство дворов", parentCode: "improvement", agencyShortName: "ДГХ Озерецк", complaints: [
            "Двор после ремонта теплотрассы так и остался перекопан, обещали восстановить ещё осенью. {place}",
            "Во дворе нет ни одной скамейки, пожилым людям негде присесть",
            "Машины паркуются прямо на газоне, всё разъезжено в грязь. Поставьте ограждение!",
            "Просим включить двор дома по адресу {place} в программу «Формирование комфортной городской среды».",
            "лужа во дворе размером с озеро, дети в школу пройти не могут",
        ]),
        DemoTopicSeed(code: "improvement.lighting", name: "Уличное освещение", parentCode: "improvement", agencyShortName: "ДГХ Озерецк", complaints: [
            "Не горят фонари уже две недели, вечером идти страшно. {place}",
            "Фонарь у подъезда мигает всю ночь, спать невозможно",
            "От остановки до микрорайона вообще нет освещения, зимой в пять вечера темно хоть глаз выколи",
            "Уличное освещение по адресу {place} включается только к восьми вечера, а темнеет в пять. Прошу изменить график.",
        ]),
        DemoTopicSeed(code: "improvement.playgrounds", name: "Детские и спортивные площадки", parentCode: "improvement", agencyShortName: "Адм. Озерецк", complaints: [
            "Качели на площадке сломаны, торчат болты. Ребёнок поранился! {place}",
            "Детская площадка вся ржавая, в горке дыра. Когда заменят?",
            "В нашем микрорайоне нет ни одной спортивной площадки, подростки сидят по подъездам",
            "Хоккейную коробку не заливают второй год, а ведь обещали 😒",
        ]),
        DemoTopicSeed(code: "improvement.stray_dogs", name: "Безнадзорные собаки", parentCode: "improvement", agencyShortName: "Адм. Озерецк", complaints: [
            "Стая собак у школы, дети боятся идти на уроки. {place}",
            "бродячие собаки покусали мужчину возле магазина, где отлов???",
            "Прошу принять меры по отлову безнадзорных животных в районе дома по адресу {place}: собаки бросаются на прохожих.",
            "Каждое утро 6–7 собак у остановки, с ребёнком приходится ждать автобус в подъезде",
        ]),

        // Общественный транспорт
        DemoTopicSeed(code: "transport", name: "Общественный транспорт", parentCode: nil, agencyShortName: "Минтранс", complaints: []),
        DemoTopicSeed(code: "transport.schedule", name: "Нарушение расписания, долгое ожидание", parentCode: "transport", agencyShortName: "Минтранс", complaints: [
            "Автобус №12 не пришёл в 7:20, полостановки людей опоздали на работу",
            "Последний рейс до Ивняков отменили, как возвращаться после смены?",
            "Стоим на остановке 40 минут в мороз, ни одного автобуса! {place}",
            "Расписание на остановке не соответствует действительности: приложение показывает одно, приезжает другое",
            "Прошу восстановить утренний рейс из Кедровки в Озерецк: жители не могут добраться до поликлиники.",
        ]),
        DemoTopicSeed(code: "transport.routes", name: "Маршруты и остановки", parentCode: "transport", agencyShortName: "Минтранс", complaints: [
            "Убрали остановку у поликлиники, теперь пожилым идти целый километр",
            "Просим продлить маршрут №5 до нового микрорайона, там живёт уже три тысячи человек.",
            "Остановка без павильона, стоим под дождём и снегом. {place}",
            "Зачем объединили маршруты 3 и 7? Теперь с пересадкой и платить дважды",
        ]),
        DemoTopicSeed(code: "transport.conditions", name: "Состояние автобусов и работа водителей", parentCode: "transport", agencyShortName: "Минтранс", complaints: [
            "Водитель маршрутки всю дорогу говорил по телефону и проехал на красный",
            "В автобусе зимой холодно как на улице, окна во льду",
            "Водитель отказался брать пассажирку с коляской и закрыл двери!!!",
            "Терминал для оплаты картой не работает в половине автобусов, а наличных у многих нет",
            "автобус на 9-м маршруте весь ржавый, пол проваливается, страшно ездить",
        ]),

        // Здравоохранение
        DemoTopicSeed(code: "health", name: "Здравоохранение", parentCode: nil, agencyShortName: "Минздрав", complaints: []),
        DemoTopicSeed(code: "health.appointment", name: "Запись к врачу", parentCode: "health", agencyShortName: "Минздрав", complaints: [
            "Записаться к терапевту невозможно — на Госуслугах всё занято на две недели вперёд",
            "В регистратуру поликлиники не дозвониться с 8 утра, всё время занято",
            "Талонов к эндокринологу нет уже третий месяц. Как лечиться?",
            "Прошу разъяснить порядок записи к кардиологу в поликлинике по адресу {place}: лечащий врач выдал направление, но свободных талонов нет.",
            "очередь на МРТ два месяца, это нормально вообще?",
        ]),
        DemoTopicSeed(code: "health.ambulance", name: "Скорая помощь", parentCode: "health", agencyShortName: "ССМП", complaints: [
            "Скорая ехала к пожилой маме полтора часа!!! Давление 200",
            "Вызвали скорую на адрес {place}, диспетчер сказала машин нет, ждите",
            "Фельдшер скорой нагрубил и отказался везти в больницу",
            "Прошу проверить время доезда скорой помощи в Боровлянский район: вызов был исполнен только через 2 часа.",
        ]),
        DemoTopicSeed(code: "health.medicines", name: "Лекарственное обеспечение", parentCode: "health", agencyShortName: "Минздрав", complaints: [
            "Льготный инсулин не выдают второй месяц, говорят нет поставки",
            "Ребёнку-инвалиду положено лекарство бесплатно, а в аптеке отказали",
            "В аптеке нет ни одного препарата по льготным рецептам, отправляют в город. {place}",
            "Онкобольным не выдают препараты уже три недели, люди в панике",
        ]),
        DemoTopicSeed(code: "health.staff", name: "Нехватка врачей, работа поликлиник", parentCode: "health", agencyShortName: "Минздрав", complaints: [
            "В ФАПе нет фельдшера уже полгода, ездим за 40 км",
            "Педиатр один на весь участок, сидим в очереди по три часа с больными детьми",
            "Поликлинику закрыли на ремонт, а куда теперь ходить — никто не сказал. {place}",
            "Стоматологию в районе закрыли, ближайшая только в Озерецке 😢",
        ]),

        // Образование
        DemoTopicSeed(code: "education", name: "Образование", parentCode: nil, agencyShortName: "Минобр", complaints: []),
        DemoTopicSeed(code: "education.kindergarten", name: "Детские сады: очередь и места", parentCode: "education", agencyShortName: "УО Озерецк", complaints: [
            "Стоим в очереди в детский сад с рождения, ребёнку уже 3 года, а места всё нет",
            "В садике в группе 32 ребёнка, воспитатель одна. {place}",
            "В детском саду третий день нет горячей воды, детей не моют",
            "Прошу сообщить позицию в очереди на зачисление в детский сад: заявление подано через Госуслуги, статус не меняется полгода.",
        ]),
        DemoTopicSeed(code: "education.schools", name: "Школы: ремонт, питание, условия", parentCode: "education", agencyShortName: "Минобр", complaints: [
            "В школе течёт крыша прямо в спортзал. {place}",
            "Дети жалуются на питание в столовой: каша холодная, порции маленькие",
            "В классе +14, ребята сидят в куртках",
            "Вторая смена учится до 19:00, домой идут в темноте. Когда построят новую школу?",
            "Туалеты в школе в ужасном состоянии, ремонта не было лет 20",
        ]),
        DemoTopicSeed(code: "education.school_bus", name: "Подвоз детей к школе", parentCode: "education", agencyShortName: "Минобр", complaints: [
            "Школьный автобус в Полянке сломался, дети вторую неделю ходят пешком 5 км",
            "Автобус забирает детей в 6:40, а уроки в 8:30. Нельзя позже?",
            "Из деревни Сосновка подвоза вообще нет, возим детей сами",
            "Прошу организовать подвоз детей из посёлка Лесной к школе: остановка находится у трассы без тротуара.",
        ]),

        // Социальная защита
        DemoTopicSeed(code: "social", name: "Социальная защита", parentCode: nil, agencyShortName: "Минсоц", complaints: []),
        DemoTopicSeed(code: "social.benefits", name: "Пособия и социальные выплаты", parentCode: "social", agencyShortName: "Минсоц", complaints: [
            "Единое пособие не пришло в этом месяце, в соцзащите говорят ждать",
            "Отказали в пособии из-за вклада на 200 рублей, это как вообще?",
            "Прошу разъяснить, почему приостановлена выплата компенсации расходов на ЖКУ ветерану труда.",
            "уже 2 месяца нет выплаты на ребёнка, жить не на что, помогите",
        ]),
        DemoTopicSeed(code: "social.large_families", name: "Поддержка многодетных семей", parentCode: "social", agencyShortName: "Минсоц", complaints: [
            "Многодетным обещали земельный участок, стоим в очереди восьмой год",
            "Выданный участок — в поле, без дороги и света. Что с ним делать?",
            "Многодетным не дают бесплатное питание в школе, требуют какие-то справки",
            "Прошу разъяснить порядок получения удостоверения многодетной семьи: в МФЦ дают противоречивую информацию.",
        ]),
        DemoTopicSeed(code: "social.accessibility", name: "Доступная среда для инвалидов", parentCode: "social", agencyShortName: "Минсоц", complaints: [
            "В поликлинике нет пандуса, колясочнику не попасть на приём",
            "Пандус у МФЦ крутой, как горка, подняться невозможно. {place}",
            "Подъёмник для маломобильных в подземном переходе не работает с зимы",
            "Муж на коляске, не можем выйти из подъезда: ступени, пандуса нет. Помогите!",
        ]),

        // Мусор / ТКО
        DemoTopicSeed(code: "waste", name: "Мусор / ТКО", parentCode: nil, agencyShortName: "Регоператор", complaints: []),
        DemoTopicSeed(code: "waste.collection", name: "Вывоз мусора", parentCode: "waste", agencyShortName: "Регоператор", complaints: [
            "Мусор не вывозили неделю, баки переполнены, вороньё и крысы 🤢",
            "Контейнеры не вывозят с праздников, всё уже вокруг площадки. {place}",
            "Крупногабарит лежит месяц, диван и шкафы загородили проезд",
            "Прошу принять меры: вывоз ТКО по адресу {place} осуществляется с нарушением графика.",
            "мусоровоз приехал в 5 утра и гремел полчаса, весь дом проснулся",
        ]),
        DemoTopicSeed(code: "waste.sites", name: "Контейнерные площадки", parentCode: "waste", agencyShortName: "Регоператор", complaints: [
            "Контейнерная площадка без ограждения, мусор разносит ветром по всему двору",
            "Нужна площадка в частном секторе, мешки выставляем прямо на дорогу. {place}",
            "Баки сломаны, крышек нет, колёса отвалились",
            "Площадку перенесли прямо под окна детского сада, как так?",
        ]),
        DemoTopicSeed(code: "waste.billing", name: "Начисления за вывоз ТКО", parentCode: "waste", agencyShortName: "Регоператор", complaints: [
            "Пришёл счёт за вывоз мусора на 5 человек, а прописан я один",
            "Дом продан два года назад, а квитанции за ТКО всё ещё приходят мне",
            "Прошу произвести перерасчёт платы за обращение с ТКО по адресу {place}: в квартире никто не проживает, подтверждающие документы направлены.",
            "Платим за вывоз, а контейнер не вывозят. За что деньги?",
        ]),
        DemoTopicSeed(code: "waste.dumps", name: "Несанкционированные свалки", parentCode: "waste", agencyShortName: "Минприроды", complaints: [
            "За гаражами огромная свалка, строительный мусор привозят машинами. {place}",
            "В лесу у Берёзовки свалку жгут каждые выходные, дым на всю деревню",
            "На берегу реки выгрузили целый КамАЗ мусора, фото прилагаю",
            "Просим ликвидировать несанкционированную свалку на въезде в посёлок, обращаемся уже дважды.",
        ]),

        // Многоквартирные дома
        DemoTopicSeed(code: "buildings", name: "Многоквартирные дома", parentCode: nil, agencyShortName: "ГЖИ", complaints: []),
        DemoTopicSeed(code: "buildings.elevator", name: "Лифт неисправен", parentCode: "buildings", agencyShortName: "ГЖИ", complaints: [
            "Лифт стоит уже месяц, а на 9 этаже живёт бабушка после инсульта. {place}",
            "Лифт застревает между этажами каждый день, вчера ребёнок просидел там 40 минут",
            "лифт работает через раз, кнопки выжжены, пахнет гарью",
            "Прошу проверить техническое состояние лифта в доме по адресу {place}: после ремонта он не запущен, сроки не названы.",
        ]),
        DemoTopicSeed(code: "buildings.roof", name: "Протекает крыша", parentCode: "buildings", agencyShortName: "ГЖИ", complaints: [
            "Крыша течёт, на кухне потолок мокрый и отваливается штукатурка",
            "После каждого дождя на 5 этаже ставим тазы, УК отвечает «ждите капремонт»",
            "С кровли сорвало листы железа, висят прямо над тротуаром! {place}",
            "весной с чердака по стенам бежит вода, всё в плесени",
        ]),
        DemoTopicSeed(code: "buildings.management", name: "Работа управляющей компании", parentCode: "buildings", agencyShortName: "ГЖИ", complaints: [
            "Управляющая компания месяцами не убирает подъезд, а в квитанции уборка есть",
            "Прошу провести проверку управляющей компании дома по адресу {place}: плата за содержание выросла, работы не проводятся.",
            "В подвале живут бездомные, УК не реагирует. {place}",
            "Диспетчер УК бросает трубку, аварийку не дождаться",
            "Почтальон жалуется, что почтовые ящики сломаны и письма пропадают, а УК отмахивается",
        ]),
        DemoTopicSeed(code: "buildings.capital_repair", name: "Капитальный ремонт", parentCode: "buildings", agencyShortName: "МинЖКХ", complaints: [
            "После капремонта крыша течёт сильнее, чем до ремонта!",
            "Платим взносы на капремонт 10 лет, а дом в программе только на 2040 год",
            "Подрядчик вскрыл фасад и ушёл, работы стоят с лета. {place}",
            "Прошу сообщить сроки капитального ремонта инженерных сетей в доме по адресу {place}.",
        ]),

        // Газ и топливо
        DemoTopicSeed(code: "gas", name: "Газ и топливо", parentCode: nil, agencyShortName: "Озёрскгаз", complaints: []),
        DemoTopicSeed(code: "gas.connection", name: "Догазификация и подключение к газу", parentCode: "gas", agencyShortName: "Озёрскгаз", complaints: [
            "Подали заявку на догазификацию год назад, до сих пор никто не приехал",
            "Газ провели до участка, а за подключение дома просят ещё 150 тысяч. Обещали же бесплатно!",
            "Прошу разъяснить сроки газификации деревни Ключи, включённой в программу на текущий год.",
            "Трубу по улице проложили и бросили, дальше никаких работ. {place}",
        ]),
        DemoTopicSeed(code: "gas.smell", name: "Запах газа, неисправность газового оборудования", parentCode: "gas", agencyShortName: "Озёрскгаз", complaints: [
            "В подъезде сильно пахнет газом!!! Вызвали аварийку, ждём уже час. {place}",
            "Газовая плита не зажигается после отключения, газовики не едут",
            "После проверки газового оборудования колонка перестала работать",
            "Запах газа на улице у газораспределительного шкафа уже несколько дней",
        ]),
        DemoTopicSeed(code: "gas.fuel", name: "Обеспечение дровами и углём", parentCode: "gas", agencyShortName: "МинЖКХ", complaints: [
            "Дрова пенсионерам обещали к октябрю, а уже ноябрь, топить нечем",
            "Уголь привезли мокрый, пополам с породой, не горит",
            "Цена на дрова выросла вдвое, как жить в частном доме на одну пенсию?",
            "Прошу разъяснить порядок получения компенсации на приобретение твёрдого топлива.",
        ]),

        // Экология
        DemoTopicSeed(code: "ecology", name: "Экология", parentCode: nil, agencyShortName: "Минприроды", complaints: []),
        DemoTopicSeed(code: "ecology.air", name: "Загрязнение воздуха, выбросы", parentCode: "ecology", agencyShortName: "Минприроды", complaints: [
            "Ночью опять выброс с комбината, дышать невозможно, в горле першит",
            "Котельная дымит чёрным дымом, всё бельё на балконе в саже. {place}",
            "Над Рудянском снова жёлтое облако, куда смотрит экология?",
            "Просим провести замеры качества воздуха в районе промзоны: жители жалуются на резкий запах по вечерам.",
        ]),
        DemoTopicSeed(code: "ecology.water_bodies", name: "Загрязнение рек и водоёмов", parentCode: "ecology", agencyShortName: "Минприроды", complaints: [
            "Из трубы за заводом в реку сливают что-то белое, рыба кверху брюхом",
            "Озеро у посёлка зарастает и воняет, купаться нельзя",
            "На городском пляже табличка «Купание запрещено», а пляж вроде официальный",
            "Прошу проверить сброс сточных вод в реку Ивняк ниже очистных сооружений.",
        ]),
        DemoTopicSeed(code: "ecology.trees", name: "Вырубка деревьев и зелёные насаждения", parentCode: "ecology", agencyShortName: "Минприроды", complaints: [
            "Во дворе спилили все берёзы, никого не спросили. {place}",
            "Аварийное дерево наклонилось над детской площадкой, упадёт в любой момент!",
            "В сквере вырубают деревья под застройку, жители против!!!",
            "Прошу произвести обрезку тополей у дома по адресу {place}: ветви касаются проводов.",
        ]),

        // Безопасность
        DemoTopicSeed(code: "safety", name: "Безопасность", parentCode: nil, agencyShortName: "УГЗ", complaints: []),
        DemoTopicSeed(code: "safety.fire", name: "Пожарная безопасность", parentCode: "safety", agencyShortName: "УГЗ", complaints: [
            "У домов в частном секторе горит сухая трава, пожарные ещё не приехали",
            "Пожарный гидрант засыпан и не работает, случись что — воды нет. {place}",
            "Соседи хранят хлам на лестнице, пожарный выход заставлен",
            "Прошу проверить противопожарное состояние общежития по адресу {place}.",
        ]),
        DemoTopicSeed(code: "safety.abandoned", name: "Заброшенные и аварийные здания", parentCode: "safety", agencyShortName: "Адм. Озерецк", complaints: [
            "Заброшенное здание без забора, туда лазают подростки. {place}",
            "Старый детсад разваливается, стены в трещинах, а рядом ходят дети",
            "в брошенном доме собираются какие-то люди, по вечерам страшно мимо ходить",
            "Прошу принять меры по сносу аварийного расселённого дома по адресу {place}.",
        ]),
        DemoTopicSeed(code: "safety.flooding", name: "Паводок и подтопления", parentCode: "safety", agencyShortName: "УГЗ", complaints: [
            "Весной опять топит частный сектор, вода в огородах и подвалах. {place}",
            "Ливнёвку не чистят годами, после дождя вся улица превращается в реку",
            "Мост через ручей снесло паводком, деревня отрезана!",
            "Прошу сообщить, какие меры приняты для защиты посёлка Заречный от паводка в этом году.",
        ]),
    ]

    // MARK: - Templates

    /// Reply templates; tags are ASCII Mustache-style names.
    public static let templates: [DemoTemplateSeed] = [
        DemoTemplateSeed(
            code: "intermediate_routed",
            title: "Передано в ведомство",
            kind: "intermediate",
            body: "{{citizen_name}}, здравствуйте! Ваше обращение № {{incident_number}} передано исполнителю: {{agency_name}}. Ответ будет дан до {{due_date}}. С уважением, {{operator_name}}, ЦУР Северо-Озёрской области."),
        DemoTemplateSeed(
            code: "intermediate_in_work",
            title: "Принято в работу, идёт проверка",
            kind: "intermediate",
            body: "{{citizen_name}}, здравствуйте! Обращение № {{incident_number}} принято в работу. Ответственное ведомство — {{agency_name}} — проводит выездную проверку. О результатах сообщим до {{due_date}}. {{operator_name}}, ЦУР Северо-Озёрской области."),
        DemoTemplateSeed(
            code: "final_resolved",
            title: "Проблема устранена",
            kind: "final",
            body: "{{citizen_name}}, здравствуйте! По обращению № {{incident_number}} {{agency_name}} сообщает, что проблема устранена. Если она повторится, напишите, пожалуйста, в ответ на этот комментарий. Спасибо, что не остались равнодушны! {{operator_name}}, ЦУР Северо-Озёрской области."),
        DemoTemplateSeed(
            code: "final_planned",
            title: "Включено в план работ",
            kind: "final",
            body: "{{citizen_name}}, здравствуйте! По обращению № {{incident_number}} работы включены в план, исполнитель — {{agency_name}}, срок выполнения — до {{due_date}}. Ход работ мы держим на контроле. {{operator_name}}, ЦУР Северо-Озёрской области."),
        DemoTemplateSeed(
            code: "final_explained",
            title: "Разъяснение: решить невозможно",
            kind: "final",
            body: "{{citizen_name}}, здравствуйте! По обращению № {{incident_number}} {{agency_name}} сообщает, что решить вопрос в настоящее время невозможно. Причины и порядок дальнейших действий изложены ниже. Если остались вопросы, напишите нам. {{operator_name}}, ЦУР Северо-Озёрской области."),
        DemoTemplateSeed(
            code: "clarify_address",
            title: "Уточнить адрес",
            kind: "clarification",
            body: "{{citizen_name}}, здравствуйте! Чтобы передать обращение № {{incident_number}} ответственному ведомству, уточните, пожалуйста, точный адрес: населённый пункт, улицу и номер дома. Можно написать в личные сообщения. {{operator_name}}, ЦУР Северо-Озёрской области."),
        DemoTemplateSeed(
            code: "clarify_details",
            title: "Уточнить подробности",
            kind: "clarification",
            body: "{{citizen_name}}, здравствуйте! Уточните, пожалуйста, по обращению № {{incident_number}}: с какого числа наблюдается проблема и обращались ли вы уже в управляющую компанию или ведомство? Если есть фото, приложите его. {{operator_name}}, ЦУР Северо-Озёрской области."),
        DemoTemplateSeed(
            code: "no_answer_obscene",
            title: "Без ответа: нецензурная брань или угрозы",
            kind: "no_answer",
            body: "Сообщение № {{incident_number}} содержит нецензурные либо оскорбительные выражения или угрозы. Ответ по существу не даётся (ст. 11 Федерального закона № 59-ФЗ). Отметку поставил(а): {{operator_name}}."),
        DemoTemplateSeed(
            code: "no_answer_closed",
            title: "Без ответа: комментарии закрыты",
            kind: "no_answer",
            body: "Автор сообщения № {{incident_number}} закрыл комментарии или удалил публикацию; опубликовать ответ невозможно. Отметку поставил(а): {{operator_name}}."),
    ]

    // MARK: - Staff

    public static let operators: [DemoOperatorSeed] = [
        DemoOperatorSeed(login: "ivanova", name: "Иванова Анна Сергеевна", role: .operator),
        DemoOperatorSeed(login: "petrov", name: "Петров Дмитрий Алексеевич", role: .operator),
        DemoOperatorSeed(login: "sidorova", name: "Сидорова Екатерина Викторовна", role: .operator),
        DemoOperatorSeed(login: "kuznetsov", name: "Кузнецов Артём Игоревич", role: .operator),
        DemoOperatorSeed(login: "morozova", name: "Морозова Ольга Николаевна", role: .operator),
        DemoOperatorSeed(login: "galiev", name: "Галиев Ринат Маратович", role: .operator),
        DemoOperatorSeed(login: "supervisor", name: "Волкова Марина Петровна", role: .supervisor),
        DemoOperatorSeed(login: "admin", name: "Соколов Андрей Владимирович", role: .admin),
    ]

    // MARK: - Raw material for generated messages

    public static let streets: [String] = [
        "ул. Ленина", "ул. Мира", "ул. Советская", "ул. Гагарина", "ул. Пушкина",
        "ул. Молодёжная", "ул. Школьная", "ул. Садовая", "ул. Лесная", "ул. Набережная",
        "ул. Заводская", "ул. Рабочая", "ул. Строителей", "ул. Победы", "ул. Кирова",
        "ул. Комсомольская", "ул. Октябрьская", "ул. Первомайская", "ул. Береговая", "ул. Центральная",
        "ул. Горняков", "ул. Металлургов", "ул. Озёрная", "ул. Кедровая", "ул. Сибирская",
        "ул. Уральская", "ул. Чкалова", "ул. Мичурина", "ул. Зелёная", "ул. Полевая",
        "ул. Новая", "ул. Энтузиастов", "ул. 8 Марта", "ул. Луговая", "ул. Железнодорожная",
        "пр. Мира", "пр. Победы", "пр. Космонавтов", "пр. Строителей",
        "пер. Садовый", "пер. Почтовый", "пер. Школьный", "пер. Речной",
        "б-р Юности", "наб. Озёрная", "ш. Рудянское", "мкр. Северный",
    ]

    /// Mixed male and female first names.
    public static let firstNames: [String] = [
        "Александр", "Анна", "Сергей", "Елена", "Дмитрий", "Ольга", "Андрей", "Татьяна",
        "Алексей", "Наталья", "Михаил", "Ирина", "Иван", "Светлана", "Николай", "Мария",
        "Владимир", "Екатерина", "Евгений", "Юлия", "Павел", "Галина", "Артём", "Людмила",
        "Максим", "Марина", "Виктор", "Надежда", "Игорь", "Валентина", "Юрий", "Оксана",
        "Денис", "Ксения", "Роман", "Дарья", "Олег", "Любовь", "Ринат", "Гульнара",
        "Фёдор", "Алёна", "Тимур", "Вера",
    ]

    /// Surnames that read the same for men and women (the generator does not inflect).
    public static let lastNames: [String] = [
        "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Литвиненко",
        "Павленко", "Романенко", "Лысенко", "Мироненко", "Клименко", "Руденко",
        "Зинченко", "Приходько", "Черных", "Белых", "Седых", "Долгих", "Русских",
        "Кривых", "Глухих", "Сухих", "Добрых", "Толстых", "Мокрых", "Молодых",
        "Ковальчук", "Полищук", "Гончарук", "Марчук", "Савчук", "Сердюк", "Гайдук",
        "Мельник", "Бабич", "Петросян", "Григорян", "Ким", "Цой", "Миллер",
        "Шульц", "Дуда", "Кох", "Ломако",
    ]

    /// Later messages from the citizen in the same thread.
    public static let followUps: [String] = [
        "Прошла неделя, ничего не сделано",
        "Спасибо за ответ, но проблема так и не решена",
        "Приезжали, посмотрели и уехали. Всё осталось как было",
        "Ответ получила, сделали всё быстро. Спасибо!",
        "А можно конкретный срок? «В ближайшее время» — это когда?",
        "Пишу уже третий раз!!! Хоть кто-нибудь это читает?",
        "Сегодня опять то же самое, фото прикладываю",
        "Уточняю адрес: дом 14, второй подъезд",
        "Вы написали, что работы выполнены, но это неправда. Приезжайте и посмотрите сами",
        "Соседи тоже писали, нас уже больше двадцати человек",
        "Срок, который вы назвали, прошёл. Где результат?",
        "Спасибо, что передали. Ждём",
        "Сделали наполовину, а остальное?",
        "если до пятницы не решат, пойдём всем домом в прокуратуру",
        "В УК сказали, что это не к ним, а к вам. Так кто отвечает?",
    ]

    /// Public intermediate answers from an agency's page: who took it and by when.
    public static let intermediateReplies: [String] = [
        "Здравствуйте! Ваше обращение принято в работу. Специалисты выедут на место в течение двух рабочих дней, о результатах сообщим дополнительно.",
        "Добрый день! Информация передана в управляющую компанию, заявка зарегистрирована. Срок устранения — до конца текущей недели.",
        "Здравствуйте! Вопрос на контроле министерства. Подрядной организации выдано предписание, ответ по существу будет дан в течение 7 рабочих дней.",
        "Добрый день! Обращение передано в аварийно-диспетчерскую службу, бригада направлена. Следите за ответами в этой ветке.",
        "Здравствуйте! По вашему обращению назначена внеплановая проверка Государственной жилищной инспекцией. О результатах сообщим не позднее 10 рабочих дней.",
        "Добрый день! Региональный оператор проверяет работу перевозчика по вашему адресу. Ответ будет дан до конца следующего рабочего дня.",
        "Здравствуйте! Мы связались с главным врачом поликлиники, ситуация разбирается. Ответ направим в течение 3 рабочих дней.",
        "Добрый день! Заявка передана перевозчику, проводится служебная проверка по указанному рейсу. Результат сообщим в течение 5 рабочих дней.",
        "Здравствуйте! Спасибо за сигнал. Вопрос передан в администрацию муниципалитета, специалисты отдела благоустройства выедут на осмотр завтра.",
    ]

    /// Public final answers: measures taken with their dates, or why it cannot be solved.
    public static let finalReplies: [String] = [
        "Здравствуйте! Аварийная бригада устранила порыв, водоснабжение восстановлено сегодня в 16:30. Благоустройство места раскопки будет выполнено в течение 10 дней.",
        "Добрый день! Ямочный ремонт на указанном участке выполнен. Капитальный ремонт дороги включён в региональную программу на 2027 год.",
        "Здравствуйте! Лифт отремонтирован и запущен после технического освидетельствования. Управляющей компании выдано предписание о соблюдении сроков ремонта.",
        "Добрый день! Вывоз ТКО по вашему адресу выполнен, график вывоза восстановлен. Перевозчику начислен штраф за нарушение графика.",
        "Здравствуйте! Управляющая компания провела промывку системы отопления и замену запорной арматуры в подвале. Температура в квартирах соответствует нормативу, замеры проведены в присутствии жильцов.",
        "Добрый день! Установка светофорного объекта на этом перекрёстке невозможна до реконструкции дороги: нет технических условий на подключение. Реконструкция запланирована на 2027 год, до этого нанесена свежая разметка и установлены знаки.",
        "Здравствуйте! Отлов безнадзорных животных проведён, отловлено 6 собак. Участок взят на контроль, повторный выезд — через две недели.",
        "Добрый день! Дом включён в краткосрочный план капитального ремонта кровли на 2026 год, работы начнутся в июне. До начала ремонта управляющая компания выполнит частичный ремонт над вашей квартирой.",
        "Здравствуйте! Запись к эндокринологу открыта на следующие две недели, в поликлинику направлен дополнительный специалист. Записаться можно по телефону регистратуры или на Госуслугах.",
        "Добрый день! Перерасчёт платы за обращение с ТКО произведён, он отразится в квитанции за следующий месяц.",
    ]

    /// Staff-only notes.
    public static let internalNotes: [String] = [
        "Звонила в УК, обещали отправить слесаря сегодня до 17:00.",
        "Повторное обращение, первое закрыли как «решено» две недели назад. Проверить исполнение.",
        "Ведомство просит перенаправить: участок дороги муниципальный, не региональный.",
        "Автор — активный участник городского паблика, пост набирает комментарии. Держать на контроле.",
        "Фото приложено, адрес подтверждён по карте.",
        "Дубль: то же самое по этому дому пишут ещё трое, объединила.",
        "Исполнитель не отвечает второй день, эскалировано руководителю.",
        "Ответ ведомства формальный, вернула на доработку.",
        "Автор закрыл комментарии, ответ отправлен в личные сообщения.",
        "Уточнить у автора номер дома, в посте только улица.",
    ]

    /// Messages that are not real problems or owe no answer.
    public static let noiseTexts: [String] = [
        "Всем доброе утро! Хорошего дня, земляки ☀️",
        "Спасибо коммунальщикам, снег убрали быстро, двор чистый 👍",
        "Продаю дрова берёзовые колотые, доставка по району. Звоните!",
        "Кто-нибудь знает, во сколько завтра начинается салют?",
        "Ну вы и *** ***, всех вас надо ***!!!",
        "Подписывайтесь на наш канал, там всё самое интересное о городе",
        "Какая красивая у нас набережная вечером, спасибо за новые фонари!",
        "Потерялся рыжий кот, отзывается на Барсика, район ул. Мира. Помогите найти 🐈",
        "Заработок от 5000 в день без вложений, пишите в личку",
        "С праздником, дорогие земляки! Мира и добра вашим семьям!",
    ]
}
