"""Synthetic name, place and organisation pools for gen_corpus.py.

Invented combinations only: forenames and surnames are common ones of each
origin, drawn independently, so no generated person is a real one. Sources of
the spellings: ordinary UK usage (ONS baby-name and surname frequency lists),
the Welsh, Irish and Scottish Gaelic forms as written in those languages (with
their diacritics: Siobhán, Llŷr, NicLeòid), Polish and Romanian forms with
their diacritics and Polish gendered surnames (-ska/-ski), Ukrainian names in
the official 2010 Latin transliteration, Yoruba/Igbo/Akan, Somali and
Caribbean names as commonly written in the UK.
"""

FEMALE = {
    "english": ["Sarah", "Emma", "Charlotte", "Jessica", "Hannah", "Lauren", "Amy", "Rebecca",
                "Gemma", "Kirsty", "Leanne", "Stacey", "Donna", "Tracey", "Joanne", "Michelle",
                "Deborah", "Elizabeth", "Margaret", "Chloe", "Megan", "Holly", "Jade", "Kayleigh",
                "Dawn", "Faith", "Natalie", "Nicola", "Kelly", "Samantha", "Victoria", "Louise"],
    "welsh": ["Rhiannon", "Cerys", "Ffion", "Angharad", "Bethan", "Sioned", "Gwenllian", "Nia",
              "Seren", "Eleri", "Catrin", "Lowri", "Mali", "Carys", "Heledd", "Elin"],
    "irish": ["Siobhán", "Aoife", "Niamh", "Saoirse", "Caoimhe", "Róisín", "Gráinne", "Orla",
              "Clodagh", "Sinéad", "Aisling", "Bríd", "Éabha", "Máiréad"],
    "gaelic": ["Eilidh", "Mairead", "Catriona", "Morag", "Ishbel", "Kirsteen", "Seonaid",
               "Mhairi", "Ailsa", "Shona", "Peigi", "Ciorstaidh"],
    "south_asian": ["Priya", "Aisha", "Fatima", "Harpreet", "Simran", "Nusrat", "Shabana",
                    "Ayesha", "Rukhsana", "Anjali", "Sunita", "Parveen", "Nazia", "Zainab",
                    "Mehreen", "Sadia", "Gurpreet", "Kiran", "Tahira", "Rubina"],
    "polish": ["Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Magdalena", "Aleksandra",
               "Ewa", "Zofia", "Monika", "Justyna", "Dorota", "Łucja", "Beata", "Paulina"],
    "romanian": ["Ioana", "Andreea", "Elena", "Mihaela", "Alexandra", "Georgiana", "Roxana",
                 "Florentina", "Larisa", "Ramona", "Bianca", "Loredana", "Ștefania"],
    "ukrainian": ["Oksana", "Olena", "Iryna", "Nataliia", "Tetiana", "Yuliia", "Kateryna",
                  "Halyna", "Svitlana", "Viktoriia", "Anastasiia", "Mariia"],
    "west_african": ["Chiamaka", "Ngozi", "Adaeze", "Folasade", "Abena", "Akosua", "Efua",
                     "Yetunde", "Funmilayo", "Chidinma", "Nneka", "Blessing", "Precious",
                     "Temitope", "Adwoa"],
    "somali": ["Hodan", "Faadumo", "Sahra", "Amina", "Hawa", "Ifrah", "Ayaan", "Nimco", "Ubah",
               "Sagal", "Khadra", "Deeqa", "Hibo", "Muna"],
    "caribbean": ["Marcia", "Shanice", "Tanisha", "Simone", "Keisha", "Paulette", "Sonia",
                  "Jacqueline", "Beverley", "Charmaine", "Yvonne", "Claudette", "Janelle"],
}

