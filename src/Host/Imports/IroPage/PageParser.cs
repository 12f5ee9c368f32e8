using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Tracker.Domain.Common;
using Tracker.Host.Imports.Metrics;

namespace Tracker.Host.Imports.IroPage;

/// <summary>
/// Splits the scraped IRO summary page into sections. A heading names only the first block directly after it; a
/// numbering restart or a second "Comments specific to IRO Service" starts a new, unnamed section. Names are never guessed.
/// </summary>
public static partial class PageParser
{
    [GeneratedRegex(@"^(?<name>\S.*?[A-Za-z)])\s*(?<symbol>OUTSTANDING|GOOD|REQUIRES IMPROVEMENT|INADEQUATE)(?:-\d+)?(?:\s+(?<judgement>(?i:outstanding|good|requires improvement|inadequate)))?\s*(?<rest>(?i:Comments specific to IRO Service).*)?$")]
    private static partial Regex HeadingPattern();
    [GeneratedRegex(@"^Comments specific to IRO Service:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentsPattern();
    [GeneratedRegex(@"^\s*(?<n>\d{1,2})\.\s+(?<text>.+)$")]
    private static partial Regex NumberedPattern();
    [GeneratedRegex(@"^\s*•|\bJTAI\b|\(monitoring visit\)")]
    private static partial Regex NotePattern();

    private const string Footer = "Relevant Ofsted guidance documents";

    private sealed class Block(int line, string? heading, string? name, Grade? grade)
    {
        public int Line = line;
        public readonly string? Heading = heading, Name = name;
        public readonly Grade? Grade = grade;
        public readonly List<PageFinding> Findings = [];
        public readonly List<string> Notes = [];
        public bool HasComments;
        public int LastNumber;
    }

    public static IReadOnlyList<PageSection> Parse(string text)
    {
        var blocks = new List<Block>();
        Block? current = null;
        var pendingProse = new List<PageFinding>();
        var pendingNotes = new List<string>();
        var lines = text.Replace("\r", "").Replace('\u00A0', ' ').Split('\n');

        Block Start(int line, string? heading = null, string? name = null, Grade? grade = null)
        {
            if (current is not null) current.Findings.AddRange(pendingProse);
            pendingProse.Clear();
            current = new Block(line, heading, name, grade);
            if (heading is null) { current.Notes.AddRange(pendingNotes); pendingNotes.Clear(); }
            else if (blocks.Count > 0) { blocks[^1].Notes.AddRange(pendingNotes); pendingNotes.Clear(); }
            blocks.Add(current);
            return current;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith(Footer, StringComparison.OrdinalIgnoreCase)) break;

            if (HeadingPattern().Match(line) is { Success: true } h)
            {
                var block = Start(lineNo, line, h.Groups["name"].Value.Trim(), ParseGrade(h.Groups["judgement"].Success ? h.Groups["judgement"].Value : h.Groups["symbol"].Value));
                if (h.Groups["rest"].Success) AddComments(block, lineNo, CommentsPattern().Match(h.Groups["rest"].Value).Groups["rest"].Value);
            }
            else if (CommentsPattern().Match(line) is { Success: true } c)
            {
                var block = current is null || current.HasComments || current.LastNumber > 0 ? Start(lineNo) : current;
                AddComments(block, lineNo, c.Groups["rest"].Value);
            }
            else if (NumberedPattern().Match(lines[i]) is { Success: true } n)
            {
                var number = int.Parse(n.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (current is null) Start(lineNo);
                else if (current.LastNumber >= number)
                {
                    // Prose just before a restarted list opens the new section, not the old one.
                    var carried = pendingProse.ToList();
                    pendingProse.Clear();
                    Start(carried.Count > 0 ? carried[0].Line : lineNo).Findings.AddRange(carried);
                }
                else { current.Findings.AddRange(pendingProse); pendingProse.Clear(); }
                current!.Findings.Add(new PageFinding(lineNo, n.Groups["text"].Value.Trim()));
                current.LastNumber = number;
            }
            else if (NotePattern().IsMatch(line))
            {
                if (current is not null && current.Findings.Count == 0 && pendingProse.Count == 0) current.Notes.Add(line);
                else pendingNotes.Add(line);
            }
            else if (current is null) continue; // the page's introduction
            else if (current.LastNumber > 0) pendingProse.Add(new PageFinding(lineNo, line));
            else current.Findings.Add(new PageFinding(lineNo, line));
        }
        if (current is not null) { current.Findings.AddRange(pendingProse); current.Notes.AddRange(pendingNotes); }

        return blocks.Select(b => new PageSection(IdOf(b), b.Line, b.Heading, b.Name, b.Grade, b.Findings,
            b.Findings.SelectMany(f => MetricExtractor.Extract(f.Quote).Select(m => PageMetric.From(f.Line, m)))
                .DistinctBy(m => (m.Metric, m.ValidPeriod().Key)).ToList(),
            b.Notes)).ToList();
    }

    private static void AddComments(Block block, int line, string rest)
    {
        block.HasComments = true;
        if (rest.Trim().Length > 0) block.Findings.Add(new PageFinding(line, rest.Trim()));
    }

    public static Grade? ParseGrade(string text) => text.Trim().ToLowerInvariant() switch
    {
        "outstanding" => Grade.Outstanding,
        "good" => Grade.Good,
        "requires improvement" => Grade.RequiresImprovement,
        "inadequate" => Grade.Inadequate,
        _ => null,
    };

    private static string IdOf(Block b)
    {
        var content = (b.Heading ?? "") + "\n" + string.Join("\n", b.Findings.Select(f => f.Quote));
        return "s-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..12];
    }
}
