using Dapper;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>SQL text built from constants plus the parameters that carry every request value.</summary>
public sealed record CommandText(string Sql, DynamicParameters Parameters);
