using System.Text.RegularExpressions;
using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Hosting;

/// <summary>
/// There is no Docker engine on the build machine, so the Dockerfile and compose file are checked as text for the
/// properties that matter (docker-compose config -q validates the compose syntax; see README "Container").
/// </summary>
public sealed class ContainerFileTests
{
    private static readonly string Root = RepositoryRoot();
    private static string[] Dockerfile => File.ReadAllLines(Path.Combine(Root, "Dockerfile"));

    /// <summary>The runtime stage: everything after the last FROM.</summary>
    private static List<string> RuntimeStage()
    {
        var lines = Dockerfile;
        var last = Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        return lines[last..].ToList();
    }

    [Fact]
    public void The_runtime_image_runs_as_a_non_root_user_before_its_entrypoint()
    {
        var stage = RuntimeStage();
        var user = stage.FindLastIndex(l => l.StartsWith("USER ", StringComparison.Ordinal));
        user.ShouldBeGreaterThan(0, "the runtime stage sets USER");
        stage[user]["USER ".Length..].Trim().ShouldNotBeOneOf("root", "0", "0:0");
        user.ShouldBeLessThan(stage.FindIndex(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_runtime_image_has_a_healthcheck_that_runs_the_hosts_own_probe_of_health_live()
    {
        var text = string.Join('\n', RuntimeStage()).Replace("\\\n", " ");
        var healthcheck = text.Split('\n').SingleOrDefault(l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        healthcheck.ShouldNotBeNull();
        healthcheck.ShouldContain($"\"{HealthProbe.Command}\"");
        healthcheck.ShouldContain("/health/live");
    }

    [Fact]
    public void Packages_are_restored_from_the_project_files_before_the_sources_are_copied()
    {
        var lines = Dockerfile.ToList();
        var restore = lines.FindIndex(l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var sources = lines.FindIndex(l => l.StartsWith("COPY src/ ", StringComparison.Ordinal));
        restore.ShouldBeGreaterThan(0);
        restore.ShouldBeLessThan(sources);
        var copiedFirst = string.Join('\n', lines[..restore]);
        foreach (var project in Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories))
            copiedFirst.ShouldContain(Path.GetRelativePath(Root, project).Replace('\\', '/'), customMessage: "copied before the restore");
        copiedFirst.ShouldContain("Directory.Packages.props");
    }

    [Fact]
    public void Compose_publishes_ports_of_backing_services_on_loopback_restarts_and_keeps_secrets_in_env()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        Regex.Matches(compose, @"""(?<mapping>[0-9.:]*5432[0-9:]*)""").Select(m => m.Groups["mapping"].Value)
            .ShouldAllBe(m => m.StartsWith("127.0.0.1:"));
        var services = compose[compose.IndexOf("\nservices:", StringComparison.Ordinal)..
            compose.IndexOf("\nvolumes:", StringComparison.Ordinal)];
        Regex.Matches(services, @"^  [a-z]+:\s*$", RegexOptions.Multiline).Count
            .ShouldBe(Regex.Matches(services, @"^    restart: unless-stopped", RegexOptions.Multiline).Count);
        Regex.IsMatch(compose, @"^\s+(POSTGRES_PASSWORD|RABBITMQ_DEFAULT_PASS):", RegexOptions.Multiline)
            .ShouldBeFalse("passwords come from .env, never from the committed file");
        File.ReadAllLines(Path.Combine(Root, ".gitignore")).ShouldContain(".env");
        File.Exists(Path.Combine(Root, ".env.example")).ShouldBeTrue();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tracker.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Tracker.sln not found above the test binaries.");
    }
}
