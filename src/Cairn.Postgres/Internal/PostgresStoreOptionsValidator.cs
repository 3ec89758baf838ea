using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>Checks <see cref="PostgresStoreOptions"/> once and reports every problem in one message.</summary>
internal static class PostgresStoreOptionsValidator
{
    /// <summary>Throws when the options are invalid.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ValidationException">One or more settings are invalid; the message lists each on its own line.</exception>
    public static void Validate(PostgresStoreOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var errors = results.Select(r => r.ErrorMessage ?? "A setting is invalid.").ToList();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException e)
            {
                errors.Add($"ConnectionString is not a valid Npgsql connection string: {e.Message}");
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(
                "The PostgreSQL store options are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)));
        }
    }
}
