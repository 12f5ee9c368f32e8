using Alba;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;
using Tracker.Host.Authorities;
using Tracker.Host.Writes;
using Wolverine;

namespace Tracker.IntegrationTests.Support;

/// <summary>Records facts through the same message handlers the HTTP endpoints use.</summary>
public static class Record
{
    public static async Task<CommandResult> Send(this IAlbaHost host, object command)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<CommandResult>(command);
    }

    public static async Task<T> Ask<T>(this IAlbaHost host, object query)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<T>(query);
    }

    public static Task<CommandResult> Inspection(this IAlbaHost host, string authority, FrameworkVersion framework, string published, string reference, Grade overall, Grade others = Grade.Good)
    {
        var on = DateOnly.Parse(published);
        var grades = JudgementAreas.For(framework).ToDictionary(a => a, a => (Grade?)(a == JudgementAreas.Overall ? overall : others));
        return host.Send(new RecordInspection(authority,
            new InspectionInput(framework, InspectionKind.Standard, on.AddDays(-40), on.AddDays(-30), on, reference, grades), "test"));
    }

    public static Task<CommandResult> Metric(this IAlbaHost host, string authority, string metric, string year, decimal value, string unit = "percent", string? quote = null) =>
        host.Send(new RecordMetric(authority, new MetricInput(metric, value, null, null, unit, new PeriodInput(PeriodKind.FinancialYear, year), "https://example.org/iro-report", quote), "test"));

    public static Task<CommandResult> MonitoringVisit(this IAlbaHost host, string authority, string published, string reference)
    {
        var on = DateOnly.Parse(published);
        return host.Send(new RecordMonitoringVisit(authority, new VisitInput(on.AddDays(-20), on.AddDays(-19), on, reference), "test"));
    }

    public static Task<CommandResult> Finding(this IAlbaHost host, string authority, string quote) =>
        host.Send(new RecordFinding(authority, new FindingInput("iro", quote, "https://example.org/sif-summary", DatePrecision.FrameworkEra), "test"));

    public static Task<CommandResult> Withdraw(this IAlbaHost host, string authority, string factId) =>
        host.Send(new CorrectFact(authority, new CorrectionInput(factId, CorrectionAction.Withdraw, "wrong authority"), "test"));
}
