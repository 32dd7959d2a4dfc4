"""Demo content of the portal: the 2016 seed page in ky, ru and en (load_demo reads it)."""

import datetime
from decimal import Decimal


def _join(*parts):
    """Join translated paragraphs, language by language, with a blank line."""
    return {lang: "\n\n".join(part[lang] for part in parts) for lang in ("ky", "ru", "en")}


_EMPTY = {"ky": "", "ru": "", "en": ""}

# --- The opening paragraphs of the 2016 outcome document --------------------------------------

_INTRO_HELD = {
    "ky": (
        "1–2-августта Ош шаарында «Мекендештер» форуму болуп өттү. Бул – мекендештердин, "
        "өкмөттүн жана бизнестин натыйжалуу диалогу үчүн туруктуу (эки жылда бир жолу), өзүнүн "
        "ийгиликтүү экенин далилдеген аянтча, ал чыныгы ишкердик долбоорлорду жана Кыргыз "
        "Республикасынын социалдык-экономикалык өнүгүүсүнүн, инвестициялык жана инновациялык "
        "келечегин талкуулоо үчүн түзүлгөн."
    ),
    "ru": (
        "1–2 августа в Оше прошёл форум «Мекендештер» — постоянно действующая (раз в два "
        "года) и доказавшая свою успешность площадка для эффективного диалога соотечественников, "
        "правительства и бизнеса, созданная для обсуждения реальных бизнес-проектов, а также "
        "перспектив социально-экономического, инвестиционного и инновационного развития "
        "Кыргызской Республики."
    ),
    "en": (
        "On 1–2 August, the Mekendeshter Forum took place in Osh. It is a standing platform "
        "(convened every two years) that has proven its success as a venue for effective dialogue "
        "between compatriots, the government and business, and it was created to discuss real "
        "business projects and the prospects for the socio-economic, investment and innovative "
        "development of the Kyrgyz Republic."
    ),
}

_INTRO_MISSION = {
    "ky": (
        "Үчүнчү «Мекендештер» форумунун миссиясы – чет өлкөлөрдө жашаган кыргызстандык "
        "мекендештердин ичинен потенциалдуу инвесторлордун көңүлүн Кыргыз Республикасында "
        "ишкерлик демилгелерди түзүү үчүн колдо болгон жагымдуу шарттарга, Кыргызстандын "
        "региондорунун географиялык абалынын, тарыхый жана маданий байлыктарынын "
        "кайталангыстыгына буруу."
    ),
    "ru": (
        "Миссия третьего форума «Мекендештер» — привлечь внимание потенциальных инвесторов из "
        "числа кыргызстанских соотечественников, проживающих за рубежом, к имеющимся в Кыргызской "
        "Республике благоприятным условиям для создания предпринимательских инициатив, к "
        "уникальности географического положения, исторического и культурного богатства регионов "
        "Кыргызстана."
    ),
    "en": (
        "The mission of the Third Mekendeshter Forum is to draw the attention of potential "
        "investors among Kyrgyzstani compatriots living abroad to the favourable conditions "
        "available in the Kyrgyz Republic for launching business initiatives, and to the unique "
        "geographical position and the historical and cultural wealth of Kyrgyzstan's regions."
    ),
}

_INTRO_ANNIVERSARIES = {
    "ky": (
        "Форум КРнын көз карандысыздыгынын 25 жылдыгында, Үркүндүн 100 жылдыгында, Жусуп "
        "Баласагындын 1000 жылдыгында өткөрүлдү; мекендештер жалпы улуттук окуялардын жана "
        "баалуулуктардын айланасына биригүүдө."
    ),
    "ru": (
        "Форум прошёл в год 25-летия независимости КР, 100-летия Уркуна и 1000-летия Жусупа "
        "Баласагына; соотечественники объединяются вокруг общенациональных событий и ценностей."
    ),
    "en": (
        "The Forum was held in the year of the 25th anniversary of the independence of the "
        "Kyrgyz Republic, the 100th anniversary of Urkun and the 1000th anniversary of Jusup "
        "Balasagyn; compatriots are uniting around shared national events and values."
    ),
}

_INTRO_PARTICIPANTS = {
    "ky": (
        "Форумга дүйнөнүн 24 өлкөсүнөн 500дөн ашык адам катышты. Жакынкы жана алыскы чет "
        "өлкөлөрдөгү кыргызстандыктардын 27 диаспоралык бирикмеси, КР Президентинин Аппаратынын, "
        "Өкмөттүн, министрликтер менен ведомстволордун өкүлдөрү, элчилер жана дипломатиялык "
        "миссиялардын жетекчилери, эл аралык уюмдардын жана КРнын ири ишканаларынын башчылары, "
        "эксперттер жана талдоочулар, алдыңкы ЖМКлардын жана Баткен, Жалал-Абад, Ош "
        "областтарынын бизнес-жамаатынын өкүлдөрү бир аянтчада жолугушту."
    ),
    "ru": (
        "В форуме приняли участие более 500 человек из 24 стран мира. На одной площадке "
        "встретились 27 диаспоральных объединений кыргызстанцев из ближнего и дальнего "
        "зарубежья, представители Аппарата Президента КР, Правительства, министерств и ведомств, "
        "послы и руководители дипломатических миссий, руководители международных организаций и "
        "крупных предприятий КР, эксперты и аналитики, представители ведущих СМИ и "
        "бизнес-сообщества Баткенской, Джалал-Абадской и Ошской областей."
    ),
    "en": (
        "More than 500 people from 24 countries took part in the Forum. Twenty-seven diaspora "
        "associations of Kyrgyzstanis from neighbouring and more distant countries, representatives "
        "of the Office of the President of the Kyrgyz Republic, the Government, ministries and "
        "agencies, ambassadors and heads of diplomatic missions, heads of international "
        "organizations and of major enterprises of the Kyrgyz Republic, experts and analysts, and "
        "representatives of leading media and of the business community of the Batken, Jalal-Abad "
        "and Osh regions met on a single platform."
    ),
}

_INTRO_PLENARIES = {
    "ky": (
        "Жети пленардык жыйналыштын катышуучулары Кыргызстанды социалдык-экономикалык жактан "
        "өнүктүрүү стратегиясынын маанилүү маселелерин талкуулады. Өлкөнүн инвестициялык "
        "жагдайын жакшыртуу боюнча конкреттүү сунуштар айтылды."
    ),
    "ru": (
        "Участники семи пленарных заседаний обсудили важные вопросы стратегии "
        "социально-экономического развития Кыргызстана. Были высказаны конкретные предложения по "
        "улучшению инвестиционного климата страны."
    ),
    "en": (
        "Participants in the seven plenary sessions discussed important issues of the strategy "
        "for Kyrgyzstan's socio-economic development. Specific proposals were put forward to "
        "improve the country's investment climate."
    ),
}

# --- Contacts, venue -------------------------------------------------------------------------

ORGANIZERS = {
    "phone": "+996 312 66 35 38",
    "email": "mekendeshter@roza.kg",
    "name": {
        "ky": "«Мекендештер» форумунун уюштуруучу комитети",
        "ru": "Организационный комитет форума «Мекендештер»",
        "en": "Organizing Committee of the Mekendeshter Forum",
    },
}

VENUE = {
    "key": "oshsu",
    "name": {
        "ky": "Ош мамлекеттик университети",
        "ru": "Ошский государственный университет",
        "en": "Osh State University",
    },
    "address": {
        "ky": "Ош шаары, Ленин көчөсү, 331",
        "ru": "г. Ош, ул. Ленина, 331",
        "en": "331 Lenin Street, Osh",
    },
    "city": {"ky": "Ош", "ru": "Ош", "en": "Osh"},
    "description": {
        "ky": (
            "Форум Ош шаарындагы Ленин көчөсү, 331 дарегинде жайгашкан Ош мамлекеттик университетинин негизинде өттү."
        ),
        "ru": ("Форум прошёл на базе Ошского государственного университета (г. Ош, ул. Ленина, 331)."),
        "en": "The Forum was held at Osh State University, 331 Lenin Street, Osh.",
    },
    "latitude": Decimal("40.5223"),
    "longitude": Decimal("72.7985"),
}

# --- Editions --------------------------------------------------------------------------------

_BISHKEK = {"ky": "Бишкек", "ru": "Бишкек", "en": "Bishkek"}

EDITIONS = [
    {
        "number": 1,
        "year": 2012,
        "city": dict(_BISHKEK),
        "start_date": datetime.date(2012, 8, 1),
        "end_date": None,
        "date_precision": "month",
        "title": {
            "ky": "Биринчи «Мекендештер – 2012» форуму",
            "ru": "Первый форум «Мекендештер – 2012»",
            "en": "The First Mekendeshter Forum 2012",
        },
        "theme": dict(_EMPTY),
        "about": {
            "ky": "Биринчи «Мекендештер» форуму 2012-жылдын августунда Бишкек шаарында өттү.",
            "ru": "Первый форум «Мекендештер» прошёл в Бишкеке в августе 2012 г.",
            "en": "The First Mekendeshter Forum was held in Bishkek in August 2012.",
        },
        "mission": dict(_EMPTY),
        "figures": [],
        "venue": None,
    },
    {
        "number": 2,
        "year": 2014,
        "city": dict(_BISHKEK),
        "start_date": datetime.date(2014, 7, 1),
        "end_date": None,
        "date_precision": "month",
        "title": {
            "ky": "Экинчи «Мекендештер – 2014» форуму",
            "ru": "Второй форум «Мекендештер – 2014»",
            "en": "The Second Mekendeshter Forum 2014",
        },
        "theme": dict(_EMPTY),
        "about": {
            "ky": "Экинчи «Мекендештер» форуму 2014-жылдын июлунда Бишкек шаарында өттү.",
            "ru": "Второй форум «Мекендештер» прошёл в Бишкеке в июле 2014 г.",
            "en": "The Second Mekendeshter Forum was held in Bishkek in July 2014.",
        },
        "mission": dict(_EMPTY),
        "figures": [],
        "venue": None,
    },
    {
        "number": 3,
        "year": 2016,
        "city": {"ky": "Ош", "ru": "Ош", "en": "Osh"},
        "start_date": datetime.date(2016, 8, 1),
        "end_date": datetime.date(2016, 8, 2),
        "date_precision": "day",
        "title": {
            "ky": "Үчүнчү «Мекендештер – 2016» форуму",
            "ru": "Третий форум «Мекендештер – 2016»",
            "en": "The Third Mekendeshter Forum 2016",
        },
        "theme": {
            "ky": "Жаңы мүмкүнчүлүктөр",
            "ru": "Новые возможности",
            "en": "New Opportunities",
        },
        "about": _join(_INTRO_HELD, _INTRO_ANNIVERSARIES),
        "mission": dict(_INTRO_MISSION),
        "figures": [
            {
                "value": "500+",
                "label": {"ky": "катышуучу", "ru": "участников", "en": "participants"},
            },
            {
                "value": "24",
                "label": {"ky": "өлкө", "ru": "стран", "en": "countries"},
            },
            {
                "value": "27",
                "label": {
                    "ky": "диаспоралык бирикме",
                    "ru": "диаспоральных объединений",
                    "en": "diaspora associations",
                },
            },
            {
                "value": "7",
                "label": {
                    "ky": "пленардык жыйналыш",
                    "ru": "пленарных заседаний",
                    "en": "plenary sessions",
                },
            },
        ],
        "venue": "oshsu",
    },
]

