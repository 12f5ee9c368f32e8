namespace Tracker.IntegrationTests.Support;

public static class RepositoryRoot
{
    /// <summary>The folder holding Tracker.sln, above the test binaries.</summary>
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tracker.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Tracker.sln not found above the test binaries.");
    }
}
