namespace Cairn.Definitions.Parsing;

/// <content>Steps that hold steps: <c>condition</c>, <c>loop</c>, <c>parallel</c> and <c>sequence</c>.</content>
internal sealed partial class StepReader
{
    private ConditionStep ReadCondition(Fields fields, StepCommon c)
    {
        if (fields["if"] is null)
        {
            fields.Missing("if", c.Needs("if", "the expression that chooses between then and else, such as input.approved"));
        }

        return new ConditionStep
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
            Then = RequiredSteps(fields, c, "then", "the steps run when the condition holds"),
            Else = ReadSteps(fields["else"], c.Field("else")),
        };
    }

    private LoopStep ReadLoop(Fields fields, StepCommon c)
    {
        var whileNode = fields["while"];
        var forEachNode = fields["forEach"];
        if (whileNode is not null && forEachNode is not null)
        {
            context.Error(fields.Mapping, $"{c.Subject} has both while and forEach; keep one: while repeats as long as an expression holds, forEach runs once per item of a list");
        }
        else if (whileNode is null && forEachNode is null)
        {
            fields.Missing("while", c.Needs("while or forEach", "while: an expression checked before each iteration, or forEach: an expression giving the list to iterate"));
        }

        var maxIterations = Values.Integer(context, fields["maxIterations"], c.Field("maxIterations"));
        if (fields["maxIterations"] is null)
        {
            fields.Missing("maxIterations", c.Needs("maxIterations", "a positive integer") + " so a runaway loop stops");
        }

        return new LoopStep
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
            While = Values.Expression(context, whileNode, c.Field("while")),
            ForEach = Values.Expression(context, forEachNode, c.Field("forEach")),
            Steps = RequiredSteps(fields, c, "steps", "the steps run in each iteration"),
            MaxIterations = maxIterations ?? 0,
        };
    }

    private ParallelStep ReadParallel(Fields fields, StepCommon c)
    {
        var branches = new List<IReadOnlyList<StepDefinition>>();
        var node = fields["branches"];
        if (node is null)
        {
            fields.Missing("branches", c.Needs("branches", "a list of branches, each a list of steps run in order"));
        }
        else if (Values.List(context, node, c.Field("branches"), "a list of branches, each a list of steps") is { } list)
        {
            if (list.Items.Count == 0)
            {
                context.Error(list, $"{c.Field("branches")} is empty; add at least one branch (a list of steps)");
            }

            foreach (var (branch, index) in list.Items.Select((n, i) => (n, i)))
            {
                if (branch is MappingNode)
                {
                    context.Error(branch, $"branch {index + 1} of {c.Subject} is a single step, but each branch is a list of steps; start the branch with '- - id: ...' or put its steps in a nested list");
                    continue;
                }

                branches.Add(ReadSteps(branch, $"branch {index + 1} of {c.Subject}"));
            }
        }

        return new ParallelStep
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
            Branches = branches,
            MaxConcurrency = Values.Integer(context, fields["maxConcurrency"], c.Field("maxConcurrency")),
        };
    }

    private SequenceStep ReadSequence(Fields fields, StepCommon c) => new()
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
        Steps = RequiredSteps(fields, c, "steps", "the steps to run in order"),
    };

    private IReadOnlyList<StepDefinition> RequiredSteps(Fields fields, StepCommon c, string field, string explanation)
    {
        if (fields[field] is null)
        {
            fields.Missing(field, c.Needs(field, explanation));
            return [];
        }

        return ReadSteps(fields[field], c.Field(field));
    }
}
