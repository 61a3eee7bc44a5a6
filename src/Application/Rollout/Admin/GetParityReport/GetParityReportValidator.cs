using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.Rollout.Admin.GetParityReport;

public sealed class GetParityReportValidator : EvidenceWindowValidator<GetParityReportQuery>;
