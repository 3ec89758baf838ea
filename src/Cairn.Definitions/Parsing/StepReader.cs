namespace Cairn.Definitions.Parsing;

/// <summary>Reads steps, reporting every problem and going on, so that all of them are found in one pass.</summary>
/// <param name="context">Where errors, ids and expressions go.</param>
internal sealed partial class StepReader(ParseContext context)
{
    private static readonly IReadOnlyList<string> AnyStepField =
        [.. StepFields.Common.Concat(StepFields.ByType.Values.SelectMany(f => f)).Distinct()];

    /// <summary>Reads a list of steps.</summary>
    /// <param name="node">The value, or <see langword="null"/> when absent (the caller reports that).</param>
    /// <param name="what">Names the list in messages ("'steps' of loop step 'each'").</param>
    /// <returns>The steps read (incomplete when there are errors).</returns>
    public IReadOnlyList<StepDefinition> ReadSteps(Node? node, string what)
    {
        if (Values.List(context, node, what, "a list of steps, each starting with '- id: ...'") is not { } list)
        {
            return [];
        }

        if (list.Items.Count == 0)
        {
            context.Error(list, $"{what} is empty; add at least one step");
        }

        var steps = new List<StepDefinition>();
        foreach (var item in list.Items)
        {
            if (ReadStep(item, what) is { } step)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private StepDefinition? ReadStep(Node node, string what)
    {
        if (node is not MappingNode mapping)
        {
            context.Error(node, $"each entry of {what} must be a step (a mapping with id and type), not {node.KindText}");
            return null;
        }

        var peekedId = Peek(mapping, "id");
        var peekedType = Peek(mapping, "type");
        var type = peekedType is not null && StepFields.ByType.ContainsKey(peekedType) ? peekedType : null;
        var subject = (type, peekedId) switch
        {
            (null, null) => "a step",
            (null, _) => $"step '{peekedId}'",
            (_, null) => $"{StepCommon.Article(type!)} {type} step",
            _ => $"{type} step '{peekedId}'",
        };
        var fields = new Fields(mapping, context, subject, type is null ? AnyStepField : StepFields.For(type), type is null ? null : StepFields.RefusedBy(type));
        var id = ReadId(fields);
        ReadType(fields);
        if (type is null)
        {
            // Without a known type only the common fields can be checked.
            ReadCommon(fields, id, "");
            return null;
        }

        var common = ReadCommon(fields, id, type);
        return type switch
        {
            "exec" => ReadExec(fields, common),
            "http" => ReadHttp(fields, common),
            "script" => ReadScript(fields, common),
            "workflow" => ReadChildWorkflow(fields, common),
            "delay" => ReadDelay(fields, common),
            "wait" => ReadWait(fields, common),
            "ask" => ReadAsk(fields, common),
            "set" => ReadSet(fields, common),
            "fail" => ReadFail(fields, common),
            "condition" => ReadCondition(fields, common),
            "loop" => ReadLoop(fields, common),
            "parallel" => ReadParallel(fields, common),
            _ => ReadSequence(fields, common),
        };
    }

    private string ReadId(Fields fields)
    {
        var node = fields["id"];
        if (node is null)
        {
            fields.Missing("id", $"{fields.Subject} needs an id, such as id: build; other steps refer to it as steps.<id> ({Names.StepIdRule})");
            return "";
        }

        var id = Values.Name(context, node, "a step id", Names.IsStepId, Names.StepIdRule);
        if (id is null)
        {
            return "";
        }

        context.StepIds.Add(new(id, node.Location));
        return id;
    }

    private void ReadType(Fields fields)
    {
        var node = fields["type"];
        if (node is null)
        {
            fields.Missing("type", $"{fields.Subject} needs a type, one of: {StepFields.TypeList}");
            return;
        }

        var type = Values.Text(context, node, $"the type of {fields.Subject}", templates: false);
        if (type is not null && !StepFields.ByType.ContainsKey(type))
        {
            context.Error(node, $"unknown step type '{type}'; {Suggest.OneOf(type, StepFields.Types)}");
        }
    }

    private StepCommon ReadCommon(Fields fields, string id, string type)
    {
        var common = new StepCommon(id, type, null, null, null, null, fields.Mapping.Location);
        var name = type == "workflow" ? null : Values.Text(context, fields["name"], common.Field("name"));
        var condition = Values.Expression(context, fields["if"], common.Field("if"));
        var timeout = type == "wait" ? null : Values.FixedDuration(context, fields["timeout"], common.Field("timeout"), allowZero: false);
        var retry = ReadRetry(fields["retry"], common.Field("retry"), $"the retry of {common.Subject}");
        var onFailure = ReadOnFailure(fields["onFailure"], common.Field("onFailure"));
        var compensate = fields["compensate"] is { } undo ? ReadSteps(undo, common.Field("compensate")) : [];
        var breaker = ReadCircuitBreaker(fields["circuitBreaker"], common);
        return common with { Name = name, If = condition, Timeout = timeout, Retry = retry, OnFailure = onFailure, Compensate = compensate, CircuitBreaker = breaker };
    }

    private static string? Peek(MappingNode mapping, string key) =>
        mapping.Entries.FirstOrDefault(e => e.Key is ScalarNode scalar && scalar.Value == key).Value is ScalarNode { Kind: ScalarKind.String } value
            ? value.Value
            : null;
}
