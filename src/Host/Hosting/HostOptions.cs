using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Tracker.Host.Integrations;

namespace Tracker.Host.Hosting;

/// <summary>Tracker:Health: when an async shard counts as stalled, and how often the lag gauge is refreshed.</summary>
public sealed class HealthOptions
{
    public const string Section = "Tracker:Health";
    [Range(1, long.MaxValue)] public long MaxEventLag { get; set; } = 1000;
    [Range(1, 86_400)] public double MaxStalledSeconds { get; set; } = 60;
    [Range(0.1, 3_600)] public double LagPollSeconds { get; set; } = 10;
}

/// <summary>Tracker:RateLimit: requests per caller per fixed window.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Tracker:RateLimit";
    [Range(1, int.MaxValue)] public int PermitsPerWindow { get; set; } = 600;
    [Range(1, 86_400)] public int WindowSeconds { get; set; } = 60;
}

/// <summary>Tracker:Limits: request body caps (413 above them).</summary>
public sealed class BodyLimitOptions
{
    public const string Section = "Tracker:Limits";
    [Range(1_024, long.MaxValue)] public long MaxBodyBytes { get; set; } = 1_048_576;
    [Range(1_024, long.MaxValue)] public long MaxImportBodyBytes { get; set; } = 104_857_600;
}

/// <summary>
/// Binds the Host's settings sections to their classes and checks them when the Host starts, so a bad value (a zero
/// rate limit, a negative retry horizon, a word where a number goes) stops the start with the setting's full key,
/// instead of surfacing later as odd behaviour.
/// </summary>
public static class HostOptionsValidation
{
    public static WebApplicationBuilder AddValidatedOptions(this WebApplicationBuilder builder)
    {
        Add<HealthOptions>(builder, HealthOptions.Section);
        Add<RateLimitOptions>(builder, RateLimitOptions.Section);
        Add<BodyLimitOptions>(builder, BodyLimitOptions.Section);
        Add<IntegrationOptions>(builder, "Tracker:Integrations");
        return builder;
    }

    /// <summary>For settings used while the host is being built (before ValidateOnStart runs): fails at once.</summary>
    public static T Checked<T>(T options, string section) where T : class
    {
        var result = new SectionValidation<T>(section).Validate(null, options);
        if (result.Failed) throw new OptionsValidationException(section, typeof(T), result.Failures);
        return options;
    }

    private static void Add<T>(WebApplicationBuilder builder, string section) where T : class
    {
        builder.Services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<T>>(new SectionValidation<T>(section));
    }

    /// <summary>Data annotations, reported with the configuration key rather than the C# member name.</summary>
    private sealed class SectionValidation<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            var context = new ValidationContext(options);
            if (Validator.TryValidateObject(options, context, results, validateAllProperties: true))
                return ValidateOptionsResult.Success;
            return ValidateOptionsResult.Fail(results.Select(r =>
                $"{section}:{string.Join(",", r.MemberNames)} is invalid: {r.ErrorMessage}"));
        }
    }
}
