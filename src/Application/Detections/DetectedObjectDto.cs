using CameraMonitor.Domain.Detections;

namespace CameraMonitor.Application.Detections;

public sealed record DetectedObjectDto(string Class, double Confidence, IReadOnlyList<double> Bbox)
{
    public static DetectedObjectDto FromDomain(DetectedObject detected) =>
        new(detected.Class, detected.Confidence, detected.Bbox);
}
