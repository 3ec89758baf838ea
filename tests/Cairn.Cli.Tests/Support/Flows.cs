using System.Globalization;
using System.Text;

namespace Cairn.Cli.Tests.Support;

/// <summary>The definitions the tests run, written as users write them.</summary>
public static class Flows
{
    /// <summary>Greets the input's name with a script step, after an exec step.</summary>
    public const string Greet = """
        name: greet
        description: Says hello.
        steps:
          - id: hostname
            type: exec
            command: [echo, world]
          - id: greeting
            type: script
            code: "'hello ' + input.name"
        """;

    /// <summary>Fails on purpose after one good step.</summary>
    public const string Failing = """
        name: failing
        steps:
          - id: fine
            type: script
            code: "1 + 1"
          - id: broken
            type: fail
            message: "the warehouse is closed"
        """;

    /// <summary>Asks for an approval, then reports the answer.</summary>
    public const string Approval = """
        name: approval
        steps:
          - id: approve
            type: ask
            question: "Ship order 42?"
            kind: approval
          - id: decision
            type: script
            code: "({ approved: steps.approve.output })"
        """;

    /// <summary>Waits for the event 'go' and adds one to its data's n.</summary>
    public const string Signalled = """
        name: signalled
        steps:
          - id: wait-for-go
            type: wait
            event: go
          - id: next
            type: script
            code: "steps['wait-for-go'].output.n + 1"
        """;

    /// <summary>
    /// Exec steps that each append their id to a file, then sleep a little: the file shows which steps ran, and how often.
    /// </summary>
    public static string Lines(string name, string file, int steps, double sleepSeconds)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"name: {name}");
        yaml.AppendLine("steps:");
        for (var i = 1; i <= steps; i++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - id: s{i}");
            yaml.AppendLine("    type: exec");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    command: [sh, -c, \"echo s{i} >> '{file}' && sleep {sleepSeconds}\"]");
        }

        return yaml.ToString();
    }
}
