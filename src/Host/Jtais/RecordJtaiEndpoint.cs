using Marten;
using Tracker.Domain.Jtais;
using Tracker.Host.Common;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Jtais;

public static class RecordJtaiEndpoint
{
    /// <summary>Record a joint targeted area inspection.</summary>
    [WriteAnswers]
    [WolverinePost("/api/authorities/{authority}/jtais", OperationId = "RecordJtai")]
    public static Task<IResult> Post(string authority, JtaiInput jtai, HttpContext http, IMessageBus bus, IQuerySession query) =>
        HttpCommands.SendAsync(http, bus, query, jtai,
            new RecordJtai(authority, jtai, HttpCommands.Caller(http), HttpCommands.ExpectedVersion(http)));
}
