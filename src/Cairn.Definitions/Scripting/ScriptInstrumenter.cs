using System.Text;
using Jint.Parser;
using Jint.Parser.Ast;

namespace Cairn.Definitions;

/// <summary>
/// Parses code and inserts a call to the sandbox's guard on every loop iteration and function entry, where memory
/// and stack are checked. Rejects what the sandbox cannot guard: <c>with</c>, the guard's reserved names, and code
/// nested deeper than <see cref="NestingCheck.MaxDepth"/>.
/// </summary>
internal static class ScriptInstrumenter
{
    /// <summary>The global the inserted checks read (its getter runs the check); identifiers starting with <see cref="ReservedPrefix"/> are refused.</summary>
    public const string GuardName = "__cairnGuard";

    /// <summary>The prefix of names the sandbox reserves.</summary>
    public const string ReservedPrefix = "__cairn";

    // Reading the global runs the check: cheaper for the engine than a call, and true, so it can stand for a missing loop condition.
    private const string Call = GuardName;

    /// <summary>Instruments a program (a script, or code given to <c>eval</c>).</summary>
    /// <exception cref="ScriptSyntaxError">The code is not valid or not allowed.</exception>
    public static InstrumentedCode Script(string code) => Instrument(string.Empty, code, string.Empty, _ => null);

    /// <summary>Instruments one expression; the result is a program whose completion value is the expression's value.</summary>
    /// <exception cref="ScriptSyntaxError">The text is not exactly one valid expression.</exception>
    public static InstrumentedCode Expression(string expression) =>
        Instrument("(", expression, "\n)", program =>
            program.Body.Count == 1 && program.Body.First() is ExpressionStatement
                ? null
                : "it must be one JavaScript expression, not statements");

    /// <summary>Instruments the source the <c>Function</c> constructor builds from its arguments.</summary>
    /// <exception cref="ScriptSyntaxError">The arguments do not make one function.</exception>
    public static string FunctionConstructor(string parameters, string body) =>
        Instrument("(function anonymous(" + parameters + "\n) {\n", body, "\n})", program =>
            program.Body.Count == 1 && program.Body.First() is ExpressionStatement { Expression: FunctionExpression }
                ? null
                : "the arguments of Function do not make one function").Code;

    private static InstrumentedCode Instrument(string prefix, string code, string suffix, Func<Program, string?> shapeProblem)
    {
        var parsed = prefix + code + suffix;
        var source = new SourceText(parsed);
        try
        {
            return Instrument(prefix.Length, code, source, shapeProblem);
        }
        catch (ScriptSyntaxError e) when (prefix.Length > 0)
        {
            // Report the position in the code as written, not in its wrapper.
            var offset = source.OffsetOf(new Position { Line = e.Line, Column = e.Column - 1 }) - prefix.Length;
            var (line, column) = new SourceText(code).PositionOf(Math.Clamp(offset, 0, code.Length));
            throw new ScriptSyntaxError(e.Description, line, column + 1);
        }
    }

    private static InstrumentedCode Instrument(int prefixLength, string code, SourceText source, Func<Program, string?> shapeProblem)
    {
        var parsed = source.Text;
        var tooDeep = NestingCheck.FindTooDeep(parsed, javascript: true);
        if (tooDeep >= 0)
        {
            var (line, column) = source.PositionOf(tooDeep);
            throw new ScriptSyntaxError($"the code nests more than {NestingCheck.MaxDepth} levels deep", line, column + 1);
        }

        Program program;
        try
        {
            program = new JavaScriptParser(strict: true).Parse(parsed);
        }
        catch (ParserException e)
        {
            throw new ScriptSyntaxError(e.Description ?? e.Message, e.LineNumber, e.Column);
        }

        var shape = shapeProblem(program);
        if (shape is not null)
        {
            throw new ScriptSyntaxError(shape, 1, 1);
        }

        var insertions = new List<(int Offset, int Order, string Text)>();
        Walk(program, source, insertions);
        return Apply(code, parsed, prefixLength, insertions);
    }

