namespace CameraMonitor.Application.Common.Errors;

public sealed class NotFoundException(string resource, string key)
    : BusinessException($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
    public string Key { get; } = key;
}