UPCOMING = {
    "number": 4,
    "city": dict(_BISHKEK),
    "title": {
        "ky": "Төртүнчү «Мекендештер» форуму",
        "ru": "Четвёртый форум «Мекендештер»",
        "en": "The Fourth Mekendeshter Forum",
    },
    "theme": dict(_EMPTY),
    "about": {
        "ky": (
            "Уюштуруучу комитет форумга даярдык иштерин баштады, долбоор жөнүндө маалыматка ээ "
            "болгуңуз келсе, бизге кайрылуу калтырыңыз.\n\n"
            "Бул – порталда каттоодон өтүүнү сынап көрүү үчүн гана түзүлгөн демонстрациялык форум."
        ),
        "ru": (
            "Организационный комитет приступил к подготовке форума. Если вы хотите получать "
            "информацию о проекте, оставьте нам заявку.\n\n"
            "Это демонстрационный форум, созданный только для того, чтобы опробовать регистрацию "
            "на портале."
        ),
        "en": (
            "The Organizing Committee has begun preparations for the Forum. If you would like to "
            "receive information about the project, please send us a request.\n\n"
            "This is a demonstration edition, created only so that registration on the portal can "
            "be tried out."
        ),
    },
    "mission": dict(_EMPTY),
}

# --- Sponsors and partners -------------------------------------------------------------------

SPONSORS = [
    {
        "key": "roza-otunbayeva-initiative",
        "name": {
            "ky": "«Роза Отунбаеванын демилгеси» эл аралык коомдук фонду",
            "ru": "Международный общественный фонд «Инициатива Розы Отунбаевой»",
            "en": "Roza Otunbayeva Initiative International Public Foundation",
        },
        "tier": "organizer",
        "url": "https://roza.kg/",
        "description": {
            "ky": "«Мекендештер» форумунун уюштуруучусу.",
            "ru": "Организатор форума «Мекендештер».",
            "en": "Organizer of the Mekendeshter Forum.",
        },
    },
    {
        "key": "government",
        "name": {
            "ky": "Кыргыз Республикасынын Өкмөтү",
            "ru": "Правительство Кыргызской Республики",
            "en": "Government of the Kyrgyz Republic",
        },
        "tier": "organizer",
        "url": "https://www.gov.kg/",
        "description": {
            "ky": (
                "«Мекендештер» форумунун өнөктөшү; Өкмөткө караштуу Чет өлкөлөрдөгү мекендештер "
                "менен байланыштар боюнча Кеңеш 2015-жылы түзүлгөн."
            ),
            "ru": (
                "Партнёр форума «Мекендештер»; в 2015 г. при Правительстве создан Совет по связям "
                "с соотечественниками за рубежом."
            ),
            "en": (
                "A partner of the Mekendeshter Forum; the Council for Relations with Compatriots "
                "Abroad under the Government was established in 2015."
            ),
        },
    },
    {
        "key": "oshsu",
        "name": {
            "ky": "Ош мамлекеттик университети (ОшМУ)",
            "ru": "Ошский государственный университет (ОшГУ)",
            "en": "Osh State University (OshSU)",
        },
        "tier": "partner",
        "url": "https://www.oshsu.kg/",
        "description": {
            "ky": "2016-жылы «Мекендештер» форуму ушул университеттин негизинде өттү.",
            "ru": "В 2016 г. форум «Мекендештер» прошёл на базе университета.",
            "en": "The university hosted the Mekendeshter Forum in 2016.",
        },
    },
    {
        "key": "zamandash",
        "name": {"ky": "Замандаш", "ru": "Замандаш", "en": "Zamandash"},
        "tier": "media",
        "url": "",
        "description": {
            "ky": "«Мекендештер – 2016» форумунун маалыматтык өнөктөшү.",
            "ru": "Информационный партнёр форума «Мекендештер – 2016».",
            "en": "Media partner of the Mekendeshter Forum 2016.",
        },
    },
    {
        "key": "osh-travel",
        "name": {
            "ky": "«Osh Travel» экскурсиялар жана саякаттар бюросу",
            "ru": "Бюро экскурсий и путешествий «Osh Travel»",
            "en": "Osh Travel Excursion and Travel Bureau",
        },
        "tier": "partner",
        "url": "",
        "description": {
            "ky": "2016-жылкы форумдун өнөктөшү: экскурсиялар жана саякаттар.",
            "ru": "Партнёр форума 2016 года: экскурсии и путешествия.",
            "en": "Partner of the 2016 Forum for excursions and travel.",
        },
    },
]

SPONSORS_INTRO = {
    "ky": (
        "Биз ар бир иш-чаранын ишке ашырылышына жардам көрсөткөн бардык өнөктөштөрүбүздү "
        "баалайбыз жана аларга ыраазычылыгыбызды билдиребиз."
    ),
    "ru": (
        "Мы ценим всех наших партнеров, которые содействовали проведению каждого мероприятия, и "
        "выражаем им свою благодарность."
    ),
    "en": (
        "We value all our partners who have helped to bring each event about, and we express our gratitude to them."
    ),
}

# --- The 2016 outcome document ---------------------------------------------------------------

DRAFT_PROPOSALS_NOTE = {
    "ky": "Жыйынтык документке киргизүү үчүн сунуштар кабыл алынат.",
    "ru": "Принимаются предложения для внесения в итоговый документ.",
    "en": "Proposals for inclusion in the outcome document are welcome.",
}

