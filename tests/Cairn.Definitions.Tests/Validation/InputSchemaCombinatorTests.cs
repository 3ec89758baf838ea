using System.Text.Json.Nodes;

namespace Cairn.Definitions.Tests.Validation;

/// <summary>allOf, anyOf, oneOf, not and local $ref in a definition's inputs; other keywords are refused when parsing.</summary>
public sealed class InputSchemaCombinatorTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {
          "type": "object",
          "$defs": {
            "positive": { "type": "integer", "minimum": 1 },
            "node": { "type": "object", "properties": { "value": { "$ref": "#/$defs/positive" }, "children": { "type": "array", "items": { "$ref": "#/$defs/node" } } } }
          },
          "definitions": { "code": { "type": "string", "pattern": "^[A-Z]{3}$" } },
          "properties": {
            "quantity": { "allOf": [{ "$ref": "#/$defs/positive" }, { "maximum": 10 }] },
            "payment": { "anyOf": [{ "required": ["card"] }, { "required": ["iban"] }] },
            "shipping": { "oneOf": [{ "type": "string", "$ref": "#/definitions/code" }, { "type": "string", "maxLength": 3 }] },
            "note": { "not": { "type": "string", "maxLength": 0 } },
            "tree": { "$ref": "#/$defs/node" }
          }
        }
        """)!.AsObject();

    [Fact]
    public void Validate_InputMatchingEveryCombinator_HasNoProblems()
    {
        var input = JsonNode.Parse("""{"quantity":3,"payment":{"iban":"x"},"shipping":"ups","note":"fragile","tree":{"value":1,"children":[{"value":2,"children":[{"value":3}]}]}}""");

        Assert.Empty(InputValidator.Validate(Schema, input));
    }

    [Fact]
    public void Validate_InputBreakingEachCombinator_SaysWhichAndWhy()
    {
        var input = JsonNode.Parse("""{"quantity":11,"payment":{},"shipping":"ABC","note":"","tree":{"children":[{"value":0}]}}""");

        Assert.Equal(
            [
                "input.quantity must be at most 10, but is 11.",
                "input.payment must match at least one schema of anyOf, but (1) input.payment.card is required; (2) input.payment.iban is required.",
                "input.shipping must match exactly one schema of oneOf, but matches 2 (schemas 1 and 2).",
                "input.note must not match the schema under not.",
                "input.tree.children[0].value must be at least 1, but is 0.",
            ],
            InputValidator.Validate(Schema, input));
    }

    [Fact]
    public void Validate_SchemaThatRefersToItselfWithoutConsumingInput_StopsWithAProblem()
    {
        var looping = JsonNode.Parse("""{"$defs":{"a":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}""")!.AsObject();

        Assert.StartsWith("input cannot be checked: the schema's $ref '#/$defs/a' refers back to itself", Assert.Single(InputValidator.Validate(looping, JsonValue.Create(1))), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnsupportedKeywordAndRefPointingNowhere_AreReportedAtTheirLineAndColumn()
    {
        var errors = Parse.Errors("""
            name: demo
            inputs:
              type: object
              properties:
                tags: { type: array, uniqueItems: true }
                home: { $ref: "#/$defs/address" }
                work: { $ref: "https://example.com/address.json" }
            steps:
              - { id: a, type: script, code: "1" }
            """);

        Assert.Equal(
            [
                "flow.yaml:5:26: 'uniqueItems' in the definition's inputs is a JSON Schema keyword Cairn does not check; remove it, or express the rule with the keywords it does check: use one of: "
                    + "$ref, type, required, enum, const, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength, pattern, minItems, maxItems, items, additionalProperties, not, allOf, anyOf, oneOf, properties, definitions, $defs",
                "flow.yaml:6:19: $ref '#/$defs/address' in the definition's inputs does not point to a schema in the same inputs; refer to one under definitions or $defs, such as '#/$defs/address'",
                "flow.yaml:7:19: $ref 'https://example.com/address.json' in the definition's inputs does not point to a schema in the same inputs; refer to one under definitions or $defs, such as '#/$defs/address'",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_CombinatorsAndLocalRefs_AreAccepted()
    {
        var definition = Parse.Valid("""
            name: demo
            inputs:
              $defs:
                positive: { type: integer, minimum: 1 }
              type: object
              additionalProperties: false
              properties:
                n: { allOf: [{ $ref: "#/$defs/positive" }], not: { const: 7 } }
                m: { anyOf: [{ type: string }, { type: integer }], oneOf: [{ type: string }, { type: number }] }
            steps:
              - { id: a, type: script, code: "1" }
            """);

        Assert.Equal(["input.n must not match the schema under not."], InputValidator.Validate(definition.Inputs!, JsonNode.Parse("""{"n":7}""")));
    }
}
