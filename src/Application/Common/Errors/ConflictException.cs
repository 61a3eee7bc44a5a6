namespace CameraMonitor.Application.Common.Errors;

public sealed class ConflictException(string message) : BusinessException(message);
