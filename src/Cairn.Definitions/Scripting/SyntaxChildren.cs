using Jint.Parser.Ast;

namespace Cairn.Definitions;

/// <summary>The direct children of a node of the JavaScript syntax tree, in source order.</summary>
internal static class SyntaxChildren
{
    /// <summary>Gets the children of <paramref name="node"/>; missing optional parts are <see langword="null"/>.</summary>
    /// <exception cref="ScriptSyntaxError">The node is of a kind the sandbox does not know.</exception>
    public static IEnumerable<SyntaxNode?> Of(SyntaxNode node) => node switch
    {
        Program p => p.Body,
        BlockStatement b => b.Body,
        ExpressionStatement e => [e.Expression],
        VariableDeclaration v => v.Declarations,
        VariableDeclarator v => [v.Id, v.Init],
        IfStatement i => [i.Test, i.Consequent, i.Alternate],
        WhileStatement w => [w.Test, w.Body],
        DoWhileStatement d => [d.Body, d.Test],
        ForStatement f => [f.Init, f.Test, f.Update, f.Body],
        ForInStatement f => [f.Left, f.Right, f.Body],
        LabelledStatement l => [l.Label, l.Body],
        BreakStatement b => [b.Label],
        ContinueStatement c => [c.Label],
        ReturnStatement r => [r.Argument],
        ThrowStatement t => [t.Argument],
        TryStatement t => [t.Block, .. t.GuardedHandlers, .. t.Handlers, t.Finalizer],
        CatchClause c => [c.Param, c.Body],
        SwitchStatement s => [s.Discriminant, .. s.Cases],
        SwitchCase c => [c.Test, .. c.Consequent],
        WithStatement w => [w.Object, w.Body],
        FunctionDeclaration f => [f.Id, .. f.Parameters, f.Body],
        FunctionExpression f => [f.Id, .. f.Parameters, f.Body],
        AssignmentExpression a => [a.Left, a.Right],
        BinaryExpression b => [b.Left, b.Right],
        LogicalExpression l => [l.Left, l.Right],
        UnaryExpression u => [u.Argument],
        ConditionalExpression c => [c.Test, c.Consequent, c.Alternate],
        CallExpression c => [c.Callee, .. c.Arguments],
        NewExpression n => [n.Callee, .. n.Arguments],
        MemberExpression m => [m.Object, m.Property],
        SequenceExpression s => s.Expressions,
        ArrayExpression a => a.Elements,
        ObjectExpression o => o.Properties,
        Property p => [p.Key as SyntaxNode, p.Value],
        Identifier or Literal or RegExpLiteral or ThisExpression or EmptyStatement or DebuggerStatement => [],
        _ => throw new ScriptSyntaxError(
            $"the sandbox does not support '{node.Type}' syntax",
            node.Location?.Start.Line ?? 1,
            (node.Location?.Start.Column ?? 0) + 1),
    };
}
