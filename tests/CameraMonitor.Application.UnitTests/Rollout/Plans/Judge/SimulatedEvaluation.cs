namespace CameraMonitor.Application.UnitTests.Rollout.Plans.Judge;

/// <summary>What a simulated judge sees at one evaluation: the last interval, the step so far and the plan so far.</summary>
/// <param name="Carried">The judge's own counter from the previous evaluation (failures in a row, or failed checks).</param>
internal sealed record SimulatedEvaluation(
    int StepIndex,
    double ObservedSeconds,
    SimulatedWindow Interval,
    SimulatedWindow Step,
    SimulatedWindow Plan,
    int Carried);
