namespace CameraMonitor.Api.Http;

/// <summary>
/// Endpoint conventions for ETag / If-Match and for the data's provenance; the OpenAPI transformer reads the metadata they leave.
/// </summary>
public static class ConditionalRequests
{
    /// <summary>The 200 answer carries the resource's version as its ETag.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ETagEndpointFilter>().WithMetadata(new ETagged());

    /// <summary>
    /// The endpoint passes If-Match to its command (<see cref="VersionETags.IfMatchOf"/>); a version that no longer
    /// holds answers 412 (the OpenAPI transformer documents the header wherever 412 is declared).
    /// </summary>
    public static RouteHandlerBuilder WithIfMatch(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>The 200 answer carries X-Data-Source (one of <paramref name="sources"/>) and Age.</summary>
    public static RouteHandlerBuilder WithDataProvenance(this RouteHandlerBuilder builder, IReadOnlyList<string> sources) =>
        builder.AddEndpointFilter<DataProvenanceFilter>().WithMetadata(new DataProvenanceTagged(sources));
}
