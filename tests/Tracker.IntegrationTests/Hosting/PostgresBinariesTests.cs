using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Hosting;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tracker-bin-").FullName;

    [Fact]
    public void The_newest_debian_version_with_initdb_and_pg_ctl_is_chosen()
    {
        foreach (var version in new[] { "13", "15" })
        {
            var bin = Directory.CreateDirectory(Path.Combine(_root, version, "bin")).FullName;
            File.WriteAllText(Path.Combine(bin, "initdb"), "");
            File.WriteAllText(Path.Combine(bin, "pg_ctl"), "");
        }
        PostgresBinaries.Find(path: "", _root, usePgConfig: false).ShouldBe(Path.Combine(_root, "15", "bin"));
    }

    [Fact]
    public void Without_binaries_nothing_is_found_and_the_message_names_both_fixes()
    {
        PostgresBinaries.Find(path: "", _root, usePgConfig: false).ShouldBeNull();
        PostgresBinaries.Missing.ShouldContain("apt-get install -y postgresql");
        PostgresBinaries.Missing.ShouldContain("ConnectionStrings__Marten");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
