using System.Security.Claims;
using Alba;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tracker.IntegrationTests.Inspections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Security;

[Collection(StrictCollection.Name)]
public sealed class StrictHostTests(StrictFixture fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task With_anonymous_reads_off_a_read_without_credentials_is_a_401() =>
        await Host.Scenario(s => { s.Get.Url("/api/authorities/380"); s.RemoveRequestHeader("Authorization"); s.StatusCodeShouldBe(401); });

    [Fact]
    public async Task A_signed_jwt_with_the_writer_role_may_write_and_is_recorded_as_its_subject()
    {
        var answer = await Host.Post("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023($"jwt-{Guid.NewGuid():N}"),
            configure: s => s.WithRequestHeader("Authorization", $"Bearer {Token("jwt-writer", "writer")}"));
        answer.Status.ShouldBe("recorded");
        var fact = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/authorities/380/facts/{answer.FactId}");
            s.WithRequestHeader("Authorization", $"Bearer {Token("jwt-writer", "reader")}");
        });
        (await fact.ReadAsTextAsync()).ShouldContain("jwt-writer");
    }

    [Fact]
    public async Task A_jwt_with_only_the_reader_role_cannot_write_and_a_forged_one_cannot_read()
    {
        await Host.Scenario(s =>
        {
            s.Post.Json(RecordInspectionTests.Ilacs2023("jwt-reader")).ToUrl("/api/authorities/380/inspections");
            s.WithRequestHeader("Authorization", $"Bearer {Token("jwt-reader", "reader")}");
            s.StatusCodeShouldBe(403);
        });
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/authorities/380");
            s.WithRequestHeader("Authorization", $"Bearer {Token("jwt-forger", "admin", "another-key-0123456789-0123456789-abcdef")}");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task A_key_over_its_rate_limit_gets_a_429_problem_with_retry_after()
    {
        for (var i = 0; i < StrictFixture.PermitsPerWindow; i++)
            await Host.Scenario(s => { s.Get.Url("/api/authorities/380"); s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Reader)); s.StatusCodeShouldBeOk(); });

        var limited = await Host.Scenario(s =>
        {
            s.Get.Url("/api/authorities/380");
            s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Reader));
            s.StatusCodeShouldBe(429);
            s.ContentTypeShouldBe("application/problem+json");
        });
        int.Parse(limited.Context.Response.Headers.RetryAfter.ToString()).ShouldBeGreaterThan(0);
        // Limits are per key: another caller is unaffected.
        await Host.Scenario(s => { s.Get.Url("/api/authorities/380"); s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin)); s.StatusCodeShouldBeOk(); });
    }

    internal static string Token(string subject, string role, string key = StrictFixture.SigningKey, string audience = StrictFixture.Audience,
        DateTime? expires = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role)]),
        Issuer = "tracker-tests",
        Audience = audience,
        NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-20),
        IssuedAt = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-20),
        Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}