MALE = {
    "english": ["Darren", "Craig", "Lee", "Wayne", "Daniel", "Michael", "Paul", "Mark", "Jamie",
                "Ryan", "Liam", "Kyle", "Dean", "Scott", "Stephen", "Gary", "Carl", "Jason",
                "Shane", "Connor", "Jack", "Thomas", "Robert", "Anthony", "Kevin", "Richard"],
    "welsh": ["Rhys", "Dafydd", "Gethin", "Iwan", "Owain", "Emyr", "Gareth", "Aled", "Llŷr",
              "Cai", "Ieuan", "Dylan", "Geraint", "Huw"],
    "irish": ["Seán", "Pádraig", "Cian", "Oisín", "Ciarán", "Eoin", "Darragh", "Dónal",
              "Ruairí", "Tadhg", "Diarmuid", "Colm"],
    "gaelic": ["Ruaridh", "Calum", "Alasdair", "Iain", "Murdo", "Dòmhnall", "Euan", "Lachlan",
               "Hamish", "Torquil", "Coinneach"],
    "south_asian": ["Mohammed", "Imran", "Asif", "Tariq", "Rajesh", "Sanjay", "Harjit",
                    "Gurdeep", "Amir", "Bilal", "Kamran", "Faisal", "Jaswinder", "Arjun",
                    "Vikram", "Zubair"],
    "polish": ["Łukasz", "Tomasz", "Piotr", "Krzysztof", "Paweł", "Marcin", "Michał",
               "Grzegorz", "Wojciech", "Jakub", "Kamil", "Dariusz"],
    "romanian": ["Ionuț", "Andrei", "Mihai", "Florin", "Bogdan", "Cătălin", "Marius", "Ștefan",
                 "Adrian", "Vasile", "Cristian", "Gheorghiță"],
    "ukrainian": ["Oleksandr", "Andrii", "Dmytro", "Serhii", "Vasyl", "Yurii", "Mykola",
                  "Taras", "Bohdan", "Volodymyr", "Oleh", "Ihor"],
    "west_african": ["Kwame", "Kofi", "Chukwuemeka", "Emeka", "Babatunde", "Adebayo", "Femi",
                     "Kwabena", "Yaw", "Obinna", "Tunde", "Segun", "Ikenna", "Oluwaseun"],
    "somali": ["Abdirahman", "Abdullahi", "Hassan", "Ahmed", "Liban", "Mahad", "Yusuf",
               "Guled", "Bashir", "Omar", "Abdiwali", "Sharmarke"],
    "caribbean": ["Delroy", "Winston", "Leroy", "Errol", "Clive", "Marlon", "Devon", "Tyrone",
                  "Everton", "Carlton", "Desmond", "Lloyd"],
}

# Surnames; (female, male) pairs where the language genders them.
SURNAMES = {
    "english": ["Smith", "Taylor", "Wilson", "Thompson", "Robinson", "Wright", "Hughes", "Hall",
                "Clarke", "Harrison", "Atkinson", "Pearson", "Dobson", "Sutcliffe", "Fenwick"],
    # English surnames that are also English words: the over-redaction trap.
    "word": ["Green", "Young", "May", "Hope", "Rose", "Worker", "Bird", "King", "Brown",
             "Walker", "Marsh", "White", "Wood", "Hill", "Moss", "Fox", "Stone", "Hunt",
             "Banks", "Little", "Best", "Sharp", "Waters", "Swift", "Field", "Cook"],
    "welsh": ["Jones", "Williams", "Davies", "Evans", "Lewis", "Morgan", "Griffiths",
              "Pritchard", "Llewellyn", "Pugh", "Powell", "Bowen", "Vaughan", "Parry",
              "Prosser", "ap Rhys"],
    "irish": ["O'Brien", "Murphy", "Kelly", "Byrne", "O'Neill", "McCarthy", "Doherty",
              "Gallagher", "Flanagan", "Ó Súilleabháin", "Ní Bhriain", "Mac Giolla Bhríde",
              "Ó Ceallaigh", "Nic Aodha"],
    "gaelic": ["MacLeod", "MacDonald", "Morrison", "MacKenzie", "MacIver", "Matheson",
               "MacNeil", "Maclean", "NicLeòid", "MacAulay", "Nicolson", "Mhic Dhòmhnaill"],
    "south_asian": ["Patel", "Khan", "Ahmed", "Hussain", "Begum", "Iqbal", "Sharma", "Singh",
                    "Kaur", "Sandhu", "Gill", "Chaudhry", "Akhtar", "Mahmood", "Rahman",
                    "Mistry", "Desai", "Bhatti", "Dhillon", "Qureshi"],
    "polish": [("Kowalska", "Kowalski"), ("Wiśniewska", "Wiśniewski"), "Nowak", "Wójcik",
               ("Kamińska", "Kamiński"), ("Lewandowska", "Lewandowski"),
               ("Zielińska", "Zieliński"), ("Szymańska", "Szymański"), "Woźniak",
               ("Dąbrowska", "Dąbrowski"), ("Kozłowska", "Kozłowski"), "Mazur", "Krawczyk"],
    "romanian": ["Popescu", "Ionescu", "Popa", "Dumitru", "Stoica", "Gheorghe", "Munteanu",
                 "Constantin", "Rusu", "Matei", "Lungu", "Ciobanu", "Moldovan", "Țurcanu"],
    "ukrainian": ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk",
                  "Boiko", "Oliinyk", "Lysenko", "Marchenko", "Savchenko", "Rudenko"],
    "west_african": ["Okafor", "Adeyemi", "Mensah", "Boateng", "Owusu", "Asante", "Okonkwo",
                     "Nwosu", "Oyelaran", "Eze", "Ogunleye", "Acheampong", "Danso", "Afolabi"],
    "somali": ["Warsame", "Abdi", "Farah", "Mohamed", "Jama", "Osman", "Aden", "Egal", "Hersi",
               "Duale", "Ismail", "Yusuf"],
    "caribbean": ["Campbell", "Francis", "Grant", "Reid", "Bailey", "Henry", "Spence",
                  "McKenzie", "Forbes", "Barrett", "Lindo", "Gayle"],
}

