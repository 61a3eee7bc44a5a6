using System.Text;
using CameraMonitor.Domain.Violations;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

/// <summary>
/// The SQL both violation paths read and write with, so the two agree on columns, filters, order and
/// the optimistic-concurrency check by construction.
/// </summary>
public static class ViolationRows
{
    /// <summary>Exactly the columns of <c>ViolationDto</c>, in its order (the legacy path maps straight to it).</summary>
    public const string DtoColumns = """
        id, camera_id, detection_id, violation_type, confidence, snapshot_path, status, detected_at,
        handled_at, handled_by, notes
        """;

    public const string SelectWithVersion = "SELECT " + DtoColumns + ", version FROM violations";

    public const string SelectDto = "SELECT " + DtoColumns + " FROM violations";

    /// <summary>Writes the review fields only if nobody changed the row since it was read at @Version.</summary>
    public const string UpdateReviewSql = """
        UPDATE violations
           SET status = @Status, handled_at = @HandledAt, handled_by = @HandledBy, notes = @Notes,
               version = version + 1
         WHERE id = @Id AND version = @Version
        """;

    public const string NewestFirst = " ORDER BY detected_at DESC, id DESC";

    /// <summary>" WHERE …" for the filters of <paramref name="search"/>, values as parameters.</summary>
    public static (string Where, DynamicParameters Parameters) Filter(ViolationSearch search)
    {
        var where = new StringBuilder(" WHERE true");
        var parameters = new DynamicParameters();
        if (search.From is { } from)
        {
            where.Append(" AND detected_at >= @From");
            parameters.Add("From", from.UtcDateTime);
        }

        if (search.To is { } to)
        {
            where.Append(" AND detected_at <= @To");
            parameters.Add("To", to.UtcDateTime);
        }

        if (search.CameraId is not null)
        {
            where.Append(" AND camera_id = @CameraId");
            parameters.Add("CameraId", search.CameraId);
        }

        if (search.ViolationType is not null)
        {
            where.Append(" AND violation_type = @ViolationType");
            parameters.Add("ViolationType", search.ViolationType);
        }

        if (search.Status is { } status)
        {
            where.Append(" AND status = @Status");
            parameters.Add("Status", status.ToName());
        }

        return (where.ToString(), parameters);
    }

    /// <summary>The page query (newest first) and the count query of one search.</summary>
    public static (CommandText Page, CommandText Count) Search(ViolationSearch search, string select)
    {
        var (where, parameters) = Filter(search);
        parameters.Add("Limit", search.Limit);
        parameters.Add("Offset", search.Offset);
        return (new CommandText(select + where + NewestFirst + " LIMIT @Limit OFFSET @Offset", parameters),
            new CommandText("SELECT count(*) FROM violations" + where, parameters));
    }
}
