namespace Cairn.Definitions.Parsing;

/// <summary>
/// The fields of one mapping (the top level, a step, a retry block...), read once: duplicate and unknown keys are
/// reported at the key, with the closest accepted name as a suggestion.
/// </summary>
internal sealed class Fields
{
    private readonly Dictionary<string, Node> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _suggested = new(StringComparer.Ordinal);
    private readonly ParseContext _context;

    /// <summary>Initializes a new instance of the <see cref="Fields"/> class, reporting bad keys.</summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="context">Where errors go.</param>
    /// <param name="subject">Names the mapping in messages ("exec step 'build'").</param>
    /// <param name="allowed">The accepted names, or <see langword="null"/> to accept any (when the step type is unknown).</param>
    /// <param name="refused">Names that are known but do not apply here, with the reason the error gives; or <see langword="null"/>.</param>
    public Fields(MappingNode mapping, ParseContext context, string subject, IReadOnlyList<string>? allowed, IReadOnlyDictionary<string, string>? refused = null)
    {
        Mapping = mapping;
        Subject = subject;
        _context = context;
        var keys = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (key is not ScalarNode { Kind: not ScalarKind.Null } scalar)
            {
                context.Error(key, $"a key in {subject} is {key.KindText}; keys are plain field names");
                continue;
            }

            var name = scalar.Value;
            if (keys.TryGetValue(name, out var first))
            {
                context.Error(key, $"duplicate field '{name}' in {subject} (first set at line {first.Location.Line}, column {first.Location.Column}); keep only one of them");
                continue;
            }

            keys[name] = key;
            if (refused is not null && refused.TryGetValue(name, out var reason))
            {
                context.Error(key, $"'{name}' does not apply to {subject}: {reason}; remove it");
                continue;
            }

            if (allowed is not null && !allowed.Contains(name))
            {
                ReportUnknown(scalar, allowed);
                continue;
            }

            _values[name] = value;
        }
    }

    /// <summary>Gets the mapping.</summary>
    public MappingNode Mapping { get; }

    /// <summary>Gets how messages name the mapping.</summary>
    public string Subject { get; }

    /// <summary>Gets the value of a field, or <see langword="null"/> when it is absent.</summary>
    /// <param name="name">The field name.</param>
    public Node? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>Reports a missing required field at the mapping, unless a misspelled key was already reported for it.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public void Missing(string name, string message)
    {
        if (!_suggested.Contains(name))
        {
            _context.Error(Mapping, message);
        }
    }

    private void ReportUnknown(ScalarNode key, IReadOnlyList<string> allowed)
    {
        var name = key.Value;
        if (name == "<<")
        {
            _context.Error(key, $"YAML merge keys ('<<') are not supported in {Subject}; write the fields out");
            return;
        }

        var suggestion = Suggest.Closest(name, allowed);
        if (suggestion is not null)
        {
            _suggested.Add(suggestion);
            _context.Error(key, $"unknown field '{name}' in {Subject}; did you mean '{suggestion}'?");
            return;
        }

        _context.Error(key, $"unknown field '{name}' in {Subject}; remove it (accepted fields: {string.Join(", ", allowed)})");
    }
}
