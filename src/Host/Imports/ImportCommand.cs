using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Hosting;

namespace Tracker.Host.Imports;

public sealed class ImportInput : NetCoreInput
{
    [Description("The file to import (the official inspection history CSV, the IRO summary page text, or a report PDF), or a folder of report PDFs")]
    public string File { get; set; } = "";
}

/// <summary><c>dotnet run --project src/Host -- import &lt;file&gt;</c>: imports one file, printing progress and the summary.</summary>
[Description("Import the official inspection history CSV, the IRO summary page, or Ofsted report PDFs", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        var path = Locate(input.File);
        if (path is null)
        {
            await Console.Error.WriteLineAsync($"No such file: {input.File} (looked from {Directory.GetCurrentDirectory()})");
            return false;
        }
        using var host = input.BuildHost();
        await host.StartAsync();
        try
        {
            if (Reports.ReportFiles.IsReportInput(path))
            {
                var store = host.Services.GetRequiredService<Marten.IDocumentStore>();
                var reports = await ConsoleProgress.RunAsync($"Importing {Path.GetFileName(path)}", progress =>
                    Reports.ReportImport.ImportPathAsync(store, path, TimeProvider.System, progress, CancellationToken.None));
                foreach (var line in reports.Lines()) Console.WriteLine(line);
                return true;
            }
            // Streamed: the history can run to a million rows, which need not sit in memory as one string.
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            var importer = host.Services.GetRequiredService<Importer>();
            // The bar follows how much of the file has been read: the row count is not known before the end.
            var summary = await ConsoleProgress.RunAsync($"Importing {Path.GetFileName(path)}",
                progress => importer.ImportAsync(reader, null, progress, CancellationToken.None),
                () => file.Length == 0 ? 1 : (double)file.Position / file.Length);
            foreach (var line in summary.Lines()) Console.WriteLine(line);
            return true;
        }
        catch (Tracker.Domain.Common.Rejection r)
        {
            await Console.Error.WriteLineAsync($"{r.Title}: {r.Message}");
            return false;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>`dotnet run --project` starts the process in the project folder; a relative path means the caller's folder ($PWD).</summary>
    private static string? Locate(string file)
    {
        if (System.IO.File.Exists(file) || Directory.Exists(file)) return Path.GetFullPath(file);
        var callerFolder = Environment.GetEnvironmentVariable("PWD");
        if (Path.IsPathRooted(file) || string.IsNullOrEmpty(callerFolder)) return null;
        var fromCaller = Path.Combine(callerFolder, file);
        return System.IO.File.Exists(fromCaller) || Directory.Exists(fromCaller) ? fromCaller : null;
    }
}
