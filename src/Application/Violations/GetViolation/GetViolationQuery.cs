using CameraMonitor.Application.Common.Messaging;

namespace CameraMonitor.Application.Violations.GetViolation;

/// <summary>GET /api/v1/records/violations/{violation_id}: one violation with its review fields.</summary>
public sealed record GetViolationQuery(string ViolationId) : IQuery<ViolationDto>;
