using Marten;
using Tracker.Domain.Metrics;
using Tracker.Host.Common;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Metrics;

public static class RecordMetricEndpoint
{
    /// <summary>Record a service-metric observation.</summary>
    [WriteAnswers]
    [WolverinePost("/api/authorities/{authority}/metrics", OperationId = "RecordMetric")]
    public static Task<IResult> Post(string authority, MetricInput observation, HttpContext http, IMessageBus bus, IQuerySession query) =>
        HttpCommands.SendAsync(http, bus, query, observation,
            new RecordMetric(authority, observation, HttpCommands.Caller(http), HttpCommands.ExpectedVersion(http)));
}
