using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Tracker.Domain.Common;
using Tracker.Host.Hosting;

namespace Tracker.Host.Writes;

/// <summary>
/// Group commit: single commands that arrive while earlier ones are committing are written together, in one
/// transaction, and each caller gets its own command's answer. Under concurrent load this replaces a transaction, its
/// connection and the inline projections' loads per command with one per group; a lone command waits for nothing.
/// </summary>
/// <remarks>
/// A group is written with <see cref="WriteMode.SkipRejected"/>: a rejected command is answered with its rejection and
/// the others are written. Commands decide in arrival order, so two on one authority see each other as they would one
/// after the other. A group that fails for a reason other than a rejection or an outage is split and each command
/// written alone, so one command the store refuses cannot fail its neighbours. Commands that name an expected version
/// do not come here: they are written alone, so a lost race refuses them rather than deciding them again.
/// </remarks>
public sealed class CommitGroups : IAsyncDisposable
{
    /// <summary>Concurrent commits: one can be deciding while another is in the database.</summary>
    public const int Writers = 2;

    /// <summary>Bounds a group's transaction (and the work redone if it loses a race).</summary>
    public const int MaxGroup = 64;

    public const string MeterName = "Tracker.Writes";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<int> GroupSize = Meter.CreateHistogram<int>("tracker.writes.group_size",
        description: "Single commands committed together in one transaction");

    private readonly Func<WriteRequest, CancellationToken, Task<WriteResult>> _write;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lazy<Task[]> _loops;

    public CommitGroups(Func<WriteRequest, CancellationToken, Task<WriteResult>> write)
    {
        _write = write;
        _loops = new Lazy<Task[]>(() => Enumerable.Range(0, Writers).Select(_ => Task.Run(LoopAsync)).ToArray());
    }

    private long _committed;

    /// <summary>Groups this instance has written (one transaction each, retries aside).</summary>
    public long GroupsWritten => Interlocked.Read(ref _committed);

    public Task<CommandResult> WriteAsync(IAuthorityCommand command, CancellationToken ct)
    {
        _ = _loops.Value;
        var pending = new Pending(command,
            new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(CommitGroups));
        // A caller that gives up stops waiting; its command, already queued, may still be written (writes are idempotent).
        return pending.Answer.Task.WaitAsync(ct);
    }

    private async Task LoopAsync()
    {
        var group = new List<Pending>(MaxGroup);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token))
            {
                group.Clear();
                while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next)) group.Add(next);
                if (group.Count > 0) await CommitAsync(group);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
        while (_queue.Reader.TryRead(out var left)) left.Answer.TrySetCanceled();
    }

    private async Task CommitAsync(IReadOnlyList<Pending> group)
    {
        try
        {
            var request = new WriteRequest(group.Select(p => new WriteCommand(p.Command)).ToList(), WriteMode.SkipRejected);
            var result = await _write(request, _stop.Token);
            GroupSize.Record(group.Count);
            Interlocked.Increment(ref _committed);
            for (var i = 0; i < group.Count; i++) group[i].Answer.TrySetResult(result.Results[i] with { Index = 0 });
        }
        catch (Exception e) when (group.Count > 1 && !ProblemMapping.IsStoreOutage(e) && !_stop.IsCancellationRequested)
        {
            foreach (var pending in group) await CommitAsync([pending]);
        }
        catch (Exception e)
        {
            foreach (var pending in group) pending.Answer.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        if (_loops.IsValueCreated) await Task.WhenAll(_loops.Value);
        _stop.Dispose();
    }

    private sealed record Pending(IAuthorityCommand Command, TaskCompletionSource<CommandResult> Answer);
}