OUTCOME_2016 = {
    "title": {
        "ky": "«Мекендештер – 2016» форумунун жыйынтык документи",
        "ru": "Итоговый документ форума «Мекендештер – 2016»",
        "en": "Outcome Document of the Mekendeshter Forum 2016",
    },
    "date": datetime.date(2016, 8, 2),
    "introduction": _join(
        _INTRO_HELD,
        _INTRO_MISSION,
        _INTRO_ANNIVERSARIES,
        _INTRO_PARTICIPANTS,
        _INTRO_PLENARIES,
    ),
    # A final document takes no more proposals: an invitation to send some beside "Final version"
    # contradicted it (language review, finding 24). The draft of the next forum has the note.
    "proposals_note": dict(_EMPTY),
    "sections": [
        {
            "slug": "background",
            "title": {
                "ky": "Маселенин тарыхы",
                "ru": "Предыстория вопроса",
                "en": "Background",
            },
            "body": {
                "ky": (
                    "Азыркы учурда өлкөнүн чегинен тышкары жактарда Кыргыз Республикасынын "
                    "экономикалык жактан жигердүү болгон 700 миңден ашык жараны эмгектенип "
                    "жатат. Алардын ичинен 573 миңден ашык адам Россияда жана 115 миңден ашык "
                    "адам Казакстанда акча табуу үчүн жүрөт. Кыргыз Республикасынын Евразиялык "
                    "экономикалык бирликке кириши жаңы ченемдерди жана жол-жоболорду кабыл алуу "
                    "аркылуу айрым өлчөмдө кыргызстандыктарга өлкөнүн чегинен тышкары жакта ишке "
                    "орношууну жеңилдетти. Кыргызстандын Улуттук статистика комитетинин маалыматы "
                    "боюнча, мигранттардын акча которууларынын көлөмү республикалык бюджеттин "
                    "30%ын түзөт.\n\n"
                    "Кыргыз Республикасынын диаспоралары – булар бүткүл дүйнө жүзү боюнча 100дөн "
                    "ашык жаш уюштуруу структуралары, алар потенциалдуу мигранттар үчүн өтө "
                    "маанилүү социалдык жана маалыматтык колдоону берет. Бүгүнкү күндө "
                    "диаспоралар Кыргызстанга инвестицияларды тартууда, тажрыйбаны "
                    "адаптациялоодо жана билимдерди берүүдө жигердүү кыймылдаткыч болуп жатат, "
                    "өздөрү барган өлкө менен Кыргызстандын экономикалык, социалдык жана саясий "
                    "мамилелерди түзүүсүнө жардам берүүдө."
                ),
                "ru": (
                    "В настоящее время за пределами страны трудятся более 700 тыс. экономически "
                    "активных граждан Кыргызской Республики. Из них более 573 тыс. человек "
                    "находятся на заработках в России и более 115 тыс. — в Казахстане. "
                    "Вступление Кыргызской Республики в Евразийский экономический союз благодаря "
                    "принятию новых норм и процедур в определенной мере облегчило кыргызстанцам "
                    "трудоустройство за рубежом. По данным Национального статистического "
                    "комитета Кыргызской Республики, объем денежных переводов мигрантов "
                    "составляет 30% республиканского бюджета.\n\n"
                    "Диаспоры Кыргызской Республики — это более 100 молодых организационных "
                    "структур по всему миру, которые оказывают потенциальным мигрантам крайне "
                    "важную социальную и информационную поддержку. Сегодня диаспоры являются "
                    "активной движущей силой в привлечении инвестиций в Кыргызстан, адаптации "
                    "опыта и передаче знаний, содействуют выстраиванию экономических, социальных "
                    "и политических отношений между Кыргызстаном и странами своего пребывания."
                ),
                "en": (
                    "At present, more than 700,000 economically active citizens of the Kyrgyz "
                    "Republic work outside the country. Of these, more than 573,000 are in "
                    "Russia and more than 115,000 in Kazakhstan to earn a living. The accession "
                    "of the Kyrgyz Republic to the Eurasian Economic Union, through the adoption "
                    "of new norms and procedures, has to some extent made it easier for "
                    "Kyrgyzstanis to find employment abroad. According to the National "
                    "Statistical Committee of the Kyrgyz Republic, migrants' remittances amount "
                    "to 30% of the national budget.\n\n"
                    "The diasporas of the Kyrgyz Republic are more than 100 young organizational "
                    "structures around the world that provide vital social and informational "
                    "support to potential migrants. Today, diasporas are an active driving force "
                    "in attracting investment to Kyrgyzstan, adapting experience and passing on "
                    "knowledge, and they help build economic, social and political relations "
                    "between Kyrgyzstan and the countries where they live."
                ),
            },
            "items": [],
            "closing": dict(_EMPTY),
        },
        {
            "slug": "result",
            "title": {
                "ky": "2012–2016-жылдардагы «Мекендештер» форумунун ишинин натыйжалары",
                "ru": "Результаты работы форума «Мекендештер» за 2012–2016 гг.",
                "en": "Results of the Mekendeshter Forum's Work in 2012–2016",
            },
            "body": dict(_EMPTY),
            "items": [
                {
                    "ky": (
                        "2015-жылдын 29-апрелинде Кыргыз Республикасынын Өкмөтүнө караштуу Чет "
                        "өлкөлөрдөгү мекендештер менен байланыштар боюнча Кеңеш түзүлгөн."
                    ),
                    "ru": (
                        "29 апреля 2015 г. создан Совет по связям с соотечественниками за "
                        "рубежом при Правительстве Кыргызской Республики."
                    ),
                    "en": (
                        "On 29 April 2015, the Council for Relations with Compatriots Abroad "
                        "under the Government of the Kyrgyz Republic was established."
                    ),
                },
                {
                    "ky": (
                        "Мекендештердин эки ири «Мекендештер» форуму өткөрүлдү (Бишкек шаары, "
                        "2012-жылдын августу, 2014-жылдын июлу)."
                    ),
                    "ru": (
                        "Проведены два крупных форума соотечественников «Мекендештер» "
                        "(г. Бишкек, август 2012 г., июль 2014 г.)."
                    ),
                    "en": (
                        "Two major Mekendeshter Forums of compatriots were held (Bishkek, August 2012 and July 2014)."
                    ),
                },
                {
                    "ky": (
                        "Кыргызстандыктардын глобалдык онлайн иш-чараларын өткөрүүгө "
                        "көмөктөшүүчү интерактивдүү интернет-платформа иштеп жатат («Ыр кесе», "
                        "футболдук матчтар, картирлөө-изилдөөлөр ж.б.)."
                    ),
                    "ru": (
                        "Работает интерактивная интернет-платформа, содействующая проведению "
                        "глобальных онлайн-мероприятий кыргызстанцев («Ыр кесе», футбольные "
                        "матчи, исследования по картированию и др.)."
                    ),
                    "en": (
                        "An interactive online platform is in operation that helps to hold "
                        "global online events of Kyrgyzstanis (“Yr Kese”, football matches, "
                        "mapping studies, etc.)."
                    ),
                },
                {
                    "ky": (
                        "2015-жылдын май–ноябрь айларында изилдөөлөр жүргүзүлдү жана «Чет "
                        "өлкөлөрдөгү кыргызстандыктардын диаспораларын жана мекендештердин "
                        "эксперттик ростерин картирлөө» отчету жарыяланды. Бул изилдөөнүн "
                        "презентациясы КРнын деңгээлинде кеңири чөйрөлөрдө, ошондой эле чет "
                        "өлкөлөрдө өткөрүлдү."
                    ),
                    "ru": (
                        "В мае–ноябре 2015 г. проведены исследования и опубликован отчет "
                        "«Картирование диаспор кыргызстанцев за рубежом и экспертного ростера "
                        "соотечественников». Презентации исследования прошли в широких кругах на "
                        "уровне КР, а также за рубежом."
                    ),
                    "en": (
                        "In May–November 2015, research was carried out and the report “Mapping "
                        "of Kyrgyzstani Diasporas Abroad and of an Expert Roster of Compatriots” "
                        "was published. The study was presented to a wide audience in the Kyrgyz "
                        "Republic and also abroad."
                    ),
                },
                {
                    "ky": (
                        "Чет өлкөлөрдөгү мекендештердин ишинин маселелери боюнча Кыргыз "
                        "Республикасынын Өкмөттүк делегациясы Түркияга жана Молдовага барып, "
                        "пикир алышты жана тажрыйба бөлүштү."
                    ),
                    "ru": (
                        "Правительственная делегация Кыргызской Республики посетила Турцию и "
                        "Молдову для обмена мнениями и опытом по вопросам, связанным с "
                        "соотечественниками за рубежом."
                    ),
                    "en": (
                        "A government delegation of the Kyrgyz Republic visited Turkey and "
                        "Moldova to exchange views and experience on matters concerning "
                        "compatriots abroad."
                    ),
                },
                {
                    "ky": (
                        "Мекендештердин ийгилигин чагылдырган «Мекендештер – Кыргызстандын "
                        "келечегине салым» деген 2 жыйнак даярдалып, жарыкка чыкты."
                    ),
                    "ru": (
                        "Подготовлены и изданы 2 сборника «Мекендештер – вклад в будущее "
                        "Кыргызстана», отражающие успехи соотечественников."
                    ),
                    "en": (
                        "Two collections entitled “Mekendeshter: A Contribution to Kyrgyzstan's "
                        "Future”, showcasing the achievements of compatriots, were prepared and "
                        "published."
                    ),
                },
                {
                    "ky": (
                        "Ош, Баткен, Жалал-Абад областтарында Ата-журтун өнүктүрүүгө "
                        "мекендештердин салымы жөнүндө алгачкы 10 видеосюжет документтелди жана "
                        "тартылды."
                    ),
                    "ru": (
                        "В Ошской, Баткенской и Джалал-Абадской областях задокументированы и "
                        "сняты первые 10 видеосюжетов о вкладе соотечественников в развитие "
                        "Родины."
                    ),
                    "en": (
                        "In the Osh, Batken and Jalal-Abad regions, the first 10 video stories "
                        "about compatriots' contribution to the development of their homeland "
                        "were documented and filmed."
                    ),
                },
                {
                    "ky": (
                        "«Мекендештер» клубунун көчмө жана стационардык жыйналыштары туруктуу негизде өткөрүлүп турат."
                    ),
                    "ru": ("На постоянной основе проводятся выездные и стационарные заседания клуба «Мекендештер»."),
                    "en": ("Off-site and on-site meetings of the Mekendeshter Club are held on a regular basis."),
                },
            ],
            "closing": {
                "ky": (
                    "Ошол эле учурда өлкөдө узак мөөнөттүү программа жок. Бул компонент Кыргыз "
                    "Республикасынын 2017-жылга чейинки Улуттук өнүгүү стратегиясына кирген "
                    "эмес. Диаспора менен иштөө көптөгөн мамлекеттик органдардын ортосунда "
                    "бөлүштүрүлгөн, алардын натыйжалуулугу солгун."
                ),
                "ru": (
                    "Вместе с тем в стране нет долгосрочной программы. Этот компонент не вошел "
                    "в Национальную стратегию развития Кыргызской Республики на период до "
                    "2017 г. Работа с диаспорой распределена между многими государственными "
                    "органами, и ее эффективность низка."
                ),
                "en": (
                    "At the same time, the country has no long-term programme. This component was "
                    "not included in the National Development Strategy of the Kyrgyz Republic "
                    "for the period up to 2017. Work with the diaspora is divided among many "
                    "state bodies, and its effectiveness is low."
                ),
            },
        },
        {
            "slug": "recommendation",
            "title": {
                "ky": "«Мекендештер» форумунун сунуштамалары",
                "ru": "Рекомендации форума «Мекендештер»",
                "en": "Recommendations of the Mekendeshter Forum",
            },
            "body": dict(_EMPTY),
            "items": [
                {
                    "ky": (
                        "Өнүктүрүүнүн элементи, катализатору катары диаспора маселелерин "
                        "2030-жылга чейин өлкөнү өнүктүрүүнүн улуттук стратегияларына киргизүү."
                    ),
                    "ru": (
                        "Включить вопросы диаспоры как элемент и катализатор развития в "
                        "национальные стратегии развития страны до 2030 г."
                    ),
                    "en": (
                        "Include diaspora issues, as an element and catalyst of development, in "
                        "the country's national development strategies up to 2030."
                    ),
                },
                {
                    "ky": (
                        "2019-жылга чейин КР Өкмөтүнө караштуу Чет өлкөлөрдөгү мекендештер "
                        "менен байланыштар боюнча Кеңештин ишин жолго коюу, анын стабилдүү "
                        "иштешин камсыз кылуу."
                    ),
                    "ru": (
                        "До 2019 г. наладить работу Совета по связям с соотечественниками за "
                        "рубежом при Правительстве КР и обеспечить его стабильное "
                        "функционирование."
                    ),
                    "en": (
                        "By 2019, put the work of the Council for Relations with Compatriots "
                        "Abroad under the Government of the Kyrgyz Republic on a sound footing "
                        "and ensure that it operates steadily."
                    ),
                },
                {
                    "ky": (
                        "Өлкөдө бийликтин бүткүл вертикалынын диаспора менен иштөө боюнча "
                        "кадрларынын туруктуу тренингин өткөрүү."
                    ),
                    "ru": (
                        "Проводить регулярные тренинги по работе с диаспорой для кадров всей вертикали власти в стране."
                    ),
                    "en": (
                        "Provide regular training on work with the diaspora for staff at all "
                        "levels of government in the country."
                    ),
                },
                {
                    "ky": (
                        "Диаспоралар менен иштөө боюнча милдеттерди, жооптуу ведомстволорду "
                        "Кыргыз Республикасынын мамлекеттик органдарынын ортосунда аныктоо."
                    ),
                    "ru": (
                        "Распределить между государственными органами Кыргызской Республики "
                        "задачи по работе с диаспорами и определить ответственные ведомства."
                    ),
                    "en": (
                        "Assign the tasks of working with diasporas among the state bodies of "
                        "the Kyrgyz Republic and designate the agencies responsible."
                    ),
                },
                {
                    "ky": (
                        "Улуттук, маданий, тилдик айырмачылык, мыйзамдарды жакшыртуу жана башка "
                        "маселелер боюнча программалар аркылуу диаспораларды өнүктүрүү "
                        "демилгелерин жана башка демилгелерди Өкмөт тарабынан колдоо."
                    ),
                    "ru": (
                        "Обеспечить поддержку Правительством инициатив по развитию диаспор и "
                        "других инициатив посредством программ, касающихся национальных, "
                        "культурных и языковых различий, совершенствования законодательства и "
                        "других вопросов."
                    ),
                    "en": (
                        "Ensure Government support for initiatives to develop diasporas, and for "
                        "other initiatives, through programmes on national, cultural and "
                        "linguistic differences, the improvement of legislation and other "
                        "matters."
                    ),
                },
                {
                    "ky": (
                        "Диаспоралардын жардамы менен өлкөгө инвестицияларды тартуу "
                        "демилгелерине мамлекеттик колдоо көрсөтүү."
                    ),
                    "ru": (
                        "Оказывать государственную поддержку инициативам по привлечению "
                        "инвестиций в страну с помощью диаспор."
                    ),
                    "en": (
                        "Provide state support to initiatives to attract investment into the "
                        "country with the help of diasporas."
                    ),
                },
                {
                    "ky": (
                        "Диаспоралардын башын кошкон иш-чараларды уюштуруу: эки жылда бир ирет "
                        "«Мекендештер» форуму, диаспоралар күнү, диаспоралардын бизнес-форуму."
                    ),
                    "ru": (
                        "Организовывать мероприятия, объединяющие диаспоры: раз в два года — "
                        "форум «Мекендештер», День диаспор, бизнес-форум диаспор."
                    ),
                    "en": (
                        "Organize events that bring diasporas together: the Mekendeshter Forum "
                        "every two years, a Diaspora Day and a diaspora business forum."
                    ),
                },
                {
                    "ky": (
                        "Кыргызстандыктардын глобалдык онлайн аянтчасы катары "
                        "www.mekendeshter.org интерактивдүү интернет-платформасын өнүктүрүү."
                    ),
                    "ru": (
                        "Развивать интерактивную интернет-платформу www.mekendeshter.org как "
                        "глобальную онлайн-площадку кыргызстанцев."
                    ),
                    "en": (
                        "Develop the interactive online platform www.mekendeshter.org as a "
                        "global online hub for Kyrgyzstanis."
                    ),
                },
                {
                    "ky": (
                        "Туруктуу рубрикаларды жана көрсөтүүлөрдү уюштуруу менен массалык "
                        "маалымат каражаттарында диаспоралар жөнүндө чагылдырууну тереңдетүү."
                    ),
                    "ru": (
                        "Углублять освещение темы диаспор в средствах массовой информации, "
                        "организуя постоянные рубрики и передачи."
                    ),
                    "en": ("Deepen media coverage of diasporas by setting up regular columns and programmes."),
                },
                {
                    "ky": "Мекендештердин волонтердук ишмердигине колдоо көрсөтүү.",
                    "ru": "Оказывать поддержку волонтерской деятельности соотечественников.",
                    "en": "Support the volunteer work of compatriots.",
                },
                {
                    "ky": "Өлкөгө кайрымдуулук, соопчулук кылгысы келгендерге колдоо көрсөтүү.",
                    "ru": (
                        "Поддерживать тех, кто хочет заниматься благотворительностью и делать добрые дела для страны."
                    ),
                    "en": "Support those who wish to do charitable and good works for the country.",
                },
                {
                    "ky": ("Чогулуп акча топтоонун жана инвестициянын механизмдерин түзүүгө көмөктөшүү."),
                    "ru": "Содействовать созданию механизмов краудфандинга и инвестирования.",
                    "en": "Help create crowdfunding and investment mechanisms.",
                },
                {
                    "ky": (
                        "Кыргыз Республикасынын кадыр-баркын жана инвестициялык потенциалын "
                        "көтөрүү багытында диаспоралардын жасаган иш-аракеттерине колдоо "
                        "көрсөтүү."
                    ),
                    "ru": (
                        "Поддерживать деятельность диаспор, направленную на повышение престижа и "
                        "инвестиционного потенциала Кыргызской Республики."
                    ),
                    "en": (
                        "Support the efforts of diasporas to raise the prestige and investment "
                        "potential of the Kyrgyz Republic."
                    ),
                },
                {
                    "ky": (
                        "Мекендештер тарабынан туризмди жайылтуу жана уюштуруу программаларын "
                        "иштеп чыгуу жана жүзөгө ашыруу."
                    ),
                    "ru": (
                        "Разработать и реализовать программы по популяризации и организации "
                        "туризма силами соотечественников."
                    ),
                    "en": (
                        "Develop and implement programmes for the promotion and organization of tourism by compatriots."
                    ),
                },
                {
                    "ky": (
                        "Кыргыз тилин үйрөнүү боюнча материалдарды жана программаларды, анын "
                        "ичинде онлайн курстарды иштеп чыгуу жана жүзөгө ашыруу."
                    ),
                    "ru": (
                        "Разработать и внедрить материалы и программы по изучению кыргызского "
                        "языка, в том числе онлайн-курсы."
                    ),
                    "en": (
                        "Develop and implement materials and programmes for learning the Kyrgyz "
                        "language, including online courses."
                    ),
                },
                {
                    "ky": (
                        "Окуу материалдарын иштеп чыгып, аларды маданий борборлорго жана "
                        "диаспоралык бирикмелерге таратуу."
                    ),
                    "ru": (
                        "Разрабатывать учебные материалы и распространять их среди культурных "
                        "центров и диаспоральных объединений."
                    ),
                    "en": (
                        "Develop teaching materials and distribute them to cultural centres and diaspora associations."
                    ),
                },
                {
                    "ky": ("Мекендештердин жыйындарын жайлоодо, этно- жана эко-лагерь түрүндө өткөрүү."),
                    "ru": ("Проводить встречи соотечественников на джайлоо в формате этно- и эколагерей."),
                    "en": (
                        "Hold gatherings of compatriots on the jailoo (summer pastures) in the "
                        "form of ethno- and eco-camps."
                    ),
                },
                {
                    "ky": (
                        "Форумдун катышуучуларынын байланыш маалыматтарын «Мекендештер» "
                        "веб-платформасында чагылдыруу жана биргелешкен демилгелерди, "
                        "долбоорлорду ишке ашырууга колдоо көрсөтүү."
                    ),
                    "ru": (
                        "Размещать контакты участников форума на веб-платформе «Мекендештер» и "
                        "оказывать поддержку в реализации совместных инициатив и проектов."
                    ),
                    "en": (
                        "Publish the contact details of Forum participants on the Mekendeshter "
                        "web platform and support the implementation of joint initiatives and "
                        "projects."
                    ),
                },
            ],
            "closing": dict(_EMPTY),
        },
    ],
}

