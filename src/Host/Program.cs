using JasperFx;
using Tracker.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);

EmbeddedPostgres? embedded = null;
var connectionString = builder.Configuration.GetConnectionString("Marten");
if (string.IsNullOrWhiteSpace(connectionString))
{
    var folder = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Tracker:Postgres:DataDirectory"] ?? ".tracker/pg");
    try
    {
        embedded = await EmbeddedPostgres.StartAsync(folder, persistent: true, log: Console.WriteLine);
    }
    catch (InvalidOperationException e)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return 1;
    }
    connectionString = embedded.ConnectionString;
    builder.Configuration["ConnectionStrings:Marten"] = connectionString;
    builder.Configuration["Tracker:Embedded"] = "true";
}

builder.AddTracker(connectionString);
var app = builder.Build();
app.UseTracker();

try
{
    return await app.RunJasperFxCommands(args);
}
finally
{
    if (embedded is not null) await embedded.DisposeAsync();
}
