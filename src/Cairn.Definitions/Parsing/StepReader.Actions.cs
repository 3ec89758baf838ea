namespace Cairn.Definitions.Parsing;

/// <content>Steps that act outside the run: <c>exec</c>, <c>http</c>, <c>script</c> and <c>workflow</c>.</content>
internal sealed partial class StepReader
{
    private static readonly string[] HttpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private ExecStep ReadExec(Fields fields, StepCommon c)
    {
        var command = new List<string>();
        var node = fields["command"];
        if (node is null)
        {
            fields.Missing("command", c.Needs("command", "the program and its arguments as a list, such as [dotnet, build]"));
        }
        else if (Values.List(context, node, c.Field("command"), "[program, arg1, arg2] (the command is not run through a shell)") is { } list)
        {
            if (list.Items.Count == 0)
            {
                context.Error(list, $"{c.Field("command")} is empty; give at least the program, such as [dotnet, build]");
            }

            foreach (var (item, index) in list.Items.Select((n, i) => (n, i)))
            {
                command.Add(Values.ScalarText(context, item, $"argument {index} of {c.Field("command")}") ?? "");
            }

            if (command.Count > 0 && command[0].Length == 0 && list.Items[0] is ScalarNode)
            {
                context.Error(list.Items[0], $"the program in {c.Field("command")} is empty; write the program's name or path first");
            }
        }

        return new ExecStep
        {
            Id = c.Id,
            Name = c.Name,
            If = c.If,
            Timeout = c.Timeout,
            Retry = c.Retry,
            OnFailure = c.OnFailure,
            Compensate = c.Compensate,
            CircuitBreaker = c.CircuitBreaker,
            Location = c.Location,
            Command = command,
            Env = Values.TextMap(context, fields["env"], c.Field("env"), Names.IsEnvName, Names.EnvRule),
            Cwd = Values.Text(context, fields["cwd"], c.Field("cwd")),
            Stdin = Values.Text(context, fields["stdin"], c.Field("stdin")),
        };
    }

    private HttpStep ReadHttp(Fields fields, StepCommon c)
    {
        var method = Values.Text(context, fields["method"], c.Field("method"), templates: false);
        if (method is not null && !HttpMethods.Contains(method))
        {
            context.Error(fields["method"]!, $"'{method}' in {c.Field("method")} is not an HTTP method Cairn sends; {Suggest.OneOf(method, HttpMethods)}");
        }

        var url = Values.Text(context, fields["url"], c.Field("url"));
        if (url is null && fields["url"] is null)
        {
            fields.Missing("url", c.Needs("url", "the absolute URL to send the request to, such as https://example.com/api"));
        }
        else if (url is not null && !Template.Contains(url)
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            context.Error(fields["url"]!, $"'{url}' in {c.Field("url")} is not an absolute http or https URL; write it in full, such as https://example.com/api");
        }

        return new HttpStep
        {
            Id = c.Id,
            Name = c.Name,
            If = c.If,
            Timeout = c.Timeout,
            Retry = c.Retry,
            OnFailure = c.OnFailure,
            Compensate = c.Compensate,
            CircuitBreaker = c.CircuitBreaker,
            Location = c.Location,
            Method = method ?? "GET",
            Url = url ?? "",
            Headers = Values.TextMap(context, fields["headers"], c.Field("headers"), Names.IsHeaderName, Names.HeaderRule),
            Body = fields["body"] is { } body ? JsonValues.Convert(context, body, c.Field("body"), templates: true) : null,
            ExpectStatus = ReadStatuses(fields["expectStatus"], c.Field("expectStatus")),
        };
    }

    private List<int> ReadStatuses(Node? node, string what)
    {
        var items = node is SequenceNode list ? list.Items : node is null ? [] : [node];
        if (node is SequenceNode { Items.Count: 0 })
        {
            context.Error(node, $"{what} is empty; give a status such as 200, a list such as [200, 201], or leave it out to accept any 2xx");
        }

        return [.. items.Select(item => Values.Integer(context, item, what, 100, 599)).OfType<int>()];
    }

    private ScriptStep ReadScript(Fields fields, StepCommon c)
    {
        var node = fields["code"];
        var code = Values.Text(context, node, c.Field("code"), templates: false);
        if (node is null)
        {
            fields.Missing("code", c.Needs("code", "the JavaScript to run; its last expression's value is the step's output"));
        }
        else if (code is not null && Template.Contains(code))
        {
            context.Error(node, $"{c.Field("code")} is JavaScript run as written, so ${{{{ }}}} templates are not expanded in it; read values directly, such as input.name or steps.fetch.output");
        }
        else if (code is not null && code.Trim().Length == 0)
        {
            context.Error(node, $"{c.Field("code")} is empty; write the JavaScript to run");
        }
        else if (code is not null)
        {
            context.Expressions.Add(new(code, node.Location, c.Field("code"), IsProgram: true));
        }

        return new ScriptStep
        {
            Id = c.Id,
            Name = c.Name,
            If = c.If,
            Timeout = c.Timeout,
            Retry = c.Retry,
            OnFailure = c.OnFailure,
            Compensate = c.Compensate,
            CircuitBreaker = c.CircuitBreaker,
            Location = c.Location,
            Code = code ?? "",
        };
    }

    private ChildWorkflowStep ReadChildWorkflow(Fields fields, StepCommon c)
    {
        var name = Values.Name(context, fields["name"], c.Field("name"), Names.IsWorkflowName, Names.WorkflowRule);
        if (fields["name"] is null)
        {
            fields.Missing("name", c.Needs("name", "the name of the workflow to run as a child"));
        }

        return new ChildWorkflowStep
        {
            Id = c.Id,
            If = c.If,
            Timeout = c.Timeout,
            Retry = c.Retry,
            OnFailure = c.OnFailure,
            Compensate = c.Compensate,
            CircuitBreaker = c.CircuitBreaker,
            Location = c.Location,
            Workflow = name ?? "",
            Version = Values.Integer(context, fields["version"], c.Field("version")),
            Input = fields["input"] is { } input ? JsonValues.Convert(context, input, c.Field("input"), templates: true) : null,
        };
    }
}
