using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Violations;

/// <summary>
/// The review state machine of a violation, as one table. Both implementations of the status change
/// ask it, so the rules cannot drift apart between the domain and the legacy path.
/// </summary>
public static class ViolationTransitions
{
    private static readonly Dictionary<ViolationStatus, ViolationStatus[]> Allowed = new()
    {
        [ViolationStatus.Pending] = [ViolationStatus.Confirmed, ViolationStatus.FalsePositive],
        [ViolationStatus.Confirmed] = [ViolationStatus.Resolved, ViolationStatus.FalsePositive],
        [ViolationStatus.FalsePositive] = [ViolationStatus.Pending],
        [ViolationStatus.Resolved] = [],
    };

    /// <summary>True when a violation in <paramref name="from"/> may be set to <paramref name="to"/>;
    /// setting the same status again is always allowed (idempotent, e.g. to change the notes).</summary>
    public static bool IsAllowed(ViolationStatus from, ViolationStatus to) => from == to || Allowed[from].Contains(to);

    /// <summary>Throws a <see cref="DomainException"/> on the status field naming both states.</summary>
    public static void EnsureAllowed(ViolationStatus from, ViolationStatus to)
    {
        if (IsAllowed(from, to))
        {
            return;
        }

        var next = Allowed[from];
        var options = next.Length == 0
            ? $"{from.ToName()} is terminal (only notes may change)"
            : $"from {from.ToName()} only {string.Join(" or ", next.Select(s => s.ToName()))} is allowed";
        throw new DomainException("status",
            $"A violation cannot go from {from.ToName()} to {to.ToName()}: {options}.");
    }
}
