namespace Cairn.Storage.Specification;

/// <content>Concurrent callers.</content>
public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task CommitAsync_ManyRunsConcurrently_EveryEntryLandsOnceInOrder()
    {
        const int runs = 50;
        const int steps = 20;
        for (var i = 0; i < runs; i++)
        {
            await CreateAsync("r" + i);
        }

        Assert.Equal(runs, (await ClaimRunsAsync(limit: runs)).Count);

        await Task.WhenAll(Enumerable.Range(0, runs).Select(i => Task.Run(async () =>
        {
            for (var s = 2; s <= steps + 1; s++)
            {
                var result = await Store.CommitAsync(Step("r" + i, Owner, s));
                Assert.Equal(CommitOutcome.Committed, result.Outcome);
            }
        })));

        for (var i = 0; i < runs; i++)
        {
            var journal = await Store.ReadJournalAsync("r" + i);
            Assert.Equal(Enumerable.Range(1, steps + 1).Select(s => (long)s), journal.Select(e => e.Sequence));
            Assert.All(journal.Skip(1), e => Assert.Equal("step-" + e.Sequence, e.Name));
        }
    }

    [Fact]
    public async Task CommitAsync_SameSequenceFromManyTasks_ExactlyOneWins()
    {
        await CreateAsync("r1");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await Store.CommitAsync(new RunCommit { RunId = "r1", Entries = [Entry(2, payload: i.ToString(System.Globalization.CultureInfo.InvariantCulture))], At = At(2) });
                return i;
            }
            catch (RunOwnershipLostException)
            {
                return -1;
            }
        })).ToArray();
        start.SetResult();
        var winners = (await Task.WhenAll(attempts)).Where(i => i >= 0).ToArray();

        var winner = Assert.Single(winners);
        var journal = await Store.ReadJournalAsync("r1");
        Assert.Equal([1, 2], journal.Select(e => e.Sequence));
        Assert.Equal(winner.ToString(System.Globalization.CultureInfo.InvariantCulture), journal[1].Payload);
    }

    [Fact]
    public async Task CommitAsync_SameExpectedVersionFromManyRuns_ExactlyOneWins()
    {
        for (var i = 0; i < 20; i++)
        {
            await CreateAsync("r" + i);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () => await Store.CommitAsync(new RunCommit
        {
            RunId = "r" + i,
            Entries = [Entry(2, Journal.JournalEntryKind.StateChanged)],
            StateWrite = new ScopedStateWrite(StateScope.User, "u1", "slot", "\"r" + i + "\"", 0),
            At = At(2),
        }))));

        Assert.Single(results, r => r == new CommitResult(CommitOutcome.Committed, 1));
        Assert.Equal(19, results.Count(r => r == new CommitResult(CommitOutcome.StateConflict, 1)));
        var value = await Store.GetScopedStateAsync(StateScope.User, "u1", "slot");
        Assert.Equal(1, value!.Version);
        var winner = value.Value!.Trim('"');
        await AssertSequencesAsync(winner, 1, 2);
        Assert.Equal(19, (await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SequencesAsync("r" + i)))).Count(s => s.Length == 1));
    }

    [Fact]
    public async Task CommitAsync_RefusedCommitsAmongMany_FailAloneAndTheOthersApply()
    {
        for (var i = 0; i < 40; i++)
        {
            await CreateAsync("r" + i);
        }

        await ClaimRunsAsync(limit: 40);

        // Issued together so that they share transactions in stores that group commits.
        async Task<CommitResult> Commit(RunCommit commit) => await Store.CommitAsync(commit);
        var commits = Enumerable.Range(0, 40).Select(i => Commit((i % 4) switch
        {
            0 => Step("r" + i, OtherOwner, 2),
            1 => Step("r" + i, Owner, 3),
            2 => new RunCommit { RunId = "r" + i, ExpectStatus = RunStatus.Paused, Entries = [Entry(2)], At = At(2) },
            _ => Step("r" + i, Owner, 2),
        })).ToArray();
        await Task.WhenAll(commits.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));

        for (var i = 0; i < 40; i++)
        {
            var task = commits[i];
            switch (i % 4)
            {
                case 0 or 1:
                    Assert.IsType<RunOwnershipLostException>(task.Exception?.InnerException);
                    await AssertSequencesAsync("r" + i, 1);
                    break;
                case 2:
                    Assert.Equal(CommitOutcome.StatusMismatch, (await task).Outcome);
                    await AssertSequencesAsync("r" + i, 1);
                    break;
                default:
                    Assert.Equal(CommitOutcome.Committed, (await task).Outcome);
                    await AssertSequencesAsync("r" + i, 1, 2);
                    break;
            }
        }
    }

    [Fact]
    public async Task ClaimAsync_ManyConcurrentClaimers_TakeEachRunOnce()
    {
        for (var i = 0; i < 100; i++)
        {
            await CreateAsync("r" + i);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(c => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (true)
            {
                var batch = await ClaimRunsAsync("host-" + c, limit: 7);
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(r => r.RunId));
            }
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(100, all.Count);
        Assert.Equal(100, all.Distinct().Count());
        for (var c = 0; c < 10; c++)
        {
            foreach (var id in claims[c])
            {
                Assert.Equal("host-" + c, (await GetAsync(id)).Owner);
            }
        }
    }

    [Fact]
    public async Task CreateRunAsync_SameIdFromManyTasks_CreatesOnce()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () => await Store.CreateRunAsync(NewRun("r1", createdAt: At(i))))));

        Assert.Single(created, c => c);
        await AssertSequencesAsync("r1", 1);
    }

    [Fact]
    public async Task SendSignalAsync_ManyConcurrentSignals_AreAllQueuedWithDistinctIds()
    {
        await CreateAsync("r1");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () => await SendAsync("r1", "s" + i))));

        Assert.All(outcomes, o => Assert.Equal(SignalOutcome.Accepted, o));
        var signals = await Store.ReadSignalsAsync("r1");
        Assert.Equal(50, signals.Select(s => s.Id).Distinct().Count());
        Assert.Equal(signals.Select(s => s.Id).Order(), signals.Select(s => s.Id));
    }
}
