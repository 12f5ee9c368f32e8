using System.Text;

namespace Tracker.Benchmarks.Data;

/// <summary>
/// A deterministic official inspection-history CSV (the format users import) for the synthetic authorities: exactly
/// <c>rows</c> rows, grouped by authority as the real file is, every one a distinct, valid ILACS 2023 report, so
/// rows read = events written.
/// </summary>
public static class HistoryCsv
{
    public const string Header = "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name," +
                                 "inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade," +
                                 "help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version";

    private static readonly string[] Grades = ["outstanding", "good", "requires improvement", "inadequate"];
    private static readonly DateOnly FirstPublished = new(2023, 3, 1);

    public static string Urn(int streamIndex) => (200000 + streamIndex).ToString();

    /// <summary>Authority <c>i</c> of <c>streams</c> gets rows ⌊rows·i/streams⌋ up to ⌊rows·(i+1)/streams⌋.</summary>
    public static IEnumerable<string> Lines(int rows, int streams, int seed)
    {
        yield return Header;
        var rng = new Random(seed);
        var line = new StringBuilder(300);
        for (var i = 0; i < streams; i++)
        {
            var from = (long)rows * i / streams;
            var to = (long)rows * (i + 1) / streams;
            for (var k = 0; k < to - from; k++)
            {
                var published = FirstPublished.AddDays((k * 97 + i) % 1000);
                var start = published.AddDays(-60);
                line.Clear().Append(Urn(i)).Append(",body ").Append(i).Append(",https://bench.example/reports/").Append(i).Append('/').Append(k)
                    .Append(",report.pdf,").Append(published.ToString("dd/MM/yy")).Append(k % 3 == 0 ? ",short" : ",standard").Append(",Inspector ").Append(rng.Next(400))
                    .Append(',').Append(start.ToString("dd/MM/yyyy")).Append(',').Append(start.AddDays(11).ToString("dd/MM/yyyy"));
                for (var g = 0; g < 5; g++) line.Append(',').Append(Grades[rng.Next(Grades.Length)]);
                yield return line.Append(",1").ToString();
            }
        }
    }

    public static async Task WriteAsync(string path, int rows, int streams, int seed, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        foreach (var l in Lines(rows, streams, seed)) { await writer.WriteAsync(l); await writer.WriteAsync('\n'); }
        await writer.FlushAsync(ct);
    }
}