# --- Progress on the 2016 recommendations ----------------------------------------------------
# The document's own "results 2012–2016", as the state of the recommendations they match on the
# day they were adopted (the demo has no 2012 or 2014 outcome document to attach them to), then
# a few later updates marked as demonstration data. `recommendation` is the item's number in the
# "recommendation" section; `article` the slug of the evidence article.

_COUNCIL = {
    "ky": "Кыргыз Республикасынын Өкмөтүнө караштуу Чет өлкөлөрдөгү мекендештер менен байланыштар боюнча Кеңеш",
    "ru": "Совет по связям с соотечественниками за рубежом при Правительстве Кыргызской Республики",
    "en": "Council for Relations with Compatriots Abroad under the Government of the Kyrgyz Republic",
}
_COMMITTEE = {
    "ky": "«Мекендештер» форумунун уюштуруу комитети",
    "ru": "Организационный комитет форума «Мекендештер»",
    "en": "Organizing Committee of the Mekendeshter Forum",
}

PROGRESS_2016 = [
    {
        "recommendation": 2,
        "date": datetime.date(2016, 8, 2),
        "status": "in_progress",
        "is_demo": False,
        "article": "outcome-document-2016-online",
        "responsible_body": _COUNCIL,
        "text": {
            "ky": (
                "Сунуштама кабыл алынганда Кеңеш түзүлгөн болчу (2015-жылдын 29-апрели); анын ишин "
                "туруктуу негизге коюу алдыда турат (жыйынтык документ, 2012–2016-жылдардагы "
                "натыйжалар, 1-пункт)."
            ),
            "ru": (
                "Когда рекомендация была принята, Совет уже был создан (29 апреля 2015 г.); "
                "поставить его работу на прочную основу ещё предстоит (итоговый документ, "
                "результаты 2012–2016 гг., пункт 1)."
            ),
            "en": (
                "When the recommendation was adopted, the Council had been established (29 April "
                "2015); its work was still to be put on a sound footing (the outcome document, "
                "results 2012–2016, item 1)."
            ),
        },
    },
    {
        "recommendation": 7,
        "date": datetime.date(2016, 8, 2),
        "status": "in_progress",
        "is_demo": False,
        "article": "outcome-document-2016-online",
        "responsible_body": dict(_EMPTY),
        "text": {
            "ky": (
                "Мекендештердин эки ири «Мекендештер» форуму өткөрүлгөн (Бишкек шаары, 2012-жылдын "
                "августу, 2014-жылдын июлу), «Мекендештер» клубунун жыйналыштары туруктуу негизде "
                "өткөрүлүп турат (2012–2016-жылдардагы натыйжалар, 2- жана 8-пункттар)."
            ),
            "ru": (
                "Проведены два крупных форума соотечественников «Мекендештер» (г. Бишкек, август "
                "2012 г., июль 2014 г.), заседания клуба «Мекендештер» проводятся на постоянной "
                "основе (результаты 2012–2016 гг., пункты 2 и 8)."
            ),
            "en": (
                "Two major Mekendeshter Forums had been held (Bishkek, August 2012 and July 2014), "
                "and meetings of the Mekendeshter Club are held on a regular basis (results "
                "2012–2016, items 2 and 8)."
            ),
        },
    },
    {
        "recommendation": 8,
        "date": datetime.date(2016, 8, 2),
        "status": "in_progress",
        "is_demo": False,
        "article": "outcome-document-2016-online",
        "responsible_body": dict(_EMPTY),
        "text": {
            "ky": (
                "Кыргызстандыктардын глобалдык онлайн иш-чараларын өткөрүүгө көмөктөшүүчү "
                "интерактивдүү интернет-платформа иштеп жаткан («Ыр кесе», футболдук матчтар, "
                "картирлөө-изилдөөлөр ж.б.; 2012–2016-жылдардагы натыйжалар, 3-пункт)."
            ),
            "ru": (
                "Уже работала интерактивная интернет-платформа, содействующая проведению "
                "глобальных онлайн-мероприятий кыргызстанцев («Ыр кесе», футбольные матчи, "
                "исследования по картированию и др.; результаты 2012–2016 гг., пункт 3)."
            ),
            "en": (
                "An interactive online platform was already helping to hold global online events "
                "of Kyrgyzstanis (“Yr Kese”, football matches, mapping studies, etc.; results "
                "2012–2016, item 3)."
            ),
        },
    },
    {
        "recommendation": 9,
        "date": datetime.date(2016, 8, 2),
        "status": "in_progress",
        "is_demo": False,
        "article": "outcome-document-2016-online",
        "responsible_body": dict(_EMPTY),
        "text": {
            "ky": (
                "«Мекендештер – Кыргызстандын келечегине салым» деген 2 жыйнак жарыкка чыккан, Ош, "
                "Баткен, Жалал-Абад областтарында мекендештердин салымы жөнүндө алгачкы 10 "
                "видеосюжет тартылган (2012–2016-жылдардагы натыйжалар, 6- жана 7-пункттар)."
            ),
            "ru": (
                "Изданы 2 сборника «Мекендештер – вклад в будущее Кыргызстана», в Ошской, "
                "Баткенской и Джалал-Абадской областях сняты первые 10 видеосюжетов о вкладе "
                "соотечественников (результаты 2012–2016 гг., пункты 6 и 7)."
            ),
            "en": (
                "Two collections, “Mekendeshter: A Contribution to Kyrgyzstan's Future”, had been "
                "published, and the first 10 video stories about compatriots' contribution filmed "
                "in the Osh, Batken and Jalal-Abad regions (results 2012–2016, items 6 and 7)."
            ),
        },
    },
    {
        "recommendation": 8,
        "date": datetime.date(2026, 11, 2),
        "status": "in_progress",
        "is_demo": True,
        "article": "portal-opens",
        "responsible_body": _COMMITTEE,
        "text": {
            "ky": (
                "Форумдун порталы кыргыз, орус жана англис тилдеринде ачылды: форумдар, алардын "
                "жыйынтык документтери, жаңылыктар жана диаспора маалымдамасы."
            ),
            "ru": (
                "Открылся портал форума на кыргызском, русском и английском языках: форумы, их "
                "итоговые документы, новости и справочник диаспоры."
            ),
            "en": (
                "The forum's portal opened in Kyrgyz, Russian and English: the forums, their "
                "outcome documents, news and the diaspora directory."
            ),
        },
    },
    {
        "recommendation": 18,
        "date": datetime.date(2026, 11, 2),
        "status": "in_progress",
        "is_demo": True,
        "article": "portal-opens",
        "responsible_body": _COMMITTEE,
        "text": {
            "ky": (
                "Макул болгон катышуучулар порталдын диаспора маалымдамасында өздөрү тандаган "
                "байланыштары менен көрсөтүлөт. Биргелешкен демилгелерди колдоо али алдыда."
            ),
            "ru": (
                "Участники, давшие согласие, указаны в справочнике диаспоры на портале с теми "
                "контактами, которые они сами решили показать. Поддержка совместных инициатив "
                "ещё впереди."
            ),
            "en": (
                "Participants who agree are listed in the portal's diaspora directory with the "
                "contacts they choose to show. Support for joint initiatives is still to come."
            ),
        },
    },
    {
        "recommendation": 15,
        "date": datetime.date(2026, 11, 20),
        "status": "not_started",
        "is_demo": True,
        "article": None,
        "responsible_body": dict(_EMPTY),
        "text": {
            "ky": "Кыргыз тилин онлайн үйрөнүү курсу азырынча эч кимге тапшырылган жок.",
            "ru": "Онлайн-курс кыргызского языка пока никому не заказан.",
            "en": "No online course in the Kyrgyz language has been commissioned yet.",
        },
    },
]

