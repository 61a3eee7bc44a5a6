using CameraMonitor.Application.Common.Behaviors;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Detections.IngestDetectionRecords;
using FluentValidation;

namespace CameraMonitor.Application.UnitTests.Common;

public sealed class ValidationBehaviorTests
{
    private static readonly IngestDetectionRecordsCommand Command = new(
        [new DetectionRecordInput("cam0", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), PersonCount: -1)], null);

    [Fact]
    public async Task Handle_WhenTheValidatorIsSynchronous_ReportsItsFailuresByWireName()
    {
        var behavior = new ValidationBehavior<IngestDetectionRecordsCommand, int>([new IngestDetectionRecordsValidator()]);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            behavior.Handle(Command, CancellationToken.None, () => Task.FromResult(1)));

        Assert.Contains("items[0].person_count", refused.Errors.Keys);
    }

    [Fact]
    public async Task Handle_WhenAValidatorHasAnAsyncRule_RunsItAsynchronouslyAndReportsItsFailure()
    {
        var behavior = new ValidationBehavior<IngestDetectionRecordsCommand, int>([new AsyncRuleValidator()]);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            behavior.Handle(Command, CancellationToken.None, () => Task.FromResult(1)));

        Assert.Equal(["checked asynchronously"], refused.Errors["items"]);
    }

    private sealed class AsyncRuleValidator : AbstractValidator<IngestDetectionRecordsCommand>
    {
        public AsyncRuleValidator() =>
            RuleFor(c => c.Items).MustAsync(async (_, ct) =>
            {
                await Task.Yield();
                return false;
            }).WithMessage("checked asynchronously");
    }
}
