using System.Text.RegularExpressions;

namespace Cairn.Definitions.Tests.Parsing;

public partial class DocumentationExampleTests
{
    [Fact]
    public void EveryDefinitionInTheFormatReference_IsValid()
    {
        var reference = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "definitions.md"));
        var examples = YamlBlock().Matches(reference).Select(m => m.Groups[1].Value).Where(y => y.StartsWith("name:", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, example => Assert.NotEmpty(DefinitionParser.Parse(example, "definitions.md").Steps));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "docs", "definitions.md")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("No docs/definitions.md above the test folder.");
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
