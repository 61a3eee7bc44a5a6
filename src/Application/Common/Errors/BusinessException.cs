namespace CameraMonitor.Application.Common.Errors;

/// <summary>
/// An expected outcome of a use case (not found, conflict, invalid input). It becomes a 4xx problem
/// details answer and never triggers the fallback to the legacy path: the legacy path would say the same.
/// </summary>
public abstract class BusinessException(string message) : Exception(message);
