using Marten;
using Tracker.Domain.Visits;
using Tracker.Host.Common;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Visits;

public static class RecordMonitoringVisitEndpoint
{
    /// <summary>Record an ungraded monitoring-visit letter.</summary>
    [WriteAnswers]
    [WolverinePost("/api/authorities/{authority}/monitoring-visits", OperationId = "RecordMonitoringVisit")]
    public static Task<IResult> Post(string authority, VisitInput visit, HttpContext http, IMessageBus bus, IQuerySession query) =>
        HttpCommands.SendAsync(http, bus, query, visit,
            new RecordMonitoringVisit(authority, visit, HttpCommands.Caller(http), HttpCommands.ExpectedVersion(http)));
}
