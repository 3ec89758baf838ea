using Jint.Parser.Ast;

namespace Cairn.Definitions.Validation;

/// <summary>Finds the <c>steps.&lt;id&gt;</c> and <c>env.&lt;NAME&gt;</c> reads of a parsed expression or script.</summary>
/// <remarks>Only reads with a literal name are found (<c>steps.build</c>, <c>steps['build-app']</c>); a computed name (<c>steps[x]</c>) is checked when it runs.</remarks>
internal static class ReferenceFinder
{
    /// <summary>Lists the reads in a program, in source order.</summary>
    /// <param name="program">The parsed program.</param>
    /// <returns>The reads.</returns>
    public static IReadOnlyList<Reference> Find(Program program)
    {
        var found = new List<Reference>();
        Visit(program, found);
        return found;
    }

    private static void Visit(SyntaxNode? node, List<Reference> found)
    {
        switch (node)
        {
            case null:
                return;
            case MemberExpression member:
                VisitMember(member, found);
                return;
            default:
                foreach (var child in Children(node))
                {
                    Visit(child, found);
                }

                return;
        }
    }

    private static void VisitMember(MemberExpression member, List<Reference> found)
    {
        if (member.Object is MemberExpression inner && NameOf(inner) is { } id && IsRoot(inner.Object, "steps"))
        {
            found.Add(new Reference("steps", id, NameOf(member)));
        }
        else if (NameOf(member) is { } name && (IsRoot(member.Object, "steps") || IsRoot(member.Object, "env")))
        {
            found.Add(new Reference(((Identifier)member.Object).Name, name, null));
        }
        else
        {
            Visit(member.Object, found);
        }

        if (member.Computed)
        {
            Visit(member.Property, found);
        }
    }

    private static bool IsRoot(Expression expression, string name) => expression is Identifier identifier && identifier.Name == name;

    private static string? NameOf(MemberExpression member) => member switch
    {
        { Computed: false, Property: Identifier identifier } => identifier.Name,
        { Computed: true, Property: Literal { Value: string text } } => text,
        _ => null,
    };

    private static IEnumerable<SyntaxNode?> Children(SyntaxNode node) => node switch
    {
        Program p => p.Body,
        ExpressionStatement s => [s.Expression],
        BlockStatement s => s.Body,
        VariableDeclaration s => s.Declarations,
        VariableDeclarator s => [s.Init],
        ReturnStatement s => [s.Argument],
        ThrowStatement s => [s.Argument],
        IfStatement s => [s.Test, s.Consequent, s.Alternate],
        ConditionalExpression e => [e.Test, e.Consequent, e.Alternate],
        WhileStatement s => [s.Test, s.Body],
        DoWhileStatement s => [s.Body, s.Test],
        ForStatement s => [s.Init, s.Test, s.Update, s.Body],
        ForInStatement s => [s.Left, s.Right, s.Body],
        LabelledStatement s => [s.Body],
        WithStatement s => [s.Object, s.Body],
        SwitchStatement s => [s.Discriminant, .. s.Cases],
        SwitchCase c => [c.Test, .. c.Consequent],
        TryStatement s => [s.Block, .. s.Handlers, .. s.GuardedHandlers, s.Finalizer],
        CatchClause c => [c.Body],
        FunctionDeclaration f => [f.Body],
        FunctionExpression f => [f.Body],
        AssignmentExpression e => [e.Left, e.Right],
        BinaryExpression e => [e.Left, e.Right],
        LogicalExpression e => [e.Left, e.Right],
        UnaryExpression e => [e.Argument],
        SequenceExpression e => e.Expressions,
        ArrayExpression e => e.Elements,
        ObjectExpression e => e.Properties,
        Property p => [p.Value],
        CallExpression e => [e.Callee, .. e.Arguments],
        NewExpression e => [e.Callee, .. e.Arguments],
        _ => [],
    };
}
