using System.Buffers;
using System.Text.Json;
using CameraMonitor.Api.Errors;
using CameraMonitor.Api.RateLimiting;
using CameraMonitor.Api.Security;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Idempotency;
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
            .WithSummary("A camera's detection records, newest first, paged, optionally within [start_time, end_time].")
            .WithDescription("Page by offset, or by keyset: pass the previous page's next_cursor as after (also in the "
                + "Link rel=\"next\" header); keyset pages cost the same at any depth. total counts the whole filtered "
                + "set, exactly, on both paths (the domain path adds up rollups instead of counting rows).");
        records.MapPost("/", IngestDetectionRecords)
            .WithName(nameof(IngestDetectionRecords)).RequireAuthorization(ApiPolicies.Ingest)
            .RequireRateLimiting(RateLimitPolicies.Ingest)
            .WithSummary("Ingest one record or an array of up to 1000, all or nothing; honours Idempotency-Key.")
            .Accepts<List<DetectionRecordInput>>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<ListDetectionRecordsResponse>> ListDetectionRecords(IMediator mediator,
        HttpResponse http,
        [FromRoute(Name = "camera_id")] string cameraId,
        int? limit,
        int? offset,
        [FromQuery(Name = "start_time")] DateTimeOffset? startTime,
        [FromQuery(Name = "end_time")] DateTimeOffset? endTime,
        [FromQuery(Name = NextPageLink.AfterParameter)] string? after,
        CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListDetectionRecordsQuery(cameraId,
            limit ?? ListDetectionRecordsQuery.DefaultLimit, offset ?? 0, startTime, endTime, after), cancellationToken);
        NextPageLink.Add(http, page.NextCursor);
        return TypedResults.Ok(page);
    }

    private static async Task<Created<IngestDetectionRecordsResponse>> IngestDetectionRecords(IMediator mediator,
        HttpRequest request,
        IOptions<JsonOptions> json,
        [FromHeader(Name = IIdempotentCommand.HeaderName)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var items = await ReadItemsAsync(request, json.Value.SerializerOptions, cancellationToken);
        var response = await mediator.Send(new IngestDetectionRecordsCommand(items, idempotencyKey), cancellationToken);
        return TypedResults.Created((string?)null, response);
    }

    /// <summary>
    /// The body is one record or an array of them; a JSON error is named like a validation error (items[3].person_count).
    /// The body is buffered and bound in one pass, its first token telling record from batch: parsing it into a
    /// JsonDocument first and binding the document read every batch twice.
    /// </summary>
    private static async Task<IReadOnlyList<DetectionRecordInput>> ReadItemsAsync(HttpRequest request,
        JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var body = request.BodyReader;
        var read = await body.ReadAsync(cancellationToken);
        while (!read.IsCompleted && !read.IsCanceled)
        {
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End); // nothing consumed yet: wait for the rest
            read = await body.ReadAsync(cancellationToken);
        }

        try
        {
            var items = Bind(read.Buffer, options);
            return items.Count <= IngestDetectionRecordsCommand.MaxItems
                ? items
                : throw RequestValidationException.ForField(ItemsField,
                    $"a batch must hold 1 to {IngestDetectionRecordsCommand.MaxItems} records.");
        }
        catch (JsonException invalid)
        {
            var (field, message) = BindingErrors.FromJson(invalid, FieldOf(invalid.Path));
            throw RequestValidationException.ForField(field ?? ItemsField, BindingErrors.IsUnknownMember(invalid)
                ? message
                : "the value is not valid JSON of the expected type (see the record schema).");
        }
        finally
        {
            body.AdvanceTo(read.Buffer.End);
        }
    }

    private static IReadOnlyList<DetectionRecordInput> Bind(ReadOnlySequence<byte> body, JsonSerializerOptions options)
    {
        var readerOptions = new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
            MaxDepth = options.MaxDepth,
        };
        var reader = new Utf8JsonReader(body, readerOptions);
        var first = reader; // a copy peeks at the first token; the reader itself still starts before it
        first.Read(); // an empty or broken body throws here, as JSON
        IReadOnlyList<DetectionRecordInput> items = first.TokenType switch
        {
            JsonTokenType.StartObject => [JsonSerializer.Deserialize<DetectionRecordInput>(ref reader, options)!],
            JsonTokenType.StartArray => JsonSerializer.Deserialize<List<DetectionRecordInput>>(ref reader, options)!,
            _ => throw RequestValidationException.ForField(ItemsField, "the body must be a record or an array of records."),
        };

        // Deserialize stops after the value: anything but whitespace behind it makes the body invalid JSON (Read throws).
        reader.Read();
        return items;
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
