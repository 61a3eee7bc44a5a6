using CameraMonitor.Domain.Common;

namespace CameraMonitor.Application.Common.Errors;

public static class BusinessOutcome
{
    /// <summary>True for outcomes the caller caused: they are answered as they are, never retried on legacy.</summary>
    public static bool Is(Exception exception) => exception is BusinessException or DomainException;
}
