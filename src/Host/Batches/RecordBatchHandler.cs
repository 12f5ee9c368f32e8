using Tracker.Domain.Common;
using Tracker.Host.Writes;

namespace Tracker.Host.Batches;

public sealed record BatchItemResult(int Index, string Status, string Authority, string FactId, long Version);

public sealed record BatchResult(int Recorded, int AlreadyRecorded, IReadOnlyList<BatchItemResult> Results);

/// <summary>
/// A batch goes through the one writer, all or nothing: any rejected command rejects the batch, so nothing is ever
/// half recorded, and the answer names every rejected command by its index.
/// </summary>
public static class RecordBatchHandler
{
    public static async Task<BatchResult> Handle(RecordBatch batch, AuthorityWriter writer, CancellationToken ct)
    {
        var request = new WriteRequest([.. batch.Commands.Select(c => new WriteCommand(c))], WriteMode.AllOrNothing);
        var result = await writer.WriteAsync(request, ct);
        if (result.Rejected.Count > 0) throw Refusal(result);
        var items = result.Results.Select(r => new BatchItemResult(r.Index, Status(r.Status), r.AuthorityId!, r.FactId, r.Version)).ToList();
        return new BatchResult(items.Count(r => r.Status == "recorded"), items.Count(r => r.Status != "recorded"), items);
    }

    private static string Status(WriteStatus status) => status switch
    {
        WriteStatus.Recorded => "recorded",
        WriteStatus.Withdrawn => "withdrawn",
        _ => "already_recorded",
    };

    private static Rejection Refusal(WriteResult result)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var r in result.Results.Where(r => r.Rejection is not null))
        {
            var at = $"commands[{r.Index}]";
            if (r.AuthorityId is null) errors[$"{at}.authority"] = [r.Rejection!.Message];
            else if (r.Rejection!.Errors.Count == 0) errors[at] = [r.Rejection.Message];
            else foreach (var (field, messages) in r.Rejection.Errors) errors[$"{at}.{field}"] = messages;
        }
        var kinds = result.Rejected.Select(r => r.Reason.Kind).Distinct().ToList();
        var kind = kinds.Count == 1 ? kinds[0] : RejectionKind.Unprocessable;
        var count = result.Rejected.Count;
        return new Rejection(kind, $"{count} of {result.Commands.Count} commands were rejected; nothing was recorded",
            "See errors, keyed by the command's index in the batch.", errors);
    }
}
