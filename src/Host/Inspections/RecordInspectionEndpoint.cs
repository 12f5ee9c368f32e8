using Marten;
using Tracker.Domain.Inspections;
using Tracker.Host.Common;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Inspections;

public static class RecordInspectionEndpoint
{
    /// <summary>Record a graded full inspection report.</summary>
    [WriteAnswers]
    [WolverinePost("/api/authorities/{authority}/inspections", OperationId = "RecordInspection")]
    public static Task<IResult> Post(string authority, InspectionInput inspection, HttpContext http, IMessageBus bus, IQuerySession query) =>
        HttpCommands.SendAsync(http, bus, query, inspection,
            new RecordInspection(authority, inspection, HttpCommands.Caller(http), HttpCommands.ExpectedVersion(http)));
}
