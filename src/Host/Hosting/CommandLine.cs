namespace Tracker.Host.Hosting;

/// <summary>Which command-line verbs can run without a database.</summary>
public static class CommandLine
{
    // Help only prints; codegen builds the Wolverine/Marten configuration but never connects. Everything else
    // (running the service, db-*, resources, projections, import, keys, rebuild, check-env) needs a server.
    private static readonly HashSet<string> WithoutDatabase = new(StringComparer.OrdinalIgnoreCase)
    {
        "help", "?", "codegen",
    };

    /// <summary>The placeholder that lets Marten be configured when nothing will connect.</summary>
    public const string NoDatabase = "Host=unused";

    /// <summary>JasperFx reads <c>--help</c> as an unknown flag of the default <c>run</c> command (exit 1): treat the
    /// usual help flags as the <c>help</c> command.</summary>
    public static string[] Normalize(string[] args) => args is ["--help" or "-h" or "-?" or "/?"] ? ["help"] : args;

    public static bool IsHelp(string[] args) => args is ["help" or "?", ..];

    public static bool NeedsDatabase(string[] args) => args.Length == 0 || !WithoutDatabase.Contains(args[0]);

    /// <summary>
    /// JasperFx scans every assembly marked as a JasperFx extension for commands and prints "Searching '…' for
    /// commands" for each, on every start, until extensions have been applied once in the process (a static latch).
    /// Applying an empty extension set closes the latch first. Nothing is lost: the real command factory still finds
    /// the commands and applies the extensions (Marten's, Wolverine's) to the host it builds.
    /// </summary>
    public static void QuietCommandDiscovery() =>
        new JasperFx.CommandLine.CommandFactory()
            .ApplyExtensions(new Microsoft.Extensions.DependencyInjection.ServiceCollection());
}
