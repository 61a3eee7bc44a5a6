using System.Text.Json.Nodes;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// Field-by-field diff of two JSON documents over System.Text.Json nodes: objects by property, arrays by
/// position (or as sets where the rules say so), leaves by their JSON text. Ignored fields are skipped.
/// </summary>
public static class JsonResponseComparer
{
    public static IReadOnlyList<FieldDifference> Compare(JsonNode? left, JsonNode? right, ParityRules rules)
    {
        var differences = new List<FieldDifference>();
        Walk(left, right, "$", "$", rules, differences);
        return differences;
    }

    private static void Walk(JsonNode? left, JsonNode? right, string path, string field, ParityRules rules,
        List<FieldDifference> differences)
    {
        if (field != "$" && rules.Ignores(field))
        {
            return;
        }

        switch (left, right)
        {
            case (JsonObject l, JsonObject r):
                foreach (var name in l.Select(p => p.Key).Union(r.Select(p => p.Key)))
                {
                    var childField = field == "$" ? name : $"{field}.{name}";
                    var childPath = path == "$" ? name : $"{path}.{name}";
                    if (l.ContainsKey(name) != r.ContainsKey(name))
                    {
                        // Present on one side only (even as null) is a difference; the absent side is reported as null.
                        if (!rules.Ignores(childField))
                        {
                            differences.Add(new FieldDifference(childPath, childField, Text(l, name), Text(r, name)));
                        }

                        continue;
                    }

                    Walk(l[name], r[name], childPath, childField, rules, differences);
                }

                break;
            case (JsonArray l, JsonArray r):
                var (lefts, rights) = rules.IsUnordered(field) ? (Canonical(l), Canonical(r)) : (l.ToList(), r.ToList());
                for (var i = 0; i < Math.Max(lefts.Count, rights.Count); i++)
                {
                    Walk(i < lefts.Count ? lefts[i] : null, i < rights.Count ? rights[i] : null, $"{path}[{i}]", $"{field}[*]",
                        rules, differences);
                }

                break;
            default:
                var (leftText, rightText) = (left?.ToJsonString(), right?.ToJsonString());
                if (leftText != rightText)
                {
                    differences.Add(new FieldDifference(path, field, leftText, rightText));
                }

                break;
        }
    }

    private static string? Text(JsonObject owner, string name) =>
        owner.TryGetPropertyValue(name, out var value) ? value?.ToJsonString() ?? "null" : null;

    // Order-insensitive: both sides sorted by their JSON text, then compared by position.
    private static List<JsonNode?> Canonical(JsonArray array) =>
        array.OrderBy(n => n?.ToJsonString(), StringComparer.Ordinal).ToList();
}
