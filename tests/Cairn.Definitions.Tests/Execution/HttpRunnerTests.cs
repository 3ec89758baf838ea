using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Cairn.Definitions.Tests.Execution;

public sealed class HttpRunnerTests : IAsyncLifetime
{
    private readonly HttpClient _client = new();
    private LoopbackServer _server = null!;

    public Task InitializeAsync()
    {
        _server = LoopbackServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task SendAsync_JsonAnswer_IsParsed()
    {
        _server.ResponseBody = """{"id": 7, "tags": ["a", "b"]}""";

        var result = await new HttpRunner(_client).SendAsync(new HttpRequestSpec("GET", _server.Url + "items/7"));

        Assert.Equal(200, result.Status);
        Assert.Equal("""{"id":7,"tags":["a","b"]}""", result.Body!.ToJsonString());
        Assert.Equal("GET", _server.Last!.Method);
        Assert.Equal("/items/7", _server.Last.Path);
    }

    [Fact]
    public async Task SendAsync_JsonVariantContentType_IsParsed()
    {
        _server.ContentType = "application/problem+json; charset=utf-8";
        _server.ResponseBody = """{"title": "x"}""";

        var result = await new HttpRunner(_client).SendAsync(new HttpRequestSpec("GET", _server.Url));

        Assert.Equal("x", result.Body!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_TextAnswer_StaysText()
    {
        _server.ContentType = "text/plain; charset=utf-8";
        _server.ResponseBody = "{\"looks\": \"like json\"} but is text";

        var result = await new HttpRunner(_client).SendAsync(new HttpRequestSpec("GET", _server.Url));

        Assert.Equal("{\"looks\": \"like json\"} but is text", result.Body!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_EmptyAnswer_HasNoBody()
    {
        _server.Status = 204;
        _server.ResponseBody = string.Empty;

        var result = await new HttpRunner(_client).SendAsync(new HttpRequestSpec("DELETE", _server.Url));

        Assert.Equal(204, result.Status);
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task SendAsync_Headers_AreSentAndReceivedInLowerCase()
    {
        _server.ResponseHeaders["X-Request-Id"] = "abc";
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer t0ken", ["X-Custom"] = "1" };

        var result = await new HttpRunner(_client).SendAsync(new HttpRequestSpec("GET", _server.Url, headers));

        Assert.Equal("Bearer t0ken", _server.Last!.Headers["Authorization"]);
        Assert.Equal("1", _server.Last.Headers["X-Custom"]);
        Assert.Equal("abc", result.Headers["x-request-id"]);
        Assert.StartsWith("application/json", result.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ObjectBody_IsSentAsJson()
    {
        var body = new JsonObject { ["name"] = "Ada", ["n"] = 1 };

        await new HttpRunner(_client).SendAsync(new HttpRequestSpec("post", _server.Url, Body: body));

        Assert.Equal("POST", _server.Last!.Method);
        Assert.Equal("""{"name":"Ada","n":1}""", _server.Last.Body);
        Assert.StartsWith("application/json", _server.Last.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StringBody_IsSentAsText()
    {
        await new HttpRunner(_client).SendAsync(new HttpRequestSpec("PUT", _server.Url, Body: JsonValue.Create("plain words")));

        Assert.Equal("plain words", _server.Last!.Body);
        Assert.StartsWith("text/plain", _server.Last.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ContentTypeHeader_IsKept()
    {
        var headers = new Dictionary<string, string> { ["content-type"] = "application/x-www-form-urlencoded" };

        await new HttpRunner(_client).SendAsync(new HttpRequestSpec("POST", _server.Url, headers, JsonValue.Create("a=1&b=2")));

        Assert.Equal("a=1&b=2", _server.Last!.Body);
        Assert.Equal("application/x-www-form-urlencoded", _server.Last.Headers["Content-Type"]);
    }

    [Fact]
    public async Task SendAsync_UnexpectedStatus_ThrowsWithTheStatusAndTheStartOfTheBody()
    {
        _server.Status = 503;
        _server.ResponseBody = """{"error": "overloaded"}""";
        _server.ResponseHeaders["Retry-After"] = "30";

        var error = await Assert.ThrowsAsync<HttpStepException>(
            () => new HttpRunner(_client).SendAsync(new HttpRequestSpec("GET", _server.Url + "busy")));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal("""{"error": "overloaded"}""", error.BodyStart);
        Assert.Equal($$"""GET {{_server.Url}}busy answered 503, expected any 2xx: {"error": "overloaded"}""", error.Message);
    }

    [Fact]
    public async Task SendAsync_ExpectStatus_DecidesWhatSucceeds()
    {
        _server.Status = 404;
        var runner = new HttpRunner(_client);

        var result = await runner.SendAsync(new HttpRequestSpec("GET", _server.Url, ExpectStatus: [200, 404]));
        _server.Status = 200;
        var error = await Assert.ThrowsAsync<HttpStepException>(() => runner.SendAsync(new HttpRequestSpec("GET", _server.Url, ExpectStatus: [201])));

        Assert.Equal(404, result.Status);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("expected 201", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_LongErrorBody_KeepsOnlyItsStart()
    {
        _server.Status = 500;
        _server.ContentType = "text/plain";
        _server.ResponseBody = new string('e', 5000);

        var error = await Assert.ThrowsAsync<HttpStepException>(() => new HttpRunner(_client).SendAsync(new HttpRequestSpec("GET", _server.Url)));

        Assert.Equal(HttpStepException.BodyStartChars + 3, error.BodyStart.Length);
    }

    [Fact]
    public async Task SendAsync_BodyOverTheLimit_Fails()
    {
        _server.ResponseBody = "\"" + new string('x', 5000) + "\"";

        var error = await Assert.ThrowsAsync<StepExecutionException>(
            () => new HttpRunner(_client, maxResponseBytes: 1000).SendAsync(new HttpRequestSpec("GET", _server.Url)));

        Assert.Equal(
            $"GET {_server.Url} answered with a body larger than the 1,000-byte limit (HttpRunner.MaxResponseBytes); ask for less data or raise the limit",
            error.Message);
    }

    [Fact]
    public async Task SendAsync_UnexpectedStatusWithALargeBody_StillReportsTheStatus()
    {
        _server.Status = 502;
        _server.ContentType = "text/html";
        _server.ResponseBody = "<html>" + new string('x', 5000);

        var error = await Assert.ThrowsAsync<HttpStepException>(
            () => new HttpRunner(_client, maxResponseBytes: 1000).SendAsync(new HttpRequestSpec("GET", _server.Url)));

        Assert.Equal(502, error.StatusCode);
        Assert.StartsWith("<html>xxx", error.BodyStart, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.com/file")]
    public async Task SendAsync_InvalidUrl_SaysWhatIsExpected(string url)
    {
        var error = await Assert.ThrowsAsync<StepExecutionException>(() => new HttpRunner(_client).SendAsync(new HttpRequestSpec("GET", url)));

        Assert.Equal($"'{url}' is not a valid URL; give an absolute http:// or https:// URL", error.Message);
    }

    [Fact]
    public async Task SendAsync_NobodyListening_FailsBeforeAnAnswer()
    {
        // A socket bound but not listening: the port is taken, and every connection to it is refused.
        using var bound = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        bound.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var url = $"http://127.0.0.1:{((IPEndPoint)bound.LocalEndPoint!).Port}/";

        var error = await Assert.ThrowsAsync<StepExecutionException>(() => new HttpRunner(_client).SendAsync(new HttpRequestSpec("GET", url)));

        Assert.StartsWith($"GET {url} failed before an answer came", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public void ToJson_HasStatusHeadersAndBody()
    {
        var result = new HttpResult(201, new Dictionary<string, string> { ["location"] = "/x" }, new JsonObject { ["id"] = 1 });

        Assert.Equal("""{"status":201,"headers":{"location":"/x"},"body":{"id":1}}""", result.ToJson().ToJsonString());
    }
}
