namespace Cairn.Definitions.Tests.Parsing;

public class FlowStepParseTests
{
    [Fact]
    public void Parse_ConditionStep_ReadsTheConditionAndBothBranches()
    {
        var definition = Parse.Valid("""
            name: branch
            steps:
              - id: check
                type: condition
                if: ${{ input.amount > 100 }}
                then:
                  - { id: big, type: fail, message: too big }
                else:
                  - { id: small, type: set, state: { ok: true } }
            """);

        var step = Assert.IsType<ConditionStep>(Assert.Single(definition.Steps));
        Assert.Equal("input.amount > 100", step.If);
        Assert.Equal("big", Assert.Single(step.Then).Id);
        Assert.Equal("small", Assert.Single(step.Else).Id);
        Assert.Equal(["big", "small"], step.Children.Select(s => s.Id));
    }

    [Fact]
    public void Parse_ConditionWithoutElse_HasAnEmptyElse()
    {
        var definition = Parse.Valid("""
            name: branch
            steps:
              - id: check
                type: condition
                if: true
                then: [{ id: only, type: delay, duration: 1s }]
            """);

        var step = Assert.IsType<ConditionStep>(Assert.Single(definition.Steps));
        Assert.Equal("true", step.If);
        Assert.Empty(step.Else);
    }

    [Fact]
    public void Parse_LoopSteps_ReadWhileAndForEachWithTheirLimit()
    {
        var definition = Parse.Valid("""
            name: loops
            steps:
              - id: poll
                type: loop
                while: steps.probe === undefined || steps.probe.output.status != 200
                maxIterations: 20
                steps:
                  - { id: probe, type: http, url: "https://example.com/health" }
              - id: each
                type: loop
                forEach: input.files
                maxIterations: 1000
                steps:
                  - { id: copy, type: exec, command: [cp, "${{ item }}", "out/${{ index }}"] }
            """);

        var poll = Assert.IsType<LoopStep>(definition.Steps[0]);
        Assert.Equal("steps.probe === undefined || steps.probe.output.status != 200", poll.While);
        Assert.Null(poll.ForEach);
        Assert.Equal(20, poll.MaxIterations);
        Assert.Equal("probe", Assert.Single(poll.Steps).Id);
        var each = Assert.IsType<LoopStep>(definition.Steps[1]);
        Assert.Null(each.While);
        Assert.Equal("input.files", each.ForEach);
        Assert.Equal(1000, each.MaxIterations);
    }

    [Fact]
    public void Parse_ParallelStep_ReadsEachBranchAsAListOfSteps()
    {
        var definition = Parse.Valid("""
            name: fan-out
            steps:
              - id: fetch
                type: parallel
                maxConcurrency: 2
                branches:
                  - - { id: a1, type: delay, duration: 1s }
                    - { id: a2, type: delay, duration: 2s }
                  - - { id: b1, type: delay, duration: 3s }
            """);

        var step = Assert.IsType<ParallelStep>(Assert.Single(definition.Steps));
        Assert.Equal(2, step.MaxConcurrency);
        Assert.Equal(2, step.Branches.Count);
        Assert.Equal(["a1", "a2"], step.Branches[0].Select(s => s.Id));
        Assert.Equal(["b1"], step.Branches[1].Select(s => s.Id));
        Assert.Equal(["a1", "a2", "b1"], step.Children.Select(s => s.Id));
    }

    [Fact]
    public void Parse_SequenceStep_NestsStepsInOrder()
    {
        var definition = Parse.Valid("""
            name: nested
            steps:
              - id: outer
                type: sequence
                steps:
                  - id: inner
                    type: sequence
                    steps:
                      - { id: deepest, type: fail, message: stop }
            """);

        var outer = Assert.IsType<SequenceStep>(Assert.Single(definition.Steps));
        var inner = Assert.IsType<SequenceStep>(Assert.Single(outer.Steps));
        var deepest = Assert.IsType<FailStep>(Assert.Single(inner.Steps));
        Assert.Equal(new SourceLocation("flow.yaml", 9, 13), deepest.Location);
    }
}
