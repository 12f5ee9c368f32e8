using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tracker.IntegrationTests.Faults;

/// <summary>The built Tracker.Host run as a separate process on 127.0.0.1, as in production, so it can be SIGKILLed.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string BaseUrl { get; }

    private HostProcess(Process process, string baseUrl) => (_process, BaseUrl) = (process, baseUrl);

    /// <summary>The Host's own build output (src/Host/bin/...), or the copy beside the tests.</summary>
    public static string HostDll()
    {
        var tests = AppContext.BaseDirectory;
        var dir = new DirectoryInfo(tests);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tracker.sln"))) dir = dir.Parent;
        var configuration = new DirectoryInfo(tests).Parent?.Parent?.Name ?? "Debug";
        var built = dir is null ? null : Path.Combine(dir.FullName, "src", "Host", "bin", configuration, "net10.0", "Tracker.Host.dll");
        return built is not null && File.Exists(built) ? built : Path.Combine(tests, "Tracker.Host.dll");
    }

    /// <summary>Runs a one-off command (e.g. <c>keys create</c>) and returns its output.</summary>
    public static async Task<string> RunCommandAsync(string connectionString, params string[] args)
    {
        using var process = Process.Start(Info(connectionString, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await errors + await output);
        return await output;
    }

    public static async Task<HostProcess> StartAsync(string connectionString)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var process = Process.Start(Info(connectionString, ["--urls", url]))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, url);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The Host exited at startup with {process.ExitCode}.");
            if (DateTime.UtcNow > deadline) { await host.DisposeAsync(); throw new TimeoutException("The Host did not become ready within 2 minutes."); }
            try { if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return host; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
    }

    /// <summary>Starts a one-off command (e.g. <c>import file</c>) without waiting for it, so a test can kill it midway.</summary>
    public static Process StartCommand(string connectionString, params string[] args)
    {
        var process = Process.Start(Info(connectionString, args))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a crashed node.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    private static ProcessStartInfo Info(string connectionString, IEnumerable<string> args)
    {
        var dll = HostDll();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ConnectionStrings__Marten"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Tracker__SeedOnStartup"] = "true";
        info.Environment["Tracker__ImportBundledDataOnStartup"] = "false";
        info.Environment["Tracker__RateLimit__PermitsPerWindow"] = "1000000";
        // Small import chunks, so an import of ~150 authorities commits many times and can be interrupted between commits.
        info.Environment["Tracker__Import__AuthoritiesPerChunk"] = "4";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
