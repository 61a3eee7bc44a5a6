using FluentValidation;
using FluentValidation.Internal;

namespace CameraMonitor.Application.Common.Behaviors;

/// <summary>
/// Lends each thread's FluentValidation message formatter to the synchronous validations of <see cref="ValidationBehavior{TRequest,TResponse}"/>.
/// Every validation context otherwise creates its own (a placeholder dictionary: ~240 B, the largest part of validating a
/// valid request), yet a formatter is only written when a rule fails and read when that failure's message is built, both
/// within the synchronous validation. FluentValidation takes the formatter from its global factory
/// (<see cref="Create"/>, installed by AddApplication); the factory hands out the spare formatter, cleared, only to a
/// context built by <see cref="NewContext{T}"/>, and only while no other validation on the thread holds it: a validation
/// nested in another (a rule that validates something else) gets a new one, as do asynchronous validations (they may
/// resume on another thread while this one validates something else) and every other context.
/// </summary>
internal static class ThreadMessageFormatter
{
    [ThreadStatic]
    private static MessageFormatter? _spare;

    [ThreadStatic]
    private static bool _lending;

    /// <summary>FluentValidation's message formatter factory.</summary>
    public static MessageFormatter Create()
    {
        if (_lending && _spare is { } spare)
        {
            _spare = null;
            spare.PlaceholderValues.Clear();
            return spare;
        }

        return new MessageFormatter();
    }

    /// <summary>A root context for a synchronous validation, with the thread's spare formatter when it is free.</summary>
    public static ValidationContext<T> NewContext<T>(T instance)
    {
        _lending = true;
        try
        {
            return new ValidationContext<T>(instance);
        }
        finally
        {
            _lending = false;
        }
    }

    /// <summary>Takes the formatter back once the validation of <paramref name="context"/> is over.</summary>
    public static void Return<T>(ValidationContext<T> context) => _spare = context.MessageFormatter;
}
