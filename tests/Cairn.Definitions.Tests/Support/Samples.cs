using System.Text.Json.Nodes;
using Cairn.Definitions.Parsing;

namespace Cairn.Definitions.Tests;

/// <summary>The valid sample definitions shipped with the tests, as files and as JSON.</summary>
internal static class Samples
{
    /// <summary>Gets the paths of the sample files.</summary>
    public static IReadOnlyList<string> Files =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples")).Order(StringComparer.Ordinal)];

    /// <summary>Gets the sample file names, for theories.</summary>
    public static TheoryData<string> Names => [.. Files.Select(Path.GetFileName).OfType<string>()];

    /// <summary>Gets the full path of a sample.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    /// <summary>Reads a YAML or JSON sample as the JSON data a schema validator sees.</summary>
    public static JsonNode ToJson(string path)
    {
        var context = new ParseContext(path);
        var root = NodeLoader.Load(File.ReadAllText(path), context)!;
        var json = JsonValues.Convert(context, root, "sample", templates: false)!;
        Assert.False(context.HasErrors);
        return JsonNode.Parse(json.ToJsonString())!;
    }
}
