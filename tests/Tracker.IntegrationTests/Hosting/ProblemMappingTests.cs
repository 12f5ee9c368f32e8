using JasperFx;
using Microsoft.Extensions.DependencyInjection;
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

    private static Npgsql.NpgsqlException ConnectionLost() => new("Exception while reading from stream", new IOException("reset"));

    public static TheoryData<Exception> StoreOutages() => new()
    {
        ConnectionLost(),
        new Npgsql.PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"),
        new Marten.Exceptions.MartenCommandException(new Npgsql.NpgsqlCommand("select 1"), ConnectionLost()),
        new AggregateException(new Marten.Exceptions.MartenCommandException(new Npgsql.NpgsqlCommand("select 1"), ConnectionLost())),
        new AggregateException(new InvalidOperationException("other chunk"), ConnectionLost()),
        new InvalidOperationException("wrapped by a handler", new Marten.Exceptions.MartenCommandException(null, ConnectionLost())),
        new TimeoutException("Timeout during reading attempt"),
    };

    [Theory]
    [MemberData(nameof(StoreOutages))]
    public void A_transient_database_failure_anywhere_in_the_chain_is_a_503(Exception outage)
    {
        var problem = ProblemMapping.Map(new DefaultHttpContext(), outage);
        problem.Status.ShouldBe(503);
        problem.Extensions["code"].ShouldBe("store_unavailable");
    }

    [Fact]
    public void A_permanent_database_error_is_not_a_503()
    {
        var unique = new Npgsql.PostgresException("duplicate key", "ERROR", "ERROR", "23505");
        ProblemMapping.Map(new DefaultHttpContext(),
            new Marten.Exceptions.MartenCommandException(new Npgsql.NpgsqlCommand("insert"), unique)).Status.ShouldBe(500);
    }

    [Fact]
    public async Task The_503_answer_carries_retry_after()
    {
        var http = new DefaultHttpContext();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddLogging().AddProblemDetails()
            .BuildServiceProvider();
        http.RequestServices = services;
        var handler = new ProblemMapping(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ProblemMapping>.Instance);
        await handler.TryHandleAsync(http, new AggregateException(ConnectionLost()), CancellationToken.None);
        http.Response.StatusCode.ShouldBe(503);
        http.Response.Headers.RetryAfter.ToString().ShouldBe("2");
    }

    [Fact]
    public void Anything_unexpected_is_a_500_without_its_message()
    {
        var problem = ProblemMapping.Map(new DefaultHttpContext(), new InvalidOperationException("connection string secret"));
        problem.Status.ShouldBe(500);
        problem.Detail!.ShouldNotContain("secret");
    }
}
