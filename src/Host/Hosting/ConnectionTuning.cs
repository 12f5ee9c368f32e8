using Npgsql;

namespace Tracker.Host.Hosting;

/// <summary>
/// Npgsql settings Tracker applies unless the connection string sets them itself. Without auto-preparation every pooled
/// connection is reset with DISCARD ALL when it is returned, which throws away prepared statements and the cached plans
/// of Marten's append function, so each command parsed and planned its six statements again (see docs/benchmarks-analysis.md).
/// </summary>
public static class ConnectionTuning
{
    public const int MaxAutoPrepare = 64;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare")) builder.MaxAutoPrepare = MaxAutoPrepare;
        if (!Mentions(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));
}
