using Cairn.Journal;
using Cairn.Storage;
using Cairn.Testing.Postgres;

namespace Cairn.Postgres.Tests;

/// <summary>Several hosts, each with a store of its own, on one database: as on several machines.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests(PostgresServerFixture server) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<PostgresWorkflowStore> _stores = [];
    private string _database = string.Empty;
    private string _schema = string.Empty;

    public async Task InitializeAsync()
    {
        _database = await server.Server.DatabaseForAsync(nameof(PostgresClusterTests));
        _schema = PostgresServer.NewSchemaName();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task ClaimAsync_EightHostsAtOnceOverTwoHundredRuns_TakeEveryRunExactlyOnce()
    {
        var hosts = new List<PostgresWorkflowStore>();
        for (var i = 0; i < 8; i++)
        {
            hosts.Add(await OpenAsync());
        }

        for (var i = 0; i < 200; i++)
        {
            Assert.True(await hosts[0].CreateRunAsync(new NewRun { RunId = $"r{i:D3}", Workflow = "order", CreatedAt = T0.AddMilliseconds(i) }));
        }

        using var start = new Barrier(hosts.Count);
        var claims = await Task.WhenAll(hosts.Select((store, i) => Task.Run(async () =>
        {
            start.SignalAndWait();
            var taken = new List<RunRecord>();
            while (true)
            {
                var batch = await store.ClaimAsync(new ClaimRequest($"host-{i}", T0.AddSeconds(1), T0.AddMinutes(1), 3, ["order"]));
                if (batch.Count == 0)
                {
                    return taken;
                }

                taken.AddRange(batch);
            }
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Select(r => r.RunId).Distinct().Count());
        Assert.True(claims.Count(c => c.Count > 0) > 1, "the claims should have been spread over more than one host");
        for (var i = 0; i < claims.Length; i++)
        {
            foreach (var run in claims[i])
            {
                Assert.Equal(RunStatus.Running, run.Status);
                Assert.Equal($"host-{i}", (await hosts[0].GetRunAsync(run.RunId))?.Owner);
            }
        }
    }

    [Fact]
    public async Task CommitAsync_ByAHostWhoseLeaseWasTakenOver_IsRejectedAndWritesNothing()
    {
        var frozen = await OpenAsync();
        var healthy = await OpenAsync();
        Assert.True(await frozen.CreateRunAsync(new NewRun { RunId = "r1", Workflow = "order", CreatedAt = T0 }));
        Assert.Single(await frozen.ClaimAsync(new ClaimRequest("host-a", T0, T0.AddSeconds(30), 10, ["order"])));

        // host-a stops renewing (a long GC pause, a lost network); after its lease ends host-b takes the run.
        var taken = Assert.Single(await healthy.ClaimAsync(new ClaimRequest("host-b", T0.AddSeconds(31), T0.AddMinutes(1), 10, ["order"])));
        Assert.Equal("host-b", taken.Owner);

        static RunCommit Finish(string owner) => new()
        {
            RunId = "r1",
            Owner = owner,
            Entries = [new JournalEntry { Sequence = 2, Kind = JournalEntryKind.StepCompleted, Position = "1", Name = "charge", Payload = "\"paid\"", At = T0.AddSeconds(40) }],
            Status = RunStatus.Completed,
            Output = $"\"done by {owner}\"",
            Release = true,
            At = T0.AddSeconds(40),
        };
        var error = await Assert.ThrowsAsync<RunOwnershipLostException>(() => frozen.CommitAsync(Finish("host-a")).AsTask());

        Assert.Contains("host-b", error.Message, StringComparison.Ordinal);
        Assert.Equal([1L], (await healthy.ReadJournalAsync("r1")).Select(e => e.Sequence));
        var run = await healthy.GetRunAsync("r1");
        Assert.Equal((RunStatus.Running, "host-b", (string?)null), (run!.Status, run.Owner, run.Output));

        // The host that holds the run appends at the position the late one could not take.
        await healthy.CommitAsync(Finish("host-b"));
        Assert.Equal([1L, 2L], (await frozen.ReadJournalAsync("r1")).Select(e => e.Sequence));
        Assert.Equal("\"done by host-b\"", (await frozen.GetRunAsync("r1"))!.Output);
    }

    [Fact]
    public async Task CommitAsync_ManyRunsAtOnce_EachCommitIsDurableAndInOrder()
    {
        var store = await OpenAsync();
        var reader = await OpenAsync();
        for (var i = 0; i < 50; i++)
        {
            Assert.True(await store.CreateRunAsync(new NewRun { RunId = $"r{i}", Workflow = "order", Owner = "host-a", LeaseUntil = T0.AddMinutes(1), CreatedAt = T0 }));
        }

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            for (var seq = 2; seq <= 11; seq++)
            {
                await store.CommitAsync(new RunCommit
                {
                    RunId = $"r{i}",
                    Owner = "host-a",
                    Entries = [new JournalEntry { Sequence = seq, Kind = JournalEntryKind.StepCompleted, Position = (seq - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Name = "s", Payload = $"{seq}", At = T0 }],
                    At = T0,
                });
            }
        })));

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(Enumerable.Range(1, 11).Select(s => (long)s), (await reader.ReadJournalAsync($"r{i}")).Select(e => e.Sequence));
        }
    }

    private async Task<PostgresWorkflowStore> OpenAsync()
    {
        var store = new PostgresWorkflowStore(new PostgresStoreOptions { ConnectionString = _database, Schema = _schema });
        _stores.Add(store);
        await store.InitializeAsync();
        return store;
    }
}
