namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>The SQL of rollout plans (rollout_plans); every value is a parameter.</summary>
internal static class RolloutPlanSql
{
    /// <summary>The unique index that admits one active plan per endpoint.</summary>
    public const string OneActiveIndex = "rollout_plans_one_active";

    private const string Columns = """
        id, endpoint, state, settings::text AS settings, current_step AS currentstep, step_started_at AS stepstartedat,
        created_at AS createdat, created_by AS createdby, ended_at AS endedat, end_reason AS endreason,
        last_evaluation::text AS lastevaluation
        """;

    public const string Insert = """
        INSERT INTO rollout_plans (endpoint, state, settings, current_step, step_started_at, created_at, created_by)
        VALUES (@Endpoint, 'active', @Settings::jsonb, 0, @Now, @Now, @Actor)
        RETURNING
        """ + " " + Columns;

    public const string ActiveIds = "SELECT id FROM rollout_plans WHERE state = 'active' ORDER BY id";

    // SKIP LOCKED: while one instance acts on a plan, the others pass it by instead of acting on it after.
    public const string LockActive = "SELECT " + Columns + " FROM rollout_plans WHERE id = @Id AND state = 'active' FOR UPDATE SKIP LOCKED";

    public const string Update = """
        UPDATE rollout_plans
        SET state = @State, current_step = @CurrentStep, step_started_at = @StepStartedAt, ended_at = @EndedAt,
            end_reason = @EndReason, last_evaluation = @LastEvaluation::jsonb
        WHERE id = @Id
        """;

    public const string Cancel = """
        UPDATE rollout_plans
        SET state = 'cancelled', ended_at = @Now, end_reason = @Reason
        WHERE endpoint = @Endpoint AND state = 'active'
        RETURNING
        """ + " " + Columns;

    public const string Latest = "SELECT " + Columns
        + " FROM rollout_plans WHERE endpoint = @Endpoint ORDER BY (state = 'active') DESC, id DESC LIMIT 1";

    public const string List = "SELECT " + Columns + " FROM rollout_plans ORDER BY id DESC LIMIT @Limit";
}
