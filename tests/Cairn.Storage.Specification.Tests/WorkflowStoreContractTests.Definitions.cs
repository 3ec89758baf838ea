namespace Cairn.Storage.Specification;

/// <content>Stored definitions and their version numbers.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task SaveDefinitionAsync_NewName_IsVersionOne()
    {
        var saved = await Store.SaveDefinitionAsync(Definition("etl", "a"));

        Assert.Equal(1, saved.Version);
        Assert.Equal(saved, await Store.GetDefinitionAsync("etl", 1));
        Assert.Equal(saved, await Store.GetDefinitionAsync("etl"));
    }

    [Fact]
    public async Task SaveDefinitionAsync_SameContentAsLatest_ReturnsTheLatestAndWritesNothing()
    {
        var first = await Store.SaveDefinitionAsync(Definition("etl", "a"));

        var again = await Store.SaveDefinitionAsync(Definition("etl", "a") with { CreatedAt = At(5) });

        Assert.Equal(first, again);
        Assert.Single(await Store.ListDefinitionsAsync());
    }

    [Fact]
    public async Task SaveDefinitionAsync_ChangedContent_GetsTheNextVersionAndKeepsTheOld()
    {
        await Store.SaveDefinitionAsync(Definition("etl", "a"));

        var second = await Store.SaveDefinitionAsync(Definition("etl", "b"));

        Assert.Equal(2, second.Version);
        Assert.Equal("a", (await Store.GetDefinitionAsync("etl", 1))!.Source);
        Assert.Equal("b", (await Store.GetDefinitionAsync("etl"))!.Source);
    }

    [Fact]
    public async Task SaveDefinitionAsync_DeclaredVersionWithOtherContent_IsRefusedAndChangesNothing()
    {
        await Store.SaveDefinitionAsync(Definition("etl", "a") with { Version = 3 });

        var error = await Assert.ThrowsAsync<DefinitionVersionConflictException>(() => Store.SaveDefinitionAsync(Definition("etl", "b") with { Version = 3 }).AsTask());

        Assert.Contains("Version 3 of workflow 'etl'", error.Message, StringComparison.Ordinal);
        Assert.Equal("a", (await Store.GetDefinitionAsync("etl", 3))!.Source);
        Assert.Single(await Store.ListDefinitionsAsync());
    }

    [Fact]
    public async Task SaveDefinitionAsync_DeclaredVersionWithSameContent_ReturnsIt()
    {
        var first = await Store.SaveDefinitionAsync(Definition("etl", "a") with { Version = 7 });

        Assert.Equal(first, await Store.SaveDefinitionAsync(Definition("etl", "a") with { Version = 7, CreatedAt = At(9) }));
        Assert.Equal(8, (await Store.SaveDefinitionAsync(Definition("etl", "b"))).Version);
    }

    [Fact]
    public async Task ListDefinitionsAsync_OrdersByNameThenVersion()
    {
        await Store.SaveDefinitionAsync(Definition("zeta", "z"));
        await Store.SaveDefinitionAsync(Definition("alpha", "a1"));
        await Store.SaveDefinitionAsync(Definition("alpha", "a2"));

        var all = await Store.ListDefinitionsAsync();

        Assert.Equal(["alpha:1", "alpha:2", "zeta:1"], all.Select(d => $"{d.Name}:{d.Version}"));
    }

    [Fact]
    public async Task GetDefinitionAsync_Unknown_ReturnsNull()
    {
        await Store.SaveDefinitionAsync(Definition("etl", "a"));

        Assert.Null(await Store.GetDefinitionAsync("other"));
        Assert.Null(await Store.GetDefinitionAsync("etl", 2));
    }

    private static DefinitionRecord Definition(string name, string source) => new()
    {
        Name = name,
        Version = 0,
        Hash = "h-" + source,
        Source = source,
        File = name + ".yaml",
        CreatedAt = T0,
    };
}
