namespace Tracker.Host.Imports.Reports;

/// <summary>Why a file was not read as a report. Each refusal is a normal result, never an exception.</summary>
public enum RefusalReason
{
    NotPdf,
    Encrypted,
    Truncated,
    Corrupt,
    Empty,
    ImageOnly,
    TooLarge,
    NotChildrensServicesReport,
}

/// <summary>A file the reader will not parse, with a sentence a person can act on.</summary>
public sealed record ReportRefusal(RefusalReason Reason, string Message);
