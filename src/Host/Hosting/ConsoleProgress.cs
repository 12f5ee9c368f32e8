using System.Text.RegularExpressions;
using Spectre.Console;
using Tracker.Host.Imports;

namespace Tracker.Host.Hosting;

/// <summary>
/// Progress for the long CLI commands (<c>import</c>, <c>rebuild</c>): a Spectre.Console bar when standard output is a
/// terminal, the plain progress lines otherwise, so logs, pipes and tests read as before. The work reports through
/// the usual <see cref="ImportProgress"/> lines; the bar's position comes from an optional fraction (polled) or from
/// lines that name their step (<c>[3/41] …</c>), and its caption is the latest line.
/// </summary>
public static partial class ConsoleProgress
{
    /// <summary>Bars only for a person watching: not when output is redirected, nor without cursor control.</summary>
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static Task<T> RunAsync<T>(string title, Func<ImportProgress, Task<T>> work, Func<double>? fraction = null) =>
        RunAsync(AnsiConsole.Console, Interactive, title, work, fraction);

    public static async Task<T> RunAsync<T>(IAnsiConsole console, bool interactive, string title,
        Func<ImportProgress, Task<T>> work, Func<double>? fraction = null)
    {
        if (!interactive) return await work(line => console.WriteLine(line));

        T result = default!;
        await console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Markup.Escape(title), maxValue: 1.0);
                bar.IsIndeterminate = fraction is null;
                using var stop = new CancellationTokenSource();
                var poll = fraction is null ? Task.CompletedTask : PollAsync(bar, fraction, stop.Token);
                result = await work(line =>
                {
                    if (Step().Match(line) is { Success: true } m && int.TryParse(m.Groups[2].Value, out var of) && of > 0)
                    {
                        bar.IsIndeterminate = false;
                        bar.Value = Math.Min(1.0, double.Parse(m.Groups[1].Value) / of);
                    }
                    bar.Description = Markup.Escape($"{title}: {Shorten(line.Trim())}");
                });
                await stop.CancelAsync();
                await poll;
                bar.IsIndeterminate = false;
                bar.Value = bar.MaxValue;
                bar.Description = Markup.Escape(title);
            });
        return result;
    }

    private static async Task PollAsync(ProgressTask bar, Func<double> fraction, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                bar.Value = Math.Clamp(fraction(), 0, 1);
                await Task.Delay(200, stop);
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { } // the file was closed as the work ended
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";

    [GeneratedRegex(@"^\s*\[(\d+)/(\d+)\]")]
    private static partial Regex Step();
}
