using CameraMonitor.Application.Common.Behaviors;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Common.Validation;
using CameraMonitor.Application.Detections.IngestDetectionRecords;
using CameraMonitor.Application.Statistics.Summary;
using FluentValidation;

namespace CameraMonitor.Application.UnitTests.Common;

public sealed class ValidatedQueryValuesTests
{
    [Fact]
    public void For_ARecordQueryOfPlainValuesWithDependencyFreeValidators_RemembersPasses() =>
        Assert.NotNull(ValidatedQueryValues<GetStatisticsSummaryQuery>.For([new GetStatisticsSummaryValidator()]));

    [Fact]
    public void For_ACommand_RemembersNothing() =>
        Assert.Null(ValidatedQueryValues<IngestDetectionRecordsCommand>.For([new IngestDetectionRecordsValidator()]));

    [Fact]
    public void For_AQueryWithAListField_RemembersNothing() =>
        Assert.Null(ValidatedQueryValues<ListQuery>.For([]));

    [Fact]
    public void For_AQueryThatIsNotARecord_RemembersNothing() =>
        Assert.Null(ValidatedQueryValues<ClassQuery>.For([]));

    [Fact]
    public void For_AValidatorWithAConstructorDependency_RemembersNothing() =>
        Assert.Null(ValidatedQueryValues<PlainQuery>.For([new ValidatorWithDependency(TimeProvider.System)]));

    [Fact]
    public void RememberPassed_BeyondTheCapacity_KeepsTheFirstValuesOnly()
    {
        var passed = ValidatedQueryValues<PlainQuery>.For([new CountingValidator()])!;

        for (var i = 0; i < ValidatedQueryValues<PlainQuery>.Capacity + 10; i++)
        {
            passed.RememberPassed(new PlainQuery($"name-{i}", i));
        }

        Assert.Equal(ValidatedQueryValues<PlainQuery>.Capacity, passed.Count);
        Assert.True(passed.Passed(new PlainQuery("name-0", 0)));
        Assert.False(passed.Passed(new PlainQuery($"name-{ValidatedQueryValues<PlainQuery>.Capacity}", ValidatedQueryValues<PlainQuery>.Capacity)));
    }

    [Fact]
    public async Task Handle_TheSameQueryValueTwice_ValidatesItOnce()
    {
        var validator = new CountingValidator();
        var behavior = new ValidationBehavior<PlainQuery, int>([validator]);

        await behavior.Handle(new PlainQuery("a", 1), CancellationToken.None, () => Task.FromResult(1));
        await behavior.Handle(new PlainQuery("a", 1), CancellationToken.None, () => Task.FromResult(1));
        await behavior.Handle(new PlainQuery("b", 1), CancellationToken.None, () => Task.FromResult(1));

        Assert.Equal(2, validator.Validations);
    }

    [Fact]
    public async Task Handle_AnInvalidQueryValue_IsValidatedAndRefusedEveryTime()
    {
        var validator = new CountingValidator();
        var behavior = new ValidationBehavior<PlainQuery, int>([validator]);

        for (var i = 0; i < 2; i++)
        {
            var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
                behavior.Handle(new PlainQuery("a", -1), CancellationToken.None, () => Task.FromResult(1)));
            Assert.Contains("count", refused.Errors.Keys);
        }

        Assert.Equal(2, validator.Validations);
    }

    [Fact]
    public async Task Handle_AnUnstorableQueryValue_IsRefusedEveryTime()
    {
        var behavior = new ValidationBehavior<PlainQuery, int>([new CountingValidator()]);

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<RequestValidationException>(() =>
                behavior.Handle(new PlainQuery("a\0b", 1), CancellationToken.None, () => Task.FromResult(1)));
        }
    }

    [Fact]
    public async Task Handle_WhenAValidatorHasAnAsyncRule_ValidatesEveryTime()
    {
        var validator = new AsyncCountingValidator();
        var behavior = new ValidationBehavior<PlainQuery, int>([validator]);

        for (var i = 0; i < 3; i++)
        {
            await behavior.Handle(new PlainQuery("a", 1), CancellationToken.None, () => Task.FromResult(1));
        }

        Assert.Equal(3, validator.Validations);
    }

    public sealed record PlainQuery(string? Name, int Count) : IQuery<int>;

    public sealed record ListQuery(IReadOnlyList<string> Names) : IQuery<int>;

    public sealed class ClassQuery : IQuery<int>;

    private sealed class CountingValidator : AbstractValidator<PlainQuery>
    {
        public CountingValidator() => RuleFor(q => q.Count).Must(count =>
        {
            Validations++;
            return count >= 0;
        });

        public int Validations { get; private set; }
    }

    private sealed class AsyncCountingValidator : AbstractValidator<PlainQuery>
    {
        public AsyncCountingValidator() => RuleFor(q => q.Count).MustAsync(async (count, _) =>
        {
            await Task.Yield();
            Validations++;
            return count >= 0;
        });

        public int Validations { get; private set; }
    }

    private sealed class ValidatorWithDependency : AbstractValidator<PlainQuery>
    {
        public ValidatorWithDependency(TimeProvider clock) =>
            RuleFor(q => q.Count).Must(_ => clock.GetUtcNow().Year > 2000);
    }
}
