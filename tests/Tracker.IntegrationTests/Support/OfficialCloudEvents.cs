using System.Net.Mime;
using System.Text;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.Extensions;
using CloudNative.CloudEvents.SystemTextJson;

namespace Tracker.IntegrationTests.Support;

/// <summary>
/// Parses Tracker's JSON with the official CloudEvents C# SDK, as an integrator would. The SDK's sequence extension is
/// typed as a string, so a numeric <c>sequence</c> (what Tracker used to send) is refused here.
/// </summary>
public static class OfficialCloudEvents
{
    private static readonly JsonEventFormatter Formatter = new();
    private static readonly ContentType Structured = new("application/cloudevents+json");

    public static CloudEvent Parse(string json) =>
        Formatter.DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(json), Structured, Sequence.AllAttributes);

    public static string SequenceOf(CloudEvent e) => e.GetSequenceString() ?? throw new InvalidOperationException("no sequence");
}
