using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Benchmarks.Data;

/// <summary>One synthetic inspected body and the events its stream holds.</summary>
public sealed record SyntheticStream(int Index, string Id, IReadOnlyList<object> Events);

/// <summary>
/// A seeded, deterministic national dataset of <see cref="Size"/> events over about Size/10 streams (schools, childcare
/// providers, children's homes), produced by running the real commands through the real deciders against folded state.
/// </summary>
public sealed class SyntheticDataset
{
    private readonly int _seed;
    private readonly int[] _counts;

    public SyntheticDataset(int size, int seed)
    {
        Size = size;
        _seed = seed;
        // Streams hold 4..16 events (10 on average); the last one is trimmed so the total is exactly Size.
        var rng = new Random(seed);
        var counts = new List<int>();
        for (var total = 0; total < size;)
        {
            var n = Math.Min(4 + rng.Next(13), size - total);
            counts.Add(n);
            total += n;
        }
        _counts = [.. counts];
    }

    public int Size { get; }
    public int StreamCount => _counts.Length;
    public static string StreamId(int index) => $"P{index:D6}";

    /// <summary>When the synthetic facts were recorded: fixed, so reruns produce the same JSON.</summary>
    public static readonly DateTimeOffset RecordedAt = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public IEnumerable<SyntheticStream> Streams()
    {
        for (var i = 0; i < _counts.Length; i++) yield return Build(i);
    }

    private SyntheticStream Build(int index)
    {
        var rng = new Random(HashCode.Combine(_seed, index));
        var id = StreamId(index);
        var (type, suffix, _) = Pick(rng);
        var name = $"{TextBank.Towns[rng.Next(TextBank.Towns.Length)]} {suffix} {index}";
        var recorded = new Recorded("bench:synthetic", RecordedAt);
        var registered = new AuthorityRegistered(id, name, $"body-{index:D6}", (200000 + index).ToString(), null,
            TextBank.Regions[index % TextBank.Regions.Length], $"E1200000{index % 9 + 1}", type, [], [], "synthetic", recorded);

        var events = new List<object> { registered };
        var state = AuthorityFold.Apply(null, registered);
        var factory = new FactFactory(rng, id, index);
        for (var k = 1; events.Count < _counts[index] && k < _counts[index] * 4; k++)
        {
            var (command, decide) = factory.Next(state, k);
            IReadOnlyList<object> decided;
            try { decided = decide(state, command, recorded); }
            catch (Rejection) { continue; } // the domain refused this random fact: a real import would report it, we skip it
            foreach (var e in decided.Take(_counts[index] - events.Count))
            {
                state = AuthorityFold.Apply(state, e);
                events.Add(e);
            }
        }
        return new SyntheticStream(index, id, events);
    }

    private static (string, string, int) Pick(Random rng)
    {
        var roll = rng.Next(TextBank.Bodies.Sum(b => b.Weight));
        foreach (var body in TextBank.Bodies)
        {
            if (roll < body.Weight) return body;
            roll -= body.Weight;
        }
        return TextBank.Bodies[0];
    }
}
