using CameraMonitor.Application.Rollout.Parity;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Application.UnitTests.Rollout.Parity;

public sealed class ShadowBudgetTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void TryTake_WhenTheBurstIsSpent_RefusesUntilTheClockRefillsATokenPerInterval()
    {
        var budget = new ShadowBudget(new ShadowBudgetOptions { ComparisonsPerSecond = 2, Burst = 3 }, _clock);

        Assert.Equal([true, true, true, false], Take(budget, 4));

        _clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(budget.TryTake());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(budget.TryTake());
        Assert.False(budget.TryTake());
    }

    [Fact]
    public void TryTake_AfterALongQuietSpell_HoldsNoMoreThanTheBurst()
    {
        var budget = new ShadowBudget(new ShadowBudgetOptions { ComparisonsPerSecond = 10, Burst = 2 }, _clock);
        Take(budget, 2);

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal([true, true, false], Take(budget, 3));
    }

    [Fact]
    public void TryEnter_WhenEveryWorkerIsBusy_RefusesWithoutSpendingAToken()
    {
        var budget = new ShadowBudget(new ShadowBudgetOptions { ComparisonsPerSecond = 1, Burst = 2, MaxWorkers = 1 }, _clock);

        Assert.True(budget.TryEnter());
        Assert.False(budget.TryEnter()); // the one worker is busy: no token taken
        budget.Release();

        Assert.True(budget.TryEnter()); // the second token is still there
        budget.Release();
        Assert.False(budget.TryEnter()); // now the bucket is empty, and the refused entry gave its slot back
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(budget.TryEnter());
    }

    [Fact]
    public void TryTake_AfterComparisonsLongerThanTheShadowTime_RefusesUntilTheDebtIsRefilled()
    {
        var budget = new ShadowBudget(new ShadowBudgetOptions { ComparisonsPerSecond = 100, Burst = 100, ShadowMillisecondsPerSecond = 50 }, _clock);
        Assert.True(budget.TryTake());
        budget.Charge(TimeSpan.FromMilliseconds(530)); // 500 saved (10 s' worth), 530 spent: 30 ms in debt

        Assert.False(budget.TryTake()); // tokens are plenty; the time is not
        _clock.Advance(TimeSpan.FromMilliseconds(599)); // refills 29.95 ms of the 30
        Assert.False(budget.TryTake());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(budget.TryTake());
    }

    [Fact]
    public void TryTake_AfterTheStartingTimeIsSpent_AQuietSpellSavesUpOnlyTwoSecondsWorth()
    {
        var budget = new ShadowBudget(new ShadowBudgetOptions { ComparisonsPerSecond = 100, Burst = 100, ShadowMillisecondsPerSecond = 50 }, _clock);
        _clock.Advance(TimeSpan.FromSeconds(60)); // refilling never takes away the starting 500 ms (10 s' worth)
        Assert.True(budget.TryTake());
        budget.Charge(TimeSpan.FromMilliseconds(480));
        Assert.True(budget.TryTake()); // 20 ms left
        budget.Charge(TimeSpan.FromMilliseconds(20));

        _clock.Advance(TimeSpan.FromSeconds(60)); // a quiet minute saves up 100 ms (2 s' worth), not 3,000
        Assert.True(budget.TryTake());
        budget.Charge(TimeSpan.FromMilliseconds(140)); // 40 ms in debt

        Assert.False(budget.TryTake());
        _clock.Advance(TimeSpan.FromMilliseconds(790)); // refills 39.5 of the 40
        Assert.False(budget.TryTake());
        _clock.Advance(TimeSpan.FromMilliseconds(20));
        Assert.True(budget.TryTake());
    }

    [Fact]
    public void TryTake_WithCheapComparisons_IsHeldByTheComparisonRate()
    {
        var budget = new ShadowBudget(new ShadowBudgetOptions { ComparisonsPerSecond = 2, Burst = 2, ShadowMillisecondsPerSecond = 50 }, _clock);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            Assert.True(budget.TryTake());
            budget.Charge(TimeSpan.FromMilliseconds(1));
        }

        Assert.False(budget.TryTake());
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(budget.TryTake());
    }

    private static bool[] Take(ShadowBudget budget, int times) => Enumerable.Range(0, times).Select(_ => budget.TryTake()).ToArray();
}
