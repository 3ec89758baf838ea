using Cairn.Definitions.Interpreter;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary>Which of a definition's steps a resume plan lists as coming after the calls a journal keeps.</summary>
public sealed class DefinitionOutlineTests
{
    private static readonly WorkflowDefinition Flow = DefinitionParser.Parse("""
        name: outline
        steps:
          - { id: a, type: exec, command: [echo, a] }
          - id: fan
            type: parallel
            branches:
              - [{ id: x1, type: script, code: "1" }, { id: x2, type: http, url: "http://127.0.0.1:9/" }]
              - [{ id: y1, type: ask, question: "ok?" }]
          - { id: gate, type: wait, event: go }
          - id: pick
            type: condition
            if: "steps.a.output.exitCode === 0"
            then: [{ id: t1, type: script, code: "1" }, { id: t2, type: script, code: "2" }]
            else: [{ id: e1, type: workflow, name: child }]
          - id: each
            type: loop
            forEach: "[1, 2]"
            maxIterations: 5
            steps: [{ id: l1, type: script, code: "item" }]
          - { id: maybe, type: exec, if: "false", command: [echo, m] }
          - { id: last, type: set, state: { done: "true" } }
        """, "outline.yaml");

    private static readonly WorkflowDefinition Looped = DefinitionParser.Parse("""
        name: looped
        steps:
          - id: each
            type: loop
            while: "index < 2"
            maxIterations: 5
            steps: [{ id: l1, type: script, code: "1" }, { id: l2, type: script, code: "2" }]
          - id: maybe
            type: sequence
            if: "false"
            steps: [{ id: inner, type: exec, command: [echo, i] }]
          - { id: last, type: script, code: "3" }
        """, "looped.yaml");

    [Fact]
    public void NothingKept_ListsEveryStepInOrder_AndWhatAnUndecidedConditionOrALoopDecidesMayRun()
    {
        Assert.Equal(
            ["a!", "x1", "x2!", "y1", "gate", "t1?", "t2?", "e1?!", "l1?", "maybe?!", "last"],
            Describe(DefinitionOutline.StepsAfter(Flow, new HashSet<string>())));
    }

    [Fact]
    public void ABranchOfAParallelStepKept_ListsTheRestOfEachBranchAndWhatFollows()
    {
        var steps = DefinitionOutline.StepsAfter(Flow, new HashSet<string> { "a", "x1", "question:y1" });

        Assert.Equal(["x2!", "gate", "t1?", "t2?", "e1?!", "l1?", "maybe?!", "last"], Describe(steps));
    }

    [Fact]
    public void AStepOfAConditionKept_ListsOnlyTheRestOfTheBranchItTookAsStepsThatWillRun()
    {
        Assert.Equal(["t2", "l1?", "maybe?!", "last"], Describe(DefinitionOutline.StepsAfter(Flow, new HashSet<string> { "t1" })));
    }

    [Fact]
    public void AStepOfALoopKept_ListsTheRestOfTheBodyAsStepsThatMayRun()
    {
        Assert.Equal(["l2?", "inner?!", "last"], Describe(DefinitionOutline.StepsAfter(Looped, new HashSet<string> { "l1" })));
    }

    [Fact]
    public void AContainerSkippedByItsIf_HasNothingLeftInside()
    {
        Assert.Equal(["last"], Describe(DefinitionOutline.StepsAfter(Looped, new HashSet<string> { "maybe" })));
    }

    [Fact]
    public void WaitsAndStateWrites_AreKnownByTheNamesTheirCallsAreJournaledWith()
    {
        Assert.Equal(["t1?", "t2?", "e1?!", "l1?", "maybe?!", "last"], Describe(DefinitionOutline.StepsAfter(Flow, new HashSet<string> { "go" })));
        Assert.Empty(DefinitionOutline.StepsAfter(Flow, new HashSet<string> { "run:done" }));
        Assert.Equal("child", DefinitionOutline.StepsAfter(Flow, new HashSet<string>()).Single(s => s.Id == "e1").Name);
    }

    /// <summary>Each step's id, with <c>?</c> when it may run and <c>!</c> when it has outside effects.</summary>
    private static List<string> Describe(IEnumerable<OutlinedStep> steps) =>
        steps.Select(s => s.Id + (s.MayRun ? "?" : string.Empty) + (s.HasOutsideEffects ? "!" : string.Empty)).ToList();
}
