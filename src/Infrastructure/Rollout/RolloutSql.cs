namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>The SQL of the rollout control plane; every value is a parameter.</summary>
internal static class RolloutSql
{
    /// <summary>The LISTEN/NOTIFY channel a committed change is announced on (payload: endpoint name).</summary>
    public const string Channel = "rollout_changed";

    public const string LoadOverrides = "SELECT endpoint, settings::text AS settings FROM rollout_overrides";

    // Serialises concurrent changes of one endpoint (the row may not exist yet, so FOR UPDATE is not enough).
    public const string LockEndpoint = "SELECT pg_advisory_xact_lock(hashtext('rollout_overrides:' || @Endpoint))";

    public const string SelectOverride = "SELECT settings::text FROM rollout_overrides WHERE endpoint = @Endpoint";

    public const string UpsertOverride = """
        INSERT INTO rollout_overrides (endpoint, settings, updated_at, updated_by)
        VALUES (@Endpoint, @Settings::jsonb, @ChangedAt, @Actor)
        ON CONFLICT (endpoint) DO UPDATE
            SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
        """;

    public const string DeleteOverride = "DELETE FROM rollout_overrides WHERE endpoint = @Endpoint";

    public const string InsertAudit = """
        INSERT INTO rollout_audit (endpoint, changed_at, changed_by, old_value, new_value, reason)
        VALUES (@Endpoint, @ChangedAt, @Actor, @Old::jsonb, @New::jsonb, @Reason)
        """;

    public const string Notify = "SELECT pg_notify('" + Channel + "', @Endpoint)";

    public const string SelectAudit = """
        SELECT id, endpoint, changed_at AS changedat, changed_by AS changedby, old_value::text AS oldvalue,
               new_value::text AS newvalue, reason
        FROM rollout_audit
        ORDER BY id DESC
        LIMIT @Limit
        """;

    public const string InsertParityDiff = """
        INSERT INTO rollout_parity_diffs (endpoint, observed_at, path, domain_value, legacy_value)
        VALUES (@Endpoint, @ObservedAt, @Path, @DomainValue::jsonb, @LegacyValue::jsonb)
        """;

    // Keeps the newest @Keep rows of the endpoint: the table stays bounded however long parity runs.
    public const string TrimParityDiffs = """
        DELETE FROM rollout_parity_diffs
        WHERE endpoint = @Endpoint
          AND id <= (SELECT id FROM rollout_parity_diffs WHERE endpoint = @Endpoint ORDER BY id DESC OFFSET @Keep LIMIT 1)
        """;

    public const string SelectParityDiffs = """
        SELECT path, domain_value::text AS domainvalue, legacy_value::text AS legacyvalue, observed_at AS observedat
        FROM rollout_parity_diffs
        WHERE endpoint = @Endpoint
        ORDER BY id DESC
        LIMIT @Limit
        """;
}
