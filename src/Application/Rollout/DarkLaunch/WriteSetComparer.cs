using System.Text.Json.Nodes;
using CameraMonitor.Application.Rollout.Parity;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>
/// Compares the rows two runs wrote. Each side's events are first folded per row (primary key) into their
/// net effect, so "insert then update" equals one "insert" of the final image; then, per table and
/// operation, the rows are compared as multisets after dropping ignored columns. Rows left over on either
/// side are paired in text order and diffed column by column, to name the column that differs.
/// </summary>
public static class WriteSetComparer
{
    private static readonly ParityRules NoRules = new([], []);

    /// <summary>Differences as paths "table.operation[i].column" with fields "table.column".</summary>
    public static IReadOnlyList<FieldDifference> Compare(IReadOnlyList<CapturedWrite> domain, IReadOnlyList<CapturedWrite> legacy,
        ParityRules rules)
    {
        var domainRows = Canonical(Fold(domain), rules);
        var legacyRows = Canonical(Fold(legacy), rules);
        var differences = new List<FieldDifference>();
        foreach (var group in domainRows.Keys.Union(legacyRows.Keys).Order())
        {
            var (table, operation) = Split(group);
            var domainOnly = Without(domainRows.GetValueOrDefault(group, []), legacyRows.GetValueOrDefault(group, []));
            var legacyOnly = Without(legacyRows.GetValueOrDefault(group, []), domainRows.GetValueOrDefault(group, []));
            for (var i = 0; i < Math.Max(domainOnly.Count, legacyOnly.Count); i++)
            {
                var path = $"{table}.{operation}[{i}]";
                if (i >= domainOnly.Count || i >= legacyOnly.Count)
                {
                    differences.Add(new FieldDifference(path, table, domainOnly.ElementAtOrDefault(i), legacyOnly.ElementAtOrDefault(i)));
                    continue;
                }

                differences.AddRange(JsonResponseComparer.Compare(JsonNode.Parse(domainOnly[i]), JsonNode.Parse(legacyOnly[i]), NoRules)
                    .Select(d => new FieldDifference($"{path}.{d.Path}", $"{table}.{d.Field}", d.Left, d.Right)));
            }
        }

        return differences;
    }

    /// <summary>The net effect per row, in the order rows were first written.</summary>
    public static IReadOnlyList<NetWrite> Fold(IEnumerable<CapturedWrite> writes)
    {
        var result = new List<NetWrite>();
        // A table with no declared key cannot be folded: each event stands for itself.
        foreach (var row in writes.OrderBy(w => w.Sequence)
                     .GroupBy(w => (w.Table, Key: w.KeyJson == "{}" ? "#" + w.Sequence : w.KeyJson)))
        {
            var (first, last) = (row.First(), row.Last());
            var operation = (first.Operation, last.Operation) switch
            {
                (WriteOperations.Insert, WriteOperations.Delete) => null,
                (WriteOperations.Insert, _) => WriteOperations.Insert,
                (_, WriteOperations.Delete) => WriteOperations.Delete,
                _ => WriteOperations.Update,
            };
            if (operation is not null)
            {
                result.Add(new NetWrite(first.Table, operation, JsonNode.Parse(last.RowJson)!.AsObject()));
            }
        }

        return result;
    }

    // "table.column" is what ignore rules match: "id" ignores every id column, "violations.id" only that one.
    private static Dictionary<string, List<string>> Canonical(IReadOnlyList<NetWrite> writes, ParityRules rules) =>
        writes.GroupBy(w => $"{w.Table}\n{w.Operation}")
            .ToDictionary(g => g.Key, g => g.Select(w => Strip(w, rules)).Order(StringComparer.Ordinal).ToList());

    private static string Strip(NetWrite write, ParityRules rules)
    {
        var row = write.Row.DeepClone().AsObject();
        foreach (var column in row.Select(p => p.Key).Where(c => rules.Ignores($"{write.Table}.{c}")).ToList())
        {
            row.Remove(column);
        }

        return row.ToJsonString();
    }

    private static (string Table, string Operation) Split(string group)
    {
        var parts = group.Split('\n');
        return (parts[0], parts[1]);
    }

    // Multiset difference: each row of "other" cancels one equal row of "rows".
    private static List<string> Without(List<string> rows, List<string> other)
    {
        var remaining = other.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var row in rows)
        {
            if (remaining.TryGetValue(row, out var count) && count > 0)
            {
                remaining[row] = count - 1;
            }
            else
            {
                result.Add(row);
            }
        }

        return result;
    }
}
