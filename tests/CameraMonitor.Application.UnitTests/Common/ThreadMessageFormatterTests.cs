using CameraMonitor.Application.Common.Behaviors;
using CameraMonitor.Application.Common.Errors;
using FluentValidation;

namespace CameraMonitor.Application.UnitTests.Common;

public sealed class ThreadMessageFormatterTests
{
    public ThreadMessageFormatterTests() => ValidatorOptions.Global.MessageFormatterFactory = ThreadMessageFormatter.Create;

    [Fact]
    public async Task Handle_OneFormatterForTheThread_BuildsEveryFailuresMessageFromItsOwnRule()
    {
        var validator = new SampleValidator();
        var behavior = new ValidationBehavior<Sample, int>([validator]);
        Sample[] samples = [new("x", 20, "ok"), new("fine", 3, "ok"), new("much too long", 1, "ok"), new("x", 20, "ok")];

        foreach (var sample in samples)
        {
            // What FluentValidation says with a formatter of the context's own (a context built outside the behavior).
            var expected = validator.Validate(sample).Errors.Select(e => e.ErrorMessage).ToArray();

            var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
                behavior.Handle(sample, CancellationToken.None, () => Task.FromResult(1)));

            Assert.NotEmpty(expected);
            Assert.Equal(expected, refused.Errors.Values.SelectMany(m => m).ToArray());
        }
    }

    [Fact]
    public void NewContext_LendsTheSpareFormatter_ToOneValidationAtATime_AndToNoOtherContext()
    {
        var first = ThreadMessageFormatter.NewContext(new Sample("a", 1, "c"));
        ThreadMessageFormatter.Return(first); // the spare is now first's formatter

        var lent = ThreadMessageFormatter.NewContext(new Sample("a", 1, "c"));
        var nested = ThreadMessageFormatter.NewContext(new Sample("a", 1, "c")); // while lent: a validation inside a rule
        var other = new ValidationContext<Sample>(new Sample("a", 1, "c"));
        ThreadMessageFormatter.Return(nested);
        ThreadMessageFormatter.Return(lent);
        var next = ThreadMessageFormatter.NewContext(new Sample("a", 1, "c"));

        Assert.Same(first.MessageFormatter, lent.MessageFormatter);
        Assert.NotSame(lent.MessageFormatter, nested.MessageFormatter);
        Assert.NotSame(lent.MessageFormatter, other.MessageFormatter);
        Assert.Same(lent.MessageFormatter, next.MessageFormatter);
    }

    [Fact]
    public void NewContext_HandsTheSpareOutCleared()
    {
        var used = ThreadMessageFormatter.NewContext(new Sample("a", 1, "c"));
        used.MessageFormatter.AppendArgument("MaxLength", 5);
        ThreadMessageFormatter.Return(used);

        Assert.Empty(ThreadMessageFormatter.NewContext(new Sample("a", 1, "c")).MessageFormatter.PlaceholderValues);
    }

    public sealed record Sample(string Name, int Count, string Code);

    private sealed class SampleValidator : AbstractValidator<Sample>
    {
        public SampleValidator()
        {
            RuleFor(s => s.Name).Length(2, 5);
            RuleFor(s => s.Count).GreaterThan(10).LessThan(100);
        }
    }
}
