using JasperFx;
using JasperFx.CodeGeneration;

namespace Tracker.Host.Hosting;

/// <summary>
/// Development and the embedded demo create the schema at startup and compile Wolverine's code at runtime. Production
/// loads pre-generated code (<c>codegen write</c>) and never changes the schema at startup: <c>db-apply</c> does, once,
/// so that several nodes can start together. Both are overridable by configuration.
/// </summary>
public static class ProductionMode
{
    public static bool AppliesSchemaOnStartup(WebApplicationBuilder builder) =>
        builder.Configuration.GetValue<bool?>("Tracker:ApplySchemaOnStartup")
        ?? (builder.Environment.IsDevelopment() || builder.Configuration.GetValue("Tracker:Embedded", false));

    public static void Configure(WebApplicationBuilder builder)
    {
        var applySchema = AppliesSchemaOnStartup(builder);
        var typeLoad = builder.Configuration.GetValue("Tracker:Codegen:TypeLoadMode", TypeLoadMode.Static);
        builder.Services.CritterStackDefaults(x =>
        {
            x.Production.GeneratedCodeMode = typeLoad;
            x.Production.ResourceAutoCreate = applySchema ? AutoCreate.CreateOrUpdate : AutoCreate.None;
            x.Production.AssertAllPreGeneratedTypesExist = typeLoad == TypeLoadMode.Static;
        });
    }
}
