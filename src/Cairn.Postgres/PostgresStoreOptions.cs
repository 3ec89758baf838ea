using System.ComponentModel.DataAnnotations;

namespace Cairn.Postgres;

/// <summary>Settings of a <see cref="PostgresWorkflowStore"/>. Validated once, when the store is constructed.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>Gets or sets the Npgsql connection string of the database.</summary>
    /// <value>Required, for example <c>Host=db;Username=cairn;Password=…;Database=cairn</c>. Its <c>Search Path</c> is replaced by <see cref="Schema"/>.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "ConnectionString is required: set it to an Npgsql connection string, for example 'Host=localhost;Username=cairn;Database=cairn'.")]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets the PostgreSQL schema that holds the store's tables; it is created when missing.</summary>
    /// <value>Defaults to <c>cairn</c>. Lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Schema is required: set it to a schema name such as 'cairn'.")]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "Schema must be lower-case letters, digits and underscores, start with a letter or underscore, and have at most 63 characters.")]
    public string Schema { get; set; } = "cairn";

    /// <summary>Gets or sets the most commits written in one transaction (group commit).</summary>
    /// <value>Defaults to 1024. Between 1 and 65536.</value>
    [Range(1, 65536, ErrorMessage = "MaxBatch must be between 1 and 65536.")]
    public int MaxBatch { get; set; } = 1024;

    /// <summary>Gets or sets how often a transaction that PostgreSQL aborted for a deadlock or a serialization failure is tried again.</summary>
    /// <value>Defaults to 5. Between 0 and 100.</value>
    [Range(0, 100, ErrorMessage = "TransientRetries must be between 0 and 100.")]
    public int TransientRetries { get; set; } = 5;
}
