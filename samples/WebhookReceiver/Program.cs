namespace Tracker.Samples.WebhookReceiver;

/// <summary>
/// Runs the sample receiver: <c>Tracker__WebhookSecret=whsec_… dotnet run --project samples/WebhookReceiver</c>.
/// </summary>
public static class Program
{
    public static Task Main(string[] args) => ReceiverApp.Build(args).RunAsync();
}
