using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Hosting;

/// <summary>The Host's command line run as a real process, with no connection string configured.</summary>
public sealed class CommandLineTests
{
    private static Task<(int ExitCode, string Output)> RunAsync(string dataDirectory, params string[] args) =>
        RunInAsync("Development", dataDirectory, args);

    private static async Task<(int ExitCode, string Output)> RunInAsync(string environment, string dataDirectory, string[] args)
    {
        var dll = Faults.HostProcess.HostDll();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment.Remove("ConnectionStrings__Marten");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["Tracker__Postgres__DataDirectory"] = dataDirectory;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    public async Task Help_lists_the_commands_without_creating_or_starting_an_embedded_PostgreSQL(string help)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tracker-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output) = await RunAsync(Path.Combine(folder, "pg"), help);

            exitCode.ShouldBe(0, output);
            output.ShouldContain("db-apply");
            output.ShouldNotContain("embedded PostgreSQL");
            // JasperFx's assembly scan banner ("Searching '…' for commands") is noise before every command.
            output.ShouldNotContain("Searching");
            output.ShouldContain("import");
            Directory.Exists(folder).ShouldBeFalse("no cluster may be initialised for help");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Help_works_outside_Development_without_pre_generated_code()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tracker-cli-" + Guid.NewGuid().ToString("N"));
        var (exitCode, output) = await RunInAsync("Production", Path.Combine(folder, "pg"), ["help"]);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("db-apply");
        output.ShouldNotContain("MissingPreBuiltTypesException");
    }

    [Fact]
    public async Task A_start_that_fails_after_the_embedded_server_started_stops_that_server()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tracker-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Production loads pre-generated code, which a test build does not have: the start fails after PostgreSQL is up.
            var (exitCode, output) = await RunInAsync("Production", Path.Combine(folder, "pg"), ["db-list"]);

            exitCode.ShouldNotBe(0, output);
            output.ShouldContain("Embedded PostgreSQL listening");
            File.Exists(Path.Combine(folder, "pg", "data", "postmaster.pid")).ShouldBeFalse("the embedded server was stopped");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_healthcheck_probe_exits_0_only_when_health_live_answers_2xx()
    {
        var status = StatusCodes.Status200OK;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/health/live", () => Results.StatusCode(status));
        await app.StartAsync();
        var url = app.Urls.Single() + "/health/live";

        (await HealthProbe.RunAsync([url])).ShouldBe(0);
        status = StatusCodes.Status503ServiceUnavailable;
        (await HealthProbe.RunAsync([url])).ShouldBe(1);
        await app.StopAsync();
        (await HealthProbe.RunAsync([url])).ShouldBe(1);
    }
}