# --- News ------------------------------------------------------------------------------------

_NEWS_0827 = {
    "ky": (
        "Биз күч-кубаты толуп турган жаш адамдардын өмүрүнөн ажырадык. Күтүүсүздөн чыккан катуу "
        "өрт эч кимди: аялдарды да, эркектерди да аяган жок."
    ),
    "ru": ("Мы потеряли молодых, полных сил людей. Внезапный сильный пожар не пощадил никого: ни женщин, ни мужчин."),
    "en": (
        "We have lost the lives of young people in the fullness of their strength. A sudden, "
        "fierce fire spared no one, neither women nor men."
    ),
}

_NEWS_0828 = {
    "ky": (
        "Биз күч-кубаты толуп турган жаш адамдарыбыздан айрылдык. Күтүүсүздөн болгон өрт эч "
        "кимди: аялдарды да, эркектерди да аяган жок."
    ),
    "ru": (
        "Мы лишились наших молодых, полных сил людей. Внезапно случившийся пожар не пощадил "
        "никого: ни женщин, ни мужчин."
    ),
    "en": ("We have lost our young people, full of strength. The sudden fire spared no one, neither women nor men."),
}

ARTICLES = [
    {
        "slug": "2016-08-27-condolences",
        "published_at": datetime.datetime(2016, 8, 27, 12, 0),
        "category": "news",
        "title": {
            "ky": "Терең кайгырып, көңүл айтабыз",
            "ru": "Выражаем глубокие соболезнования",
            "en": "Our deepest condolences",
        },
        "lead": dict(_NEWS_0827),
        "body": dict(_EMPTY),
    },
    {
        "slug": "2016-08-28-condolences",
        "published_at": datetime.datetime(2016, 8, 28, 12, 0),
        "category": "news",
        "title": {
            "ky": "Бирге кайгырабыз",
            "ru": "Скорбим вместе",
            "en": "We grieve together",
        },
        "lead": dict(_NEWS_0828),
        "body": dict(_EMPTY),
    },
    # Announcements about the portal itself: only what the portal shows.
    {
        "slug": "portal-opens",
        "edition": None,
        "published_at": datetime.datetime(2026, 11, 2, 10, 0),
        "category": "announcement",
        "title": {
            "ky": "«Мекендештер» форумунун порталы ачылды",
            "ru": "Открылся портал форума «Мекендештер»",
            "en": "The Mekendeshter Forum's portal is open",
        },
        "lead": {
            "ky": (
                "Форумдун сайты кыргыз, орус жана англис тилдеринде иштейт: форумдар, алардын "
                "программалары жана жыйынтык документтери, жаңылыктар жана диаспора маалымдамасы."
            ),
            "ru": (
                "Сайт форума работает на кыргызском, русском и английском языках: форумы, их "
                "программы и итоговые документы, новости и справочник диаспоры."
            ),
            "en": (
                "The forum's site works in Kyrgyz, Russian and English: the forums, their programmes "
                "and outcome documents, news and the diaspora directory."
            ),
        },
        "body": dict(_EMPTY),
    },
    {
        "slug": "outcome-document-2016-online",
        "published_at": datetime.datetime(2026, 11, 4, 10, 0),
        "category": "announcement",
        "title": {
            "ky": "2016-жылкы форумдун жыйынтык документи порталда",
            "ru": "Итоговый документ форума 2016 года на портале",
            "en": "The outcome document of the 2016 Forum is on the portal",
        },
        "lead": {
            "ky": (
                "2016-жылдын 1–2-августунда Ош шаарында өткөн форумдун жыйынтыктарын жана анын он "
                "сегиз сунуштамасын порталдан окуса болот. Ар бир сунуштаманын өз шилтемеси бар."
            ),
            "ru": (
                "Итоги форума, прошедшего 1–2 августа 2016 года в Оше, и его восемнадцать "
                "рекомендаций можно прочитать на портале. У каждой рекомендации своя ссылка."
            ),
            "en": (
                "The results of the Forum held in Osh on 1–2 August 2016 and its eighteen "
                "recommendations can be read on the portal. Each recommendation has its own link."
            ),
        },
        "body": dict(_EMPTY),
    },
    {
        "slug": "programme-2016-online",
        "published_at": datetime.datetime(2026, 11, 6, 10, 0),
        "category": "announcement",
        "title": {
            "ky": "2016-жылкы форумдун программасы",
            "ru": "Программа форума 2016 года",
            "en": "The programme of the 2016 Forum",
        },
        "lead": {
            "ky": (
                "Ош шаарындагы форумдун жети пленардык жыйналышы убактысы жана кыскача "
                "мазмуну менен порталда жарыяланды. Программаны календарыңызга да кошсоңуз болот."
            ),
            "ru": (
                "Семь пленарных заседаний форума в Оше опубликованы на портале со временем и кратким "
                "описанием. Программу можно добавить и в свой календарь."
            ),
            "en": (
                "The seven plenary sessions of the Forum in Osh are published on the portal with "
                "their times and short descriptions. The programme can also be added to your calendar."
            ),
        },
        "body": dict(_EMPTY),
    },
    {
        "slug": "venue-2016-on-the-map",
        "published_at": datetime.datetime(2026, 11, 9, 10, 0),
        "category": "announcement",
        "title": {
            "ky": "Форум өткөн жер картада",
            "ru": "Место проведения форума на карте",
            "en": "The Forum's venue on the map",
        },
        "lead": {
            "ky": (
                "2016-жылкы форум өткөн Ош мамлекеттик университети (Ленин көчөсү, 331) картада "
                "көрсөтүлдү. Ошол эле бетте трансфер жана жайгашуу боюнча маалымат бар."
            ),
            "ru": (
                "Ошский государственный университет (ул. Ленина, 331), где прошёл форум 2016 года, "
                "показан на карте. На той же странице есть сведения о трансфере и размещении."
            ),
            "en": (
                "Osh State University (331 Lenin Street), where the 2016 Forum was held, is shown on "
                "the map. The same page has information on transfer and accommodation."
            ),
        },
        "body": dict(_EMPTY),
    },
    {
        "slug": "subscribe-to-news",
        "edition": None,
        "published_at": datetime.datetime(2026, 11, 12, 10, 0),
        "category": "announcement",
        "title": {
            "ky": "Жаңылыктарга жазылыңыз",
            "ru": "Подпишитесь на новости",
            "en": "Subscribe to the news",
        },
        "lead": {
            "ky": (
                "Жазылуу бетинде электрондук дарегиңизди калтырып, каттардын тилин жана темаларын "
                "тандаңыз: жаңылыктар, форум тууралуу кулактандыруулар. Жазылуу каттагы шилтеме "
                "аркылуу ырасталгандан кийин башталат. Ар бир катта жазылуудан баш тартуу шилтемеси бар."
            ),
            "ru": (
                "Оставьте свой адрес на странице подписки и выберите язык писем и темы: новости, "
                "объявления о форуме. Подписка начнется, когда вы подтвердите ее по ссылке из письма. "
                "В каждом письме есть ссылка, чтобы отписаться."
            ),
            "en": (
                "Leave your address on the subscription page and choose the language of the letters "
                "and the topics: news, forum announcements. The subscription starts once you confirm "
                "it with the link in the letter. Every letter has a link to unsubscribe."
            ),
        },
        "body": dict(_EMPTY),
    },
    {
        "slug": "contact-the-organizing-committee",
        "edition": None,
        "published_at": datetime.datetime(2026, 11, 16, 10, 0),
        "category": "announcement",
        "title": {
            "ky": "Уюштуруучу комитетке жазыңыз",
            "ru": "Напишите организационному комитету",
            "en": "Write to the Organizing Committee",
        },
        "lead": {
            "ky": (
                "Форум боюнча суроолоруңузду «Байланыш» бетинен жөнөтсөңүз болот. Уюштуруучу "
                "комитет сиз калтырган электрондук дарекке жооп берет."
            ),
            "ru": (
                "Вопросы о форуме можно отправить со страницы «Контакты». Организационный комитет "
                "ответит на адрес, который вы оставите."
            ),
            "en": (
                "Questions about the forum can be sent from the Contacts page. The Organizing "
                "Committee will answer at the address you leave."
            ),
        },
        "body": dict(_EMPTY),
    },
    # Written in Russian only, as staff may publish a text before it is translated: /ky/ and /en/
    # show it in Russian with the site's note "Available in Russian only".
    {
        "slug": "directory-add-your-association",
        "edition": None,
        "published_at": datetime.datetime(2026, 11, 18, 10, 0),
        "category": "announcement",
        "title": {
            "ky": "",
            "ru": "Как добавить своё объединение в справочник диаспоры",
            "en": "",
        },
        "lead": {
            "ky": "",
            "ru": (
                "Объединения кыргызстанцев за рубежом могут попасть в справочник портала: напишите "
                "организационному комитету название, страну и город объединения и как с ним связаться."
            ),
            "en": "",
        },
        "body": {
            "ky": "",
            "ru": (
                "<p>Справочник начинается с объединений: в разделе «Объединения и соотечественники» "
                "они идут перед людьми, а на карте отмечен город каждого из них. Чтобы добавить своё объединение, "
                "отправьте со страницы «Контакты» его название, страну, город, сайт или страницу в "
                "социальной сети и адрес для связи. Организационный комитет проверит сведения и "
                "добавит запись.</p>"
                "<p>Соотечественники могут добавить и себя: для этого есть страница «Моя запись в "
                "справочнике». Какие контакты видны и кому, каждый выбирает сам.</p>"
                "<p>Эта заметка — демонстрационная и опубликована только на русском языке: так "
                "портал показывает материал, который ещё не переведён.</p>"
            ),
            "en": "",
        },
    },
    {
        "slug": "fourth-forum-demo",
        "edition": "upcoming",
        "published_at": datetime.datetime(2026, 11, 20, 10, 0),
        "category": "announcement",
        "title": {
            "ky": "Төртүнчү форумга даярдык",
            "ru": "Подготовка к четвертому форуму",
            "en": "Preparing the Fourth Forum",
        },
        "lead": {
            "ky": (
                "Уюштуруучу комитет форумга даярдык иштерин баштады. Порталда азырынча ал "
                "каттоодон өтүүнү сынап көрүү үчүн гана түзүлгөн демонстрациялык форум катары көрсөтүлөт."
            ),
            "ru": (
                "Организационный комитет приступил к подготовке форума. Пока на портале он показан как "
                "демонстрационный форум, созданный только для того, чтобы опробовать регистрацию."
            ),
            "en": (
                "The Organizing Committee has begun preparations for the Forum. For now the portal "
                "shows it as a demonstration edition, created only so that registration can be tried out."
            ),
        },
        "body": dict(_EMPTY),
    },
]

