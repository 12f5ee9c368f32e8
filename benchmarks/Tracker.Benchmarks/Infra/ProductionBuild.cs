using System.Diagnostics;

namespace Tracker.Benchmarks.Infra;

/// <summary>
/// The Host as production runs it (README, "Production"): Wolverine's code generated ahead of time with
/// <c>codegen write</c>, compiled in, loaded with TypeLoadMode.Static; the schema applied beforehand with <c>db-apply</c>.
/// Built once per benchmark run into benchmarks/results/host-production, so src/Host's own build stays untouched.
/// </summary>
public static class ProductionBuild
{
    public static string Directory { get; } = Path.Combine(Repository.Root, "benchmarks", "results", "host-production");

    public static string HostDll => Path.Combine(Directory, "Tracker.Host.dll");

    public static async Task BuildAsync(Action<string> log, CancellationToken ct)
    {
        var project = Path.Combine(Repository.Root, "src", "Host", "Tracker.Host.csproj");
        var generated = Path.Combine(Repository.Root, "src", "Host", "Internal", "Generated");
        var hadGenerated = System.IO.Directory.Exists(generated);
        var clock = Stopwatch.StartNew();
        log("Building the production Host (codegen write, then a Release build with the generated code)");
        try
        {
            await RunAsync(["run", "--project", project, "-c", "Release", "--", "codegen", "write"], new() { ["ConnectionStrings__Marten"] = "Host=unused" }, ct);
            await RunAsync(["build", project, "-c", "Release", "-o", Directory, "-p:UseAppHost=false"], [], ct);
        }
        finally
        {
            // Leave src/Host as we found it: the development build compiles Wolverine's code at runtime.
            if (!hadGenerated && System.IO.Directory.Exists(generated)) System.IO.Directory.Delete(generated, recursive: true);
        }
        log($"  production Host built in {clock.Elapsed.TotalSeconds:N0} s: {HostDll}");
    }

    /// <summary>`db-apply`, as a deployment runs it before starting nodes that never change the schema themselves.</summary>
    public static Task ApplySchemaAsync(string connectionString, CancellationToken ct) =>
        RunAsync([HostDll, "db-apply"], new() { ["ConnectionStrings__Marten"] = connectionString, ["ASPNETCORE_ENVIRONMENT"] = "Production" }, ct);

    private static async Task RunAsync(IEnumerable<string> args, Dictionary<string, string> environment, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }
}
