using Alba;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Hosting;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Hosting;

public sealed class AccessLogTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_request_gives_one_structured_line_with_method_path_status_elapsed_and_caller_but_no_query()
    {
        using var logs = CapturedLogs.Start(Host.Services, AccessLog.Category);

        await Host.Scenario(s =>
        {
            s.Get.Url("/api/authorities/bradford?asOf=2024-01-01&token=secret-looking-value");
            s.StatusCodeShouldBe(200);
        });
        await Host.Scenario(s =>
        {
            s.RemoveRequestHeader("Authorization");
            s.Get.Url("/api/authorities/nowhere");
            s.StatusCodeShouldBe(404);
        });

        // The line is written when the pipeline unwinds, which can be just after the client has its response.
        var lines = await Eventually.GetAsync(() => Task.FromResult(logs.Entries.ToList()), l => l.Count >= 2,
            TimeSpan.FromSeconds(5), "an access log line per request");
        lines.Count.ShouldBe(2);
        var read = lines[0].Values;
        read["Method"].ShouldBe("GET");
        read["Path"].ShouldBe("/api/authorities/bradford");
        read["StatusCode"].ShouldBe(200);
        ((double)read["ElapsedMs"]!).ShouldBeGreaterThan(0);
        read["Caller"].ShouldBe("key:test-writer");
        lines[0].Message.ShouldNotContain("secret-looking-value");
        lines[0].Message.ShouldNotContain("asOf");
        lines[1].Values["StatusCode"].ShouldBe(404);
        lines[1].Values["Caller"].ShouldBe("-");
    }

    [Fact]
    public async Task The_access_log_can_be_switched_off_in_configuration()
    {
        var configuration = Host.Services.GetRequiredService<IConfiguration>();
        using var logs = CapturedLogs.Start(Host.Services, AccessLog.Category);
        configuration[AccessLog.EnabledKey] = "false";
        try
        {
            await Host.Scenario(s => s.Get.Url("/api/authorities/bradford"));
        }
        finally
        {
            configuration[AccessLog.EnabledKey] = null;
        }
        logs.Entries.ShouldBeEmpty();
    }
}
