namespace CameraMonitor.Application.Common.Concurrency;

/// <summary>A response that carries the stored version it was read at; the API turns it into the ETag.</summary>
public interface IVersionedRepresentation
{
    long Version { get; }
}
