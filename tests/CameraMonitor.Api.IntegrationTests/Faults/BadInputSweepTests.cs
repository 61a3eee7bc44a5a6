using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using Dapper;

namespace CameraMonitor.Api.IntegrationTests.Faults;

/// <summary>
/// Generated from the served OpenAPI document: every operation, every parameter and body member, each hostile value
/// (one at a time, the rest valid). Every answer must be a 4xx problem details, never 5xx, and the database must not
/// change at all (a checksum of every table before and after).
/// </summary>
public sealed class BadInputSweepTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int MaxCases = 3000;

    private static readonly Dictionary<string, string> Baseline = new()
    {
        ["camera_id"] = "cam0",
        ["name"] = "ListCameras",
        ["status"] = "confirmed",
    };

    // Valid bodies, so that the one hostile member is the only thing wrong with a request.
    private static readonly Dictionary<string, string> BaselineBodies = new()
    {
        ["CreateCamera"] = """{"id": "sweep-cam", "name": "Sweep", "location": "Hall", "source_url": "rtsp://127.0.0.1/s", "enabled": true, "status": "online"}""",
        ["UpdateCamera"] = """{"name": "Renamed", "location": "Hall 2", "source_url": "rtsp://127.0.0.1/r", "enabled": false, "status": "offline"}""",
        ["IngestDetectionRecords"] = """[{"camera_id": "cam0", "detected_at": "2026-11-20T10:00:00Z", "person_count": 1, "objects": [], "processing_ms": 5, "violations": []}]""",
    };

    [Fact]
    public async Task EveryOperation_WithEachHostileValue_Answers4xxProblemDetails_AndChangesNothing()
    {
        var violationId = await SeedViolationAsync();
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        using var operatorClient = api.CreateClientWithKey(ApiFixture.OperatorKey);
        var cases = Cases(document.RootElement, violationId).Take(MaxCases).ToList();
        var before = await ChecksumAsync();

        var failures = new List<string>();
        foreach (var sweep in cases)
        {
            var client = sweep.Path.StartsWith("/api/v1/admin", StringComparison.Ordinal) ? operatorClient : api.Client;
            using var request = sweep.ToRequest();
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status is < 400 or >= 500 || !isProblem)
            {
                failures.Add($"{status} {sweep}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        Assert.True(cases.Count > 200, $"only {cases.Count} cases were generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases:\n" + string.Join('\n', failures.Take(30)));
        Assert.Equal(before, await ChecksumAsync());
    }

    private static IEnumerable<SweepCase> Cases(JsonElement document, long violationId)
    {
        var schemas = document.GetProperty("components").TryGetProperty("schemas", out var s) ? s : default;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var id = operation.Value.TryGetProperty("operationId", out var o) ? o.GetString() ?? "" : "";
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                var routeValues = parameters.Where(x => x.GetProperty("in").GetString() == "path")
                    .ToDictionary(x => x.GetProperty("name").GetString()!,
                        x => x.GetProperty("name").GetString() == "violation_id" ? violationId.ToString() : Baseline.GetValueOrDefault(x.GetProperty("name").GetString()!, "x"));
                var query = method == HttpMethod.Put && path.Name.EndsWith("/status", StringComparison.Ordinal)
                    ? new Dictionary<string, string> { ["status"] = "confirmed" }
                    : [];
                var body = BodySchema(operation.Value, schemas) is { } schema ? BaselineBodies.GetValueOrDefault(id, "{}") : null;

                foreach (var parameter in parameters)
                {
                    var name = parameter.GetProperty("name").GetString()!;
                    var where = parameter.GetProperty("in").GetString();
                    if (name is "force_domain" or "X-Client-Id" || (where == "header" && name != "Idempotency-Key"))
                    {
                        continue;
                    }

                    foreach (var value in HostileInputs.ForText(Kind(parameter.TryGetProperty("schema", out var ps) ? ps : default)))
                    {
                        if ((where == "header" && value.Any(char.IsControl)) || (where == "path" && value.Contains('\0')))
                        {
                            continue; // never reaches the app: HttpClient refuses the header, Kestrel answers 400 to %00 in a path
                        }

                        yield return where switch
                        {
                            "path" => new SweepCase(method, path.Name, new(routeValues) { [name] = value }, query, null, body),
                            "header" => new SweepCase(method, path.Name, routeValues, query, (name, value), body),
                            _ => new SweepCase(method, path.Name, routeValues, new(query) { [name] = value }, null, body),
                        };
                    }
                }

                if (body is null || BodySchema(operation.Value, schemas) is not { } bodySchema)
                {
                    continue;
                }

                // "null" is no body at all, which an operation with an optional body (a plan's settings) may accept.
                var bodyRequired = operation.Value.GetProperty("requestBody").TryGetProperty("required", out var r) && r.GetBoolean();
                foreach (var raw in bodyRequired ? new[] { "[", "null", "42", "\"text\"" } : ["[", "42", "\"text\""])
                {
                    yield return new SweepCase(method, path.Name, routeValues, query, null, raw);
                }

                foreach (var mutated in MutatedBodies(body, bodySchema, schemas))
                {
                    yield return new SweepCase(method, path.Name, routeValues, query, null, mutated);
                }
            }
        }
    }

    /// <summary>The baseline body with one member replaced by each hostile value, and with one unknown member added.</summary>
    private static IEnumerable<string> MutatedBodies(string baseline, JsonElement schema, JsonElement schemas)
    {
        // One-or-many bodies (ingest) are declared as oneOf an object and an array of it: mutate the object form.
        if (schema.TryGetProperty("oneOf", out var alternatives))
        {
            schema = alternatives.EnumerateArray().Select(a => Resolve(a, schemas))
                .FirstOrDefault(a => Kind(a) == "object", schema);
        }

        var isArray = JsonNode.Parse(baseline) is JsonArray;
        var itemSchema = Kind(schema) == "array" && schema.TryGetProperty("items", out var items) ? Resolve(items, schemas) : schema;
        var properties = itemSchema.ValueKind == JsonValueKind.Object && itemSchema.TryGetProperty("properties", out var props)
            ? props.EnumerateObject().ToList()
            : [];

        JsonNode Wrap(JsonObject one) => isArray ? new JsonArray(one) : one;
        JsonObject Fresh() => (JsonObject)(isArray ? JsonNode.Parse(baseline)!.AsArray()[0]!.DeepClone() : JsonNode.Parse(baseline)!);

        var unknown = Fresh();
        unknown["bogus_member"] = 1;
        yield return Wrap(unknown).ToJsonString();

        foreach (var property in properties)
        {
            foreach (var value in HostileInputs.ForJson(Kind(Resolve(property.Value, schemas))))
            {
                var body = Fresh();
                body[property.Name] = value?.DeepClone();
                yield return Wrap(body).ToJsonString();
            }
        }
    }

    private static JsonElement? BodySchema(JsonElement operation, JsonElement schemas) =>
        operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
            ? Resolve(schema, schemas)
            : null;

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
        && schemas.ValueKind == JsonValueKind.Object
        && schemas.TryGetProperty(reference.GetString()!.Split('/').Last(), out var resolved)
            ? resolved
            : schema;

    /// <summary>integer, number, boolean, array, object, date-time or string (OpenAPI 3.1 type lists with "null" included).</summary>
    private static string Kind(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "string";
        }

        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time")
        {
            return "date-time";
        }

        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList()
            : [type.GetString()];
        return new[] { "integer", "number", "boolean", "array", "object" }.FirstOrDefault(types.Contains) ?? "string";
    }

    private async Task<long> SeedViolationAsync()
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO violations (camera_id, violation_type, confidence, detected_at)
            VALUES ('cam0', 'no_mask', 0.9, '2026-11-19T10:00:00Z') RETURNING id
            """);
    }

    /// <summary>One md5 per table over its rows as text, in a stable order.</summary>
    private async Task<string> ChecksumAsync()
    {
        await using var connection = await api.DataSource.OpenConnectionAsync();
        var tables = await connection.QueryAsync<string>(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE \"C\"");
        var sums = new StringBuilder();
        foreach (var table in tables)
        {
            var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            sums.Append(table).Append('=').Append(await connection.ExecuteScalarAsync<string>(
                $"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {quoted} t")).Append(';');
        }

        return sums.ToString();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record SweepCase(HttpMethod Method, string Path, Dictionary<string, string> Route,
        Dictionary<string, string> Query, (string Name, string Value)? Header, string? Body)
    {
        public HttpRequestMessage ToRequest()
        {
            var url = Route.Aggregate(Path, (current, value) =>
                current.Replace("{" + value.Key + "}", Uri.EscapeDataString(value.Value), StringComparison.Ordinal));
            if (Query.Count > 0)
            {
                url += "?" + string.Join('&', Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
            }

            var request = new HttpRequestMessage(Method, url);
            if (Header is { } header)
            {
                request.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }

            if (Body is not null)
            {
                request.Content = new StringContent(Body, Encoding.UTF8, "application/json");
            }

            return request;
        }

        public override string ToString() =>
            $"{Method} {Path} route={string.Join(',', Route.Select(r => $"{r.Key}={Shorten(r.Value)}"))} " +
            $"query={string.Join(',', Query.Select(q => $"{q.Key}={Shorten(q.Value)}"))} header={Header?.Name} body={(Body is null ? "-" : Body.Length <= 300 ? Body : Body[..300] + "…")}";

        private static string Shorten(string value) =>
            JsonSerializer.Serialize(value.Length <= 40 ? value : value[..40] + $"…({value.Length})");
    }
}
