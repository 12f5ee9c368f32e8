using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Http;
using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Hosting;

/// <summary>Every concurrency and stream-collision exception Marten raises becomes a 409, or a 412 under If-Match; never a 500.</summary>
public sealed class ProblemMappingTests
{
    public static TheoryData<Exception> StreamRaces() => new()
    {
        new ConcurrencyException("stale", typeof(object), "380"),
        new EventStreamUnexpectedMaxEventIdException("380", typeof(object), 3, 4),
        new ExistingStreamIdCollisionException("380", typeof(object)),
        new StreamLockedException("380", new Exception("lock timeout")),
    };

    [Theory]
    [MemberData(nameof(StreamRaces))]
    public void A_stream_race_is_a_409(Exception race) =>
        ProblemMapping.Map(new DefaultHttpContext(), race).Status.ShouldBe(409);

    [Theory]
    [MemberData(nameof(StreamRaces))]
    public void A_stream_race_under_if_match_is_a_412(Exception race)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.IfMatch = "\"3\"";
        ProblemMapping.Map(http, race).Status.ShouldBe(412);
    }

    [Fact]
    public void Anything_unexpected_is_a_500_without_its_message()
    {
        var problem = ProblemMapping.Map(new DefaultHttpContext(), new InvalidOperationException("connection string secret"));
        problem.Status.ShouldBe(500);
        problem.Detail!.ShouldNotContain("secret");
    }
}