    private static void Walk(Program program, SourceText source, List<(int Offset, int Order, string Text)> insertions)
    {
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((program, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > NestingCheck.MaxDepth)
            {
                throw Refuse(node, $"the code nests more than {NestingCheck.MaxDepth} levels deep");
            }

            Check(node);
            Guard(node, source, insertions);
            foreach (var child in SyntaxChildren.Of(node))
            {
                if (child is not null)
                {
                    pending.Push((child, depth + 1));
                }
            }
        }
    }

    private static void Check(SyntaxNode node)
    {
        switch (node)
        {
            case Identifier { Name: var name } when name.StartsWith(ReservedPrefix, StringComparison.Ordinal):
                throw Refuse(node, $"the name '{name}' is reserved by the sandbox; rename it");
            case WithStatement:
                throw Refuse(node, "'with' statements are not allowed");
        }
    }

    private static void Guard(SyntaxNode node, SourceText source, List<(int Offset, int Order, string Text)> insertions)
    {
        switch (node)
        {
            case WhileStatement w:
                WrapTest(w.Test, source, insertions);
                break;
            case DoWhileStatement d:
                WrapTest(d.Test, source, insertions);
                break;
            case ForStatement { Test: { } test }:
                WrapTest(test, source, insertions);
                break;
            case ForStatement f:
                GuardEmptyTest(f, source, insertions);
                break;
            case ForInStatement f:
                GuardBody(f.Body, source, insertions);
                break;
            case FunctionDeclaration f:
                GuardBody(f.Body, source, insertions);
                break;
            case FunctionExpression f:
                GuardBody(f.Body, source, insertions);
                break;
        }
    }

    private static void WrapTest(SyntaxNode test, SourceText source, List<(int Offset, int Order, string Text)> insertions)
    {
        insertions.Add((source.OffsetOf(test.Location.Start), 1, "(" + Call + ", "));
        insertions.Add((source.OffsetOf(test.Location.End), 0, ")"));
    }

    private static void GuardEmptyTest(ForStatement loop, SourceText source, List<(int Offset, int Order, string Text)> insertions)
    {
        // for (init; ; update): the guard becomes the test, placed right after the first semicolon.
        int offset;
        if (loop.Init is not null)
        {
            offset = source.SkipTrivia(source.OffsetOf(loop.Init.Location.End));
        }
        else
        {
            offset = source.SkipTrivia(source.OffsetOf(loop.Location.Start) + "for".Length);
            offset = source.Text[offset] == '(' ? source.SkipTrivia(offset + 1) : -1;
        }

        if (offset < 0 || offset >= source.Text.Length || source.Text[offset] != ';')
        {
            GuardBody(loop.Body, source, insertions);
            return;
        }

        insertions.Add((offset + 1, 1, Call));
    }

    private static void GuardBody(SyntaxNode body, SourceText source, List<(int Offset, int Order, string Text)> insertions)
    {
        var start = source.OffsetOf(body.Location.Start);
        if (body is BlockStatement && start < source.Text.Length && source.Text[start] == '{')
        {
            insertions.Add((start + 1, 1, Call + ";"));
            return;
        }

        var end = body.Range is { Length: 2 } range ? range[1] : source.OffsetOf(body.Location.End);
        insertions.Add((start, 1, "{" + Call + ";"));
        insertions.Add((end, 0, "\n}"));
    }

    private static InstrumentedCode Apply(string code, string parsed, int prefixLength, List<(int Offset, int Order, string Text)> insertions)
    {
        insertions.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : a.Order.CompareTo(b.Order));
        var text = new StringBuilder(parsed.Length + (insertions.Count * 20));
        var placed = new List<(int At, int Length)>(insertions.Count);
        var copied = 0;
        foreach (var (offset, _, insert) in insertions)
        {
            text.Append(parsed, copied, offset - copied);
            copied = offset;
            placed.Add((text.Length, insert.Length));
            text.Append(insert);
        }

        text.Append(parsed, copied, parsed.Length - copied);
        return new InstrumentedCode(code, prefixLength, text.ToString(), placed);
    }

    private static ScriptSyntaxError Refuse(SyntaxNode node, string description) =>
        new(description, node.Location?.Start.Line ?? 1, (node.Location?.Start.Column ?? 0) + 1);
}
