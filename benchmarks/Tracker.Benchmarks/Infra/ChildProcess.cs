using System.Diagnostics;
using System.Threading.Channels;

namespace Tracker.Benchmarks.Infra;

/// <summary>
/// This benchmark's own binary started in a child mode (<c>--child rebuild|bare</c>), so the code under test runs in a
/// process of its own: its peak RSS is not the load generator's, and it cannot share a JIT or thread pool with it.
/// Children speak one line protocol on stdout: <c>READY ...</c>, <c>RESULT ...</c>; other lines are progress.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _tail = [];

    private ChildProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public static ChildProcess Start(string mode, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Repository.BenchmarkDll);
        info.ArgumentList.Add("--child");
        info.ArgumentList.Add(mode);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var child = new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start child {mode}"));
        child._process.OutputDataReceived += (_, e) => { if (e.Data is null) child._lines.Writer.TryComplete(); else child._lines.Writer.TryWrite(e.Data); };
        child._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (child._tail) child._tail.Add(e.Data); };
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the first line starting with <paramref name="prefix"/>, echoing progress lines.</summary>
    public async Task<string> WaitForAsync(string prefix, Action<string> log, CancellationToken ct)
    {
        await foreach (var line in _lines.Reader.ReadAllAsync(ct))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line[prefix.Length..].Trim();
            log("    | " + line);
        }
        await _process.WaitForExitAsync(ct);
        string errors;
        lock (_tail) errors = string.Join('\n', _tail.TakeLast(30));
        throw new InvalidOperationException($"Child process exited ({_process.ExitCode}) without '{prefix}':\n{errors}");
    }

    public double? PeakRssMb => ProcessMemory.PeakRssMb(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
