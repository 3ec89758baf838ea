using System.Text.Json.Nodes;

namespace Cairn.Definitions.Tests.Scripting;

public class ScriptSandboxTemplateTests
{
    private readonly ScriptSandbox _sandbox = new();

    private static JsonObject Scope() => new()
    {
        ["input"] = new JsonObject
        {
            ["name"] = "Ada",
            ["count"] = 3,
            ["user"] = new JsonObject { ["id"] = 7, ["roles"] = new JsonArray("admin", "dev") },
            ["nothing"] = null,
        },
    };

    [Theory]
    [InlineData("${{ input.count }}", "3")]
    [InlineData("${{ input.count > 1 }}", "true")]
    [InlineData("${{ input.user }}", """{"id":7,"roles":["admin","dev"]}""")]
    [InlineData("${{ input.name }}", "\"Ada\"")]
    [InlineData("  ${{ input.count }}\n", "3")]
    [InlineData("${{input.user.roles}}", """["admin","dev"]""")]
    public void Render_ExactlyOneTemplate_KeepsTheValueType(string template, string expectedJson)
    {
        var value = _sandbox.Render(template, Scope());

        Assert.Equal(expectedJson, value!.ToJsonString());
    }

    [Fact]
    public void Render_ExactlyOneTemplateOfNull_IsNull()
    {
        Assert.Null(_sandbox.Render("${{ input.nothing }}", Scope()));
    }

    [Theory]
    [InlineData("Hello ${{ input.name }}!", "Hello Ada!")]
    [InlineData("${{ input.count }} items", "3 items")]
    [InlineData("user=${{ input.user }}", """user={"id":7,"roles":["admin","dev"]}""")]
    [InlineData("[${{ input.nothing }}]", "[]")]
    [InlineData("${{ input.name }}/${{ input.count + 1 }}/${{ input.count > 5 }}", "Ada/4/false")]
    [InlineData("${{ { a: '<b>' } }} & ${{ 'é' }}", """{"a":"<b>"} & é""")]
    public void Render_TemplatesMixedWithText_MakeAString(string template, string expected)
    {
        var value = _sandbox.Render(template, Scope());

        Assert.Equal(expected, value!.GetValue<string>());
    }

    [Fact]
    public void Render_TextWithoutTemplates_IsReturnedAsAString()
    {
        Assert.Equal("plain ${ text }", _sandbox.Render("plain ${ text }", Scope())!.GetValue<string>());
    }

    [Fact]
    public void Render_BracesAndClosingMarksInsideTheExpression_DoNotEndIt()
    {
        var value = _sandbox.Render("${{ ({ a: { b: '}}' } }).a.b }}", Scope());

        Assert.Equal("}}", value!.GetValue<string>());
    }

    [Fact]
    public void Render_UnclosedTemplate_IsASyntaxError()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.Render("Hello ${{ input.name", Scope()));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
        Assert.Contains("column 7 has no closing '}}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyTemplate_IsASyntaxError()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.Render("a ${{ }} b", Scope()));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
    }

    [Fact]
    public void Render_FailingExpression_NamesIt()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.Render("id: ${{ input.missing.id }}", Scope()));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
        Assert.Contains("'input.missing.id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderNode_RendersEveryStringAndLeavesKeysAndTheOriginalAlone()
    {
        var tree = new JsonObject
        {
            ["${{ input.name }}"] = "${{ input.name }}",
            ["count"] = "${{ input.count }}",
            ["list"] = new JsonArray("a-${{ input.count }}", 5, true, null, new JsonObject { ["deep"] = "${{ input.user.roles }}" }),
            ["number"] = 1.5,
        };

        var rendered = _sandbox.RenderNode(tree, Scope());

        Assert.Equal(
            """{"${{ input.name }}":"Ada","count":3,"list":["a-3",5,true,null,{"deep":["admin","dev"]}],"number":1.5}""",
            rendered!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("${{ input.count }}", tree["count"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("a ${{ b }}", true)]
    [InlineData("${ b }", false)]
    public void HasTemplate_FindsTheOpeningMark(string text, bool expected)
    {
        Assert.Equal(expected, ScriptSandbox.HasTemplate(text));
    }

    [Theory]
    [InlineData("steps.a.output > 1", "steps.a.output > 1")]
    [InlineData("${{ steps.a.output > 1 }}", "steps.a.output > 1")]
    [InlineData("  ${{steps.a.status === 'completed'}}  ", "steps.a.status === 'completed'")]
    [InlineData("a ${{ b }}", null)]
    [InlineData("${{ a }} ${{ b }}", null)]
    [InlineData("${{ a", null)]
    [InlineData("${{ }}", null)]
    [InlineData("   ", null)]
    public void StripTemplate_GivesTheBareExpression(string field, string? expected)
    {
        Assert.Equal(expected, ScriptSandbox.StripTemplate(field));
    }
}
