using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CameraMonitor.Api.OpenApi;

/// <summary>
/// Document-wide parts of the contract that generators and linters read: a description and licence, server URLs
/// without a trailing slash (paths already start with one), and a description for every tag.
/// </summary>
public sealed class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Cameras"] = "The camera registry: list, register, change and remove cameras, per-camera statistics, mirror consistency.",
        ["Violations"] = "One violation and its review (pending → confirmed | false_positive → resolved).",
        ["Detection records"] = "Detector output: ingest records (one or a batch) and read a camera's records.",
        ["Statistics"] = "Totals, daily counts, violation events and history over the stored records.",
        ["Alerts"] = "Stored alerts and the rules that raise them.",
        ["System"] = "Version, uptime, database round trip and the rollout state.",
        ["Admin: rollout"] = "Operators: per-endpoint routing between the legacy and domain implementations, plans, parity, audit.",
        ["Admin: dark launch"] = "Operators: the write-path dark launch report.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "CameraMonitor API";
        document.Info.Description = "Cameras, detection records, violations, statistics and alerts, with the "
            + "rollout controls of the migration from the legacy implementation. Errors are RFC 9457 problem details.";
        document.Info.License ??= new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://example.com/cameramonitor/licence") };

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
        }

        var used = (document.Paths?.Values.AsEnumerable() ?? [])
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags?.AsEnumerable() ?? [])
            .Select(tag => tag.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagDescriptions.GetValueOrDefault(name, name),
        }));
        return Task.CompletedTask;
    }
}
