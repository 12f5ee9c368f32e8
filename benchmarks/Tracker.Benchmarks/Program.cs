using Tracker.Benchmarks;
using Tracker.Benchmarks.Children;
using Tracker.Benchmarks.Infra;
using Tracker.Benchmarks.Report;
using Tracker.Host.Hosting;

if (args is ["--child", "bare", var bareConnection]) return await BareServerChild.RunAsync(bareConnection);

if (args is ["--self-check"])
{
    var problems = await LoadSelfCheck.RunAsync(Console.WriteLine, CancellationToken.None);
    foreach (var problem in problems) Console.Error.WriteLine($"SELF-CHECK FAILED: {problem}");
    Console.WriteLine(problems.Count == 0 ? "Self-check passed: the open model corrects coordinated omission." : "");
    return problems.Count == 0 ? 0 : 1;
}

BenchOptions options;
try { options = BenchOptions.Parse(args); }
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

void Log(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

_ = Repository.HostDll; // fail early, before seeding, if the Host was not built
// No figures from a load generator that understates tail latency (a few seconds, no database).
if (await LoadSelfCheck.RunAsync(Log, cancel.Token) is { Count: > 0 } broken)
{
    foreach (var problem in broken) Console.Error.WriteLine($"SELF-CHECK FAILED: {problem}");
    return 1;
}
await ProductionBuild.BuildAsync(Log, cancel.Token);
var root = Path.Combine(Path.GetTempPath(), "tracker-bench", Environment.ProcessId.ToString());
Log($"Starting a throwaway PostgreSQL under {root}");
await using var postgres = await EmbeddedPostgres.StartAsync(root, persistent: false, database: "postgres", log: Log);
var machine = await Machine.DescribeAsync(postgres.ConnectionString);
Log($"{machine.Cores} cores, {machine.Memory}, {machine.Dotnet}, {machine.Postgres}, load average {Machine.LoadAverage()}");

var runner = new Runner(options, postgres.ConnectionString, new CpuMeter(postgres.DataDirectory), Log);
var results = new List<SizeResult>();
foreach (var size in options.Sizes)
{
    var result = await runner.RunSizeAsync(size, cancel.Token);
    results.Add(result);
    ConsoleTable.Print(result, Console.WriteLine);
}

if (options.LogStatements)
{
    var kept = Path.Combine(Repository.Root, "benchmarks", "results", $"postgres-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
    Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
    File.Copy(Path.Combine(postgres.DataDirectory, "..", "postgres.log"), kept);
    Log($"PostgreSQL statement log kept in {kept}");
}

// A relative --results path is taken from the repository root (dotnet run starts the process in the project folder).
var path = options.ResultsPath is { } resultsPath ? Path.GetFullPath(resultsPath, Repository.Root) : Path.Combine(Repository.Root, "docs", "benchmarks.md");
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
var commandLine = "dotnet run -c Release --project benchmarks/Tracker.Benchmarks --" + (args.Length > 0 ? " " + string.Join(' ', args) : "");
await File.WriteAllTextAsync(path, MarkdownReport.Render(options, machine, results, commandLine));
Log($"Results written to {path}");
return 0;
