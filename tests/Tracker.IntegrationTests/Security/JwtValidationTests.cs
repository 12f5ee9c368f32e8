using System.Text;
using Alba;
using Microsoft.Extensions.Configuration;
using Tracker.Host.Security;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Security;

/// <summary>Tokens that must never be accepted, and the admin rule, end to end on a host with a signing key.</summary>
[Collection(StrictCollection.Name)]
public sealed class JwtValidationTests(StrictFixture fixture)
{
    private IAlbaHost Host => fixture.Host;

    public static TheoryData<string, string> RefusedTokens()
    {
        var valid = StrictHostTests.Token("jwt-refused", "admin");
        var parts = valid.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url(parts[1])).Replace("\"jwt-refused\"", "\"jwt-mallory\"", StringComparison.Ordinal);
        return new()
        {
            { "expired", StrictHostTests.Token("jwt-refused", "admin", expires: DateTime.UtcNow.AddMinutes(-10)) },
            { "alg none", $"{Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}." },
            { "wrong audience", StrictHostTests.Token("jwt-refused", "admin", audience: "another-api") },
            { "tampered payload", $"{parts[0]}.{Encode(payload)}.{parts[2]}" },
        };
    }

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task An_expired_unsigned_misaddressed_or_tampered_token_is_a_401(string why, string token)
    {
        var answer = await Host.Scenario(s =>
        {
            s.Get.Url("/api/authorities/380");
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.StatusCodeShouldBe(401);
        });
        answer.Context.Response.Headers.WWWAuthenticate.ToString().ShouldContain("Bearer", customMessage: why);
    }

    [Fact]
    public async Task An_admin_endpoint_is_403_to_a_writer_token_and_200_to_an_admin_token()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/subscriptions");
            s.WithRequestHeader("Authorization", $"Bearer {StrictHostTests.Token("jwt-writer-admin-check", "writer")}");
            s.StatusCodeShouldBe(403);
        });
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/subscriptions");
            s.WithRequestHeader("Authorization", $"Bearer {StrictHostTests.Token("jwt-admin", "admin")}");
            s.StatusCodeShouldBe(200);
        });
    }

    [Theory]
    [InlineData(null, "tracker")]
    [InlineData("tracker-api", null)]
    [InlineData(null, null)]
    public void An_authority_without_an_audience_and_an_issuer_stops_the_host(string? audience, string? issuer)
    {
        var jwt = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authority"] = "https://login.example.org", ["Audience"] = audience, ["Issuer"] = issuer,
        }).Build();
        Should.Throw<InvalidOperationException>(() => JwtSettings.Check(jwt)).Message.ShouldContain("Tracker:Auth:Jwt:");
    }

    [Fact]
    public void Algorithms_are_pinned_to_the_kind_of_key_configured()
    {
        IConfiguration Jwt(string key, string value) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        JwtSettings.Algorithms(Jwt("Authority", "https://login.example.org")).ShouldBe(["RS256", "ES256"]);
        JwtSettings.Algorithms(Jwt("SigningKey", "k")).ShouldBe(["HS256"]);
    }

    private static byte[] Base64Url(string text) => Convert.FromBase64String(
        text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4));

    private static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
