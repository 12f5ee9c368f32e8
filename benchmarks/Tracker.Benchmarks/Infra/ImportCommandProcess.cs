using System.Diagnostics;

namespace Tracker.Benchmarks.Infra;

public sealed record ImportRun(TimeSpan Elapsed, int ExitCode, double? PeakRssMb, IReadOnlyList<string> Output, double? CpuSeconds = null);

/// <summary>
/// The Host's `import` command as a user runs it (`dotnet Tracker.Host.dll import file`), against the benchmark's
/// PostgreSQL, with the environment the benchmark's Host gets. Its peak RSS is sampled from /proc while it runs.
/// </summary>
public static class ImportCommandProcess
{
    public static Task<ImportRun> RunAsync(string connectionString, string file, IReadOnlyDictionary<string, string> environment,
        Action<string> log, CancellationToken ct) =>
        RunCommandAsync(connectionString, ["import", file], environment, log, ct);

    /// <summary>Any Host command (import, rebuild) run the same way; its CPU time is sampled with its peak RSS.</summary>
    public static async Task<ImportRun> RunCommandAsync(string connectionString, string[] command,
        IReadOnlyDictionary<string, string> environment, Action<string> log, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = ProductionBuild.Directory };
        foreach (var arg in (string[])[ProductionBuild.HostDll, .. command]) info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Marten"] = connectionString;
        info.Environment["Tracker__SeedOnStartup"] = "false";
        info.Environment["Tracker__ImportBundledDataOnStartup"] = "false";
        info.Environment["Tracker__ApplySchemaOnStartup"] = "true";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment) info.Environment[name] = value;

        var output = new List<string>();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start the {command[0]} command");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) { output.Add(e.Data); log("    | " + e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        double? peak = null, cpu = null;
        // VmHWM is the kernel's high-water mark, so sampling it until exit loses at most the last interval's growth.
        while (!process.HasExited)
        {
            peak = ProcessMemory.PeakRssMb(process.Id) ?? peak;
            try { cpu = process.TotalProcessorTime.TotalSeconds; }
            catch (InvalidOperationException) { } // exited between the check and the read
            await Task.Delay(25, ct);
        }
        await process.WaitForExitAsync(ct);
        var elapsed = clock.Elapsed;
        lock (output) return new ImportRun(elapsed, process.ExitCode, peak, [.. output], cpu);
    }
}
