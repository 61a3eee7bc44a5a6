using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace CameraMonitor.Application.Common.Validation;

/// <summary>
/// The snake_case wire name of a request member ("CameraId" → "camera_id"), as FluentValidation's display name.
/// FluentValidation asks for it on every validation of every rule, not only when a message is built, so it is converted
/// once per member and kept: a valid request then neither converts nor allocates a name.
/// </summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<MemberInfo, string> Names = new();

    public static string Of(MemberInfo member) =>
        Names.GetOrAdd(member, static m => JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Name));
}
