using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Detections;

/// <summary>One object a detector saw in a frame: its class, how sure it was, and its box [x1, y1, x2, y2].</summary>
public sealed record DetectedObject
{
    public const int MaxClassLength = 64;

    private DetectedObject(string @class, double confidence, IReadOnlyList<double> bbox)
    {
        Class = @class;
        Confidence = confidence;
        Bbox = bbox;
    }

    public string Class { get; }
    public double Confidence { get; }
    public IReadOnlyList<double> Bbox { get; }

    public static DetectedObject Create(string? @class, double confidence, IReadOnlyList<double>? bbox)
    {
        if (string.IsNullOrWhiteSpace(@class) || @class.Length > MaxClassLength || !DetectionRules.IsStorableText(@class))
        {
            throw new DomainException("class", $"class must be 1 to {MaxClassLength} characters without NUL.");
        }

        DetectionRules.CheckConfidence(confidence);
        if (bbox is null || bbox.Count != 4 || bbox.Any(v => !double.IsFinite(v)) || bbox[0] > bbox[2] || bbox[1] > bbox[3])
        {
            throw new DomainException("bbox", "bbox must be [x1, y1, x2, y2] with finite numbers, x1 <= x2 and y1 <= y2.");
        }

        return new DetectedObject(@class, confidence, bbox.ToArray());
    }
}
