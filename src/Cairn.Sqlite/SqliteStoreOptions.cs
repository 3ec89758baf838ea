using System.ComponentModel.DataAnnotations;

namespace Cairn.Sqlite;

/// <summary>Settings of a <see cref="SqliteWorkflowStore"/>. Validated once, when the store is constructed.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the path of the store's database file.</summary>
    /// <value>Required. The file is created when missing; its folder must exist.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Path is required: set it to the database file, for example 'cairn.db'.")]
    public string Path { get; set; } = string.Empty;

    /// <summary>Gets or sets when a commit counts as durable.</summary>
    /// <value>Defaults to <see cref="SqliteDurability.Full"/>.</value>
    [EnumDataType(typeof(SqliteDurability), ErrorMessage = "Durability must be Full or Normal.")]
    public SqliteDurability Durability { get; set; } = SqliteDurability.Full;

    /// <summary>Gets or sets how long to wait for another process that holds the file's write lock.</summary>
    /// <value>Defaults to 10 seconds. Between 0 and 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "BusyTimeout must be between 0 and 10 minutes.")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the most commits written in one transaction (group commit).</summary>
    /// <value>Defaults to 1024. Between 1 and 65536.</value>
    [Range(1, 65536, ErrorMessage = "MaxBatch must be between 1 and 65536.")]
    public int MaxBatch { get; set; } = 1024;
}
