using System.Text;

namespace Tracker.Host.Common;

/// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. Reports each record's first line.</summary>
public static class Csv
{
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    public static IEnumerable<Row> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var rowStart = 1;
        int c;
        var any = false;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (line == 1 && !any && ch == '\uFEFF') continue; // byte-order mark
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0: inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0) yield return new Row(rowStart, fields.ToArray());
                    fields.Clear();
                    line++;
                    rowStart = line;
                    break;
                default: field.Append(ch); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new Row(rowStart, fields.ToArray());
        }
    }

    /// <summary>Rows as dictionaries keyed by the header row.</summary>
    public static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Values)> ReadWithHeader(TextReader reader)
    {
        string[]? header = null;
        foreach (var row in Read(reader))
        {
            if (header is null) { header = row.Fields.Select(f => f.Trim()).ToArray(); continue; }
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++) values[header[i]] = i < row.Fields.Count ? row.Fields[i] : "";
            yield return (row.Line, values);
        }
    }
}
