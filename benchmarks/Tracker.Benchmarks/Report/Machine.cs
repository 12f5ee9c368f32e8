using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace Tracker.Benchmarks.Report;

/// <summary>What the numbers were measured on: they mean little without it on a shared 2-core machine.</summary>
public sealed record Machine(string Cpu, int Cores, string Memory, string Os, string Dotnet, string Postgres, DateTimeOffset StartedAt)
{
    public static async Task<Machine> DescribeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version()", connection);
        var postgres = (string)(await command.ExecuteScalarAsync())!;
        var cpu = ReadProc("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadProc("/proc/meminfo", "MemTotal")?.Split(' ')[0];
        var memory = memKb is null ? "unknown" : $"{long.Parse(memKb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0:N1} GiB";
        return new Machine(cpu, Environment.ProcessorCount, memory, RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, postgres.Split(" on ")[0], DateTimeOffset.UtcNow);
    }

    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    public static double LoadAverage1() =>
        double.TryParse(LoadAverage().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    private static string? ReadProc(string file, string key)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line?[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { return null; }
    }
}
