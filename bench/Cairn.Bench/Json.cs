using System.Globalization;
using System.Text;

namespace Cairn.Bench;

/// <summary>Builds the one-line JSON result in the peers' shape.</summary>
internal sealed class Json
{
    private readonly StringBuilder _text = new("{\"peer\":\"cairn\"");

    public Json Add(string name, string value)
    {
        _text.Append(",\"").Append(name).Append("\":\"").Append(value).Append('"');
        return this;
    }

    public Json Add(string name, double value)
    {
        _text.Append(",\"").Append(name).Append("\":").Append(value.ToString("0.######", CultureInfo.InvariantCulture));
        return this;
    }

    public override string ToString() => _text.Append('}').ToString();
}
