using System.ComponentModel.DataAnnotations;

namespace Cairn.Sqlite.Internal;

/// <summary>Checks <see cref="SqliteStoreOptions"/> once and reports every problem in one message.</summary>
internal static class SqliteStoreOptionsValidator
{
    /// <summary>Throws when the options are invalid.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ValidationException">One or more settings are invalid; the message lists each on its own line.</exception>
    public static void Validate(SqliteStoreOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var errors = results.Select(r => r.ErrorMessage ?? "A setting is invalid.").ToList();
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            if (options.Path.Trim() == ":memory:" || options.Path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("Path must be a file path, not a SQLite URI or ':memory:'; use InMemoryWorkflowStore for a store without a file.");
            }
            else if (options.Path.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add("Path must not contain a NUL character.");
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(
                "The SQLite store options are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)));
        }
    }
}
