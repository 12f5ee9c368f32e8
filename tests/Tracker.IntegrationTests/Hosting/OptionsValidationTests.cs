using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Hosting;

/// <summary>A bad setting stops the Host at start, naming the setting, instead of misbehaving later.</summary>
public sealed class OptionsValidationTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public override Task InitializeAsync() => Task.CompletedTask; // nothing is written: the shared data stays as it is

    [Theory]
    [InlineData("Tracker:RateLimit:PermitsPerWindow", "0", "Tracker:RateLimit:PermitsPerWindow is invalid")]
    [InlineData("Tracker:Limits:MaxBodyBytes", "10", "Tracker:Limits:MaxBodyBytes is invalid")]
    [InlineData("Tracker:Health:LagPollSeconds", "0", "Tracker:Health:LagPollSeconds is invalid")]
    [InlineData("Tracker:Integrations:RetryHorizon", "-00:05:00", "Tracker:Integrations:RetryHorizon is invalid")]
    [InlineData("Tracker:Integrations:MaxRetryDelay", "00:00:00.100", "Tracker:Integrations:MaxRetryDelay is invalid: must not be shorter than FirstRetryDelay")]
    [InlineData("Tracker:Integrations:TransportQueue", "Tracker Events", "Tracker:Integrations:TransportQueue is invalid")]
    public async Task A_host_with_a_bad_setting_does_not_start_and_says_which(string key, string value, string message)
    {
        var failure = await Should.ThrowAsync<Exception>(() =>
            TrackerFixture.StartHostAsync(Fixture.ConnectionString, new Dictionary<string, string> { [key] = value }));
        failure.ToString().ShouldContain(message);
    }
}
