namespace Cairn.Definitions.Tests.Parsing;

public class DurationTests
{
    [Theory]
    [InlineData("500ms", 0, 0, 0, 0, 500)]
    [InlineData("30s", 0, 0, 0, 30, 0)]
    [InlineData("5m", 0, 0, 5, 0, 0)]
    [InlineData("2h", 0, 2, 0, 0, 0)]
    [InlineData("1d", 1, 0, 0, 0, 0)]
    [InlineData("1h30m", 0, 1, 30, 0, 0)]
    [InlineData("1d2h3m4s5ms", 1, 2, 3, 4, 5)]
    [InlineData("90m", 0, 0, 90, 0, 0)]
    [InlineData("0s", 0, 0, 0, 0, 0)]
    public void Parse_ValidDuration_GivesItsLength(string text, int days, int hours, int minutes, int seconds, int milliseconds)
    {
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds, milliseconds), Duration.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("1.5h")]
    [InlineData("30m1h")]
    [InlineData("1m1m")]
    [InlineData("5 m")]
    [InlineData(" 5m")]
    [InlineData("5M")]
    [InlineData("-5s")]
    [InlineData("1w")]
    [InlineData("99999999999999999999d")]
    [InlineData("20000000000d")]
    public void TryParse_InvalidDuration_ReturnsFalse(string text)
    {
        Assert.False(Duration.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(Duration.TryParse(null, out var value));
        Assert.Equal(TimeSpan.Zero, value);
    }

    [Fact]
    public void Parse_InvalidDuration_ThrowsWithHowToWriteOne()
    {
        var exception = Assert.Throws<FormatException>(() => Duration.Parse("soon"));

        Assert.Equal("'soon' is not a duration; write whole numbers with the units d, h, m, s or ms, largest first, such as 500ms, 30s, 5m or 1h30m", exception.Message);
    }
}
