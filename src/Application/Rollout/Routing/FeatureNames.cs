namespace CameraMonitor.Application.Rollout.Routing;

public static class FeatureNames
{
    /// <summary>Global kill switch: off routes every request to legacy (env USE_DOMAIN_SERVICE).</summary>
    public const string UseDomainService = "UseDomainService";

    private const string EndpointPrefix = "Rollout.";

    public static string ForEndpoint(string endpoint) => EndpointPrefix + endpoint;

    public static bool TryGetEndpoint(string featureName, out string endpoint)
    {
        endpoint = featureName.StartsWith(EndpointPrefix, StringComparison.Ordinal)
            ? featureName[EndpointPrefix.Length..]
            : string.Empty;
        return endpoint.Length > 0;
    }
}