# --- Programme of the 2016 Forum: the seven plenary sessions -------------------------------------

PROGRAMME_2016 = [
    {
        "day": datetime.date(2016, 8, 1),
        "start": datetime.time(10, 0),
        "end": datetime.time(11, 30),
        "kind": "plenary",
        "title": {
            "ky": "Улуттук өнүгүү стратегиясындагы диаспора",
            "ru": "Диаспора в национальной стратегии развития",
            "en": "The Diaspora in the National Development Strategy",
        },
        "description": {
            "ky": (
                "Диаспора маселелерин өнүктүрүүнүн элементи жана катализатору катары өлкөнү "
                "2030-жылга чейин өнүктүрүүнүн улуттук стратегияларына киргизүү. Өлкөдө бул "
                "багытта узак мөөнөттүү программа жок: бул компонент Кыргыз Республикасынын "
                "2017-жылга чейинки Улуттук өнүгүү стратегиясына кирген эмес."
            ),
            "ru": (
                "Включение вопросов диаспоры как элемента и катализатора развития в "
                "национальные стратегии развития страны до 2030 г. Долгосрочной программы в "
                "этой сфере в стране нет: этот компонент не вошел в Национальную стратегию "
                "развития Кыргызской Республики на период до 2017 г."
            ),
            "en": (
                "Including diaspora issues, as an element and catalyst of development, in the "
                "country's national development strategies up to 2030. The country has no "
                "long-term programme in this area: the component was not included in the National "
                "Development Strategy of the Kyrgyz Republic for the period up to 2017."
            ),
        },
    },
    {
        "day": datetime.date(2016, 8, 1),
        "start": datetime.time(12, 0),
        "end": datetime.time(13, 30),
        "kind": "plenary",
        "title": {
            "ky": "Инвестициялык жагдайды жакшыртуу: мекендештер үчүн жаңы мүмкүнчүлүктөр",
            "ru": "Улучшение инвестиционного климата: новые возможности для соотечественников",
            "en": "Improving the Investment Climate: New Opportunities for Compatriots",
        },
        "description": {
            "ky": (
                "Кыргыз Республикасында ишкерлик демилгелерди түзүү үчүн колдо болгон жагымдуу "
                "шарттар жана аларга чет өлкөлөрдө жашаган мекендештердин ичинен потенциалдуу "
                "инвесторлордун көңүлүн буруу. Өлкөнүн инвестициялык жагдайын жакшыртуу, анын "
                "кадыр-баркын жана инвестициялык потенциалын көтөрүү боюнча сунуштар."
            ),
            "ru": (
                "Благоприятные условия для создания предпринимательских инициатив в Кыргызской "
                "Республике и привлечение к ним внимания потенциальных инвесторов из числа "
                "соотечественников, проживающих за рубежом. Предложения по улучшению "
                "инвестиционного климата страны, повышению ее престижа и инвестиционного "
                "потенциала."
            ),
            "en": (
                "The favourable conditions for launching business initiatives in the Kyrgyz "
                "Republic and how to draw the attention of potential investors among "
                "compatriots living abroad to them. Proposals to improve the country's "
                "investment climate and to raise its prestige and investment potential."
            ),
        },
    },
    {
        "day": datetime.date(2016, 8, 1),
        "start": datetime.time(15, 0),
        "end": datetime.time(16, 30),
        "kind": "plenary",
        "title": {
            "ky": "Диаспора менен иштөө боюнча мамлекеттик саясат жана институттар",
            "ru": "Государственная политика и институты по работе с диаспорой",
            "en": "State Policy and Institutions for Work with the Diaspora",
        },
        "description": {
            "ky": (
                "Кыргыз Республикасынын Өкмөтүнө караштуу Чет өлкөлөрдөгү мекендештер менен "
                "байланыштар боюнча Кеңештин иши, диаспоралар менен иштөө боюнча милдеттерди "
                "мамлекеттик органдардын ортосунда бөлүштүрүү жана жооптуу ведомстволорду "
                "аныктоо. Бийликтин бүткүл вертикалынын кадрлары үчүн диаспора менен иштөө "
                "боюнча туруктуу тренингдер."
            ),
            "ru": (
                "Работа Совета по связям с соотечественниками за рубежом при Правительстве "
                "Кыргызской Республики, распределение задач по работе с диаспорами между "
                "государственными органами и определение ответственных ведомств. Регулярные "
                "тренинги по работе с диаспорой для кадров всей вертикали власти."
            ),
            "en": (
                "The work of the Council for Relations with Compatriots Abroad under the "
                "Government of the Kyrgyz Republic, the assignment of tasks for working with "
                "diasporas among state bodies and the designation of the agencies responsible. "
                "Regular training on work with the diaspora for staff at all levels of "
                "government."
            ),
        },
    },
    {
        "day": datetime.date(2016, 8, 1),
        "start": datetime.time(17, 0),
        "end": datetime.time(18, 30),
        "kind": "plenary",
        "title": {
            "ky": "Диаспоралык инвестициялар жана чогулуп акча топтоонун механизмдери",
            "ru": "Инвестиции диаспоры и механизмы краудфандинга",
            "en": "Diaspora Investment and Crowdfunding Mechanisms",
        },
        "description": {
            "ky": (
                "Диаспоралардын жардамы менен өлкөгө инвестицияларды тартуу демилгелерине "
                "мамлекеттик колдоо көрсөтүү, чогулуп акча топтоонун жана инвестициянын "
                "механизмдерин түзүү. Өлкөгө кайрымдуулук, соопчулук кылгысы келген "
                "мекендештерди колдоо."
            ),
            "ru": (
                "Государственная поддержка инициатив по привлечению инвестиций в страну с "
                "помощью диаспор, создание механизмов краудфандинга и инвестирования. Поддержка "
                "соотечественников, которые хотят заниматься благотворительностью и делать "
                "добрые дела для страны."
            ),
            "en": (
                "State support for initiatives to attract investment into the country with the "
                "help of diasporas, and the creation of crowdfunding and investment mechanisms. "
                "Support for compatriots who wish to do charitable and good works for the "
                "country."
            ),
        },
    },
    {
        "day": datetime.date(2016, 8, 2),
        "start": datetime.time(10, 0),
        "end": datetime.time(11, 30),
        "kind": "plenary",
        "title": {
            "ky": "Туризм жана региондор: Ош, Баткен, Жалал-Абад",
            "ru": "Туризм и регионы: Ош, Баткен, Джалал-Абад",
            "en": "Tourism and the Regions: Osh, Batken and Jalal-Abad",
        },
        "description": {
            "ky": (
                "Кыргызстандын региондорунун, анын ичинде Ош, Баткен жана Жалал-Абад "
                "областтарынын географиялык абалынын, тарыхый жана маданий байлыктарынын "
                "кайталангыстыгы. Мекендештер тарабынан туризмди жайылтуу жана уюштуруу "
                "программалары, анын ичинде мекендештердин жыйындарын жайлоодо этно- жана "
                "эко-лагерь түрүндө өткөрүү."
            ),
            "ru": (
                "Уникальность географического положения, исторического и культурного богатства "
                "регионов Кыргызстана, в том числе Ошской, Баткенской и Джалал-Абадской "
                "областей. Программы по популяризации и организации туризма силами "
                "соотечественников, в том числе встречи соотечественников на джайлоо в формате "
                "этно- и эколагерей."
            ),
            "en": (
                "The unique geographical position and the historical and cultural wealth of "
                "Kyrgyzstan's regions, including the Osh, Batken and Jalal-Abad regions. "
                "Programmes for the promotion and organization of tourism by compatriots, "
                "including gatherings of compatriots on the jailoo (summer pastures) in the "
                "form of ethno- and eco-camps."
            ),
        },
    },
    {
        "day": datetime.date(2016, 8, 2),
        "start": datetime.time(12, 0),
        "end": datetime.time(13, 30),
        "kind": "plenary",
        "title": {
            "ky": "Чет өлкөлөрдөгү кыргыз тили, маданият жана билим берүү",
            "ru": "Кыргызский язык, культура и образование за рубежом",
            "en": "The Kyrgyz Language, Culture and Education Abroad",
        },
        "description": {
            "ky": (
                "Кыргыз тилин үйрөнүү боюнча материалдар жана программалар, анын ичинде онлайн "
                "курстар, окуу материалдарын маданий борборлорго жана диаспоралык бирикмелерге "
                "таратуу. Улуттук, маданий жана тилдик айырмачылыктар боюнча программалар "
                "аркылуу диаспоралардын демилгелерин Өкмөт тарабынан колдоо."
            ),
            "ru": (
                "Материалы и программы по изучению кыргызского языка, в том числе онлайн-курсы, "
                "распространение учебных материалов среди культурных центров и диаспоральных "
                "объединений. Поддержка Правительством инициатив диаспор посредством программ, "
                "касающихся национальных, культурных и языковых различий."
            ),
            "en": (
                "Materials and programmes for learning the Kyrgyz language, including online "
                "courses, and the distribution of teaching materials to cultural centres and "
                "diaspora associations. Government support for diaspora initiatives through "
                "programmes on national, cultural and linguistic differences."
            ),
        },
    },
    {
        "day": datetime.date(2016, 8, 2),
        "start": datetime.time(15, 0),
        "end": datetime.time(16, 30),
        "kind": "plenary",
        "title": {
            "ky": "«Мекендештер» онлайн платформасы, ЖМК жана волонтердук ишмердик",
            "ru": "Онлайн-платформа «Мекендештер», СМИ и волонтерство",
            "en": "The Mekendeshter Online Platform, the Media and Volunteering",
        },
        "description": {
            "ky": (
                "Кыргызстандыктардын глобалдык онлайн аянтчасы катары www.mekendeshter.org "
                "интерактивдүү интернет-платформасын өнүктүрүү жана анда форумдун "
                "катышуучуларынын байланыш маалыматтарын чагылдыруу. Туруктуу рубрикалар жана "
                "көрсөтүүлөр аркылуу массалык маалымат каражаттарында диаспоралар жөнүндө "
                "чагылдырууну тереңдетүү, мекендештердин волонтердук ишмердигин колдоо."
            ),
            "ru": (
                "Развитие интерактивной интернет-платформы www.mekendeshter.org как глобальной "
                "онлайн-площадки кыргызстанцев и размещение на ней контактов участников форума. "
                "Углубление освещения темы диаспор в СМИ через постоянные рубрики и передачи, "
                "поддержка волонтерской деятельности соотечественников."
            ),
            "en": (
                "Developing the interactive online platform www.mekendeshter.org as a global "
                "online hub for Kyrgyzstanis and publishing the contact details of Forum "
                "participants on it. Deepening media coverage of diasporas through regular "
                "columns and programmes, and supporting the volunteer work of compatriots."
            ),
        },
    },
]

