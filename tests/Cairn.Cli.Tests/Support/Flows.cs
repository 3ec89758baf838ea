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

    /// <summary>Doubles 1 to 25 in a loop: 25 checkpoints, so runs of it keep state snapshots (at every tenth).</summary>
    public const string Counted = """
        name: counted
        steps:
          - id: each
            type: loop
            forEach: "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]"
            maxIterations: 30
            steps:
              - id: double
                type: script
                code: "item * 2"
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
    /// Exec steps s1..sN that each append their id to <c>lines.txt</c> in <paramref name="folder"/>: the file shows which
    /// steps ran, and how often. Step <paramref name="gateAt"/> then waits until the file <c>gate</c> exists, so a test
    /// can act while that step runs; the steps after it take <paramref name="sleepSeconds"/> each.
    /// </summary>
    public static string Lines(string name, string folder, int steps, int gateAt, double sleepSeconds = 0)
    {
        var lines = Path.Combine(folder, "lines.txt");
        var gate = Path.Combine(folder, "gate");
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"name: {name}");
        yaml.AppendLine("steps:");
        for (var i = 1; i <= steps; i++)
        {
            var then = i == gateAt ? $" && while [ ! -f '{gate}' ]; do sleep 0.02; done"
                : i > gateAt && sleepSeconds > 0 ? string.Create(CultureInfo.InvariantCulture, $" && sleep {sleepSeconds}")
                : string.Empty;
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - id: s{i}");
            yaml.AppendLine("    type: exec");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    command: [sh, -c, \"echo s{i} >> '{lines}'{then}\"]");
        }

        return yaml.ToString();
    }
}
