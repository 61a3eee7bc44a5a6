namespace CameraMonitor.Domain.Common;

/// <summary>Marks the entities that repositories may load and store: only whole aggregates travel.</summary>
public interface IAggregateRoot;
