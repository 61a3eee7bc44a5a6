namespace CameraMonitor.Api.Http;

/// <summary>
/// Endpoint conventions for ETag / If-Match and for the data's provenance; the OpenAPI transformer reads the metadata they leave.
/// </summary>
public static class ConditionalRequests
{
    /// <summary>The 200 answer carries an ETag of its body.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ETagEndpointFilter>().WithMetadata(new ETagged());

    /// <summary>An If-Match that no longer matches the violation answers 412.</summary>
    public static RouteHandlerBuilder WithViolationIfMatch(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ViolationIfMatchFilter>().ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>The 200 answer carries X-Data-Source (one of <paramref name="sources"/>) and Age.</summary>
    public static RouteHandlerBuilder WithDataProvenance(this RouteHandlerBuilder builder, IReadOnlyList<string> sources) =>
        builder.AddEndpointFilter<DataProvenanceFilter>().WithMetadata(new DataProvenanceTagged(sources));
}
