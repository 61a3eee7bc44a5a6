namespace CameraMonitor.Api.Http;

/// <summary>Endpoint metadata: the answer says where its data came from and how old it is (documented by the OpenAPI transformer).</summary>
/// <param name="Sources">The values X-Data-Source takes on this endpoint.</param>
public sealed record DataProvenanceTagged(IReadOnlyList<string> Sources);
