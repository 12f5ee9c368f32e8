using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Tracker.Host.Hosting;

/// <summary>
/// A PostgreSQL server started from the machine's binaries when no connection string is configured:
/// persistent under a data folder for <c>dotnet run</c>, throwaway for tests. It listens on 127.0.0.1 only,
/// runs as the <c>postgres</c> account when this process is root (postgres refuses root), and stops with us.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly string? _runAs;
    private readonly string? _deleteOnStop;
    private readonly string _startOptions;
    private readonly bool _owned;
    private int _stopped;

    private EmbeddedPostgres(string bin, string data, string? runAs, string? deleteOnStop, int port, string database, string startOptions,
        string password, bool owned = true)
    {
        _owned = owned;
        _startOptions = startOptions;
        _bin = bin;
        _data = data;
        _runAs = runAs;
        _deleteOnStop = deleteOnStop;
        Port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Database={database};Username=postgres;Password={password};Include Error Detail=true";
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public int Port { get; }
    public string ConnectionString { get; }
    public string DataDirectory => _data;

    /// <param name="durable">Keep fsync and synchronous commit on (default: only when persistent). Throwaway servers
    /// turn them off for speed, which loses acknowledged commits when the server crashes, so crash tests need them on.</param>
    public static async Task<EmbeddedPostgres> StartAsync(string root, bool persistent, string database = "tracker", Action<string>? log = null, bool? durable = null)
    {
        var bin = PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.Missing);
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        root = Path.GetFullPath(root);
        if (runAs is not null && !PrepareForAccount(root, runAs))
        {
            var fallback = Path.Combine("/var/tmp/tracker-pg", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..12]);
            log?.Invoke($"The '{runAs}' account cannot reach {root}; keeping the embedded database in {fallback} instead.");
            root = fallback;
            if (!PrepareForAccount(root, runAs))
                throw new InvalidOperationException($"The '{runAs}' account cannot use {root}. Set Tracker:Postgres:DataDirectory to a folder it can write.");
        }
        Directory.CreateDirectory(root);

        var data = Path.Combine(root, "data");
        var sockets = Path.Combine(root, "sock");
        Directory.CreateDirectory(sockets);
        var password = Password(root);
        if (runAs is not null) Run("chown", ["-R", $"{runAs}:{runAs}", root], null);

        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            log?.Invoke($"Initialising an embedded PostgreSQL cluster in {data}");
            // TCP needs the cluster's password (scram); only the socket folder this process owns is trusted.
            string[] init = ["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                $"--pwfile={Path.Combine(root, PasswordFile)}", "-E", "UTF8", "--locale=C.UTF-8"];
            Run(Path.Combine(bin, "initdb"), persistent ? init : [.. init, "-N"], runAs);
        }

        var ownerFile = Path.Combine(root, "owner.pid");
        if (Run(Path.Combine(bin, "pg_ctl"), ["status", "-D", data], runAs, throwOnError: false).ExitCode == 0)
        {
            // A running service (e.g. `dotnet run` while `keys create` runs beside it) keeps its server: share it.
            if (LiveOwner(ownerFile) is { } owner && RunningPort(data) is { } port)
            {
                log?.Invoke($"Using the embedded PostgreSQL that process {owner} runs on 127.0.0.1:{port} (data: {data})");
                return new EmbeddedPostgres(bin, data, runAs, null, port, database, "", password, owned: false);
            }
            // A server left behind by a killed process still owns the folder: stop it and start afresh on a new port.
            Run(Path.Combine(bin, "pg_ctl"), ["stop", "-D", data, "-m", "fast", "-w"], runAs, throwOnError: false);
        }

        var server = await StartServerAsync(bin, data, sockets, runAs, durable ?? persistent, database, persistent ? null : root, password);
        await File.WriteAllTextAsync(ownerFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        log?.Invoke($"Embedded PostgreSQL listening on 127.0.0.1:{server.Port} (data: {data})");
        return server;
    }

    private static async Task<EmbeddedPostgres> StartServerAsync(string bin, string data, string sockets, string? runAs, bool durable,
        string database, string? deleteOnStop, string password)
    {
        var settings = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c max_connections=200{settings}";
            var result = Run(Path.Combine(bin, "pg_ctl"), PgCtlStart(data, options), runAs, throwOnError: attempt == 3);
            if (result.ExitCode != 0) continue;

            var server = new EmbeddedPostgres(bin, data, runAs, deleteOnStop, port, database, options, password);
            await CreateDatabaseAsync(port, database, password);
            return server;
        }
    }

    private const string PasswordFile = "password";

    /// <summary>
    /// The cluster's superuser password, made once and kept beside the data (mode 0600), so every process sharing the
    /// server can connect. A cluster initialised before passwords (trust over TCP) accepts it too.
    /// </summary>
    private static string Password(string root)
    {
        var path = Path.Combine(root, PasswordFile);
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, password);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }

    private static int? LiveOwner(string ownerFile)
    {
        if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile).Trim(), out var pid) || pid == Environment.ProcessId) return null;
        try { return System.Diagnostics.Process.GetProcessById(pid).HasExited ? null : pid; }
        catch (ArgumentException) { return null; }
    }

    /// <summary>postmaster.pid's fourth line is the port the running server listens on.</summary>
    private static int? RunningPort(string data)
    {
        var lines = File.Exists(Path.Combine(data, "postmaster.pid")) ? File.ReadAllLines(Path.Combine(data, "postmaster.pid")) : [];
        return lines.Length > 3 && int.TryParse(lines[3].Trim(), out var port) ? port : null;
    }

    private static string[] PgCtlStart(string data, string options) =>
        ["start", "-D", data, "-l", Path.Combine(data, "..", "postgres.log"), "-w", "-t", "60", "-o", options];

    /// <summary>Stops the server abruptly, as a crash or an outage would, keeping its data (fault tests).</summary>
    public void Crash() => Run(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", _data, "-m", "immediate", "-w", "-t", "30"], _runAs);

    /// <summary>Starts the server again on the same port, so clients configured with it reconnect without changes.</summary>
    public void Restart() => Run(Path.Combine(_bin, "pg_ctl"), PgCtlStart(_data, _startOptions), _runAs);

    private static async Task CreateDatabaseAsync(int port, string database, string password)
    {
        await using var connection = new NpgsqlConnection(
            $"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres;Password={password};Pooling=false");
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "")}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Creates the folder and checks that the server's account can reach it through every parent.</summary>
    private static bool PrepareForAccount(string root, string account)
    {
        Directory.CreateDirectory(root);
        Run("chown", [$"{account}:{account}", root], null);
        return Run("runuser", ["-u", account, "--", "test", "-w", root], null, throwOnError: false).ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string? runAs, bool throwOnError = true)
    {
        var info = new ProcessStartInfo(runAs is null ? file : "runuser")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (runAs is not null) { info.ArgumentList.Add("-u"); info.ArgumentList.Add(runAs); info.ArgumentList.Add("--"); info.ArgumentList.Add(file); }
        foreach (var arg in args) info.ArgumentList.Add(arg);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}");
        // Read both streams concurrently: a server's inherited stdout must not block us (pg_ctl -l keeps it off the pipe).
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var output = stdout.Result + stderr.Result;
        if (throwOnError && process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
        return (process.ExitCode, output);
    }

    public void Stop()
    {
        if (!_owned || Interlocked.Exchange(ref _stopped, 1) == 1) return;
        Run(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", _data, "-m", "fast", "-w", "-t", "30"], _runAs, throwOnError: false);
        if (_deleteOnStop is not null)
        {
            try { Directory.Delete(_deleteOnStop, recursive: true); }
            catch (IOException) { /* a later test run sweeps what is left */ }
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
