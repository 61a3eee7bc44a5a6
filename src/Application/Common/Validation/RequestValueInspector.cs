using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CameraMonitor.Application.Common.Idempotency;

namespace CameraMonitor.Application.Common.Validation;

/// <summary>
/// Walks every bound value of a request (route, query, header and body, nested lists included) and reports each that
/// breaks <see cref="InputBounds"/>, by its snake_case wire name (items[3].objects[0].class). Generic on purpose:
/// a new field is covered without anyone remembering to add a rule.
/// </summary>
public static class RequestValueInspector
{
    private const int MaxDepth = 8;

    /// <summary>The header's field name in problem details, as validators name it: "idempotency-key".</summary>
    private static readonly string IdempotencyKeyField = JsonNamingPolicy.SnakeCaseLower.ConvertName(IIdempotentCommand.HeaderName);
    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();
    private static readonly IReadOnlyDictionary<string, string[]> NoProblems = new Dictionary<string, string[]>();

    // Where the walk is, as (member, index) segments; reused by the thread (the walk is synchronous) so a valid request
    // builds no path strings and no list.
    [ThreadStatic]
    private static List<(string? Name, int Index)>? _path;

    /// <summary>Every value out of bounds by wire name; a valid request (every request on the hot path) allocates nothing.</summary>
    public static IReadOnlyDictionary<string, string[]> Inspect(object request)
    {
        Dictionary<string, string[]>? problems = null;
        var path = _path ??= [];
        path.Clear();
        Walk(request, path, ref problems, depth: 0);
        if (request is IIdempotentCommand { IdempotencyKey: { } key }
            && (key.Trim().Length == 0 || key.Length > IIdempotentCommand.MaxKeyLength))
        {
            (problems ??= []).TryAdd(IdempotencyKeyField,
                [$"{IIdempotentCommand.HeaderName} must be 1 to {IIdempotentCommand.MaxKeyLength} characters."]);
        }

        return problems ?? NoProblems;
    }

    private static void Walk(object? value, List<(string? Name, int Index)> path, ref Dictionary<string, string[]>? problems,
        int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return;
        }

        var problem = value switch
        {
            string text => InputBounds.TextProblem(text),
            DateTimeOffset time => InputBounds.TimeProblem(time),
            DateTime time => InputBounds.TimeProblem(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))),
            _ => null,
        };
        if (problem is not null)
        {
            (problems ??= []).TryAdd(path.Count == 0 ? "body" : WireName(path), [problem]);
            return;
        }

        var shape = value is string or DateTimeOffset or DateTime ? Shape.Leaf : Shapes.GetOrAdd(value.GetType(), ShapeOf);
        if (shape.Kind == ShapeKind.Items)
        {
            var index = 0;
            foreach (var item in (IEnumerable)value)
            {
                path.Add((null, index++));
                Walk(item, path, ref problems, depth + 1);
                path.RemoveAt(path.Count - 1);
            }
        }
        else if (shape.Kind == ShapeKind.Members)
        {
            foreach (var (read, name) in shape.Members)
            {
                path.Add((name, -1));
                Walk(read(value), path, ref problems, depth + 1);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    /// <summary>items[3].objects[0].class, spelled out only for a value that is out of bounds.</summary>
    private static string WireName(List<(string? Name, int Index)> path)
    {
        var name = new StringBuilder();
        foreach (var (segment, index) in path)
        {
            _ = segment is null
                ? name.Append(CultureInfo.InvariantCulture, $"[{index}]")
                : name.Append(name.Length == 0 ? "" : ".").Append(segment);
        }

        return name.ToString();
    }

    /// <summary>A list of numbers (a bbox) cannot be out of bounds: walking it would only box every element.</summary>
    private static bool AlwaysInBoundsElements(Type type)
    {
        var elements = type.GetInterfaces().Append(type)
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        return elements.Count > 0 && elements.All(element => AlwaysInBounds(Nullable.GetUnderlyingType(element) ?? element));
    }

    /// <summary>
    /// What the walk does with a value of <paramref name="type"/>, decided once per type: nothing (numbers, ids, lists of
    /// numbers, types not ours), its items, or its bound members through compiled getters (reflection's GetValue costs
    /// more than the rest of the walk of a small request).
    /// </summary>
    private static Shape ShapeOf(Type type)
    {
        if (AlwaysInBounds(type) || AlwaysInBoundsElements(type))
        {
            return Shape.Leaf;
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return Shape.Items;
        }

        return type.Namespace?.StartsWith("CameraMonitor", StringComparison.Ordinal) == true
            ? new Shape(ShapeKind.Members, BoundMembers(type))
            : Shape.Leaf;
    }

    /// <summary>
    /// Bound members only: settable (or init) properties; computed ones repeat them. Numbers, flags, enums and ids can
    /// never be out of bounds, so they are left out here rather than boxed per request only to be skipped.
    /// </summary>
    private static (Func<object, object?> Read, string Name)[] BoundMembers(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 && p.PropertyType != typeof(object)
                    && !AlwaysInBounds(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
        .Select(p => (Getter(type, p), WireName(p)))
        .ToArray();

    private static Func<object, object?> Getter(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var read = Expression.Property(Expression.Convert(instance, type), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    /// <summary>Numbers, flags, enums, durations and ids: values no bound can refuse.</summary>
    internal static bool AlwaysInBounds(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Guid);

    private static string WireName(PropertyInfo property) =>
        property.Name == nameof(IIdempotentCommand.IdempotencyKey)
            ? IdempotencyKeyField
            : property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
              ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);

    private enum ShapeKind
    {
        Leaf,
        Items,
        Members,
    }

    private sealed record Shape(ShapeKind Kind, (Func<object, object?> Read, string Name)[] Members)
    {
        public static readonly Shape Leaf = new(ShapeKind.Leaf, []);
        public static readonly Shape Items = new(ShapeKind.Items, []);
    }
}
