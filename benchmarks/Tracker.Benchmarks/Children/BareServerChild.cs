using Npgsql;

namespace Tracker.Benchmarks.Children;

/// <summary>
/// <c>--child bare &lt;connection&gt;</c>: the G5 baseline. A bare Kestrel endpoint on 127.0.0.1 that reads one row by its
/// primary key with Npgsql and writes the stored JSON as it is. Prints <c>READY url</c> and serves until killed.
/// </summary>
public static class BareServerChild
{
    public static async Task<int> RunAsync(string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var app = builder.Build();
        app.MapGet("/row/{id}", async (string id, HttpContext http) =>
        {
            await using var command = dataSource.CreateCommand("select data::text from tracker.mt_doc_authority where id = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            if (await command.ExecuteScalarAsync(http.RequestAborted) is not string json) return Results.NotFound();
            return Results.Content(json, "application/json");
        });
        await app.StartAsync();
        Console.WriteLine($"READY {app.Urls.First()}");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
