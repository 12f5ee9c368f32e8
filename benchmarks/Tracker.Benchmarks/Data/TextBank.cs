namespace Tracker.Benchmarks.Data;

/// <summary>Words and names for synthetic report text, so event JSON has the sizes real findings and quotes have.</summary>
internal static class TextBank
{
    public static readonly string[] Towns =
    [
        "Ashford", "Barnsley", "Carlisle", "Dudley", "Exeter", "Fareham", "Gateshead", "Harlow", "Ipswich", "Kendal",
        "Luton", "Margate", "Newark", "Oldham", "Preston", "Reading", "Salford", "Telford", "Wigan", "York",
    ];

    /// <summary>The bodies Ofsted inspects nationally, weighted roughly by how many there are (22k schools, 70k childcare, 3k homes).</summary>
    public static readonly (string Type, string Suffix, int Weight)[] Bodies =
    [
        ("school", "Primary School", 22), ("childcare", "Day Nursery", 70), ("childrens_home", "Children's Home", 3),
    ];

    public static readonly string[] Regions = ["North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"];

    public static readonly string[] Services = ["iro_service", "front_door", "care_leavers_service", "fostering", "adoption", "early_help", "leadership"];

    public static readonly string[] Topics = ["Children in need and subject to a child protection plan", "The front door", "Care leavers", "Children in care", "Decision-making at the front door"];

    public static readonly string[] Themes = ["Serious youth violence", "Children at risk of exploitation", "Domestic abuse", "Neglect", "Children with mental ill health"];

    private static readonly string[] Words =
    [
        "children", "managers", "social", "workers", "plans", "reviews", "timely", "effective", "oversight", "leaders",
        "have", "not", "consistently", "ensured", "that", "practice", "is", "strong", "enough", "and", "the", "quality",
        "of", "assessments", "varies", "considerably", "across", "teams", "independent", "reviewing", "officers", "escalate",
        "concerns", "appropriately", "when", "progress", "drifts", "caseloads", "remain", "high", "in", "some", "areas",
    ];

    /// <summary>A sentence of roughly <paramref name="length"/> characters.</summary>
    public static string Sentence(Random rng, int length)
    {
        var text = new System.Text.StringBuilder(length + 16);
        while (text.Length < length)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(Words[rng.Next(Words.Length)]);
        }
        text[0] = char.ToUpperInvariant(text[0]);
        return text.Append('.').ToString();
    }
}
