using Marten;
using Microsoft.AspNetCore.Mvc;
using Tracker.Projections.Authorities;
using Tracker.Host.Common;
using Tracker.Projections.National;
using Wolverine.Http;

namespace Tracker.Host.National;

public static class GetNationalPictureEndpoint
{
    /// <summary>Counts per grade in one area across England as at asOf, with goodOrOutstandingPercent (Ofsted's "as at" method).</summary>
    [WolverineGet("/api/national", OperationId = "GetNationalPicture")]
    [ProducesResponseType(typeof(GradePicture), 200, "application/json", "text/csv")]
    [ProducesResponseType(304)]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    public static async Task<IResult> Get(string? area, string? asOf, string? knownAt, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var read = ReadQuery.Parse(asOf, knownAt, clock);
        var (picture, processed) = await GetGradePictureHandler.AnswerAsync(new GetGradePicture(ReadQuery.Area(area), read.AsOf, read.KnownAt), session, ct);
        return Answer(http, picture, processed);
    }

    /// <summary>Header on answers from the async projection: the last event sequence it had processed (see docs/read-models.md).</summary>
    public const string ProcessedSequenceHeader = "X-Projection-Sequence";

    internal static IResult Answer(HttpContext http, GradePicture picture, long? processed)
    {
        if (processed is { } sequence) http.Response.Headers[ProcessedSequenceHeader] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ReadResults.WantsCsv(http)
            ? ReadResults.Csv(http, $"grades-{picture.Area}-{picture.AsOf:yyyy-MM-dd}.csv", GetGradePictureHandler.CsvHeader, [GetGradePictureHandler.CsvCells(picture)])
            : ReadResults.Json(http, picture);
    }
}

public static class GetRegionalPictureEndpoint
{
    /// <summary>The same counts for one region (name, code such as E12000007, or slug).</summary>
    [WolverineGet("/api/regions/{region}", OperationId = "GetRegionalPicture")]
    [ProducesResponseType(typeof(GradePicture), 200, "application/json", "text/csv")]
    [ProducesResponseType(304)]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Get(string region, string? area, string? asOf, string? knownAt, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var read = ReadQuery.Parse(asOf, knownAt, clock);
        var (picture, processed) = await GetGradePictureHandler.AnswerAsync(new GetGradePicture(ReadQuery.Area(area), read.AsOf, read.KnownAt, region), session, ct);
        return GetNationalPictureEndpoint.Answer(http, picture, processed);
    }
}

public static class GetNeighboursEndpoint
{
    /// <summary>The authority beside its statistical neighbours: each one's grade in the area and the neighbours' grade picture.</summary>
    [WolverineGet("/api/authorities/{authority}/neighbours", OperationId = "GetNeighbours")]
    [ProducesResponseType(typeof(NeighbourComparison), 200, "application/json", "text/csv")]
    [ProducesResponseType(304)]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Get(string authority, string? area, string? asOf, string? knownAt, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var read = ReadQuery.Parse(asOf, knownAt, clock);
        var comparison = await GetGradePictureHandler.Handle(new GetNeighbours(authority, ReadQuery.Area(area), read.AsOf, read.KnownAt), session, ct);
        return ReadResults.WantsCsv(http)
            ? ReadResults.Csv(http, $"neighbours-{comparison.Authority.Id}.csv", AuthorityRow.CsvHeader,
                new[] { comparison.Authority }.Concat(comparison.Neighbours).Select(r => r.CsvCells))
            : ReadResults.Json(http, comparison);
    }
}
