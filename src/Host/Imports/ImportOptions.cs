namespace Tracker.Host.Imports;

/// <summary>
/// How many authorities the history import writes per transaction (Tracker:Import:AuthoritiesPerChunk). Bigger chunks
/// mean fewer round trips; smaller ones mean less work redone after a lost race and less lost to a crash mid-chunk.
/// </summary>
public sealed record ImportOptions(int AuthoritiesPerChunk = ImportOptions.DefaultAuthoritiesPerChunk)
{
    public const int DefaultAuthoritiesPerChunk = 250;
}
