using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Domain.Alerts;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Detections;
using MediatR;

namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

/// <summary>
/// Domain path: builds the records (their invariants checked), stores them through the repository, and
/// lets each alert rule judge the ingested cameras. Runs in the pipeline's transaction, so any failure
/// leaves nothing behind; the Idempotency-Key is handled around it (CommandTransaction).
/// </summary>
public sealed class IngestDetectionRecordsHandler(
    IDetectionRecordRepository records,
    ICameraRepository cameras,
    IAlertRuleRepository rules,
    IAlertRepository alerts,
    TimeProvider clock) : IRequestHandler<IngestDetectionRecordsCommand, IngestDetectionRecordsResponse>
{
    public async Task<IngestDetectionRecordsResponse> Handle(IngestDetectionRecordsCommand request,
        CancellationToken cancellationToken)
    {
        var now = clock.UtcNowForStorage();
        await EnsureCamerasExistAsync(request.Items, cancellationToken);
        var batch = request.Items.Select(ToDomain).ToList();
        var ids = await records.AddRangeAsync(batch, cancellationToken);
        await RaiseAlertsAsync(batch, now, cancellationToken);

        return new IngestDetectionRecordsResponse(true, ids);
    }

    private async Task EnsureCamerasExistAsync(IReadOnlyList<DetectionRecordInput> items,
        CancellationToken cancellationToken)
    {
        var unknown = await cameras.FindMissingAsync(IngestErrors.CameraIds(items).Select(CameraId.From).ToList(),
            cancellationToken);
        if (unknown.Count > 0)
        {
            throw IngestErrors.UnknownCameras(items, unknown);
        }
    }

    /// <summary>
    /// Per camera, each rule that watches it counts the violations in the window ending at the camera's newest
    /// record, and judges its count. A rule alerts at most once per camera and window, so a window that already holds
    /// its alert is not counted again (the alert could not be stored): on a busy site most rules have fired early in
    /// their window. One round trip finds those, one counts every other window of the batch, one stores the alerts.
    /// </summary>
    private async Task RaiseAlertsAsync(IReadOnlyList<DetectionRecord> batch, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var enabledRules = await rules.ListAsync(enabled: true, cancellationToken);
        var checks = batch.GroupBy(r => r.CameraId)
            .Select(g => (Camera: g.Key, Newest: g.Max(r => r.DetectedAt)))
            .OrderBy(c => c.Camera.Value, StringComparer.Ordinal)
            .SelectMany(c => enabledRules.Where(r => r.WatchesIngestOf(c.Camera)).OrderBy(r => r.Id)
                .Select(rule => (c.Camera, c.Newest, Rule: rule, Window: new AlertWindow(rule.Id, c.Camera, rule.WindowStartFor(c.Newest)))))
            .ToList();
        var alerted = await alerts.AlertedAsync(checks.Select(c => c.Window).ToList(), cancellationToken);
        var open = checks.Where(c => !alerted.Contains(c.Window)).ToList();
        var counts = await records.CountViolationsAsync(
            open.Select(c => new ViolationWindow(c.Camera, c.Rule.ViolationType, c.Newest - c.Rule.Window, c.Newest)).ToList(),
            cancellationToken);
        var raised = open
            .Select((check, i) => check.Rule.Evaluate(check.Camera, counts[i], check.Newest, now))
            .OfType<Alert>()
            .ToList();
        await alerts.AddIfNewInWindowAsync(raised, cancellationToken);
    }

    /// <summary>
    /// The validator has run; a rule the model still refuses is reported with the item's index. Field names are only
    /// spelled out for such a failure: a valid batch builds no strings for them.
    /// </summary>
    private static DetectionRecord ToDomain(DetectionRecordInput item, int index)
    {
        try
        {
            return DetectionRecord.Record(
                CameraId.From(item.CameraId),
                // Window arithmetic must see the value that will be stored.
                new DateTimeOffset(item.DetectedAt!.Value.ToUniversalTime().ToStoragePrecision()),
                item.PersonCount,
                item.ObjectList.Select((o, i) => Nested(index, "objects", i,
                    () => DetectedObject.Create(o.Class, o.Confidence, o.Bbox))).ToList(),
                item.ProcessingMs,
                item.ViolationList.Select((v, i) => Nested(index, "violations", i,
                    () => DetectedViolation.Create(v.ViolationType, v.Confidence, v.SnapshotPath))).ToList());
        }
        catch (DomainException broken)
        {
            throw RequestValidationException.ForField($"items[{index}].{broken.Field}", broken.Message);
        }
    }

    private static T Nested<T>(int item, string list, int index, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (DomainException broken)
        {
            throw RequestValidationException.ForField($"items[{item}].{list}[{index}].{broken.Field}", broken.Message);
        }
    }
}
