namespace Cairn.Definitions.Parsing;

/// <content>Steps that wait or act on the run itself: <c>delay</c>, <c>wait</c>, <c>ask</c>, <c>set</c> and <c>fail</c>.</content>
internal sealed partial class StepReader
{
    private static readonly string[] QuestionKinds = ["text", "approval", "choice"];

    private DelayStep ReadDelay(Fields fields, StepCommon c)
    {
        if (fields["duration"] is null)
        {
            fields.Missing("duration", c.Needs("duration", "how long to wait, such as 30s, 5m or 1h30m"));
        }

        return new DelayStep
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
            Duration = Values.DurationOrTemplate(context, fields["duration"], c.Field("duration")) ?? "",
        };
    }

    private WaitStep ReadWait(Fields fields, StepCommon c)
    {
        var name = RequiredText(fields, c, "event", "the name of the event to wait for, as sent by cairn signal");
        return new WaitStep
        {
            Id = c.Id,
            Name = c.Name,
            If = c.If,
            Retry = c.Retry,
            OnFailure = c.OnFailure,
            Compensate = c.Compensate,
            CircuitBreaker = c.CircuitBreaker,
            Location = c.Location,
            Event = name,
            WaitTimeout = Values.DurationOrTemplate(context, fields["timeout"], c.Field("timeout")),
        };
    }

    private AskStep ReadAsk(Fields fields, StepCommon c)
    {
        var question = RequiredText(fields, c, "question", "the text people see, such as 'Ship the release?'");
        var kindText = Values.Text(context, fields["kind"], c.Field("kind"), templates: false);
        var kind = QuestionKind.Text;
        if (kindText is not null && Array.IndexOf(QuestionKinds, kindText) is var index and >= 0)
        {
            kind = (QuestionKind)index;
        }
        else if (kindText is not null)
        {
            context.Error(fields["kind"]!, $"'{kindText}' in {c.Field("kind")} is not a question kind; {Suggest.OneOf(kindText, QuestionKinds)}");
        }

        var options = ReadOptions(fields["options"], c);
        if (kind == QuestionKind.Choice && fields["options"] is null)
        {
            fields.Missing("options", c.Needs("options", "a choice question needs a list of options, each { id, label }, for the answer to pick from"));
        }
        else if (kind != QuestionKind.Choice && fields["options"] is { } extra && kindText is null or "text" or "approval")
        {
            context.Error(extra, $"{c.Field("options")} only applies to choice questions; add kind: choice or remove options");
        }

        return new AskStep
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
            Question = question,
            Kind = kind,
            Options = options,
        };
    }

    private List<ChoiceOption> ReadOptions(Node? node, StepCommon c)
    {
        var options = new List<ChoiceOption>();
        if (Values.List(context, node, c.Field("options"), "a list such as [{ id: yes, label: Ship it }, { id: no, label: Wait }]") is not { } list)
        {
            return options;
        }

        if (list.Items.Count == 0)
        {
            context.Error(list, $"{c.Field("options")} is empty; add at least one option {{ id, label }}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (Values.Mapping(context, item, $"an option of {c.Subject}", "{ id: yes, label: Ship it }") is not { } mapping)
            {
                continue;
            }

            var fields = new Fields(mapping, context, $"an option of {c.Subject}", StepFields.ChoiceOption);
            var id = Values.Name(context, fields["id"], $"the id of an option of {c.Subject}", s => s.Length > 0, "it must not be empty");
            if (fields["id"] is null)
            {
                fields.Missing("id", $"an option of {c.Subject} needs an id: the value the answer carries");
            }
            else if (id is not null && !seen.Add(id))
            {
                context.Error(fields["id"]!, $"{c.Subject} has two options with id '{id}'; give each option its own id");
            }

            var label = Values.Text(context, fields["label"], $"the label of option '{id}' of {c.Subject}");
            options.Add(new ChoiceOption(id ?? "", label ?? id ?? ""));
        }

        return options;
    }

    private SetStep ReadSet(Fields fields, StepCommon c)
    {
        var state = new List<KeyValuePair<string, string>>();
        var node = fields["state"];
        if (node is null)
        {
            fields.Missing("state", c.Needs("state", "a mapping of state keys to expressions, such as { count: 'state.count + 1' }"));
        }
        else if (Values.Mapping(context, node, c.Field("state"), "a mapping of key: expression lines") is { } mapping)
        {
            if (mapping.Entries.Count == 0)
            {
                context.Error(mapping, $"{c.Field("state")} is empty; set at least one key");
            }

            var keys = new Fields(mapping, context, c.Field("state"), allowed: null);
            foreach (var (keyNode, value) in mapping.Entries)
            {
                if (keyNode is not ScalarNode { Kind: not ScalarKind.Null } key || keys[key.Value] != value)
                {
                    continue;
                }

                if (!Names.IsStateKey(key.Value))
                {
                    context.Error(key, $"'{key.Value}' in {c.Field("state")} is not a valid key: {Names.StateKeyRule}");
                }
                else if (Values.Expression(context, value, $"state key '{key.Value}' of {c.Subject}") is { } expression)
                {
                    state.Add(new(key.Value, expression));
                }
            }
        }

        return new SetStep
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
            State = state,
        };
    }

    private FailStep ReadFail(Fields fields, StepCommon c) => new()
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
        Message = RequiredText(fields, c, "message", "the error the run fails with"),
    };

    private string RequiredText(Fields fields, StepCommon c, string field, string explanation)
    {
        var node = fields[field];
        if (node is null)
        {
            fields.Missing(field, c.Needs(field, explanation));
            return "";
        }

        var text = Values.Text(context, node, c.Field(field));
        if (text is { Length: 0 })
        {
            context.Error(node, $"{c.Field(field)} is empty; write {explanation}");
        }

        return text ?? "";
    }
}
