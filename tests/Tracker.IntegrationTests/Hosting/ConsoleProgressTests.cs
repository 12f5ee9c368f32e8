using Spectre.Console;
using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Hosting;

public sealed class ConsoleProgressTests
{
    private static (IAnsiConsole Console, StringWriter Output) Console(bool terminal)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        return (console, output);
    }

    [Fact]
    public async Task Without_a_terminal_the_progress_lines_are_printed_plainly_and_nothing_else()
    {
        var (console, output) = Console(terminal: false);

        var result = await ConsoleProgress.RunAsync(console, interactive: false, "Importing x.csv", progress =>
        {
            progress("Importing history-csv...");
            progress("  [1/2] a.pdf: imported");
            return Task.FromResult(42);
        }, () => 0.5);

        result.ShouldBe(42);
        output.ToString().ShouldBe($"Importing history-csv...{Environment.NewLine}  [1/2] a.pdf: imported{Environment.NewLine}");
    }

    [Fact]
    public async Task On_a_terminal_a_bar_follows_the_steps_and_ends_complete()
    {
        var (console, output) = Console(terminal: true);

        await ConsoleProgress.RunAsync(console, interactive: true, "Rebuilding", async progress =>
        {
            progress("[1/2] Authority: replaying 10 events...");
            await Task.Delay(500); // the bar refreshes every 100 ms; the writer keeps every frame
            progress("[2/2] GradePicture: done");
            return 0;
        });

        output.ToString().ShouldContain("50%");
        output.ToString().ShouldContain("Authority: replaying");
        output.ToString().ShouldContain("100%");
        output.ToString().ShouldContain("\u001b["); // drawn with cursor control, not as plain lines
    }
}