# --- Transfer and accommodation ------------------------------------------------------------------

VENUE_TRAVEL = {
    "transfer": {
        "ky": (
            "2016-жылы уюштуруучу комитет каттоодон өткөн катышуучулар үчүн Ош шаарынын "
            "аэропортунан жана темир жол вокзалынан форум өткөн жерге – Ош мамлекеттик "
            "университетине (Ленин көчөсү, 331) чейин трансфер уюштурган. Трансфер керек "
            "болгондор бул тууралуу каттоо формасында белгилешкен.\n\n"
            "Суроолоруңуз болсо, уюштуруучу комитетке кайрылыңыз: +996 312 66 35 38, "
            "mekendeshter@roza.kg."
        ),
        "ru": (
            "В 2016 году организационный комитет обеспечивал зарегистрированным участникам "
            "трансфер из аэропорта и с железнодорожного вокзала Оша к месту проведения форума — в "
            "Ошский государственный университет (ул. Ленина, 331). Кому был нужен трансфер, "
            "отмечали это в регистрационной форме.\n\n"
            "С вопросами обращайтесь в организационный комитет: +996 312 66 35 38, "
            "mekendeshter@roza.kg."
        ),
        "en": (
            "In 2016, the Organizing Committee provided registered participants with transfers "
            "from Osh airport and railway station to the Forum venue, Osh State University (331 "
            "Lenin Street). Those who needed a transfer said so in the registration form.\n\n"
            "If you have any questions, please contact the Organizing Committee: "
            "+996 312 66 35 38, mekendeshter@roza.kg."
        ),
    },
    "accommodation": {
        "ky": (
            "2016-жылы уюштуруучу комитет каттоодон өткөн катышуучуларга Ош шаарында жайгашууга "
            "жардам берген. Ал үчүн катышуучулар каттоодон өтүп жатканда келүү жана кетүү "
            "күндөрүн көрсөтүшкөн.\n\n"
            "Жайгашуу боюнча суроолоруңуз болсо, уюштуруучу комитетке кайрылыңыз: "
            "+996 312 66 35 38, mekendeshter@roza.kg."
        ),
        "ru": (
            "В 2016 году организационный комитет помогал зарегистрированным участникам с "
            "размещением в Оше. Для этого при регистрации участники указывали даты заезда и "
            "выезда.\n\n"
            "По вопросам размещения обращайтесь в организационный комитет: +996 312 66 35 38, "
            "mekendeshter@roza.kg."
        ),
        "en": (
            "In 2016, the Organizing Committee helped registered participants with accommodation "
            "in Osh. To receive this help, participants stated their check-in and check-out dates "
            "when they registered.\n\n"
            "If you have any questions about accommodation, please contact the Organizing "
            "Committee: +996 312 66 35 38, mekendeshter@roza.kg."
        ),
    },
}


# Diaspora associations: demonstration entries (invented names, real cities) that show how the
# directory looks with content; marked as demonstration data on the page.
_DEMO_NOTE = {
    "ky": "Демонстрациялык жазуу: бирикмелер тизмеси кандай көрүнөрүн көрсөтөт.",
    "ru": "Демонстрационная запись: показывает, как выглядит список объединений.",
    "en": "Demonstration entry: shows what the list of associations looks like.",
}


def _association(country, name, city, latitude, longitude):
    return {
        "country": country,
        "name": name,
        "city": city,
        "description": _DEMO_NOTE,
        "latitude": latitude,
        "longitude": longitude,
    }


ASSOCIATIONS = [
    _association(
        "RU",
        {
            "ky": "Москвадагы кыргызстандыктардын «Ата-Журт» бирикмеси",
            "ru": "Объединение кыргызстанцев «Ата-Журт» в Москве",
            "en": "Ata-Jurt Association of Kyrgyzstanis in Moscow",
        },
        {"ky": "Москва", "ru": "Москва", "en": "Moscow"},
        "55.755800",
        "37.617300",
    ),
    _association(
        "RU",
        {
            "ky": "Санкт-Петербургдагы «Ала-Тоо» мекендештер коому",
            "ru": "Общество соотечественников «Ала-Тоо» в Санкт-Петербурге",
            "en": "Ala-Too Society of Compatriots in Saint Petersburg",
        },
        {"ky": "Санкт-Петербург", "ru": "Санкт-Петербург", "en": "Saint Petersburg"},
        "59.934300",
        "30.335100",
    ),
    _association(
        "RU",
        {
            "ky": "Екатеринбургдагы «Манас» кыргыз маданий борбору",
            "ru": "Кыргызский культурный центр «Манас» в Екатеринбурге",
            "en": "Manas Kyrgyz Cultural Centre in Yekaterinburg",
        },
        {"ky": "Екатеринбург", "ru": "Екатеринбург", "en": "Yekaterinburg"},
        "56.838900",
        "60.605700",
    ),
    _association(
        "KZ",
        {
            "ky": "Алматыдагы «Достук» кыргыз диаспорасы",
            "ru": "Кыргызская диаспора «Достук» в Алматы",
            "en": "Dostuk Kyrgyz Diaspora in Almaty",
        },
        {"ky": "Алматы", "ru": "Алматы", "en": "Almaty"},
        "43.238900",
        "76.889700",
    ),
    _association(
        "TR",
        {
            "ky": "Стамбулдагы «Ынтымак» кыргызстандыктар бирикмеси",
            "ru": "Объединение кыргызстанцев «Ынтымак» в Стамбуле",
            "en": "Yntymak Association of Kyrgyzstanis in Istanbul",
        },
        {"ky": "Стамбул", "ru": "Стамбул", "en": "Istanbul"},
        "41.008200",
        "28.978400",
    ),
    _association(
        "KR",
        {
            "ky": "Сеулдагы «Бирдик» кыргыз жамааты",
            "ru": "Кыргызская община «Бирдик» в Сеуле",
            "en": "Birdik Kyrgyz Community in Seoul",
        },
        {"ky": "Сеул", "ru": "Сеул", "en": "Seoul"},
        "37.566500",
        "126.978000",
    ),
    _association(
        "US",
        {
            "ky": "Нью-Йорктогу «Тумар» кыргыз-америка коому",
            "ru": "Кыргызско-американское общество «Тумар» в Нью-Йорке",
            "en": "Tumar Kyrgyz-American Society in New York",
        },
        {"ky": "Нью-Йорк", "ru": "Нью-Йорк", "en": "New York"},
        "40.712800",
        "-74.006000",
    ),
    _association(
        "DE",
        {
            "ky": "Берлиндеги «Мекен» кыргыз-герман коому",
            "ru": "Кыргызско-германское общество «Мекен» в Берлине",
            "en": "Meken Kyrgyz-German Society in Berlin",
        },
        {"ky": "Берлин", "ru": "Берлин", "en": "Berlin"},
        "52.520000",
        "13.405000",
    ),
    _association(
        "GB",
        {
            "ky": "Лондондогу «Жибек Жолу» кыргыз коому",
            "ru": "Кыргызское общество «Жибек Жолу» в Лондоне",
            "en": "Jibek Jolu Kyrgyz Society in London",
        },
        {"ky": "Лондон", "ru": "Лондон", "en": "London"},
        "51.507400",
        "-0.127800",
    ),
]


