using Cairn.Resume;

namespace Cairn.Tests.Resume;

/// <summary>Which failures auto treats as transient (retry-failed): time-outs, I/O and network errors, HTTP 429 and 5xx.</summary>
public class TransientFailuresTests
{
    [Theory]
    [InlineData("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 429 (Too Many Requests).", "HTTP 429")]
    [InlineData("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 500 (Internal Server Error).", "HTTP 500")]
    [InlineData("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 503 (Service Unavailable).", "HTTP 503")]
    [InlineData("Cairn.Definitions.HttpStepException", "GET https://example.com/orders answered 502, expected 2xx: bad gateway", "HTTP 502")]
    [InlineData("Cairn.Definitions.HttpStepException", "POST https://example.com/orders answered 429, expected 2xx", "HTTP 429")]
    [InlineData("System.Net.Http.HttpRequestException", "Connection refused (example.com:443)", "a network failure")]
    [InlineData("System.IO.IOException", "The device is not ready.", "IOException")]
    [InlineData("System.TimeoutException", "The operation has timed out.", "TimeoutException")]
    public void Describe_TransientFailure_SaysWhy(string type, string message, string expected) =>
        Assert.Equal(expected, TransientFailures.Describe(new FailureInfo(type, message)));

    [Theory]
    [InlineData("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 404 (Not Found).")]
    [InlineData("Cairn.Definitions.HttpStepException", "GET https://example.com/orders answered 400, expected 2xx")]
    [InlineData("Cairn.Definitions.HttpStepException", "The response is not JSON.")]
    [InlineData("System.InvalidOperationException", "Sequence contains no elements")]
    public void Describe_PermanentFailure_IsNull(string type, string message) =>
        Assert.Null(TransientFailures.Describe(new FailureInfo(type, message)));

    [Fact]
    public void Describe_IOExceptionInsideAnotherFailure_IsTransient() =>
        Assert.Equal("IOException", TransientFailures.Describe(new FailureInfo("System.AggregateException", "One or more errors occurred.", Inner: new FailureInfo("System.IO.IOException", "Broken pipe"))));
}
