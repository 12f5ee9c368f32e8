using System.Globalization;

namespace Tracker.Benchmarks;

/// <summary>
/// Command-line options: <c>--sizes 10k,100k,1m --rounds 5 --only G1,G2 --seconds 3 --seed 7 --results docs/benchmarks.md</c>.
/// <c>--log-statements</c> is for profiling: PostgreSQL logs every statement with its duration during the rounds, and the
/// log is kept in benchmarks/results/ (the figures of such a run are slower and not for the results file).
/// <c>--tracker-connection-options "No Reset On Close=true"</c> appends Npgsql settings to the connection string of the
/// Tracker side only (Host, rebuild, G2 store), to try a pool setting before proposing it for the product;
/// <c>--host-env NAME=VALUE</c> (repeatable) does the same for the Host's environment (runtime knobs such as GC mode).
/// </summary>
public sealed record BenchOptions(
    IReadOnlyList<int> Sizes, int Rounds, IReadOnlySet<string>? Only, double Seconds, int Seed, string? ResultsPath, bool LogStatements, string? TrackerConnectionOptions, IReadOnlyDictionary<string, string> HostEnvironment)
{
    public static BenchOptions Parse(string[] args)
    {
        var sizes = new List<int> { 10_000 };
        var rounds = 5;
        HashSet<string>? only = null;
        var seconds = 3.0;
        var seed = 20261127;
        string? results = null;
        var logStatements = false;
        string? trackerConnection = null;
        var hostEnvironment = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--sizes": sizes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseSize).ToList(); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--only": only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim().ToUpperInvariant()).ToHashSet(); break;
                case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--results": results = Next(); break;
                case "--log-statements": logStatements = true; break;
                case "--tracker-connection-options": trackerConnection = Next(); break;
                case "--host-env":
                    var pair = Next().Split('=', 2);
                    hostEnvironment[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException("--host-env takes NAME=VALUE");
                    break;
                default: throw new ArgumentException($"Unknown option {args[i]}. Options: --sizes 10k,100k,1m --rounds 5 --only G1,G2 --seconds 3 --seed N --results path");
            }
        }
        if (rounds < 1) throw new ArgumentException("--rounds must be at least 1");
        return new BenchOptions(sizes, rounds, only, seconds, seed, results, logStatements, trackerConnection, hostEnvironment);
    }

    public static int ParseSize(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var factor = t.EndsWith('k') ? 1_000 : t.EndsWith('m') ? 1_000_000 : 1;
        var number = factor == 1 ? t : t[..^1];
        return (int)(double.Parse(number, CultureInfo.InvariantCulture) * factor);
    }

    public static string FormatSize(int n) =>
        n % 1_000_000 == 0 ? $"{n / 1_000_000}m" : n % 1_000 == 0 ? $"{n / 1_000}k" : n.ToString(CultureInfo.InvariantCulture);

    public bool Wants(string id) => Only is null || Only.Contains(id);
}
