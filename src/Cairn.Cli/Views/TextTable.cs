using System.Text;

namespace Cairn.Cli.Views;

/// <summary>Plain aligned columns that read well in a terminal and in a pipe.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    public TextTable(params string[] headers)
    {
        _headers = headers;
    }

    public int Count => _rows.Count;

    public void Add(params string?[] cells) => _rows.Add(cells.Select(c => c ?? string.Empty).ToArray());

    public void WriteTo(TextWriter writer, string indent = "")
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        writer.WriteLine(Line(_headers, widths, indent));
        foreach (var row in _rows)
        {
            writer.WriteLine(Line(row, widths, indent));
        }
    }

    private static string Line(string[] cells, int[] widths, string indent)
    {
        var line = new StringBuilder(indent);
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        return line.ToString().TrimEnd();
    }
}
