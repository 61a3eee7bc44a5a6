namespace CameraMonitor.Application.Rollout.Plans.Judge;

/// <summary>What one check concluded in one evaluation.</summary>
public static class CheckOutcomes
{
    /// <summary>Enough evidence, and it does not show a regression with the required confidence.</summary>
    public const string Pass = "pass";

    /// <summary>A regression with the required confidence.</summary>
    public const string Fail = "fail";

    /// <summary>Not enough evidence yet (fewer samples than the check's minimum).</summary>
    public const string Insufficient = "insufficient";

    /// <summary>Switched off in the plan's settings.</summary>
    public const string Disabled = "disabled";
}
