using Marten;
using Tracker.Domain.Corrections;
using Tracker.Host.Common;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Corrections;

public static class CorrectFactEndpoint
{
    /// <summary>Correct or withdraw an earlier fact.</summary>
    [WriteAnswers]
    [WolverinePost("/api/authorities/{authority}/corrections", OperationId = "CorrectFact")]
    public static Task<IResult> Post(string authority, CorrectionInput correction, HttpContext http, IMessageBus bus, IQuerySession query) =>
        HttpCommands.SendAsync(http, bus, query, correction,
            new CorrectFact(authority, correction, HttpCommands.Caller(http), HttpCommands.ExpectedVersion(http)));
}
