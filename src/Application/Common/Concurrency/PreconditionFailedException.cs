using CameraMonitor.Application.Common.Errors;

namespace CameraMonitor.Application.Common.Concurrency;

/// <summary>The resource is no longer at the version the caller named (If-Match): answered 412, never retried.</summary>
public sealed class PreconditionFailedException(string resource, object id) : BusinessException(
    $"{resource} {id} changed since the ETag given in If-Match; read it again and retry.");
