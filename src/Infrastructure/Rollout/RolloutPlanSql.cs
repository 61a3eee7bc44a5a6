namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>The SQL of rollout plans (rollout_plans and the tables of their report); every value is a parameter.</summary>
internal static class RolloutPlanSql
{
    /// <summary>The unique index that admits one open (active or paused) plan per endpoint.</summary>
    public const string OneActiveIndex = "rollout_plans_one_active";

    /// <summary>How many verdicts, verbs and webhook deliveries a plan keeps for its report.</summary>
    public const int Kept = 100;

    private const string Columns = """
        id, endpoint, state, settings::text AS settings, current_step AS currentstep, step_started_at AS stepstartedat,
        created_at AS createdat, created_by AS createdby, ended_at AS endedat, end_reason AS endreason,
        last_evaluation::text AS lastevaluation, consecutive_failures AS consecutivefailures, paused_reason AS pausedreason,
        webhook_url AS webhookurl, webhook_secret AS webhooksecret
        """;

    public const string Insert = """
        INSERT INTO rollout_plans (endpoint, state, settings, current_step, step_started_at, created_at, created_by, webhook_url, webhook_secret)
        VALUES (@Endpoint, 'active', @Settings::jsonb, 0, @Now, @Now, @Actor, @WebhookUrl, @WebhookSecret)
        RETURNING
        """ + " " + Columns;

    public const string ActiveIds = "SELECT id FROM rollout_plans WHERE state = 'active' ORDER BY id";

    // SKIP LOCKED: while one instance acts on a plan, the others pass it by instead of acting on it after.
    public const string LockActive = "SELECT " + Columns + " FROM rollout_plans WHERE id = @Id AND state = 'active' FOR UPDATE SKIP LOCKED";

    // An operator's verb waits for an evaluation in progress instead of skipping: it must not be lost.
    public const string LockOpen = "SELECT " + Columns + " FROM rollout_plans WHERE endpoint = @Endpoint AND state IN ('active', 'paused') FOR UPDATE";

    public const string Update = """
        UPDATE rollout_plans
        SET state = @State, current_step = @CurrentStep, step_started_at = @StepStartedAt, ended_at = @EndedAt,
            end_reason = @EndReason, last_evaluation = @LastEvaluation::jsonb, consecutive_failures = @ConsecutiveFailures,
            paused_reason = @PausedReason
        WHERE id = @Id
        """;

    public const string Latest = "SELECT " + Columns
        + " FROM rollout_plans WHERE endpoint = @Endpoint ORDER BY (state IN ('active', 'paused')) DESC, id DESC LIMIT 1";

    public const string List = "SELECT " + Columns + " FROM rollout_plans ORDER BY id DESC LIMIT @Limit";

    public const string InsertVerdict = "INSERT INTO rollout_plan_verdicts (plan_id, evaluation) VALUES (@PlanId, @Evaluation::jsonb)";

    public const string TrimVerdicts = """
        DELETE FROM rollout_plan_verdicts
        WHERE plan_id = @PlanId
          AND id <= (SELECT id FROM rollout_plan_verdicts WHERE plan_id = @PlanId ORDER BY id DESC OFFSET @Keep LIMIT 1)
        """;

    public const string SelectVerdicts = "SELECT evaluation::text FROM rollout_plan_verdicts WHERE plan_id = @PlanId ORDER BY id DESC LIMIT @Keep";

    public const string InsertAudit = """
        INSERT INTO rollout_plan_audit (plan_id, changed_at, changed_by, verb, old_value, new_value, reason)
        VALUES (@PlanId, @ChangedAt, @Actor, @Verb, @Old::jsonb, @New::jsonb, @Reason)
        """;

    public const string SelectAudit = """
        SELECT changed_at AS changedat, changed_by AS changedby, verb, old_value::text AS oldvalue, new_value::text AS newvalue, reason
        FROM rollout_plan_audit WHERE plan_id = @PlanId ORDER BY id DESC LIMIT @Keep
        """;

    public const string InsertDelivery = """
        INSERT INTO rollout_plan_webhook_deliveries (plan_id, event_id, event, url, attempted_at, attempts, delivered, status_code, error)
        VALUES (@PlanId, @EventId, @Event, @Url, @AttemptedAt, @Attempts, @Delivered, @StatusCode, @Error)
        """;

    public const string TrimDeliveries = """
        DELETE FROM rollout_plan_webhook_deliveries
        WHERE plan_id = @PlanId
          AND id <= (SELECT id FROM rollout_plan_webhook_deliveries WHERE plan_id = @PlanId ORDER BY id DESC OFFSET @Keep LIMIT 1)
        """;

    public const string SelectDeliveries = """
        SELECT event_id AS eventid, event, url, attempted_at AS attemptedat, attempts, delivered, status_code AS statuscode, error
        FROM rollout_plan_webhook_deliveries WHERE plan_id = @PlanId ORDER BY id DESC LIMIT @Keep
        """;
}
