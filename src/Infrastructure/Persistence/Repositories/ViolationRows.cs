using System.Text;
using CameraMonitor.Domain.Violations;
using CameraMonitor.Infrastructure.Persistence.Statistics;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

/// <summary>
/// The SQL both violation paths read and write with, so the two agree on columns, filters, order and
/// the optimistic-concurrency check by construction.
/// </summary>
public static class ViolationRows
{
    /// <summary>
    /// Exactly the columns of <c>ViolationDto</c> and <c>ViolationRow</c>, in their order (the legacy path maps straight
    /// to the DTO), ending with the concurrency version.
    /// </summary>
    public const string DtoColumns = """
        id, camera_id, detection_id, violation_type, confidence, snapshot_path, status, detected_at,
        handled_at, handled_by, notes, version
        """;

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

    /// <summary>
    /// The count of <see cref="Search"/>'s filtered set from the violation rollups, with raw rows read only in the
    /// partial hours at a time range's edges (<see cref="RollupRange"/>): the same number, without the scan.
    /// </summary>
    public static CommandText CountFromRollups(ViolationSearch search)
    {
        var range = RollupRange.Between(search.From, search.To);
        var parameters = new DynamicParameters();
        var cells = new StringBuilder();
        Append(cells, parameters, "CameraId", "camera_id", search.CameraId);
        Append(cells, parameters, "ViolationType", "violation_type", search.ViolationType);
        Append(cells, parameters, "Status", "status", search.Status?.ToName());
        parameters.AddDynamicParams(range.Parameters());
        return new CommandText($"""
            SELECT (SELECT count(*) FROM violations
                     WHERE ((detected_at >= @RangeFrom AND detected_at < @HourFrom) OR (detected_at >= @HourTo AND detected_at <= @RangeTo)){cells})
                 + (SELECT coalesce(sum(violation_count), 0) FROM violation_hourly_rollups
                     WHERE ((hour >= @HourFrom AND hour < @DayFrom) OR (hour >= @DayTo AND hour < @HourTo)){cells})
                 + (SELECT coalesce(sum(violation_count), 0) FROM violation_daily_rollups
                     WHERE day >= @DayFrom AND day < @DayTo{cells})
            """, parameters);
    }

    private static void Append(StringBuilder where, DynamicParameters parameters, string name, string column, string? value)
    {
        if (value is not null)
        {
            where.Append($" AND {column} = @{name}");
            parameters.Add(name, value);
        }
    }

    /// <summary>
    /// The page query (newest first, after the keyset cursor when given) and the count query of one search;
    /// the count is of the whole filtered set, cursor or not.
    /// </summary>
    public static (CommandText Page, CommandText Count) Search(ViolationSearch search, string select)
    {
        var (where, parameters) = Filter(search);
        parameters.Add("Limit", search.Limit);
        parameters.Add("Offset", search.Offset);
        var keyset = "";
        if (search.After is { } after)
        {
            // The plain bound lets PostgreSQL prune newer daily partitions; it does not prune on a row comparison.
            keyset = " AND (detected_at, id) < (@AfterDetectedAt, @AfterId) AND detected_at <= @AfterDetectedAt";
            parameters.Add("AfterDetectedAt", after.DetectedAt.UtcDateTime);
            parameters.Add("AfterId", after.Id);
        }

        return (new CommandText(select + where + keyset + NewestFirst + " LIMIT @Limit OFFSET @Offset", parameters),
            new CommandText("SELECT count(*) FROM violations" + where, parameters));
    }
}
