using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tracker.IntegrationTests.Support;

/// <summary>One captured log entry with its structured values.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>
/// Captures the log entries of one category from a running host while it is not disposed. A logger factory cannot
/// drop a provider, so a disposed capture stays registered but records nothing.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly string _category;
    private volatile bool _open = true;
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    private CapturedLogs(string category) => _category = category;

    public static CapturedLogs Start(IServiceProvider services, string category)
    {
        var capture = new CapturedLogs(category);
        services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        return capture;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() => _open = false;

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => owner._open && category == owner._category;

        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
        {
            if (!IsEnabled(level)) return;
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(new CapturedLog(category, level, format(state, e), values.ToDictionary(v => v.Key, v => v.Value)));
        }
    }
}
