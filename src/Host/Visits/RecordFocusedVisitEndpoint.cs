using Marten;
using Tracker.Domain.Visits;
using Tracker.Host.Common;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Visits;

public static class RecordFocusedVisitEndpoint
{
    /// <summary>Record an ungraded focused-visit letter on a topic.</summary>
    [WriteAnswers]
    [WolverinePost("/api/authorities/{authority}/focused-visits", OperationId = "RecordFocusedVisit")]
    public static Task<IResult> Post(string authority, VisitInput visit, HttpContext http, IMessageBus bus, IQuerySession query) =>
        HttpCommands.SendAsync(http, bus, query, visit,
            new RecordFocusedVisit(authority, visit, HttpCommands.Caller(http), HttpCommands.ExpectedVersion(http)));
}
