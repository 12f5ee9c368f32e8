using JasperFx.CommandLine;
using Marten;

namespace Tracker.Host.Security;

public sealed class KeysInput : NetCoreInput
{
    [Description("create <name>, list, or revoke <id>")]
    public string Action = "";

    [Description("the new key's name (create) or the id of the key to revoke (revoke)")]
    public string Target = "";

    [Description("reader, writer or admin (create only; default reader)")]
    public string RoleFlag = "reader";
}

/// <summary><c>keys create &lt;name&gt; --role writer</c>, <c>keys list</c>, <c>keys revoke &lt;id&gt;</c>. The secret is printed once, never stored.</summary>
[Description("Create, list or revoke API keys", Name = "keys")]
public sealed class KeysCommand : JasperFxAsyncCommand<KeysInput>
{
    public KeysCommand()
    {
        Usage("List keys").Arguments(x => x.Action);
        Usage("Create a key by name, or revoke one by id").Arguments(x => x.Action, x => x.Target);
    }

    public override async Task<bool> Execute(KeysInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var session = store.LightweightSession();
        switch (input.Action.Trim().ToLowerInvariant())
        {
            case "create" when input.Target.Trim().Length is > 0 and <= 100 && Roles.TryParse(input.RoleFlag, out var role):
                var (record, secret) = ApiKey.Create(input.Target.Trim(), role, now);
                session.Store(record);
                await session.SaveChangesAsync();
                Console.WriteLine($"Created key {record.Id} '{record.Name}' ({record.Role.ToString().ToLowerInvariant()}). Copy it now; it is not shown again:");
                Console.WriteLine(secret);
                return true;
            case "list":
                foreach (var key in (await session.Query<ApiKey>().ToListAsync()).OrderBy(k => k.CreatedAt))
                    Console.WriteLine($"{key.Id}  {key.Role.ToString().ToLowerInvariant(),-6}  {(key.IsActive ? "active " : "revoked")}  {key.CreatedAt:yyyy-MM-dd HH:mm}Z  {key.Name}");
                return true;
            case "revoke":
                var existing = await session.LoadAsync<ApiKey>(input.Target.Trim());
                if (existing is null) { await Console.Error.WriteLineAsync($"No key with id '{input.Target}'."); return false; }
                session.Store(existing with { RevokedAt = existing.RevokedAt ?? now });
                await session.SaveChangesAsync();
                Console.WriteLine($"Revoked key {existing.Id} '{existing.Name}'.");
                return true;
            default:
                await Console.Error.WriteLineAsync("Usage: keys create <name> [--role reader|writer|admin] | keys list | keys revoke <id>");
                return false;
        }
    }
}
