using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tracker.Testing;

/// <summary>
/// The built Tracker Host run as a child process, so a caller can SIGKILL it like a crashed node. One source file,
/// linked into the integration tests and the benchmarks, so both start, probe, run commands and kill the same way;
/// each caller only chooses its build, environment and probe.
/// </summary>
public sealed class TrackerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly int _keepLines;

    private TrackerProcess(Process process, Stopwatch clock, ConcurrentQueue<string> output, int keepLines,
        Uri? baseAddress)
    {
        (_process, _clock, Output, _keepLines, BaseAddress) = (process, clock, output, keepLines, baseAddress);
    }

    /// <summary>Where the Host listens (null for a one-off command).</summary>
    public Uri? BaseAddress { get; }

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public ConcurrentQueue<string> Output { get; }

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Tail(int lines = 60) => Tail(Output, lines);
    public static string Tail(IEnumerable<string> output, int lines = 60) => string.Join('\n', output.TakeLast(lines));

    /// <summary>A loopback port free now (the OS picks it), for a Host's <c>--urls</c>.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot() => FindRepositoryRoot()
        ?? throw new InvalidOperationException("Tracker.sln not found above " + AppContext.BaseDirectory);

    private static string? FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tracker.sln"))) dir = dir.Parent;
        return dir?.FullName;
    }

    /// <summary>The Host's own build output (src/Host/bin/&lt;the caller's configuration&gt;), or the copy beside
    /// the caller.</summary>
    public static string HostDll()
    {
        var here = AppContext.BaseDirectory;
        var root = FindRepositoryRoot();
        var configuration = new DirectoryInfo(here).Parent?.Parent?.Name ?? "Debug";
        var built = root is null
            ? null
            : Path.Combine(root, "src", "Host", "bin", configuration, "net10.0", "Tracker.Host.dll");
        return built is not null && File.Exists(built) ? built : Path.Combine(here, "Tracker.Host.dll");
    }

    /// <summary><c>dotnet dll args</c> in the dll's folder, output redirected, <paramref name="environment"/> set in
    /// order over the inherited one.</summary>
    public static ProcessStartInfo StartInfo(string dll, IEnumerable<string> args,
        IEnumerable<KeyValuePair<string, string>> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return info;
    }

    /// <summary>Starts the process and keeps its last <paramref name="keepLines"/> lines in <paramref name="output"/>
    /// (a fresh queue unless given, so a restarted node can keep one history).</summary>
    public static TrackerProcess Start(ProcessStartInfo info, Uri? baseAddress = null, int keepLines = 2000,
        ConcurrentQueue<string>? output = null)
    {
        var clock = Stopwatch.StartNew(); // before Process.Start: the benchmark's G8 counts the process start too
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + info.FileName);
        var host = new TrackerProcess(process, clock, output ?? new(), keepLines, baseAddress);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        Output.Enqueue(line);
        while (Output.Count > _keepLines) Output.TryDequeue(out _);
    }

    /// <summary>Polls <paramref name="probe"/> every <paramref name="interval"/> until it answers 200 and returns the
    /// time since the process was started. Not listening yet and request time-outs count as not ready; an exit or
    /// <paramref name="timeout"/> fails with the tail of the output (and a time-out kills the process).</summary>
    public async Task<TimeSpan> WaitForOkAsync(HttpClient client, Uri probe, TimeSpan timeout, TimeSpan interval,
        CancellationToken ct = default)
    {
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"The Host exited ({_process.ExitCode}) before {probe} answered 200:\n{Tail()}");
            try
            {
                using var response = await client.GetAsync(probe, ct);
                if (response.StatusCode == HttpStatusCode.OK) return _clock.Elapsed;
            }
            catch (Exception e)
                when ((e is HttpRequestException or TaskCanceledException) && !ct.IsCancellationRequested)
            {
                // not listening yet, or too busy starting to answer in time
            }
            if (_clock.Elapsed > timeout)
            {
                await KillAsync();
                throw new TimeoutException($"The Host did not answer 200 on {probe} within {timeout}:\n{Tail()}");
            }
            await Task.Delay(interval, ct);
        }
    }

    /// <summary>Runs a one-off command (<c>keys create</c>, <c>import</c>, ...) to its end; a time-out kills
    /// it.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(ProcessStartInfo info,
        TimeSpan timeout, CancellationToken ct = default)
    {
        using var process = Process.Start(info)
                            ?? throw new InvalidOperationException("Could not start " + info.FileName);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        return (process.ExitCode, await output, await errors);
    }

    /// <summary><see cref="RunAsync"/> that insists on exit code 0 and answers the standard output.</summary>
    public static async Task<string> RunCheckedAsync(ProcessStartInfo info, TimeSpan timeout,
        CancellationToken ct = default)
    {
        var (exitCode, output, errors) = await RunAsync(info, timeout, ct);
        if (exitCode != 0)
            throw new InvalidOperationException(
                $"{string.Join(' ', info.ArgumentList)} exited with {exitCode}:\n{errors}{output}");
        return output;
    }

    /// <summary>An API key made with the Host's own <c>keys create NAME --role ROLE</c>: only its hash is
    /// stored.</summary>
    public static async Task<string> CreateKeyAsync(string dll, IEnumerable<KeyValuePair<string, string>> environment,
        string name, string role, CancellationToken ct = default)
    {
        var info = StartInfo(dll, ["keys", "create", name, "--role", role], environment);
        var output = await RunCheckedAsync(info, TimeSpan.FromMinutes(2), ct);
        return output.Split('\n').Select(l => l.Trim())
                   .FirstOrDefault(l => l.StartsWith("trk_", StringComparison.Ordinal))
               ?? throw new InvalidOperationException($"keys create printed no key:\n{output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was not committed is gone.</summary>
    public async Task KillAsync(bool entireProcessTree = true)
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
