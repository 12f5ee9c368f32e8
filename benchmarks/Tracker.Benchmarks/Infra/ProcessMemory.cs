namespace Tracker.Benchmarks.Infra;

/// <summary>Resident memory from /proc: VmHWM is the kernel's own peak-RSS high-water mark for a process.</summary>
public static class ProcessMemory
{
    public static double? PeakRssMb(int pid) => Read(pid, "VmHWM:");

    public static double? CurrentRssMb(int pid) => Read(pid, "VmRSS:");

    private static double? Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            if (line is null) return null;
            var kb = long.Parse(line[field.Length..].Trim().Split(' ')[0]);
            return kb / 1024.0;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
