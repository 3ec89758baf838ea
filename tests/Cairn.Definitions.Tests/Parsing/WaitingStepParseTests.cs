namespace Cairn.Definitions.Tests.Parsing;

public class WaitingStepParseTests
{
    [Fact]
    public void Parse_DelayStep_KeepsAFixedOrTemplatedDuration()
    {
        var definition = Parse.Valid("""
            name: pause
            steps:
              - { id: short, type: delay, duration: 1h30m }
              - { id: computed, type: delay, duration: "${{ input.minutes }}m" }
            """);

        Assert.Equal("1h30m", Assert.IsType<DelayStep>(definition.Steps[0]).Duration);
        Assert.Equal("${{ input.minutes }}m", Assert.IsType<DelayStep>(definition.Steps[1]).Duration);
    }

    [Fact]
    public void Parse_WaitStep_MapsTimeoutToTheWaitTimeout()
    {
        var definition = Parse.Valid("""
            name: webhook
            steps:
              - id: paid
                type: wait
                event: payment-${{ input.order }}
                timeout: 2d
              - { id: forever, type: wait, event: go }
            """);

        var paid = Assert.IsType<WaitStep>(definition.Steps[0]);
        Assert.Equal("payment-${{ input.order }}", paid.Event);
        Assert.Equal("2d", paid.WaitTimeout);
        Assert.Null(paid.Timeout);
        Assert.Null(Assert.IsType<WaitStep>(definition.Steps[1]).WaitTimeout);
    }

    [Fact]
    public void Parse_AskSteps_ReadEachKindOfQuestion()
    {
        var definition = Parse.Valid("""
            name: approval
            steps:
              - { id: reason, type: ask, question: Why? }
              - { id: approve, type: ask, question: "Ship ${{ input.version }}?", kind: approval }
              - id: target
                type: ask
                question: Where to?
                kind: choice
                options:
                  - { id: prod, label: Production }
                  - id: staging
            """);

        var reason = Assert.IsType<AskStep>(definition.Steps[0]);
        Assert.Equal(QuestionKind.Text, reason.Kind);
        Assert.Empty(reason.Options);
        var approve = Assert.IsType<AskStep>(definition.Steps[1]);
        Assert.Equal("Ship ${{ input.version }}?", approve.Question);
        Assert.Equal(QuestionKind.Approval, approve.Kind);
        var target = Assert.IsType<AskStep>(definition.Steps[2]);
        Assert.Equal(QuestionKind.Choice, target.Kind);
        Assert.Equal([new ChoiceOption("prod", "Production"), new ChoiceOption("staging", "staging")], target.Options);
    }

    [Fact]
    public void Parse_SetStep_KeepsKeysInOrderAndUnwrapsTemplates()
    {
        var definition = Parse.Valid("""
            name: counter
            steps:
              - id: bump
                type: set
                state:
                  count: (state.count || 0) + 1
                  label: ${{ 'run ' + run.id }}
                  done: true
                  limit: 10
                  reset: null
            """);

        var step = Assert.IsType<SetStep>(Assert.Single(definition.Steps));
        Assert.Equal(
            [new("count", "(state.count || 0) + 1"), new("label", "'run ' + run.id"), new("done", "true"), new("limit", "10"), new("reset", "null")],
            step.State);
    }

    [Fact]
    public void Parse_FailStep_KeepsTheMessage()
    {
        var definition = Parse.Valid("""
            name: stop
            steps:
              - { id: stop, type: fail, message: "Order ${{ input.id }} was refused" }
            """);

        Assert.Equal("Order ${{ input.id }} was refused", Assert.IsType<FailStep>(Assert.Single(definition.Steps)).Message);
    }
}
