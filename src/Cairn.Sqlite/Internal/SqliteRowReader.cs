namespace Cairn.Sqlite.Internal;

/// <summary>Reads the rows of a <see cref="SqliteStatement"/>; disposing it resets the statement.</summary>
internal readonly ref struct SqliteRowReader
{
    private readonly SqliteStatement _statement;

    internal SqliteRowReader(SqliteStatement statement) => _statement = statement;

    /// <summary>Advances to the next row.</summary>
    /// <returns><see langword="true"/> when positioned on a row.</returns>
    public bool Read() => _statement.Step();

    /// <summary>Reads an integer column.</summary>
    /// <param name="column">The 0-based column.</param>
    /// <returns>The value (0 for NULL).</returns>
    public long GetInt64(int column) => _statement.GetInt64(column);

    /// <summary>Reads an integer column that may be NULL.</summary>
    /// <param name="column">The 0-based column.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public long? GetInt64OrNull(int column) => _statement.IsNull(column) ? null : _statement.GetInt64(column);

    /// <summary>Reads a text column.</summary>
    /// <param name="column">The 0-based column.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetString(int column) => _statement.GetString(column);

    /// <summary>Reads a text column that is never NULL.</summary>
    /// <param name="column">The 0-based column.</param>
    /// <returns>The value.</returns>
    public string GetRequiredString(int column) => _statement.GetString(column) ?? string.Empty;

    /// <summary>Reads a time stored as UTC ticks.</summary>
    /// <param name="column">The 0-based column.</param>
    /// <returns>The value.</returns>
    public DateTimeOffset GetTime(int column) => StoredTime.FromTicks(_statement.GetInt64(column));

    /// <summary>Reads a time stored as UTC ticks that may be NULL.</summary>
    /// <param name="column">The 0-based column.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public DateTimeOffset? GetTimeOrNull(int column) => _statement.IsNull(column) ? null : StoredTime.FromTicks(_statement.GetInt64(column));

    /// <summary>Resets the statement for its next use.</summary>
    public void Dispose() => _statement.Reset();
}
