using Marten;
using Tracker.Domain.Findings;
using Tracker.Host.Common;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Findings;

public static class RecordFindingEndpoint
{
    /// <summary>Record a quoted finding about a service.</summary>
    [WriteAnswers]
    [WolverinePost("/api/authorities/{authority}/findings", OperationId = "RecordFinding")]
    public static Task<IResult> Post(string authority, FindingInput finding, HttpContext http, IMessageBus bus, IQuerySession query) =>
        HttpCommands.SendAsync(http, bus, query, finding,
            new RecordFinding(authority, finding, HttpCommands.Caller(http), HttpCommands.ExpectedVersion(http)));
}