# The privacy policy: staff edit it in the admin (Pages → "privacy"); this is its first version.
PRIVACY = {
    "title": {"ky": "Жеке маалыматтарды коргоо саясаты", "ru": "Политика конфиденциальности", "en": "Privacy policy"},
    "body": {
        "ky": "\n\n".join(
            (
                "Бул сайтты «Мекендештер» форумунун уюштуруу комитети жүргүзөт. Сиз берген маалыматтар"
                " форумду уюштуруу жана Сиз менен байланышуу үчүн гана колдонулат.",
                "Эмнени чогултабыз: форумга катталганда — аты-жөнүңүз, өлкөңүз, шаарыңыз, телефонуңуз,"
                " электрондук почтаңыз, келүү, мейманкана жана атайын шарттар тууралуу маалымат;"
                " маалымдамага кошулсаңыз — өзүңүз көрсөткөн маалыматтар; жазылсаңыз — почтаңыздын дареги.",
                "Аларды ким көрөт: уюштуруу комитети гана. Маалымдамадагы байланыштарыңызды ким көрөрүн өзүңүз"
                " тандайсыз. Маалыматтарыңызды сатпайбыз жана жарнама үчүн бербейбиз.",
                "Канча убакыт сакталат: каттоо маалыматтары форум өткөндөн кийин бир жыл сакталат."
                " Аккаунтуңузду каалаган убакта өчүрө аласыз, маалыматтарыңыздын көчүрмөсүн «Менин аккаунтум»"
                " бетинен жүктөп аласыз.",
                "Суроолоруңуз болсо, mekendeshter@roza.kg дарегине жазыңыз.",
            )
        ),
        "ru": "\n\n".join(
            (
                "Сайт ведёт организационный комитет форума «Мекендештер». Данные, которые вы сообщаете,"
                " используются только для подготовки форума и связи с вами.",
                "Что мы собираем: при регистрации на форум — имя и фамилию, страну, город, телефон, адрес"
                " электронной почты, сведения о приезде, гостинице и особых условиях; для справочника —"
                " сведения, которые вы указали сами; для подписки — адрес электронной почты.",
                "Кто их видит: только организационный комитет. Кому видны ваши контакты в справочнике, вы"
                " выбираете сами. Мы не продаём ваши данные и не передаём их для рекламы.",
                "Сколько они хранятся: данные регистрации хранятся год после форума. Вы можете в любое время"
                " удалить аккаунт и скачать копию своих данных на странице «Мой аккаунт».",
                "Вопросы пишите на mekendeshter@roza.kg.",
            )
        ),
        "en": "\n\n".join(
            (
                "This site is run by the Organizing Committee of the Mekendeshter Forum. The data you give us"
                " is used only to organize the forum and to contact you.",
                "What we collect: when you register for the forum, your name, country, city, phone, email"
                " address and details of your arrival, hotel and special needs; for the directory, what you"
                " enter yourself; for a subscription, your email address.",
                "Who sees it: the Organizing Committee only. You choose who sees your contacts in the"
                " directory. We do not sell your data or pass it on for advertising.",
                "How long we keep it: registration data for one year after the forum. You can delete your"
                " account at any time and download a copy of your data from “My account”.",
                "Questions: write to mekendeshter@roza.kg.",
            )
        ),
    },
}


# Participants of the past editions: demonstration registrations (invented people, each under an
# inactive account named demo-participant-NNNN that cannot sign in and has no directory entry), so
# that the statistics page compares the editions with plausible numbers: 2016 had 500+
# participants from 24 countries (its key figures); 2012 and 2014 are estimates.
PAST_PARTICIPANTS = {
    2012: {
        "RU": 98, "KZ": 36, "TR": 24, "KR": 15, "US": 14, "DE": 10, "GB": 7,
        "UZ": 6, "AE": 5, "CZ": 4, "IT": 3, "PL": 2, "CA": 2, "JP": 1,
    },
    2014: {
        "RU": 131, "KZ": 47, "TR": 35, "KR": 26, "US": 21, "DE": 16, "GB": 11, "AE": 9, "UZ": 9, "CZ": 7,
        "IT": 6, "PL": 5, "CA": 5, "JP": 4, "CN": 4, "FR": 3, "CH": 2, "SE": 2, "BE": 1,
    },
    2016: {
        "RU": 172, "KZ": 58, "TR": 46, "KR": 38, "US": 29, "DE": 22, "GB": 17, "AE": 15, "UZ": 13, "CZ": 11,
        "IT": 10, "PL": 9, "CA": 8, "JP": 8, "CN": 7, "FR": 6, "CH": 6, "AT": 5, "SE": 5, "BE": 4,
        "NL": 4, "FI": 3, "ES": 3, "AU": 3,
    },
}  # fmt: skip

PARTICIPANT_FIRST_NAMES = [
    "Азамат", "Бакыт", "Нурлан", "Эрлан", "Талант", "Улан", "Мирлан", "Айбек", "Канат", "Жыргалбек",
    "Тимур", "Бектур", "Эмил", "Медер", "Руслан", "Данияр", "Элдияр", "Нурсултан",
]  # fmt: skip
PARTICIPANT_FIRST_NAMES_FEMALE = [
    "Айгүл", "Гүлнара", "Жылдыз", "Назгүл", "Айжан", "Бермет", "Асел", "Динара", "Чолпон", "Айпери",
    "Мээрим", "Сезим", "Нургүл", "Айнура", "Жаңыл", "Каныкей",
]  # fmt: skip
PARTICIPANT_LAST_NAMES = [
    "Асанов", "Токтогулов", "Бакиров", "Осмонов", "Жумабеков", "Садыков", "Абдыкадыров", "Турдубаев",
    "Иманалиев", "Мамытов", "Сыдыков", "Алыбаев", "Эсенов", "Керимбеков", "Орозбеков", "Бейшеналиев",
    "Усенов", "Кадыров", "Сатыбалдиев", "Жээнбеков",
]  # fmt: skip

# Cities of residence, and the associations participants named (as they typed them; invented).
PARTICIPANT_PLACES = {
    "RU": (["Москва", "Санкт-Петербург", "Екатеринбург", "Новосибирск", "Казань"], [
        "Объединение кыргызстанцев «Ата-Журт» в Москве", "Общество соотечественников «Ала-Тоо» в Санкт-Петербурге",
        "Кыргызский культурный центр «Манас» в Екатеринбурге", "Землячество «Нарын» в Москве",
        "Ассоциация кыргызских студентов России", "Кыргызская диаспора Казани",
    ]),
    "KZ": (["Алматы", "Астана"], ["Кыргызская диаспора «Достук» в Алматы", "Культурный центр «Ала-Тоо» в Астане"]),
    "TR": (["Стамбул", "Анкара"], ["Объединение кыргызстанцев «Ынтымак» в Стамбуле", "Кыргызские студенты Анкары"]),
    "KR": (["Сеул", "Инчхон"], ["Кыргызская община «Бирдик» в Сеуле", "Кыргызская община Инчхона"]),
    "US": (["New York", "Chicago", "Washington"], ["Tumar Kyrgyz-American Society", "Kyrgyz Community of Chicago"]),
    "DE": (["Berlin", "München"], ["Кыргызско-германское общество «Мекен»", "Kirgisischer Kulturverein München"]),
    "GB": (["London"], ["Kyrgyz Society Jibek Jolu"]),
    "AE": (["Дубай"], ["Кыргызская община Дубая"]),
    "UZ": (["Ташкент", "Андижан"], ["Кыргызский культурный центр Ташкента"]),
    "CZ": (["Praha"], ["Kyrgyzská komunita v Praze"]),
    "IT": (["Napoli", "Roma"], ["Associazione dei kirghisi di Napoli"]),
    "PL": (["Warszawa"], ["Stowarzyszenie Kirgizów w Polsce"]),
    "CA": (["Toronto"], ["Kyrgyz Community of Toronto"]),
    "JP": (["Токио"], []),
    "CN": (["Урумчи", "Пекин"], []),
    "FR": (["Paris"], ["Association des Kirghizes de France"]),
    "CH": (["Genève"], []),
    "AT": (["Wien"], []),
    "SE": (["Stockholm"], []),
    "BE": (["Bruxelles"], []),
    "NL": (["Amsterdam"], []),
    "FI": (["Helsinki"], []),
    "ES": (["Madrid"], []),
    "AU": (["Sydney"], []),
}  # fmt: skip


# The 2016 album: pictures drawn by mekendeshter/demo/photos.py, captioned as demonstration images
# (there are no photographs of the forum in the repository).
DEMO_ALBUM = {
    "title": {
        "ky": "Демонстрациялык альбом",
        "ru": "Демонстрационный альбом",
        "en": "Demonstration album",
    },
    "description": {
        "ky": "Бул сүрөттөр сайтта тартылган демонстрациялык сүрөттөр: альбом кандай көрүнөрүн көрсөтөт.",
        "ru": "Это демонстрационные изображения, нарисованные для сайта: они показывают, как выглядит альбом.",
        "en": "These are demonstration images drawn for the site: they show what an album looks like.",
    },
    "captions": [
        {
            "ky": f"Демонстрациялык сүрөт {number}",
            "ru": f"Демонстрационное изображение {number}",
            "en": f"Demonstration image {number}",
        }
        for number in range(1, 5)
    ],
}