# Short forms people are called by (forename -> nicknames).
NICK = {
    "Elizabeth": ["Liz", "Beth", "Lizzie"], "Margaret": ["Maggie", "Peggy"],
    "Rebecca": ["Becky", "Becks"], "Deborah": ["Debbie", "Dee", "Debs"],
    "Samantha": ["Sam", "Sammy"], "Victoria": ["Vicky", "Tori"], "Nicola": ["Nicky"],
    "Jessica": ["Jess"], "Charlotte": ["Charlie", "Lottie"], "Katarzyna": ["Kasia", "Kasia"],
    "Małgorzata": ["Gosia"], "Aleksandra": ["Ola"], "Magdalena": ["Magda"],
    "Agnieszka": ["Aga"], "Rhiannon": ["Rhi"], "Siobhán": ["Shiv"], "Gwenllian": ["Gwen"],
    "Angharad": ["Ang"], "Catriona": ["Cat"], "Oluwaseun": ["Seun"], "Folasade": ["Sade"],
    "Funmilayo": ["Funmi"], "Chiamaka": ["Amaka"], "Temitope": ["Tope"],
    "Oleksandr": ["Sasha"], "Kateryna": ["Katia"], "Anastasiia": ["Nastia"],
    "Daniel": ["Danny", "Dan"], "Michael": ["Mick", "Mikey"], "Darren": ["Daz", "Dazza"],
    "Anthony": ["Tony", "Ant"], "Richard": ["Rich", "Dick"], "Robert": ["Rob", "Bob"],
    "Stephen": ["Steve", "Stevie"], "Thomas": ["Tom", "Tommy"], "Mohammed": ["Mo"],
    "Babatunde": ["Tunde"], "Chukwuemeka": ["Emeka"], "Krzysztof": ["Krzys"],
    "Grzegorz": ["Grzesiek"], "Alasdair": ["Ally"], "Kevin": ["Kev"], "Jason": ["Jay"],
    "Wayne": ["Wayno"], "Abdirahman": ["Abdi"], "Volodymyr": ["Volodia"], "Jacqueline": ["Jackie"],
    "Beverley": ["Bev"], "Paulette": ["Paula"], "Gareth": ["Gaz"], "Dafydd": ["Dai"],
}

# Bare nicknames people are known by, with no forename behind them.
STREET_NICK = ["Tiny", "Spider", "Chunk", "Smudge", "Skinny", "Bubbles", "Tank", "Wolfie",
               "Dee", "Jonno", "Macca", "Sully", "Ginger", "Scouse", "Taff", "Paddy Boy"]

CHILD_F = ["Maisie", "Lily", "Ava", "Isla", "Poppy", "Amelia", "Freya", "Evie", "Aaliyah",
           "Zara", "Hana", "Nadia", "Zuzanna", "Maja", "Anastasia", "Sofiia", "Ifeoma",
           "Ayomide", "Nasra", "Sumaya", "Ffion", "Megan", "Aoibhinn", "Ciara", "Eilidh",
           "Amara", "Kezia", "Tia", "Skye", "Darcey", "Mia", "Ruby"]
