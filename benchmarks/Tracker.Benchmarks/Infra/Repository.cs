namespace Tracker.Benchmarks.Infra;

/// <summary>Finds the repository and the Host's build output, so the Host runs as its own process (its RSS is its own).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tracker.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary>The benchmark's build configuration (Release under `dotnet run -c Release`), which the Host was built with too.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    public static string HostDll
    {
        get
        {
            var path = Path.Combine(Root, "src", "Host", "bin", Configuration, "net10.0", "Tracker.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the Host first: dotnet build -c {Configuration} src/Host", path);
        }
    }

    public static string BenchmarkDll => Path.Combine(AppContext.BaseDirectory, "Tracker.Benchmarks.dll");
}
