using System.Text.Json.Nodes;

namespace Cairn.Definitions.Parsing;

/// <summary>Reads the top level of a definition.</summary>
internal static class DefinitionReader
{
    private const string Subject = "the definition";

    /// <summary>Reads a loaded document into a definition, reporting every problem to the context.</summary>
    /// <param name="root">The document's root, or <see langword="null"/> for an empty file.</param>
    /// <param name="context">Where errors, ids and expressions go.</param>
    /// <returns>The definition (incomplete when errors were reported).</returns>
    public static WorkflowDefinition? Read(Node? root, ParseContext context)
    {
        if (root is null)
        {
            context.Error(new SourceLocation(context.File, 1, 1), "the file holds no definition; write at least name and steps");
            return null;
        }

        if (root is not MappingNode mapping)
        {
            context.Error(root, $"a definition is a mapping with at least name and steps, not {root.KindText}");
            return null;
        }

        var fields = new Fields(mapping, context, Subject, StepFields.TopLevel);
        var name = Values.Name(context, fields["name"], "the definition's name", Names.IsWorkflowName, Names.WorkflowRule);
        if (fields["name"] is null)
        {
            fields.Missing("name", $"the definition needs a name, such as name: nightly-report ({Names.WorkflowRule})");
        }

        ReadEnv(fields["env"], context);
        var reader = new StepReader(context);
        var retry = reader.ReadRetry(fields["retry"], "the definition's retry", "the definition's retry");
        var onFailure = reader.ReadOnFailure(fields["onFailure"], "the definition's onFailure");
        if (onFailure?.Action == FailureAction.Fallback)
        {
            context.Error(fields["onFailure"]!, "the definition's onFailure cannot be fallback: a fallback replaces one step; set it on that step's onFailure");
            onFailure = null;
        }

        var steps = reader.ReadSteps(fields["steps"], "the definition's steps");
        if (fields["steps"] is null)
        {
            fields.Missing("steps", "the definition needs steps: a list of steps run in order, each with an id and a type");
        }

        return new WorkflowDefinition
        {
            Name = name ?? "",
            Version = Values.Integer(context, fields["version"], "the definition's version"),
            Description = Values.Text(context, fields["description"], "the definition's description", templates: false),
            Inputs = ReadInputs(fields["inputs"], context),
            Env = [.. context.EnvNames],
            Timeout = Values.FixedDuration(context, fields["timeout"], "the definition's timeout", allowZero: false),
            KeepSnapshots = Values.Integer(context, fields["keepSnapshots"], "the definition's keepSnapshots", minimum: 0),
            Retry = retry,
            OnFailure = onFailure,
            Steps = steps,
            Location = mapping.Location,
        };
    }

    private static JsonObject? ReadInputs(Node? node, ParseContext context)
    {
        const string What = "the definition's inputs";
        if (Values.Mapping(context, node, What, "a JSON Schema object, such as { type: object, properties: { ... } }") is not { } schema
            || JsonValues.Convert(context, schema, What, templates: false) is not JsonObject inputs)
        {
            return null;
        }

        InputsSchemaCheck.Run(schema, inputs, context);
        return inputs;
    }

    private static void ReadEnv(Node? node, ParseContext context)
    {
        const string What = "the definition's env";
        if (Values.List(context, node, What, "a list of variable names, such as [HOME, API_TOKEN]") is not { } list)
        {
            return;
        }

        foreach (var item in list.Items)
        {
            var name = Values.Name(context, item, $"an entry of {What}", Names.IsEnvName, Names.EnvRule);
            if (name is not null && !context.EnvNames.Add(name))
            {
                context.Error(item, $"'{name}' is listed twice in {What}; remove one");
            }
        }
    }
}
