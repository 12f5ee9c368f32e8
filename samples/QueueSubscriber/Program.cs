using Microsoft.Extensions.Hosting;

namespace Tracker.Samples.QueueSubscriber;

/// <summary>
/// Runs the sample subscriber:
/// <c>ConnectionStrings__Tracker="Host=…;Database=…" dotnet run --project samples/QueueSubscriber</c>.
/// </summary>
public static class Program
{
    public static Task Main(string[] args) => SubscriberApp.Build(args).RunAsync();
}
