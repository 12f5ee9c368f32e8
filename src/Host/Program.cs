using JasperFx;
using Tracker.Host.Hosting;

if (args is [HealthProbe.Command, ..]) return await HealthProbe.RunAsync(args[1..]);
args = CommandLine.Normalize(args);
CommandLine.QuietCommandDiscovery();

var builder = WebApplication.CreateBuilder(args);

EmbeddedPostgres? embedded = null;
var connectionString = builder.Configuration.GetConnectionString("Marten");
if (string.IsNullOrWhiteSpace(connectionString) && !CommandLine.NeedsDatabase(args))
{
    // `help` and `codegen` must not create or start a PostgreSQL cluster (slow, and impossible in a Docker build).
    connectionString = CommandLine.NoDatabase;
    builder.Configuration["ConnectionStrings:Marten"] = connectionString;
    // Help lists commands: it must not need the pre-generated code a Production start loads (absent from a plain build).
    if (CommandLine.IsHelp(args)) builder.Configuration["Tracker:Codegen:TypeLoadMode"] ??= "Dynamic";
}
else if (string.IsNullOrWhiteSpace(connectionString))
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

// An explicit `import` is the user's choice of data: do not also import the bundled files on its first start.
if (args.Length > 0 && args[0].Equals("import", StringComparison.OrdinalIgnoreCase))
{
    builder.Configuration["Tracker:ImportBundledDataOnStartup"] = "false";
    builder.Configuration["Tracker:Cluster:Join"] = "false";
    builder.WebHost.UseUrls("http://127.0.0.1:0"); // the CLI serves nothing; never collide with a running instance
}

try
{
    // Inside the try: a start that fails (e.g. missing pre-generated code) must not leave the embedded server running.
    builder.AddTracker(connectionString);
    var app = builder.Build();
    app.UseTracker();
    return await app.RunJasperFxCommands(args);
}
finally
{
    if (embedded is not null) await embedded.DisposeAsync();
}
