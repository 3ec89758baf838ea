namespace Cairn.Definitions.Parsing;

/// <summary>Finds the known name a misspelled one was probably meant to be.</summary>
internal static class Suggest
{
    /// <summary>Gets the candidate closest to a word, when it is close enough to be a likely typo.</summary>
    /// <param name="word">The word as written.</param>
    /// <param name="candidates">The known names.</param>
    /// <returns>The best candidate, or <see langword="null"/>.</returns>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word.ToUpperInvariant(), candidate.ToUpperInvariant());
            var limit = Math.Clamp(candidate.Length / 3, 1, 3);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Formats the end of a message about a word that is not one of a fixed set: the likely intended one, then the set.</summary>
    /// <param name="word">The word as written.</param>
    /// <param name="candidates">The accepted words.</param>
    /// <returns>"did you mean 'exec'? Use one of: ..." or "use one of: ...".</returns>
    public static string OneOf(string word, IReadOnlyCollection<string> candidates)
    {
        var list = $"se one of: {string.Join(", ", candidates)}";
        return Closest(word, candidates) is { } best ? $"did you mean '{best}'? U{list}" : $"u{list}";
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
