using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Docs;

/// <summary>
/// Every <c>curl</c> example in README.md and docs/*.md, run with bash and curl against the Host as a real process:
/// each must answer one of the 2xx statuses the OpenAPI document gives its operation (never a 5xx, never a 401).
/// Only the address (http://localhost:5080), the keys ($KEY, $ADMIN_KEY), a subscription id ($ID) and the report
/// file (@report.pdf) are filled in; the commands are run as written.
/// </summary>
public sealed partial class CurlExamplesTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public const string DocumentedAddress = "http://localhost:5080";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_curl_examples_in_the_docs_run_and_answer_as_documented()
    {
        var root = RepositoryRoot.Find();
        var examples = Examples(root).ToList();
        examples.Count.ShouldBeGreaterThan(10);
        // Only Tracker's own address: an example on another port would not reach `dotnet run`'s Host.
        examples.SelectMany(e => OtherAddress().Matches(e.Command).Select(m => $"{e.Source}: {m.Value}"))
            .ShouldBeEmpty($"curl examples must use {DocumentedAddress}");

        await using var host = new HostProcess(Fixture.ConnectionString);
        host.Client.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.Admin); // skips `keys create`
        await host.StartAsync();
        var operations = ApiOperation.From(await host.Client.GetStringAsync(new Uri(host.BaseAddress, "/openapi/v1.json")));
        var created = await host.Client.PostAsJsonAsync(new Uri(host.BaseAddress, "/api/subscriptions"),
            new { url = "https://example.org/hooks/examples" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var report = Path.Combine(AppContext.BaseDirectory, "Imports", "Reports", "Files", "80543-2022-08-12.pdf");

        var failures = new List<string>();
        foreach (var (source, command) in examples)
        {
            var runnable = command.Replace(DocumentedAddress, host.BaseAddress.ToString().TrimEnd('/'))
                .Replace("$ID", id).Replace("@report.pdf", "@" + report);
            var url = Url().Match(runnable).Value;
            var method = Method().Match(runnable) is { Success: true } m ? m.Groups[1].Value
                : runnable.Contains(" -d ") || runnable.Contains(" --data") ? "POST" : "GET";
            var path = new Uri(url).AbsolutePath;
            var expected = path.StartsWith("/health/", StringComparison.Ordinal) ? [200]
                : ApiOperation.Match(operations, method, path)?.Successes ?? [];
            var (status, output) = await CurlAsync(root, runnable, streaming: runnable.Contains(" -N "));
            if (!expected.Contains(status))
                failures.Add($"{source}: {method} {path} answered {status}, documented {string.Join("/", expected)}\n{command}\n{output}"
                    + (status >= 500 ? "\n" + host.Tail(30) : ""));
        }
        failures.ShouldBeEmpty();
    }

    /// <summary>curl with its status written out, from the repository root (where `@data/…` files are).</summary>
    private static async Task<(int Status, string Output)> CurlAsync(string root, string command, bool streaming)
    {
        // A stream never ends by itself: a few seconds show it answered; curl then exits 28 with the status known.
        var options = $"-s -o /dev/null -w '%{{http_code}}' --max-time {(streaming ? 3 : 120)} ";
        var info = new ProcessStartInfo("bash", ["-c", CurlCall().Replace(command, "curl " + options, 1)])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["KEY"] = TestKeys.Writer;
        info.Environment["ADMIN_KEY"] = TestKeys.Admin;
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (int.TryParse(output.Trim(), out var status) ? status : -1, output + errors);
    }

    /// <summary>Each curl command in a fenced bash block, with its continuation lines (a trailing \ or an open quote).</summary>
    private static IEnumerable<(string Source, string Command)> Examples(string root)
    {
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            var fenced = false;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
                if (!fenced || !lines[i].StartsWith("curl ", StringComparison.Ordinal)) continue;
                var command = new StringBuilder(lines[i]);
                var start = i;
                while (i + 1 < lines.Length && (command.ToString().TrimEnd().EndsWith('\\') || OpenQuote(command.ToString())))
                    command.Append('\n').Append(lines[++i]);
                yield return ($"{Path.GetFileName(file)}:{start + 1}", command.ToString());
            }
        }
    }

    private static bool OpenQuote(string text) => text.Count(c => c == '\'') % 2 == 1;

    [GeneratedRegex(@"^curl ")]
    private static partial Regex CurlCall();

    [GeneratedRegex(@"https?://[^\s'""]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"-X (GET|POST|PUT|PATCH|DELETE)")]
    private static partial Regex Method();

    [GeneratedRegex(@"https?://(localhost|127\.0\.0\.1):(?!5080\b)\d+")]
    private static partial Regex OtherAddress();
}
