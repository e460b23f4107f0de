using System.Globalization;
using System.Text;

namespace Concord.EndToEnd;

/// <summary>
/// Deterministic, realistic vCard 3.0 contacts (RFC 2426): N, FN, ORG, one or two TEL, EMAIL, NOTE, and for some
/// TITLE, ADR and BDAY, with names, streets and numbers from a dozen countries (non-ASCII included). The same seed
/// gives the same contacts, and the first n of a larger set are the n of a smaller one.
/// </summary>
internal sealed class ContactGenerator(int seed)
{
    /// <summary>Every contact whose index is a multiple of this is changed in the two-way round (1%).</summary>
    public const int ChangeEvery = 100;

    private sealed record Country(
        string Name,
        string CallingCode,
        string Domain,
        string[] FirstNames,
        string[] LastNames,
        (string City, string Region, string Postal, string AreaCode)[] Cities,
        string[] Streets);

    private static readonly Country[] Countries =
    [
        new("Germany", "49", "example.de",
            ["Anna", "Lukas", "Sophie", "Jonas", "Marie", "Felix", "Lena", "Maximilian", "Jürgen", "Käthe", "Paul",
             "Emilia", "Leon", "Hannah", "Finn", "Mia", "Elias", "Lea", "Noah", "Clara", "Ben", "Johanna", "Moritz",
             "Greta"],
            ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schäfer", "Groß",
             "Hoffmann", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
             "Braun", "Krüger", "Hofmann", "Hartmann"],
            [("Berlin", "", "10115", "30"), ("München", "Bayern", "80331", "89"), ("Hamburg", "", "20095", "40")],
            ["Hauptstraße", "Schillerstraße", "Goethestraße", "Bahnhofstraße", "Lindenallee"]),
        new("France", "33", "example.fr",
            ["Léa", "Hugo", "Chloé", "Louis", "Camille", "Théo", "Manon", "Gabriel", "Inès", "Raphaël", "Jade",
             "Arthur", "Louise", "Jules", "Alice", "Adam", "Lina", "Nathan", "Zoé", "Mathis", "Élise", "Lucas",
             "Margaux", "Antoine"],
            ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Lefèvre", "Moreau",
             "Laurent", "Simon", "Michel", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
             "Roussel", "Nicolas", "Perrin", "Mercier"],
            [("Paris", "", "75002", "1"), ("Lyon", "", "69002", "4"), ("Marseille", "", "13001", "4")],
            ["rue de la Paix", "avenue Victor Hugo", "boulevard Voltaire", "rue du Faubourg Saint-Denis"]),
        new("Spain", "34", "example.es",
            ["Lucía", "Mateo", "Sofía", "Hugo", "Martina", "Leo", "Paula", "Daniel", "Álvaro", "Nerea", "Pablo",
             "Valeria", "Alejandro", "Carmen", "Javier", "Elena", "Manuel", "Irene", "Diego", "Marta", "Sergio",
             "Laura", "Adrián", "Julia"],
            ["García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
             "Núñez", "Díaz", "Moreno", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez",
             "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano"],
            [("Madrid", "Madrid", "28013", "91"), ("Barcelona", "Cataluña", "08002", "93"), ("Sevilla", "Andalucía", "41004", "95")],
            ["Calle Mayor", "Gran Vía", "Paseo de la Castellana", "Calle de Alcalá"]),
        new("Italy", "39", "example.it",
            ["Giulia", "Lorenzo", "Aurora", "Leonardo", "Sofia", "Francesco", "Ginevra", "Alessandro", "Niccolò",
             "Beatrice", "Mattia", "Alice", "Tommaso", "Chiara", "Riccardo", "Martina", "Edoardo", "Giorgia",
             "Gabriele", "Emma", "Andrea", "Greta", "Matteo", "Vittoria"],
            ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "D'Angelo",
             "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi",
             "Moretti", "Barbieri", "Fontana", "Santoro"],
            [("Roma", "RM", "00184", "06"), ("Milano", "MI", "20121", "02"), ("Torino", "TO", "10121", "011")],
            ["Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II", "Via dei Mille"]),
        new("Poland", "48", "example.pl",
            ["Zofia", "Jakub", "Oliwia", "Antoni", "Maja", "Jan", "Hanna", "Szymon", "Łucja", "Wojciech", "Julia",
             "Filip", "Amelia", "Kacper", "Alicja", "Michał", "Natalia", "Mateusz", "Wiktoria", "Bartosz",
             "Agnieszka", "Piotr", "Katarzyna", "Tomasz"],
            ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
             "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk",
             "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski", "Michalski", "Adamczyk", "Dudek", "Zając"],
            [("Warszawa", "mazowieckie", "00-001", "22"), ("Kraków", "małopolskie", "30-001", "12")],
            ["ul. Marszałkowska", "ul. Floriańska", "al. Jerozolimskie", "ul. Piotrkowska"]),
        new("Denmark", "45", "example.dk",
            ["Søren", "Ida", "Mads", "Freja", "Rasmus", "Astrid", "Mikkel", "Signe", "Frederik", "Emma", "Magnus",
             "Clara", "Oliver", "Laura", "Emil", "Karla", "Anders", "Mette", "Jesper", "Louise"],
            ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Sørensen", "Rasmussen",
             "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller",
             "Mortensen", "Knudsen", "Jakobsen"],
            [("København", "", "1050", ""), ("Aarhus", "", "8000", "")],
            ["Østergade", "Nørregade", "Vesterbrogade", "Strøget"]),
        new("Sweden", "46", "example.se",
            ["Björn", "Ingrid", "Erik", "Astrid", "Lars", "Elsa", "Oskar", "Maja", "Axel", "Alice", "Hugo", "Wilma",
             "Nils", "Ebba", "Gustav", "Saga", "Karl", "Linnéa", "Olof", "Sigrid"],
            ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Öberg", "Åkesson", "Olsson",
             "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
             "Jönsson", "Lindberg", "Lindström"],
            [("Stockholm", "", "111 52", "8"), ("Göteborg", "", "411 05", "31")],
            ["Drottninggatan", "Kungsgatan", "Storgatan", "Vasagatan"]),
        new("United Kingdom", "44", "example.co.uk",
            ["Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Emily", "Siobhán", "Arthur", "Freya",
             "Thomas", "Poppy", "Charlie", "Grace", "Alfie", "Evie", "Oscar", "Florence", "William", "Rhys", "Niamh",
             "Callum", "Eilidh"],
            ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "O'Brien", "Murphy", "Evans", "Davies",
             "Thomas", "Roberts", "Johnson", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards",
             "Green", "Hall", "Wood", "Harris"],
            [("London", "", "EC1A 1BB", "20"), ("Manchester", "", "M1 1AE", "161"), ("Edinburgh", "", "EH1 1YZ", "131")],
            ["High Street", "Station Road", "Church Lane", "Victoria Road"]),
        new("United States", "1", "example.com",
            ["Liam", "Olivia", "Noah", "Emma", "James", "Charlotte", "Benjamin", "Mia", "Elijah", "Harper", "Lucas",
             "Evelyn", "Henry", "Abigail", "Alexander", "Emily", "Michael", "Ella", "Daniel", "Scarlett", "Jackson",
             "Madison", "Sebastian", "Aria"],
            ["Johnson", "Williams", "Miller", "Davis", "Wilson", "Anderson", "Thomas", "Jackson", "White", "Harris",
             "Martin", "Thompson", "Garcia", "Martinez", "Robinson", "Clark", "Rodriguez", "Lewis", "Lee", "Walker",
             "Hall", "Allen", "Young", "Hernandez"],
            [("New York", "NY", "10001", "212"), ("San Francisco", "CA", "94103", "415"), ("Austin", "TX", "78701", "512")],
            ["Main Street", "Oak Avenue", "Maple Drive", "Broadway", "Market Street"]),
        new("Japan", "81", "example.jp",
            ["Hiroshi", "Yuki", "Haruto", "Yui", "Sōta", "Aoi", "Ren", "Hina", "Takumi", "Sakura", "Kaito", "Mio",
             "Riku", "Rin", "Daiki", "Akari", "Kenji", "Emi", "Shun", "Nanami"],
            ["Tanaka", "Suzuki", "Satō", "Takahashi", "Watanabe", "Itō", "Yamamoto", "Nakamura", "Kobayashi", "Katō",
             "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu",
             "Saitō"],
            [("Tōkyō", "Tōkyō-to", "100-0005", "3"), ("Ōsaka", "Ōsaka-fu", "530-0001", "6")],
            ["Chiyoda 1-1", "Umeda 2-4", "Shibuya 3-21", "Ginza 4-6"]),
        new("India", "91", "example.in",
            ["Priya", "Arjun", "Ananya", "Rohan", "Diya", "Vihaan", "Isha", "Aditya", "Kavya", "Rahul", "Sneha",
             "Vikram", "Pooja", "Karan", "Neha", "Sanjay", "Meera", "Amit", "Lakshmi", "Ravi"],
            ["Patel", "Sharma", "Singh", "Kumar", "Gupta", "Iyer", "Reddy", "Nair", "Mehta", "Joshi", "Rao", "Desai",
             "Shah", "Verma", "Menon", "Pillai", "Chopra", "Bose", "Das", "Mukherjee"],
            [("Mumbai", "Maharashtra", "400001", "22"), ("Bengaluru", "Karnataka", "560001", "80")],
            ["MG Road", "Linking Road", "Brigade Road", "Nehru Place"]),
        new("Türkiye", "90", "example.com.tr",
            ["Ayşe", "Mehmet", "Zeynep", "Mustafa", "Elif", "Emir", "Çağla", "Özgür", "Ahmet", "Fatma", "Yusuf",
             "Merve", "Burak", "Esra", "Emre", "Büşra", "Can", "Selin", "Kerem", "Deniz"],
            ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan",
             "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat"],
            [("İstanbul", "", "34000", "212"), ("Ankara", "", "06000", "312")],
            ["İstiklal Caddesi", "Atatürk Bulvarı", "Bağdat Caddesi"]),
    ];

    private static readonly string[] Companies =
    [
        "Contoso GmbH", "Fabrikam Ltd", "Northwind Traders", "Adatum Corporation", "Tailspin Toys", "Litware, Inc.",
        "Proseware; Research", "Fourth Coffee", "Alpine Ski House", "Blue Yonder Airlines", "Coho Winery",
        "Woodgrove Bank", "Lucerne Publishing", "Margie's Travel", "Trey Research", "Humongous Insurance",
        "Wide World Importers", "Relecloud", "Café Élan S.A.", "Bäckerei Groß & Söhne",
    ];

    private static readonly string[] Departments =
        ["Sales", "Engineering", "Finance", "Purchasing", "Support", "Legal", "Marketing", "Operations", ""];

    private static readonly string[] Titles =
    [
        "Account Manager", "Software Engineer", "Head of Purchasing", "CFO", "Project Lead", "Support Specialist",
        "Consultant", "Office Manager", "Sales Director", "Chief of Staff",
    ];

    private static readonly string[] Notes =
    [
        "Met at the trade fair in Hanover, prefers email.",
        "Call back after the quarterly review; ask about the renewal.",
        "Vegetarian. Allergic to nuts.",
        "Prefers calls in the morning (9:00-11:00 CET).",
        "Introduced by a former colleague at the Lyon office.",
        "Birthday gift ideas: books, coffee, anything about sailing.",
        "Decision maker for the Q3 budget.\nAssistant handles the calendar.",
        "Speaks English, German and a little Japanese.",
        "Sent the signed contract on 14 March; invoice pending.",
        "Do not call on Fridays.",
    ];

    /// <summary>The first <paramref name="count"/> contacts of this seed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above 99,999.</exception>
    public IReadOnlyList<GeneratedContact> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 99_999);
        var random = new Random(seed);
        var contacts = new List<GeneratedContact>(count);
        for (var index = 0; index < count; index++)
        {
            contacts.Add(Create(index, random));
        }

        return contacts;
    }

    /// <summary>Whether the two-way round changes this contact.</summary>
    public static bool IsChanged(int index) => index % ChangeEvery == 0;

    /// <summary>
    /// The contact as changed on device A for the two-way round: a new first phone number and a new note, both
    /// carrying the index so device B can be checked item by item.
    /// </summary>
    public static GeneratedContact Change(GeneratedContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var phone = $"+1 202 555 {contact.Index % 10_000:D4}";
        var note = $"Changed in round 2 (ref R2-{contact.Index:D5}): moved to the new office, new direct line.";
        var lines = Unfold(contact.VCard);
        var firstPhone = lines.FindIndex(l => l.StartsWith("TEL", StringComparison.Ordinal));
        lines[firstPhone] = "TEL;TYPE=WORK,VOICE:" + phone;
        var noteLine = lines.FindIndex(l => l.StartsWith("NOTE", StringComparison.Ordinal));
        lines[noteLine] = "NOTE:" + EscapeText(note);
        var phones = contact.Phones.ToList();
        phones[0] = phone;
        return contact with { Phones = phones, Note = note, VCard = Join(lines) };
    }

    private static GeneratedContact Create(int index, Random random)
    {
        var country = Pick(random, Countries);
        var first = Pick(random, country.FirstNames);
        var last = Pick(random, country.LastNames);
        // A realistic share of equal names (a few percent of 10,000 contacts share one with another, as in a real
        // address book): most have a middle initial, some a middle name, one in five a surname from elsewhere, and
        // Spain's two surnames.
        var middle = random.Next(20) switch
        {
            0 => null,
            1 or 2 => Pick(random, country.FirstNames),
            _ => $"{(char)('A' + random.Next(26))}.",
        };
        if (random.Next(5) == 0)
        {
            last = Pick(random, Pick(random, Countries).LastNames);
        }

        if (country.Name == "Spain")
        {
            last = $"{last} {Pick(random, country.LastNames)}";
        }

        var fullName = middle is null ? $"{first} {last}" : $"{first} {middle} {last}";
        var (city, region, postal, areaCode) = Pick(random, country.Cities);
        var company = Pick(random, Companies);
        var department = Pick(random, Departments);
        var email = $"{Ascii(first)}.{Ascii(last)}.{index:D5}@{country.Domain}";

        var mobile = random.Next(2) == 0;
        var phones = new List<string> { Phone(random, country, areaCode, mobile) };
        if (random.Next(3) == 0)
        {
            phones.Add(Phone(random, country, areaCode, mobile: false));
        }

        var note = Pick(random, Notes);
        var lines = new List<string>
        {
            "BEGIN:VCARD",
            "VERSION:3.0",
            $"N:{EscapeText(last)};{EscapeText(first)};{EscapeText(middle ?? string.Empty)};;",
            $"FN:{EscapeText(fullName)}",
            department.Length == 0
                ? $"ORG:{EscapeText(company)}"
                : $"ORG:{EscapeText(company)};{EscapeText(department)}",
        };
        if (random.Next(2) == 0)
        {
            lines.Add($"TITLE:{EscapeText(Pick(random, Titles))}");
        }

        lines.Add($"TEL;TYPE={(mobile ? "CELL" : "WORK,VOICE")}:{phones[0]}");
        if (phones.Count > 1)
        {
            lines.Add($"TEL;TYPE=HOME,VOICE:{phones[1]}");
        }

        lines.Add($"EMAIL;TYPE=INTERNET,{(random.Next(3) == 0 ? "HOME" : "WORK")}:{email}");
        if (random.Next(5) < 2)
        {
            var street = $"{Pick(random, country.Streets)} {random.Next(1, 200).ToString(CultureInfo.InvariantCulture)}";
            lines.Add($"ADR;TYPE=WORK:;;{EscapeText(street)};{EscapeText(city)};{EscapeText(region)};"
                      + $"{EscapeText(postal)};{EscapeText(country.Name)}");
        }

        if (random.Next(4) == 0)
        {
            var birthday = new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 55));
            lines.Add($"BDAY:{birthday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        lines.Add($"NOTE:{EscapeText(note)}");
        lines.Add("END:VCARD");
        return new GeneratedContact(index, $"{index:D5}.vcf", email, fullName, phones, note, Join(lines));
    }

    private static string Phone(Random random, Country country, string areaCode, bool mobile)
    {
        var subscriber = random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var area = mobile || areaCode.Length == 0
            ? "1" + random.Next(50, 80).ToString(CultureInfo.InvariantCulture)
            : areaCode;
        return $"+{country.CallingCode} {area} {subscriber[..3]} {subscriber[3..]}";
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>RFC 2426 §4: TEXT values escape backslash, comma, semicolon and newline.</summary>
    private static string EscapeText(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A mailbox-safe lower-case ASCII form of a name (ü to ue, ø to o, apostrophes and spaces gone).</summary>
    private static string Ascii(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'ä' or 'æ' => "ae",
                'ö' or 'œ' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                'ø' or 'ō' or 'ó' or 'ò' or 'ô' => "o",
                'å' or 'á' or 'à' or 'â' or 'ą' => "a",
                'é' or 'è' or 'ê' or 'ë' or 'ę' => "e",
                'í' or 'ì' or 'ı' or 'î' or 'ï' => "i",
                'ú' or 'ù' or 'û' => "u",
                'ñ' or 'ń' => "n",
                'ç' => "c",
                'ł' => "l",
                'ś' or 'ş' => "s",
                'ğ' => "g",
                'ż' or 'ź' => "z",
                'ć' => "c",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => string.Empty,
            });
        }

        return builder.ToString();
    }

    private static List<string> Unfold(string vcard) =>
        vcard.Replace("\r\n ", string.Empty, StringComparison.Ordinal)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .ToList();

    /// <summary>CRLF line ends, lines folded at 75 octets (RFC 2425 §5.8.1) without splitting a UTF-8 sequence.</summary>
    private static string Join(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            var octets = 0;
            var limit = 75;
            foreach (var rune in line.EnumerateRunes())
            {
                var length = rune.Utf8SequenceLength;
                if (octets + length > limit)
                {
                    builder.Append("\r\n ");
                    octets = 0;
                    limit = 74; // the leading space counts
                }

                builder.Append(rune.ToString());
                octets += length;
            }

            builder.Append("\r\n");
        }

        return builder.ToString();
    }
}
