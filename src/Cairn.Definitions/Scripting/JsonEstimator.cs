using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Object;
using Jint.Runtime;

namespace Cairn.Definitions;

/// <summary>
/// Estimates, without running any of the script's code, how long <c>JSON.stringify</c> of a value would be, so that
/// a value that shares parts many times (and would print them each time) is refused before it is printed.
/// </summary>
internal sealed class JsonEstimator
{
    private readonly Dictionary<ObjectInstance, double> _sizes = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<ObjectInstance> _path = new(ReferenceEqualityComparer.Instance);
    private readonly int _gap;
    private readonly double _budget;

    private bool _cyclic;

    private JsonEstimator(int gap, double budget)
    {
        _gap = gap;
        _budget = budget;
    }

    /// <summary>Estimates the printed length of <paramref name="value"/> in characters, stopping once past <paramref name="budget"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="gap">The indentation per level (0 for compact output).</param>
    /// <param name="budget">The length past which counting stops.</param>
    /// <param name="cyclic">Whether the value refers to itself.</param>
    /// <exception cref="ScriptLimitException">The value nests more than <see cref="NestingCheck.MaxDepth"/> levels deep.</exception>
    public static double Estimate(JsValue value, int gap, double budget, out bool cyclic)
    {
        var estimator = new JsonEstimator(gap, budget);
        var size = estimator.Size(value, 0);
        cyclic = estimator._cyclic;
        return size;
    }

    private double Size(JsValue value, int depth)
    {
        if (value.IsString())
        {
            return value.AsString().Length + 2;
        }

        if (!value.IsObject() || value.AsObject() is not { } instance || instance is ICallable)
        {
            return 4;
        }

        if (_sizes.TryGetValue(instance, out var known))
        {
            return known;
        }

        if (depth >= NestingCheck.MaxDepth)
        {
            throw new ScriptLimitException(
                ScriptErrorKind.RecursionLimit,
                $"the value to turn into JSON nests more than {NestingCheck.MaxDepth} levels deep; flatten it");
        }

        if (!_path.Add(instance))
        {
            _cyclic = true;
            return 0;
        }

        var size = 2.0;
        var line = _gap > 0 ? 1.0 + (_gap * (depth + 1.0)) : 0;
        if (instance is ArrayInstance array)
        {
            size += TypeConverter.ToUint32(array.Get("length")) * (1 + line);
        }

        foreach (var (key, descriptor) in instance.GetOwnProperties())
        {
            if (size > _budget || _cyclic)
            {
                break;
            }

            if (descriptor.Enumerable == true && descriptor.Value is { } child)
            {
                size += (instance is ArrayInstance ? 0 : key.Length + 4 + line) + Size(child, depth + 1);
            }
        }

        _path.Remove(instance);
        _sizes[instance] = size;
        return size;
    }
}
