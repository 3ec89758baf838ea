using System.Text.Json.Nodes;
using Cairn.Definitions.Parsing;

namespace Cairn.Definitions.Tests.Schema;

public class DefinitionSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(DefinitionSchema.Text)!.AsObject();

    [Fact]
    public void Text_IsADraft202012SchemaWithADescriptionOnEveryProperty()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)Schema["$schema"]);
        var undocumented = PropertySchemas(Schema, "$").Where(p => p.Schema["description"] is null).Select(p => p.Path).ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void StepTypeEnum_EqualsTheParsersKnownTypes()
    {
        var types = Schema["$defs"]!["step"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => (string)t!);

        Assert.Equal(StepFields.Types, types);
    }

    [Fact]
    public void PropertyNames_EqualTheFieldsTheParserAccepts()
    {
        var defs = Schema["$defs"]!;

        Assert.Equal(StepFields.TopLevel, Names(Schema));
        Assert.Equal(StepFields.Retry, Names(defs["retry"]!));
        Assert.Equal(StepFields.RetryOn, Names(defs["retryOn"]!));
        Assert.Equal(StepFields.OnFailure, Names(defs["onFailureMapping"]!));
        Assert.Equal(StepFields.CircuitBreaker, Names(defs["circuitBreaker"]!));
        Assert.Equal(StepFields.FailureActions.Keys, defs["onFailureMapping"]!["properties"]!["action"]!["enum"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(StepFields.ChoiceOption, Names(defs["askStep"]!["properties"]!["options"]!["items"]!));
        Assert.All(StepFields.Types, type => Assert.Equal(StepFields.For(type), Names(defs[$"{type}Step"]!)));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_IsAcceptedByTheParserAndTheSchema(string name)
    {
        var definition = DefinitionParser.ParseFile(Samples.PathOf(name));

        Assert.NotEmpty(definition.Steps);
        Assert.Empty(new SchemaValidator(Schema).Validate(Samples.ToJson(Samples.PathOf(name))));
    }

    [Fact]
    public void Sample_WithAnyOneFieldRemovedOrChanged_IsJudgedAlikeByTheParserAndTheSchema()
    {
        var validator = new SchemaValidator(Schema);
        var disagreements = new List<string>();
        var checkedCount = 0;
        foreach (var file in Samples.Files)
        {
            foreach (var (description, mutated) in Mutations.Of(Samples.ToJson(file)))
            {
                checkedCount++;
                var schemaErrors = validator.Validate(mutated);
                var parserErrors = StructuralErrors(mutated.ToJsonString());
                if (schemaErrors.Count == 0 != (parserErrors.Count == 0))
                {
                    disagreements.Add($"{Path.GetFileName(file)} {description}: schema [{string.Join("; ", schemaErrors)}] parser [{string.Join("; ", parserErrors)}]");
                }
            }
        }

        Assert.True(checkedCount > 500, $"only {checkedCount} variants were checked");
        Assert.Empty(disagreements);
    }

    public static TheoryData<string> SampleNames() => Samples.Names;

    // The parser also checks what no schema can state; those errors are left out of the comparison.
    private static List<string> StructuralErrors(string json)
    {
        try
        {
            DefinitionParser.Parse(json, "variant.json");
            return [];
        }
        catch (DefinitionException exception)
        {
            string[] semantic = [" reads steps.", " reads env.", "is already used by the step", "does not parse"];
            return [.. exception.Errors.Select(e => e.Message).Where(m => !semantic.Any(s => m.Contains(s, StringComparison.Ordinal)))];
        }
    }

    private static List<string> Names(JsonNode schema) => [.. schema["properties"]!.AsObject().Select(p => p.Key)];

    private static IEnumerable<(string Path, JsonNode Schema)> PropertySchemas(JsonNode node, string path)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject properties)
            {
                foreach (var (name, schema) in properties)
                {
                    yield return ($"{path}.{name}", schema!);

                    // Into each property's schema, not the map itself: a property may be called 'properties' too.
                    foreach (var found in PropertySchemas(schema!, $"{path}.properties.{name}"))
                    {
                        yield return found;
                    }
                }
            }

            // The properties of an 'if' are conditions, not fields.
            foreach (var (key, child) in obj.Where(p => p.Key is not ("if" or "properties")))
            {
                foreach (var found in PropertySchemas(child!, $"{path}.{key}"))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var (child, index) in array.Select((c, i) => (c, i)))
            {
                foreach (var found in PropertySchemas(child!, $"{path}[{index}]"))
                {
                    yield return found;
                }
            }
        }
    }
}