CHILD_M = ["Alfie", "Harry", "Oliver", "Charlie", "Noah", "Riley", "Mason", "Tyler", "Ayaan",
           "Zayn", "Ibrahim", "Kacper", "Szymon", "Matei", "Artem", "Tobi", "Kojo", "Ayub",
           "Macsen", "Osian", "Fionn", "Cillian", "Ruairidh", "Kai", "Jayden", "Reuben",
           "Theo", "Leo", "Archie", "Jaxon"]

TOWNS = ["Grimsby", "Cleethorpes", "Scunthorpe", "Middlesbrough", "Hartlepool", "Redcar",
         "Stockton-on-Tees", "Darlington", "Hull", "Doncaster", "Rotherham", "Barnsley",
         "Wigan", "Bolton", "Oldham", "Rochdale", "Bradford", "Halifax", "Huddersfield",
         "Cardiff", "Swansea", "Wrexham", "Pontypridd", "Merthyr Tydfil", "Bangor",
         "Aberystwyth", "Llanelli", "Derry", "Newry", "Omagh", "Inverness", "Stornoway",
         "Fort William", "Paisley", "Motherwell", "Leicester", "Luton", "Slough",
         "Peterborough", "Walsall", "Wolverhampton", "Sunderland", "Gateshead", "Blackburn",
         "Burnley", "Preston", "Lincoln", "Boston", "Skegness", "Great Yarmouth", "Lowestoft"]

STREET_FIRST = ["Windsor", "Grange", "Cliff", "Elm", "Oak", "Station", "Church", "Mill",
                "Victoria", "Albert", "Meadow", "Orchard", "Chapel", "Bridge", "Hollybush",
                "Beech", "Ash", "Willow", "Cedar", "Hawthorn", "Laburnum", "Heather", "Clifton",
                "Granville", "Stanley", "Marlborough", "Cavendish", "Westbourne", "Seaview",
                "Harbour", "Coronation", "Jubilee", "Rectory", "Vicarage", "Tudor", "Lime",
                "Hazel", "Sycamore", "Rowan", "Freeman", "Pasture", "Ladysmith", "Gardner",
                "Carr", "Weelsby", "Bargate", "Thornbury", "Kestrel", "Heron", "Skylark",
                "Brackenhill", "Foxglove", "Primrose", "Bluebell", "Larkspur", "Cromwell",
                "Nelson", "Wellington", "Blenheim", "Balmoral", "Sandringham", "Dunstan"]
STREET_TYPE = [("Road", "Rd"), ("Street", "St"), ("Avenue", "Ave"), ("Lane", "Ln"),
               ("Close", "Cl"), ("Court", "Ct"), ("Crescent", "Cres"), ("Drive", "Dr"),
               ("Way", "Way"), ("Walk", "Wlk"), ("Grove", "Gr"), ("Gardens", "Gdns"),
               ("Terrace", "Terr"), ("Row", "Row"), ("Mews", "Mews"), ("Place", "Pl"),
               ("Square", "Sq"), ("View", "Vw")]
WELSH_STREETS = ["Heol y Parc", "Stryd Fawr", "Ffordd Penrhos", "Heol Eglwys", "Lôn Las",
                 "Ffordd y Môr", "Heol Gelli", "Maes y Dderwen"]
BUILDINGS = ["Beech House", "Kestrel Court", "Harbour View", "Wesley Court", "Trinity Heights",
             "Phoenix House", "Riverside Court", "Maple Lodge", "Ashdown House",
             "Lindisfarne Court", "Bishop's Court", "Millennium Heights"]
HOUSE_NAMES = ["Rose Cottage", "The Willows", "Ivy Lodge", "Tŷ Gwyn", "Glenview",
               "Hillcrest", "The Old Forge", "Bramble Cottage"]
POSTCODE_AREAS = ["TS", "DN", "HU", "CF", "SA", "LL", "BT", "IV", "LE", "BD", "LU", "SL",
                  "PE", "M", "B", "L", "S", "NE", "LS", "HG", "YO", "G", "EH", "AB", "WF",
                  "HX", "PR", "BB", "SR", "DL", "LN", "NR"]

SAINTS = ["Bede", "Mary", "Joseph", "Patrick", "Aidan", "Cuthbert", "Hilda", "Margaret",
          "David", "Teilo", "Columba", "Anne", "Peter", "Oswald", "Wilfrid", "Chad"]
