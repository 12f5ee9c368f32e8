namespace Tracker.Host.Hosting.OpenApi;

/// <summary>
/// The feature each path belongs to, as the document's tags: readers look for "Inspections", not for the CLR class
/// that happens to hold the endpoint. Derived from the route so a new endpoint is tagged without an edit.
/// </summary>
public static class FeatureTags
{
    // Most specific first: the authority's sub-resources before the register itself.
    private static readonly (string Prefix, string Tag)[] ByPath =
    [
        ("/api/authorities/{authority}/inspections", "Inspections"),
        ("/api/authorities/{authority}/monitoring-visits", "Visits"),
        ("/api/authorities/{authority}/focused-visits", "Visits"),
        ("/api/authorities/{authority}/jtais", "JTAIs"),
        ("/api/authorities/{authority}/metrics", "Metrics"),
        ("/api/authorities/{authority}/findings", "Findings"),
        ("/api/authorities/{authority}/corrections", "Corrections"),
        ("/api/authorities/{authority}/current", "Grades"),
        ("/api/authorities/{authority}/neighbours", "Grades"),
        ("/api/authorities/{authority}/timeline", "Timelines"),
        ("/api/authorities/{authority}/trends", "Trends"),
        ("/api/authorities", "Authorities"),
        ("/api/national", "Grades"),
        ("/api/regions", "Grades"),
        ("/api/batches", "Batches"),
        ("/api/imports", "Imports"),
        ("/api/data-quality", "Data quality"),
        ("/api/events", "Integrations"),
        ("/api/subscriptions", "Integrations"),
    ];

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["Authorities"] = "The register of local authorities, their codes and lineage, and each recorded fact.",
        ["Inspections"] = "Graded full inspections (ILACS, SIF and earlier frameworks).",
        ["Visits"] = "Ungraded monitoring and focused visits.",
        ["JTAIs"] = "Joint targeted area inspections.",
        ["Metrics"] = "Service-metric observations such as IRO caseloads.",
        ["Findings"] = "Quoted findings about a service.",
        ["Corrections"] = "Corrections, withdrawals and reinstatements of earlier facts.",
        ["Grades"] = "Current grades, national and regional pictures, neighbours and series.",
        ["Timelines"] = "Every fact about an authority in date order.",
        ["Trends"] = "Metric trends by period.",
        ["Batches"] = "Many commands in one all-or-nothing transaction.",
        ["Imports"] = "Importing the official history, the IRO page and report files; held sections.",
        ["Data quality"] = "Notes on source values kept as unknown or in conflict.",
        ["Integrations"] = "The CloudEvents feed, its live stream and signed webhooks.",
        ["Other"] = "Endpoints not yet given a feature.",
    };

    public static string For(string path) =>
        ByPath.FirstOrDefault(p => path == p.Prefix || path.StartsWith(p.Prefix + "/", StringComparison.Ordinal)).Tag
        ?? "Other";
}
