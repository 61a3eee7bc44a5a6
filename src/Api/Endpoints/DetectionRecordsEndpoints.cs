using System.Text.Json;
using CameraMonitor.Api.RateLimiting;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Detections.IngestDetectionRecords;
using CameraMonitor.Application.Detections.ListDetectionRecords;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CameraMonitor.Api.Endpoints;

public static class DetectionRecordsEndpoints
{
    private const string ItemsField = "items";

    public static IEndpointRouteBuilder MapDetectionRecordsEndpoints(this IEndpointRouteBuilder app)
    {
        var records = app.MapGroup("/api/v1/records/detection-records").WithTags("Detection records")
            .ProducesValidationProblem();
        records.MapGet("/{camera_id}", ListDetectionRecords)
            .WithName(nameof(ListDetectionRecords)).RequireAuthorization(ApiPolicies.View)
            .WithSummary("A camera's detection records, newest first, paged, optionally within [start_time, end_time].");
        records.MapPost("/", IngestDetectionRecords)
            .WithName(nameof(IngestDetectionRecords)).RequireAuthorization(ApiPolicies.Ingest)
            .RequireRateLimiting(RateLimitPolicies.Ingest)
            .WithSummary("Ingest one record or an array of up to 1000, all or nothing; honours Idempotency-Key.")
            .Accepts<List<DetectionRecordInput>>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<ListDetectionRecordsResponse>> ListDetectionRecords(IMediator mediator,
        [FromRoute(Name = "camera_id")] string cameraId,
        int? limit,
        int? offset,
        [FromQuery(Name = "start_time")] DateTimeOffset? startTime,
        [FromQuery(Name = "end_time")] DateTimeOffset? endTime,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListDetectionRecordsQuery(cameraId,
            limit ?? ListDetectionRecordsQuery.DefaultLimit, offset ?? 0, startTime, endTime), cancellationToken));

    private static async Task<Created<IngestDetectionRecordsResponse>> IngestDetectionRecords(IMediator mediator,
        HttpRequest request,
        IOptions<JsonOptions> json,
        [FromHeader(Name = IngestDetectionRecordsCommand.IdempotencyKeyField)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var items = await ReadItemsAsync(request, json.Value.SerializerOptions, cancellationToken);
        var response = await mediator.Send(new IngestDetectionRecordsCommand(items, idempotencyKey), cancellationToken);
        return TypedResults.Created((string?)null, response);
    }

    /// <summary>The body is one record or an array of them; a JSON error is named like a validation error (items[3].person_count).</summary>
    private static async Task<IReadOnlyList<DetectionRecordInput>> ReadItemsAsync(HttpRequest request,
        JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            var root = body.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [root.Deserialize<DetectionRecordInput>(options)!],
                JsonValueKind.Array when root.GetArrayLength() > IngestDetectionRecordsCommand.MaxItems =>
                    throw RequestValidationException.ForField(ItemsField,
                        $"a batch must hold 1 to {IngestDetectionRecordsCommand.MaxItems} records."),
                JsonValueKind.Array => root.Deserialize<List<DetectionRecordInput>>(options)!,
                _ => throw RequestValidationException.ForField(ItemsField, "the body must be a record or an array of records."),
            };
        }
        catch (JsonException invalid)
        {
            throw RequestValidationException.ForField(FieldOf(invalid.Path),
                "the value is not valid JSON of the expected type (see the record schema).");
        }
    }

    /// <summary>"$[3].objects[0].bbox" → "items[3].objects[0].bbox"; "$.person_count" (a single record) → "items[0].person_count".</summary>
    private static string FieldOf(string? path) => path switch
    {
        null or "$" => ItemsField,
        _ when path.StartsWith("$[", StringComparison.Ordinal) => ItemsField + path[1..],
        _ when path.StartsWith("$.", StringComparison.Ordinal) => $"{ItemsField}[0]{path[1..]}",
        _ => ItemsField,
    };
}
