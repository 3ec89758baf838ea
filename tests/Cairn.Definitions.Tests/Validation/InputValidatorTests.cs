using System.Text.Json.Nodes;

namespace Cairn.Definitions.Tests.Validation;

public sealed class InputValidatorTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {
          "type": "object",
          "required": ["customer", "items"],
          "additionalProperties": false,
          "properties": {
            "customer": { "type": "string", "minLength": 2, "pattern": "^[A-Z]" },
            "priority": { "enum": ["low", "high"] },
            "items": {
              "type": "array", "minItems": 1, "maxItems": 3,
              "items": {
                "type": "object", "required": ["qty"],
                "properties": { "qty": { "type": "integer", "minimum": 1, "maximum": 10 }, "price": { "type": "number", "exclusiveMinimum": 0 } }
              }
            }
          }
        }
        """)!.AsObject();

    [Fact]
    public void Validate_MatchingInput_HasNoProblems()
    {
        var input = JsonNode.Parse("""{"customer":"Ada","priority":"high","items":[{"qty":2,"price":9.5}]}""");

        Assert.Empty(InputValidator.Validate(Schema, input));
    }

    [Fact]
    public void Validate_BadInput_ListsEveryProblemWithItsPath()
    {
        var input = JsonNode.Parse("""{"customer":"a","priority":"urgent","colour":"red","items":[{"qty":0,"price":0},{"qty":1.5},{}]}""");

        Assert.Equal(
            [
                "input.customer must be at least 2 characters long.",
                "input.customer must match the pattern ^[A-Z].",
                "input.priority must be one of [\"low\",\"high\"], but is \"urgent\".",
                "input.colour is not allowed (the schema lists the properties an input may have).",
                "input.items[0].qty must be at least 1, but is 0.",
                "input.items[0].price must be more than 0, but is 0.",
                "input.items[1].qty must be integer, but is number.",
                "input.items[2].qty is required.",
            ],
            InputValidator.Validate(Schema, input));
    }

    [Fact]
    public void Validate_MissingInputForAnObjectSchema_IsCheckedAsAnEmptyObject()
    {
        Assert.Equal(["input.customer is required.", "input.items is required."], InputValidator.Validate(Schema, null));
        Assert.Empty(InputValidator.Validate(JsonNode.Parse("""{"type":"object","properties":{"a":{"type":"string"}}}""")!.AsObject(), null));
    }

    [Fact]
    public void Validate_MissingInputForAnotherSchema_SaysWhatTypeIsExpected()
    {
        Assert.Equal(["input must be array, but is null."], InputValidator.Validate(JsonNode.Parse("""{"type":"array"}""")!.AsObject(), null));
    }
}
