using System.Text.Json.Nodes;

namespace CameraMonitor.Api.IntegrationTests.Faults;

/// <summary>Values no endpoint may accept, by the kind of value the OpenAPI document declares.</summary>
public static class HostileInputs
{
    public const int Overlong = 5000;

    /// <summary>Raw text for a route, query or header value.</summary>
    public static IEnumerable<string> ForText(string kind)
    {
        yield return "\0";
        yield return "a\u0001b\u001f";
        yield return new string('x', Overlong);
        switch (kind)
        {
            case "integer":
                yield return "99999999999999999999";
                yield return "-99999999999";
                yield return "1.5";
                yield return "1e309";
                yield return "abc";
                break;
            case "number":
                yield return "1e309";
                yield return "NaN";
                yield return "abc";
                break;
            case "boolean":
                yield return "maybe";
                break;
            case "date-time":
                yield return "0001-01-01T00:00:00Z";
                yield return "9999-12-31T23:59:59.9999999Z";
                yield return "1999-12-31T23:59:59Z";
                yield return "2100-01-01T00:00:00Z";
                yield return "2026-02-30T00:00:00Z";
                yield return "not-a-date";
                break;
        }
    }

    /// <summary>JSON values for a body member: wrong types, control characters, overlong text, huge numbers, calendar edges.</summary>
    public static IEnumerable<JsonNode?> ForJson(string kind)
    {
        yield return JsonValue.Create("\0");
        yield return JsonValue.Create("x\u0002y");
        yield return JsonValue.Create(new string('x', Overlong));
        yield return new JsonObject { ["nested"] = 1 };
        switch (kind)
        {
            case "integer":
                yield return JsonNode.Parse("99999999999999999999");
                yield return JsonValue.Create(-1e15);
                yield return JsonValue.Create(1.5);
                break;
            case "number":
                yield return JsonNode.Parse("1e308");
                yield return JsonNode.Parse("-1e308");
                break;
            case "boolean":
                yield return JsonValue.Create("yes");
                break;
            case "array":
                yield return JsonValue.Create(1);
                break;
            case "date-time":
                yield return JsonValue.Create("0001-01-01T00:00:00Z");
                yield return JsonValue.Create("9999-12-31T23:59:59Z");
                yield return JsonValue.Create("1970-01-01T00:00:00Z");
                break;
            default:
                yield return JsonValue.Create(12345);
                break;
        }
    }
}
