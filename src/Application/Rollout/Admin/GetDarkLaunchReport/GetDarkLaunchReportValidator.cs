using CameraMonitor.Application.Rollout.Evidence;

namespace CameraMonitor.Application.Rollout.Admin.GetDarkLaunchReport;

public sealed class GetDarkLaunchReportValidator : EvidenceWindowValidator<GetDarkLaunchReportQuery>;
