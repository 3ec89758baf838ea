using System.Globalization;
using System.Runtime.CompilerServices;
using Jint.Native;
using JsEngine = Jint.Engine;

namespace Cairn.Definitions;

/// <summary>
/// The checks the sandbox adds to a running script: the stack (on every function entry and guarded built-in) and
/// memory (measured each time the script has allocated a quarter of the limit, and before large built-in results).
/// </summary>
internal sealed class ScriptGuard
{
    private readonly JsEngine _engine;
    private readonly ScriptLimits _limits;
    private readonly long _measureEvery;
    private long _budget;
    private long _nextMeasureAt = long.MaxValue;

    public ScriptGuard(JsEngine engine, ScriptLimits limits)
    {
        _engine = engine;
        _limits = limits;
        _budget = limits.MaxMemoryBytes;
        _measureEvery = Math.Max(1024 * 1024, limits.MaxMemoryBytes / 2);
    }

    /// <summary>Starts counting; the memory the inputs took (<paramref name="inputBytes"/>) is allowed on top of the limit.</summary>
    public void Start(long inputBytes)
    {
        _budget = _limits.MaxMemoryBytes + inputBytes;
        _nextMeasureAt = GC.GetAllocatedBytesForCurrentThread() + _measureEvery;
    }

    /// <summary>The getter of the global the instrumented code reads on every loop iteration and function entry; <see langword="true"/>, as it may stand for a missing loop condition.</summary>
    public JsValue Tick(JsValue thisObject, JsValue[] arguments)
    {
        CheckStack();
        CheckMemory();
        return JsValue.True;
    }

    /// <summary>Stops the script cleanly while the stack still has room.</summary>
    public static void CheckStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ScriptLimitException(
                ScriptErrorKind.RecursionLimit,
                "the script nested calls too deeply for the sandbox's stack; look for a recursion that never ends " +
                "(it can pass through toString, valueOf, getters or callbacks of built-ins)");
        }
    }

    /// <summary>Measures the script's values when it has allocated enough since the last measurement.</summary>
    public void CheckMemory()
    {
        if (GC.GetAllocatedBytesForCurrentThread() < _nextMeasureAt)
        {
            return;
        }

        var size = HeapEstimator.Measure(_engine, _budget);
        if (size > _budget)
        {
            throw MemoryExceeded(_limits, $"its values take more than {FormatBytes(_budget)}");
        }

        _nextMeasureAt = GC.GetAllocatedBytesForCurrentThread() + _measureEvery;
    }

    /// <summary>Refuses an array (or array-like) longer than the limit allows.</summary>
    public void CheckLength(double length)
    {
        if (length > _limits.MaxArrayLength)
        {
            throw MemoryExceeded(
                _limits,
                string.Create(CultureInfo.InvariantCulture, $"an array of {length:N0} elements (at most {_limits.MaxArrayLength:N0} fit this limit)"));
        }
    }

    /// <summary>Refuses a string a built-in is about to build when it is longer than the limit allows.</summary>
    public void CheckString(double length)
    {
        if (length > _limits.MaxStringLength)
        {
            throw MemoryExceeded(
                _limits,
                string.Create(CultureInfo.InvariantCulture, $"a string of {length:N0} characters or more (at most {_limits.MaxStringLength:N0} fit this limit)"));
        }
    }

    public static ScriptLimitException MemoryExceeded(ScriptLimits limits, string detail) =>
        new(
            ScriptErrorKind.MemoryLimit,
            $"the script needs more than the {FormatBytes(limits.MaxMemoryBytes)} memory limit (ScriptLimits.MaxMemoryBytes): " +
            $"{detail}; work on less data at once, or raise the limit");

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        >= 1024 when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };
}
