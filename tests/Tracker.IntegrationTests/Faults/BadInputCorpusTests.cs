using System.Text;
using Alba;
using Marten;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Faults;

/// <summary>The bad-input corpus, sent to every endpoint that takes a body: always a 4xx problem, never a write.</summary>
public sealed class BadInputCorpusTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string, string, string, int> Corpus() => new()
    {
        { "malformed JSON", "{\"a\" 1}", "application/json", 400 },
        { "truncated JSON", "{\"reportReference\":\"https://files.ofsted", "application/json", 400 },
        { "a trailing comma", "{\"reportReference\":\"x\",}", "application/json", 400 },
        { "an empty body", "", "application/json", 400 },
        { "a JSON null", "null", "application/json", 400 },
        { "a bare string", "\"inspection\"", "application/json", 400 },
        { "a top-level array", "[{}]", "application/json", 400 },
        { "an unknown field", "{\"noSuchField\":true}", "application/json", 400 },
        { "a duplicate key", "{\"reportReference\":\"a\",\"reportReference\":\"b\"}", "application/json", 400 },
        { "a number where text belongs", "{\"reportReference\":42}", "application/json", 400 },
        { "an enum sent as a number", "{\"framework\":2,\"metric\":1,\"action\":0,\"service\":3}", "application/json", 400 },
        { "a NUL character", "{\"reportReference\":\"a\\u0000b\"}", "application/json", 400 },
        { "an impossible date", "{\"startDate\":\"2024-02-30\",\"publishedOn\":\"2024-13-01\"}", "application/json", 400 },
        { "deep nesting", new string('[', 5000) + new string(']', 5000), "application/json", 400 },
        { "an SQL injection as a field name", "{\"x'); drop table tracker.mt_events;--\":\"1\"}", "application/json", 400 },
        { "a JSON injection in a string", "{\"reportReference\":\"\\\"},{\\\"factId\\\":\\\"r-1\"}", "application/json", 400 },
        { "a 10 MB body", "{\"quote\":\"" + new string('x', 10 * 1024 * 1024) + "\"}", "application/json", 413 },
        { "a 10 MB body sent without a length", "~\"" + new string('x', 10 * 1024 * 1024) + "\"", "application/json", 413 },
        { "text/plain", "{}", "text/plain", 415 },
        { "XML", "<inspection/>", "application/xml", 415 },
        { "a form", "reportReference=x", "application/x-www-form-urlencoded", 415 },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Bad_input_to_every_write_endpoint_is_a_4xx_problem_and_the_store_is_unchanged(string because, string body, string contentType, int status)
    {
        var endpoints = WriteEndpoints.All(Host);
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(7);
        var before = await StoreState();
        // A leading ~ marks a body streamed without Content-Length (chunked), which only the running count can stop.
        var chunked = body.StartsWith('~');
        var bytes = Encoding.UTF8.GetBytes(chunked ? body[1..] : body);
        foreach (var (method, url) in endpoints)
        {
            var result = await Host.Scenario(s =>
            {
                s.ConfigureHttpContext(c =>
                {
                    c.Request.Path = url;
                    c.Request.Method = method;
                    c.Request.ContentType = contentType;
                    c.Request.Body = new MemoryStream(bytes);
                    if (!chunked) c.Request.ContentLength = bytes.Length;
                });
                s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin));
                s.IgnoreStatusCode();
            });
            var text = await result.ReadAsTextAsync();
            var answer = $"{method} {url} with {because}: {result.Context.Response.StatusCode} {text[..Math.Min(text.Length, 300)]}";
            result.Context.Response.StatusCode.ShouldBe(status, answer);
            result.Context.Response.ContentType.ShouldStartWith("application/problem+json", customMessage: answer);
            text.ShouldNotContain("   at ", customMessage: "no stack traces: " + answer);
        }
        (await StoreState()).ShouldBe(before, because);
    }

    private async Task<(long Events, long Highest)> StoreState()
    {
        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().CountAsync();
        var highest = (await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).FirstAsync()).Sequence;
        return (events, highest);
    }
}
