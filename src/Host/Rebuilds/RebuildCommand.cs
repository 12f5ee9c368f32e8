using System.Globalization;
using JasperFx.CommandLine;
using Marten;

namespace Tracker.Host.Rebuilds;

public sealed class RebuildInput : NetCoreInput
{
    [Description("Projection to rebuild (AuthorityStanding, Authority, GradePicture); all when omitted")]
    public string? Name { get; set; }

    [Description("Rebuild even while Host nodes are running against the same database")]
    public bool ForceFlag { get; set; }
}

/// <summary><c>dotnet run --project src/Host -- rebuild [name]</c>. JasperFx finds commands in the entry assembly.</summary>
[Description("Rebuild one or all of Tracker's projections from the event store, with progress", Name = "rebuild")]
public sealed class RebuildCommand : JasperFxAsyncCommand<RebuildInput>
{
    public RebuildCommand()
    {
        Usage("Rebuild every projection").NoArguments();
        Usage("Rebuild one projection").Arguments(x => x.Name!);
    }

    public override async Task<bool> Execute(RebuildInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        try
        {
            var staleAfter = host.Services.GetRequiredService<IConfiguration>()
                .GetValue("Tracker:Cluster:StaleNodeTimeout", TimeSpan.FromSeconds(10));
            var live = await RunningNodes.LiveAsync(store, staleAfter, CancellationToken.None);
            if (RunningNodes.Refusal(live) is { } refusal && !input.ForceFlag)
            {
                await Console.Error.WriteLineAsync(refusal);
                return false;
            }
            if (live.Count > 0) Console.WriteLine($"--force: rebuilding beside {live.Count} running node(s).");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var summaries = await Hosting.ConsoleProgress.RunAsync("Rebuilding",
                progress => ProjectionRebuild.RunAsync(store, input.Name, line => progress(line), CancellationToken.None,
                    besideLiveNodes: live.Count > 0));
            var seconds = clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            Console.WriteLine($"Rebuilt {summaries.Count} projection(s) in {seconds} s: " +
                string.Join("; ", summaries.Select(s => $"{s.Projection} {s.Documents} documents from {s.EventsRead} events")));
            return true;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
    }
}
