namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>An endpoint's rollout name is its request type's name without the Query/Command suffix.</summary>
public static class EndpointNames
{
    public static string Of(Type requestType)
    {
        var name = requestType.Name;
        foreach (var suffix in new[] { "Query", "Command" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
