using System.Globalization;

namespace Tracker.Benchmarks.Infra;

/// <summary>CPU seconds used so far by a server process (Host or bare server), PostgreSQL (postmaster, live and reaped backends) and this process.</summary>
public sealed record CpuSample(double Host, double Postgres, double Bench)
{
    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.Host - b.Host, a.Postgres - b.Postgres, a.Bench - b.Bench);
}

/// <summary>
/// The cheapest profile there is on a saturated 2-core machine: where the CPU went. Throughput there is roughly
/// cores ÷ CPU per operation, so CPU ms per event by process says which side to make cheaper. Read from /proc.
/// </summary>
public sealed class CpuMeter(string postgresDataDirectory)
{
    private static readonly double Tick = 100.0; // USER_HZ on Linux

    public CpuSample Sample(int? hostPid) => new(
        hostPid is { } pid ? Seconds(pid, includeChildren: false) : 0,
        PostgresSeconds(),
        Seconds(Environment.ProcessId, includeChildren: false));

    private double PostgresSeconds()
    {
        var postmaster = PostmasterPid();
        if (postmaster is null) return 0;
        var total = Seconds(postmaster.Value, includeChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat && stat.Ppid == postmaster)
                total += (stat.Utime + stat.Stime) / Tick;
        return total;
    }

    private int? PostmasterPid()
    {
        try { return int.Parse(File.ReadLines(Path.Combine(postgresDataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture); }
        catch (IOException) { return null; }
    }

    private static double Seconds(int pid, bool includeChildren) => Stat(pid) is { } s
        ? (s.Utime + s.Stime + (includeChildren ? s.Cutime + s.Cstime : 0)) / Tick
        : 0;

    private sealed record ProcStat(int Ppid, long Utime, long Stime, long Cutime, long Cstime);

    private static ProcStat? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return new ProcStat(int.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[11], CultureInfo.InvariantCulture),
                long.Parse(f[12], CultureInfo.InvariantCulture), long.Parse(f[13], CultureInfo.InvariantCulture), long.Parse(f[14], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { return null; }
    }
}