SCHOOL_FORMS = ["{x} Primary School", "{x} Primary", "{x} Infant School", "{x} Junior School",
                "{x} Academy", "{x} Nursery", "{x} C of E Primary", "{x} Community Primary School",
                "St {s}'s RC Primary School", "St {s}'s C of E Primary", "St {s}'s Catholic Academy",
                "{x} High School", "{x} Ormiston Academy", "Ysgol {w}", "Ysgol Gymraeg {w}",
                "Little Acorns Nursery", "Busy Bees Nursery ({x})", "{x} Children's Centre nursery",
                "Bun-sgoil {g}", "Gaelscoil {i}"]
SCHOOL_X = ["Ormesby", "Weelsby", "Reynolds", "Welholme", "Middlethorpe", "Fairfield",
            "Thrunscoe", "Beacon Hill", "Springfield", "Hillside", "Oakwood", "Brambles",
            "Laceby Acres", "Humberston Park", "Edward Heneage", "Macaulay", "Strand",
            "Stallingborough", "Priory", "Coldstream", "Highfield", "Ravensworth"]
WELSH_SCHOOL = ["Bro Morgannwg", "Pen y Garth", "Llwyncelyn", "Bryn Onnen", "Gwaelod y Garth",
                "Treganna", "Pencae", "Y Wern"]
GAELIC_SCHOOL = ["Ghàidhlig Inbhir Nis", "Sgoil Lionacleit", "Bhalaigh"]
IRISH_SCHOOL = ["Éanna", "an Lonnáin", "Ó Doire", "na Daróige"]

GP_FORMS = ["{x} Surgery", "{x} Medical Centre", "{x} Health Centre", "The {x} Practice",
            "{x} Medical Practice", "Dr {s} and Partners", "{x} Family Practice",
            "{x} Group Practice", "{x} Road Surgery", "{x} Healthcare"]
GP_X = ["Riverside", "Parkside", "Roxton", "Quayside", "Fieldhouse", "Beacon", "Clee",
        "Littlecoates", "Woodford", "Springbank", "Orchard", "Ashby", "Bradley", "Scartho",
        "Pelham", "Marina", "Elms", "Hawthorn", "Castle", "Abbey"]

WORKPLACES = ["the Tesco Extra on {st}", "Asda in {town}", "the Co-op on {st}",
              "{x} Care Home", "the Amazon warehouse at {town}", "Greggs on {st}",
              "{sur} & Sons Builders", "the {x} Hotel", "B&M in {town}", "{x} Nursing Home",
              "the chippy on {st}", "Sainsbury's at {town}", "the {x} Arms",
              "{x} Packaging Ltd", "the call centre at {x} Business Park",
              "Young's Seafood in {town}", "the hospital laundry at {x}",
              "{sur}'s Salon on {st}", "the nail bar on {st}", "Lidl on {st}"]

CAR_MAKES = ["Vauxhall Corsa", "Ford Fiesta", "Ford Focus", "VW Golf", "BMW 1 Series",
             "Audi A3", "Nissan Qashqai", "Peugeot 208", "Citroën C3", "Transit van",
             "Kia Sportage", "Toyota Yaris", "Seat Leon", "Mercedes Sprinter"]
COLOURS = ["silver", "black", "white", "grey", "blue", "red"]

AGENCIES_KEEP = ["Children's Social Care", "MASH", "the IDVA service", "CGL", "Women's Aid",
                 "Early Help", "CAMHS", "NSPCC", "Adult Social Care", "the Probation Service",
                 "Housing Options", "Victim Support", "Change Grow Live", "We Are With You",
                 "the Police", "Humberside Police", "the health visiting team", "Social Care",
                 "the MARAC", "Safer Lives", "the DA team", "the Freedom Programme",
                 "Turning Point", "the 0-19 service", "MASH Health", "the Front Door",
                 "IOM", "the Sanctuary scheme", "Citizens Advice", "Shelter"]

LEGISLATION = ["s40(2)", "Section 47", "s47", "Clare's Law", "Children Act 1989 s17",
               "DVPN", "DVPO", "Section 17", "s.47", "Protection from Harassment Act 1997",
               "s76 Serious Crime Act 2015", "Sch 1 para 18", "Section 20",
               "non-molestation order", "occupation order", "Care Act 2014 s42",
               "Section 42", "Part IV Family Law Act 1996", "DVDS", "s39 assault",
               "s47 ABH", "Section 136", "Mental Health Act s2", "FOIA s38", "s115 CDA 1998",
               "Article 8", "Sch 8 para 4", "PACE s24", "Right to Know", "Right to Ask"]

