using System.Text.Json;
using System.Text.RegularExpressions;

namespace CameraMonitor.Api.Errors;

/// <summary>
/// Turns ASP.NET Core's binding messages ("Failed to bind parameter \"Nullable&lt;DateTimeOffset&gt; startTime\" from
/// \"abc\".") and System.Text.Json errors into field errors named like the validators name them (snake_case), with no
/// C# type names in them.
/// </summary>
public static partial class BindingErrors
{
    [GeneratedRegex("""parameter "(?<type>[^"]*?)\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: from "(?<value>.*)")?""", RegexOptions.Singleline)]
    private static partial Regex ParameterMessage();

    [GeneratedRegex("""The JSON property '(?<name>[^']*)' could not be mapped""")]
    private static partial Regex UnmappedMember();

    /// <summary>The parameter a binding failure names, and a message for it; null when the message names none.</summary>
    public static (string Field, string Message)? FromBindingMessage(string message)
    {
        var match = ParameterMessage().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(match.Groups["name"].Value);
        var expected = Expected(match.Groups["type"].Value);
        return match.Groups["value"].Success
            ? (field, $"'{Shorten(match.Groups["value"].Value)}' is not {expected}.")
            : (field, $"{field} is required and must be {expected}.");
    }

    /// <summary>A JSON body error: the member it is about (snake_case path) and what is wrong with it.</summary>
    public static (string? Field, string Message) FromJson(JsonException json, string? fieldFromPath)
    {
        var unmapped = UnmappedMember().Match(json.Message);
        if (unmapped.Success)
        {
            var member = unmapped.Groups["name"].Value;
            var field = fieldFromPath is null || !fieldFromPath.EndsWith(member, StringComparison.Ordinal)
                ? (fieldFromPath is null ? member : $"{fieldFromPath}.{member}")
                : fieldFromPath;
            return (field, $"{member} is not a member of this body; check its spelling (unknown members are rejected).");
        }

        return (fieldFromPath, fieldFromPath is null
            ? "The request body is not valid JSON for this endpoint."
            : $"{fieldFromPath} has a value of the wrong type or format.");
    }

    public static bool IsUnknownMember(JsonException json) => UnmappedMember().IsMatch(json.Message);

    private static string Expected(string type)
    {
        var bare = type.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('>', '?').Trim();
        return bare switch
        {
            "int" or "Int32" or "long" or "Int64" or "short" => "a whole number in range",
            "double" or "Double" or "decimal" or "float" => "a number",
            "bool" or "Boolean" => "true or false",
            "DateTimeOffset" or "DateTime" => "an ISO 8601 date-time such as 2026-11-20T12:00:00Z",
            "Guid" => "a UUID",
            _ => "a valid value",
        };
    }

    private static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "…";
}
