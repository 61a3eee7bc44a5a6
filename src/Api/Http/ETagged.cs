namespace CameraMonitor.Api.Http;

/// <summary>Endpoint metadata: the answer carries an ETag (documented by the OpenAPI transformer).</summary>
public sealed record ETagged;
