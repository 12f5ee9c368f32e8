using System.Globalization;
using System.Text;

namespace Tracker.Host.Common;

/// <summary>RFC 4180 output (CRLF, quoted when needed) that a spreadsheet cannot mistake for a formula.</summary>
public static class CsvWriter
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header.Cast<object?>().ToList());
        foreach (var row in rows) Line(text, row);
        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<object?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Cell(cells[i]));
        }
        text.Append("\r\n");
    }

    public static string Cell(object? value)
    {
        var raw = value switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // OWASP CSV injection: a leading = + - @ tab or CR makes spreadsheets evaluate the cell, so it is made text with '.
        // Numbers are written by us and stay numbers, so only text cells are guarded.
        if (value is string && raw.Length > 0 && raw[0] is '=' or '+' or '-' or '@' or '\t' or '\r') raw = "'" + raw;
        return raw.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + raw.Replace("\"", "\"\"") + "\"" : raw;
    }
}
