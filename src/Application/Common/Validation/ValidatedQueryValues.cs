using System.Collections.Concurrent;
using System.Reflection;
using CameraMonitor.Application.Common.Messaging;
using FluentValidation;

namespace CameraMonitor.Application.Common.Validation;

/// <summary>
/// Query values that have passed validation (the edge checks and every validator), so that the same query sent again (a
/// dashboard polling the summary, a detector reading its camera) is not validated again: on the hot path FluentValidation
/// and the edge checks were about a sixth of what the pipeline cost a cached answer (docs/performance.md, "Third round").
/// Only for requests whose validation is a function of their value alone:
/// <list type="bullet">
/// <item>a query (<see cref="IQuery{TResponse}"/>, which changes nothing) that is a record whose fields are all plain values
/// (text, numbers, flags, enums, times, ids), so that its equality is the equality of everything validation reads;</item>
/// <item>validated only by validators without constructor dependencies (no repository, no clock, no options) and without
/// asynchronous rules: what depends on data or on time belongs to the handler (ValidatorConventionTests).</item>
/// </list>
/// Only passes are remembered, never failures, so a refused request is refused with its full problem details each time.
/// At most <see cref="Capacity"/> values per query type are remembered; beyond that, values are validated every time, so
/// memory stays bounded whatever callers send (a text field is at most InputBounds.MaxTextLength characters: ≈ 2 MB per
/// text field and query type at worst), and a caller who fills it only makes other values cost what they cost before.
/// </summary>
public sealed class ValidatedQueryValues<TRequest> where TRequest : notnull
{
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<TRequest, bool> _passed = new();
    private int _count;

    private ValidatedQueryValues()
    {
    }

    /// <summary>The memory for <typeparamref name="TRequest"/>, or null when its validation may not be remembered.</summary>
    public static ValidatedQueryValues<TRequest>? For(IEnumerable<IValidator<TRequest>> validators) =>
        IsPlainValueQuery(typeof(TRequest)) && validators.All(validator => HasNoDependencies(validator.GetType()))
            ? new ValidatedQueryValues<TRequest>()
            : null;

    public bool Passed(TRequest request) => _passed.ContainsKey(request);

    public void RememberPassed(TRequest request)
    {
        if (Volatile.Read(ref _count) < Capacity && _passed.TryAdd(request, true))
        {
            Interlocked.Increment(ref _count);
        }
    }

    /// <summary>How many values are remembered.</summary>
    public int Count => Volatile.Read(ref _count);

    private static bool IsPlainValueQuery(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>))
        && !typeof(ICommandMarker).IsAssignableFrom(type)
        && IsRecord(type)
        && type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .All(field => IsPlainValue(Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType));

    /// <summary>A record's compiler-made equality compares every field; a class's default equality is its reference.</summary>
    private static bool IsRecord(Type type) =>
        type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static bool IsPlainValue(Type type) =>
        RequestValueInspector.AlwaysInBounds(type) || type == typeof(string) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(DateOnly);

    private static bool HasNoDependencies(Type validatorType) =>
        validatorType.GetConstructors().All(constructor => constructor.GetParameters().Length == 0);
}
