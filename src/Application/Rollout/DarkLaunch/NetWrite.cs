using System.Text.Json.Nodes;

namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>The net effect of a transaction on one row: inserted, updated or deleted, with its last image.</summary>
public sealed record NetWrite(string Table, string Operation, JsonObject Row);
