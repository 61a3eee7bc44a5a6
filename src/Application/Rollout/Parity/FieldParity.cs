namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>One field's parity over a window of samples (rates are fractions of the samples compared, 0–1).</summary>
/// <param name="DifferedRate">How often the field differed between domain and legacy (A/B).</param>
/// <param name="NoiseRate">How often it differed between two runs of the same implementation (A/A).</param>
/// <param name="MismatchRate">How often its A/B difference was counted as a mismatch.</param>
/// <param name="NoisySince">Since when the field has been noisy (first A/A difference still in the window); null when deterministic.</param>
public sealed record FieldParity(string Field, double DifferedRate, double NoiseRate, double MismatchRate, DateTime? NoisySince);
