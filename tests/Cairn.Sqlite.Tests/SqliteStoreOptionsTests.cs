using System.ComponentModel.DataAnnotations;

namespace Cairn.Sqlite.Tests;

public sealed class SqliteStoreOptionsTests
{
    [Fact]
    public void Defaults_AreFullDurabilityTenSecondsAnd1024()
    {
        var options = new SqliteStoreOptions();

        Assert.Equal(string.Empty, options.Path);
        Assert.Equal(SqliteDurability.Full, options.Durability);
        Assert.Equal(TimeSpan.FromSeconds(10), options.BusyTimeout);
        Assert.Equal(1024, options.MaxBatch);
    }

    [Fact]
    public void Constructor_SeveralInvalidSettings_ReportsEveryProblemInOneMessage()
    {
        var options = new SqliteStoreOptions { Path = " ", Durability = (SqliteDurability)7, BusyTimeout = TimeSpan.FromSeconds(-1), MaxBatch = 0 };

        var error = Assert.Throws<ValidationException>(() => new SqliteWorkflowStore(options));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "The SQLite store options are invalid:",
                "  - Path is required: set it to the database file, for example 'cairn.db'.",
                "  - Durability must be Full or Normal.",
                "  - BusyTimeout must be between 0 and 10 minutes.",
                "  - MaxBatch must be between 1 and 65536."),
            error.Message);
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("file:cairn.db?mode=memory")]
    public void Constructor_PathThatIsNotAFile_IsRefused(string path)
    {
        var error = Assert.Throws<ValidationException>(() => new SqliteWorkflowStore(new SqliteStoreOptions { Path = path }));

        Assert.Equal(
            "The SQLite store options are invalid:" + Environment.NewLine
            + "  - Path must be a file path, not a SQLite URI or ':memory:'; use InMemoryWorkflowStore for a store without a file.",
            error.Message);
    }

    [Fact]
    public void Constructor_ValidOptions_ResolvesTheFullPath()
    {
        var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = "cairn.db" });

        Assert.Equal(Path.GetFullPath("cairn.db"), store.Path);
    }
}
