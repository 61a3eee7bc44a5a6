using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Violations;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Domain.UnitTests.Violations;

public sealed class ViolationTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567);

    /// <summary>Every (from, to) pair of the four statuses, with whether the review state machine allows it.</summary>
    public static TheoryData<ViolationStatus, ViolationStatus, bool> AllPairs => new()
    {
        { ViolationStatus.Pending, ViolationStatus.Pending, true },
        { ViolationStatus.Pending, ViolationStatus.Confirmed, true },
        { ViolationStatus.Pending, ViolationStatus.FalsePositive, true },
        { ViolationStatus.Pending, ViolationStatus.Resolved, false },
        { ViolationStatus.Confirmed, ViolationStatus.Pending, false },
        { ViolationStatus.Confirmed, ViolationStatus.Confirmed, true },
        { ViolationStatus.Confirmed, ViolationStatus.FalsePositive, true },
        { ViolationStatus.Confirmed, ViolationStatus.Resolved, true },
        { ViolationStatus.FalsePositive, ViolationStatus.Pending, true },
        { ViolationStatus.FalsePositive, ViolationStatus.Confirmed, false },
        { ViolationStatus.FalsePositive, ViolationStatus.FalsePositive, true },
        { ViolationStatus.FalsePositive, ViolationStatus.Resolved, false },
        { ViolationStatus.Resolved, ViolationStatus.Pending, false },
        { ViolationStatus.Resolved, ViolationStatus.Confirmed, false },
        { ViolationStatus.Resolved, ViolationStatus.FalsePositive, false },
        { ViolationStatus.Resolved, ViolationStatus.Resolved, true },
    };

    [Fact]
    public void AllPairs_CoversEveryCombinationOnce() =>
        Assert.Equal(16, AllPairs.Select(row => ((ViolationStatus)row[0], (ViolationStatus)row[1])).Distinct().Count());

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void ChangeStatus_FollowsTheTransitionTable(ViolationStatus from, ViolationStatus to, bool allowed)
    {
        var violation = Create(from);

        if (allowed)
        {
            violation.ChangeStatus(to, "checked", "alice", new FakeTimeProvider(Now));

            Assert.Equal(to, violation.Status);
            Assert.Equal(Now.Ticks / 10 * 10, violation.HandledAt!.Value.Ticks);
            Assert.Equal("alice", violation.HandledBy);
            Assert.Equal("checked", violation.Notes);
            Assert.Equal(from == to ? 0 : 1, violation.Events.Count);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => violation.ChangeStatus(to, "checked", "alice", new FakeTimeProvider(Now)));

            Assert.Equal("status", error.Field);
            Assert.Contains($"from {from.ToName()} to {to.ToName()}", error.Message, StringComparison.Ordinal);
            Assert.Equal(from, violation.Status);
            Assert.Null(violation.HandledAt);
            Assert.Empty(violation.Events);
        }

        Assert.Equal(allowed, ViolationTransitions.IsAllowed(from, to));
    }

    [Fact]
    public void ChangeStatus_WhenItMoves_RaisesOneEventNamingBothStates()
    {
        var violation = Create(ViolationStatus.Confirmed);

        violation.ChangeStatus(ViolationStatus.Resolved, null, null, new FakeTimeProvider(Now));

        var changed = Assert.Single(violation.Events);
        Assert.Equal((7L, ViolationStatus.Confirmed, ViolationStatus.Resolved), (changed.ViolationId, changed.From, changed.To));
    }

    [Fact]
    public void ChangeStatus_WhenNotesAndHandledByAreLeftOut_KeepsThePreviousValues()
    {
        var violation = Create(ViolationStatus.Resolved, handledBy: "bob", notes: "fined");

        violation.ChangeStatus(ViolationStatus.Resolved, null, null, new FakeTimeProvider(Now));

        Assert.Equal(("bob", "fined"), (violation.HandledBy, violation.Notes));
        Assert.NotNull(violation.HandledAt);
    }

    [Fact]
    public void ChangeStatus_WhenResolved_AcceptsNewNotes()
    {
        var violation = Create(ViolationStatus.Resolved, notes: "fined");

        violation.ChangeStatus(ViolationStatus.Resolved, "fine paid", null, new FakeTimeProvider(Now));

        Assert.Equal("fine paid", violation.Notes);
    }

    [Fact]
    public void ChangeStatus_WhenNotesAreTooLong_RejectsNamingNotesAndChangesNothing()
    {
        var violation = Create(ViolationStatus.Pending);

        var error = Assert.Throws<DomainException>(() => violation.ChangeStatus(ViolationStatus.Confirmed,
            new string('n', Violation.MaxNotesLength + 1), null, new FakeTimeProvider(Now)));

        Assert.Equal("notes", error.Field);
        Assert.Equal(ViolationStatus.Pending, violation.Status);
    }

    [Fact]
    public void ChangeStatus_KeepsTheVersionItWasReadAt() =>
        Assert.Equal(3, Changed(Create(ViolationStatus.Pending, version: 3)).Version);

    [Theory]
    [InlineData("pending", ViolationStatus.Pending)]
    [InlineData("confirmed", ViolationStatus.Confirmed)]
    [InlineData("false_positive", ViolationStatus.FalsePositive)]
    [InlineData("resolved", ViolationStatus.Resolved)]
    public void StatusNames_RoundTrip(string name, ViolationStatus status)
    {
        Assert.Equal(status, ViolationStatusNames.Parse(name));
        Assert.Equal(name, status.ToName());
    }

    private static Violation Changed(Violation violation)
    {
        violation.ChangeStatus(ViolationStatus.Confirmed, null, null, new FakeTimeProvider(Now));
        return violation;
    }

    private static Violation Create(ViolationStatus status, string? handledBy = null, string? notes = null, int version = 0) =>
        Violation.Rehydrate(7, "cam0", 3, "no_mask", 0.9, null, status, Now.AddHours(-1), null, handledBy, notes, version);
}
