using System.Reflection;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Native.String;
using Jint.Runtime.Environments;
using ExecutionContext = Jint.Runtime.Environments.ExecutionContext;
using JsEngine = Jint.Engine;

namespace Cairn.Definitions;

/// <summary>
/// Estimates how much memory the values a script can still reach take: everything reachable from the global object
/// and from the variables of every function being executed. The figures are rough lower bounds of what the engine
/// uses (a string is two bytes a character; an object or a property some tens of bytes).
/// </summary>
internal static class HeapEstimator
{
    private const long ObjectBytes = 64;
    private const long PropertyBytes = 80;
    private const long StringBytes = 24;

    // The engine keeps the execution contexts of the running functions in a private stack; with Jint pinned, this is
    // the only way to see the variables of the callers. If it were ever missing, the current context is measured.
    private static readonly FieldInfo? ContextsField =
        typeof(JsEngine).GetField("_executionContexts", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>Gets whether the variables of callers are measured too (the engine's private stack of execution contexts was found).</summary>
    public static bool SeesCallers => ContextsField is not null;

    /// <summary>Measures, stopping as soon as the total exceeds <paramref name="budget"/>.</summary>
    /// <returns>The estimate in bytes (more than <paramref name="budget"/> when the walk stopped early).</returns>
    public static long Measure(JsEngine engine, long budget)
    {
        var walk = new Walk(budget);
        walk.AddItem(engine.Global);
        foreach (var context in Contexts(engine))
        {
            walk.AddItem(context.LexicalEnvironment);
            walk.AddItem(context.VariableEnvironment);
            walk.AddValue(context.ThisBinding);
        }

        return walk.Run();
    }

    private static IEnumerable<ExecutionContext> Contexts(JsEngine engine) =>
        ContextsField?.GetValue(engine) as IEnumerable<ExecutionContext> ?? [engine.ExecutionContext];

    private sealed class Walk(long budget)
    {
        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);
        private readonly Stack<object> _pending = new();
        private long _total;

        public void AddValue(JsValue? value)
        {
            if (value is null)
            {
                return;
            }

            if (value.IsString())
            {
                var text = value.AsString();
                if (_seen.Add(text))
                {
                    _total += StringBytes + (2L * text.Length);
                }
            }
            else if (value.IsObject())
            {
                AddItem(value.AsObject());
            }
        }

        public void AddItem(object? item)
        {
            if (item is not null && _seen.Add(item))
            {
                _pending.Push(item);
            }
        }

        public long Run()
        {
            while (_pending.Count > 0 && _total <= budget)
            {
                switch (_pending.Pop())
                {
                    case LexicalEnvironment environment:
                        Visit(environment);
                        break;
                    case ObjectInstance instance:
                        Visit(instance);
                        break;
                }
            }

            return _total;
        }

        private void Visit(LexicalEnvironment environment)
        {
            _total += ObjectBytes;
            AddItem(environment.Outer);
            if (environment.Record is DeclarativeEnvironmentRecord record)
            {
                foreach (var name in record.GetAllBindingNames())
                {
                    _total += PropertyBytes;
                    AddValue(record.GetBindingValue(name, false));
                }
            }
        }

        private void Visit(ObjectInstance instance)
        {
            _total += ObjectBytes;
            AddItem(instance.Prototype);
            foreach (var (key, descriptor) in instance.GetOwnProperties())
            {
                if (_total > budget)
                {
                    return;
                }

                _total += PropertyBytes + (2L * key.Length);
                AddValue(descriptor.Value);
                AddValue(descriptor.Get);
                AddValue(descriptor.Set);
            }

            switch (instance)
            {
                case StringInstance text:
                    AddValue(text.PrimitiveValue);
                    break;
                case BindFunctionInstance bound:
                    AddValue(bound.TargetFunction);
                    AddValue(bound.BoundThis);
                    foreach (var argument in bound.BoundArgs ?? [])
                    {
                        AddValue(argument);
                    }

                    break;
                case FunctionInstance function:
                    AddItem(function.Scope);
                    break;
            }
        }
    }
}
