namespace Cairn.Definitions.Tests.Parsing;

public class TemplateTests
{
    [Fact]
    public void Split_TextWithTemplates_GivesLiteralAndExpressionSegmentsInOrder()
    {
        var segments = Template.Split("Hello ${{ input.name }}, you are ${{input.age}}!");

        Assert.Equal(
            [
                new TemplateSegment("Hello ", false),
                new TemplateSegment("input.name", true),
                new TemplateSegment(", you are ", false),
                new TemplateSegment("input.age", true),
                new TemplateSegment("!", false),
            ],
            segments);
    }

    [Fact]
    public void Split_TextWithoutTemplates_IsOneLiteralSegment()
    {
        Assert.Equal([new TemplateSegment("plain { text }", false)], Template.Split("plain { text }"));
        Assert.Empty(Template.Split(""));
    }

    [Fact]
    public void Split_TemplateEndsAtTheFirstClosingBracesOutsideStringsAndBraces()
    {
        Assert.Equal([new TemplateSegment("({ a: { b: 1 }}).a.b", true), new TemplateSegment(" x", false)], Template.Split("${{ ({ a: { b: 1 }}).a.b }} x"));
        Assert.Equal([new TemplateSegment("'}}'", true)], Template.Split("${{ '}}' }}"));
        Assert.Equal([new TemplateSegment("{ a: { b: 1 } }", true)], Template.Split("${{ { a: { b: 1 } } }}"));
    }

    [Theory]
    [InlineData("${{ a", "the template at character 1 is not closed; end it with '}}'")]
    [InlineData("${{ /{/.test(a) }}", "the template at character 1 is not closed; end it with '}}'")]
    [InlineData("x ${{   }} y", "the template at character 3 is empty; put an expression between '${{' and '}}'")]
    public void Split_MalformedTemplate_Throws(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => Template.Split(text)).Message);
    }

    [Theory]
    [InlineData("${{ input.count }}", "input.count")]
    [InlineData("  ${{input.count}}  ", "input.count")]
    public void TryGetSingleExpression_WholeTemplate_GivesTheExpression(string text, string expected)
    {
        Assert.True(Template.TryGetSingleExpression(text, out var expression));
        Assert.Equal(expected, expression);
    }

    [Theory]
    [InlineData("n = ${{ input.count }}")]
    [InlineData("${{ a }}${{ b }}")]
    [InlineData("input.count")]
    [InlineData("${{ a")]
    public void TryGetSingleExpression_AnythingElse_ReturnsFalse(string text)
    {
        Assert.False(Template.TryGetSingleExpression(text, out _));
        Assert.Equal(text.Contains("${{", StringComparison.Ordinal), Template.Contains(text));
    }
}
