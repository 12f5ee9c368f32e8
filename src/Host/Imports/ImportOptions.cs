namespace Tracker.Host.Imports;

/// <summary>
/// How many authorities the history import writes per transaction (Tracker:Import:AuthoritiesPerChunk). Bigger chunks
/// mean fewer round trips; smaller ones mean shorter transactions and less work redone after a lost race. G3 at 10k
/// (single rounds, loaded machine) wrote fastest at 100: 5.9-9.7 s against 10.2-11.6 s at 250 and 15.1 s at 1000.
/// </summary>
public sealed record ImportOptions(int AuthoritiesPerChunk = ImportOptions.DefaultAuthoritiesPerChunk)
{
    public const int DefaultAuthoritiesPerChunk = 100;
}
