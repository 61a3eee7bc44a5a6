using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace CameraMonitor.Api.IntegrationTests.Contract;

/// <summary>
/// The served OpenAPI document as a validator of HTTP exchanges: which operation a request is, whether the answer's
/// status is declared, and whether a JSON body matches the declared schema (OpenAPI 3.1 schemas are JSON Schema
/// 2020-12, evaluated by JsonSchema.Net with components/schemas as $defs).
/// </summary>
public sealed class OpenApiContract
{
    private const string ComponentsPrefix = "#/components/schemas/";
    private static int _documents;

    private readonly List<Operation> _operations = [];
    private readonly JsonObject _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly int _document = Interlocked.Increment(ref _documents);

    public OpenApiContract(string documentJson)
    {
        var document = JsonNode.Parse(documentJson)!.AsObject();
        _definitions = document["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path), @"\\\{[^}]+}", "[^/]+") + "/?$");
            foreach (var (method, operation) in item!.AsObject())
            {
                _operations.Add(new Operation(method.ToUpperInvariant(), path, pattern, operation!.AsObject()));
            }
        }
    }

    /// <summary>Every way <paramref name="method"/> <paramref name="path"/> with this answer breaks the contract (empty: none).</summary>
    public IReadOnlyList<string> Check(string method, string path, string? requestMediaType, string? requestBody,
        HttpStatusCode status, string? responseMediaType, string? responseBody)
    {
        // A literal segment outranks a parameter, as in the router: /cameras/consistency is not /cameras/{camera_id}.
        var operation = _operations.Where(o => o.Method == method && o.Pattern.IsMatch(path))
            .OrderBy(o => o.Path.Count(c => c == '{')).FirstOrDefault();
        if (operation is null)
        {
            return [];
        }

        // The service promises never to answer 500, so no operation declares it; a test that provokes one (an injected
        // failure) asserts the status itself, and the body is the same ProblemDetails as every other error.
        if (status == HttpStatusCode.InternalServerError)
        {
            return [];
        }

        var where = $"{method} {operation.Path} → {(int)status}";
        var problems = new List<string>();
        var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = operation.Definition["responses"]?[code] ?? operation.Definition["responses"]?["default"];
        if (response is null)
        {
            problems.Add($"{where}: the status is not declared.");
        }
        else if (IsJson(responseMediaType) && !string.IsNullOrEmpty(responseBody))
        {
            var schema = SchemaFor(response["content"], responseMediaType!);
            if (schema is null)
            {
                problems.Add($"{where}: {responseMediaType} is not a declared response content type.");
            }
            else
            {
                problems.AddRange(Validate(schema, responseBody).Select(error => $"{where} response: {error}"));
            }
        }

        // A request the service accepted must be one the document accepts too (refused ones are the bad-input tests').
        if ((int)status is >= 200 and < 300 && IsJson(requestMediaType) && !string.IsNullOrEmpty(requestBody)
            && SchemaFor(operation.Definition["requestBody"]?["content"], requestMediaType!) is { } requestSchema)
        {
            problems.AddRange(Validate(requestSchema, requestBody).Select(error => $"{where} request: {error}"));
        }

        return problems;
    }

    private static bool IsJson(string? mediaType) => mediaType is not null && mediaType.EndsWith("json", StringComparison.Ordinal);

    private string? SchemaFor(JsonNode? content, string mediaType) =>
        content?[mediaType]?["schema"]?.ToJsonString()
        ?? (mediaType == "application/json" ? null : content?["application/json"]?["schema"]?.ToJsonString());

    private IEnumerable<string> Validate(string schemaJson, string body)
    {
        var schema = _schemas.GetOrAdd(schemaJson, Compile);
        using var instance = JsonDocument.Parse(body);
        var results = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} {error.Key}: {error.Value}"))
                .DefaultIfEmpty("the body does not match the schema.");
    }

    private JsonSchema Compile(string schemaJson)
    {
        var schema = JsonNode.Parse(schemaJson.Replace(ComponentsPrefix, "#/$defs/", StringComparison.Ordinal))!.AsObject();
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$defs"] = JsonNode.Parse(_definitions.ToJsonString().Replace(ComponentsPrefix, "#/$defs/", StringComparison.Ordinal));
        return JsonSchema.FromText(schema.ToJsonString(), baseUri:
            new Uri($"https://contract.cameramonitor.test/{_document}/{_schemas.Count}/{Guid.NewGuid():N}"));
    }

    private sealed record Operation(string Method, string Path, Regex Pattern, JsonObject Definition);
}
