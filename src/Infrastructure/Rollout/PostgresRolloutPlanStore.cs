using System.Globalization;
using System.Text.Json;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;
using Dapper;
using Npgsql;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// Rollout plans in rollout_plans. A plan's row, the percentage it sets (through the override store: audit row
/// and NOTIFY included), its verdict history and its verb audit change in one transaction, so a plan never claims a
/// step the endpoint is not at.
/// </summary>
public sealed class PostgresRolloutPlanStore(NpgsqlDataSource dataSource, PostgresRolloutOverrideStore overrides, TimeProvider clock)
    : IRolloutPlanStore
{
    public async Task<RolloutPlan> StartAsync(string endpoint, RolloutPlanSettings settings, string actor, string? reason,
        string? webhookUrl, string? webhookSecret, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        PlanRow row;
        try
        {
            row = await connection.QuerySingleAsync<PlanRow>(new CommandDefinition(RolloutPlanSql.Insert,
                new
                {
                    Endpoint = endpoint,
                    Settings = JsonSerializer.Serialize(settings, RolloutJson.Options),
                    Now = now,
                    Actor = actor,
                    WebhookUrl = webhookUrl,
                    WebhookSecret = webhookSecret,
                },
                transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: RolloutPlanSql.OneActiveIndex })
        {
            throw new ConflictException($"endpoint '{endpoint}' already has an open rollout plan; cancel or abort it first.");
        }

        var plan = row.ToPlan();
        if (!settings.DryRun)
        {
            await SetPercentageAsync(transaction, plan, plan.CurrentPercentage, actor,
                Invariant($"rollout plan #{plan.Id} started at {plan.CurrentPercentage} %") + (reason is null ? "" : $": {reason}"),
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return plan;
    }

    public Task<IReadOnlyList<long>> ActiveIdsAsync(CancellationToken cancellationToken) => IdsAsync(RolloutPlanSql.ActiveIds, cancellationToken);

    public async Task<RolloutPlan?> TryUpdateAsync(long id, Func<RolloutPlan, Task<PlanUpdate>> evaluate, string actor,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(RolloutPlanSql.LockActive,
            new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var before = row.ToPlan();
        var (plan, percentage) = await evaluate(before);
        await StoreAsync(transaction, plan, percentage, actor, Invariant($"rollout plan #{plan.Id}: {plan.LastEvaluation?.Reason}"), cancellationToken);
        if (plan.LastEvaluation is { } evaluation && evaluation.IsNotableAfter(before.LastEvaluation))
        {
            await connection.ExecuteAsync(new CommandDefinition(RolloutPlanSql.InsertVerdict,
                new { PlanId = plan.Id, Evaluation = JsonSerializer.Serialize(evaluation, RolloutJson.Options) }, transaction,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(RolloutPlanSql.TrimVerdicts, new { PlanId = plan.Id, Keep = RolloutPlanSql.Kept },
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return plan;
    }

    public async Task<RolloutPlan?> ApplyAsync(string endpoint, string verb, Func<RolloutPlan, PlanUpdate> apply, string actor,
        string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(RolloutPlanSql.LockOpen,
            new { Endpoint = endpoint }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var before = row.ToPlan();
        var (plan, percentage) = apply(before);
        await StoreAsync(transaction, plan, percentage, actor,
            Invariant($"rollout plan #{plan.Id}: {verb} by {actor}") + (reason is null ? "" : $": {reason}"), cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RolloutPlanSql.InsertAudit, new
        {
            PlanId = plan.Id,
            ChangedAt = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Verb = verb,
            Old = JsonSerializer.Serialize(PlanPosition.Of(before), RolloutJson.Options),
            New = JsonSerializer.Serialize(PlanPosition.Of(plan), RolloutJson.Options),
            Reason = reason,
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return plan;
    }

    public async Task<RolloutPlan?> LatestAsync(string endpoint, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(RolloutPlanSql.Latest,
            new { Endpoint = endpoint }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var key = new { PlanId = row.Id, Keep = RolloutPlanSql.Kept };
        var verdicts = await connection.QueryAsync<string>(new CommandDefinition(RolloutPlanSql.SelectVerdicts, key, cancellationToken: cancellationToken));
        var audit = await connection.QueryAsync<AuditRow>(new CommandDefinition(RolloutPlanSql.SelectAudit, key, cancellationToken: cancellationToken));
        var deliveries = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(RolloutPlanSql.SelectDeliveries, key, cancellationToken: cancellationToken));
        return row.ToPlan() with
        {
            History = verdicts.Select(v => JsonSerializer.Deserialize<PlanEvaluation>(v, RolloutJson.Options)!).ToList(),
            Audit = audit.Select(a => a.ToEntry()).ToList(),
            Webhooks = deliveries.Select(d => d.ToDelivery()).ToList(),
        };
    }

    public async Task<IReadOnlyList<RolloutPlan>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PlanRow>(new CommandDefinition(RolloutPlanSql.List, new { Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPlan()).ToList();
    }

    public async Task RecordDeliveryAsync(long planId, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RolloutPlanSql.InsertDelivery, new
        {
            PlanId = planId,
            delivery.EventId,
            delivery.Event,
            delivery.Url,
            delivery.AttemptedAt,
            delivery.Attempts,
            delivery.Delivered,
            delivery.StatusCode,
            delivery.Error,
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(RolloutPlanSql.TrimDeliveries, new { PlanId = planId, Keep = RolloutPlanSql.Kept },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<long>> IdsAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken))).ToList();
    }

    private async Task StoreAsync(NpgsqlTransaction transaction, RolloutPlan plan, double? percentage, string actor, string reason,
        CancellationToken cancellationToken)
    {
        if (percentage is { } value)
        {
            await SetPercentageAsync(transaction, plan, value, actor, reason, cancellationToken);
        }

        await transaction.Connection!.ExecuteAsync(new CommandDefinition(RolloutPlanSql.Update, new
        {
            plan.Id,
            plan.State,
            CurrentStep = plan.CurrentStepIndex,
            plan.StepStartedAt,
            plan.EndedAt,
            plan.EndReason,
            LastEvaluation = plan.LastEvaluation is null ? null : JsonSerializer.Serialize(plan.LastEvaluation, RolloutJson.Options),
            plan.ConsecutiveFailures,
            plan.PausedReason,
        }, transaction, cancellationToken: cancellationToken));
    }

    private Task SetPercentageAsync(NpgsqlTransaction transaction, RolloutPlan plan, double percentage, string actor,
        string reason, CancellationToken cancellationToken) =>
        overrides.ChangeAsync(transaction, plan.Endpoint, old => (old ?? new()).With(new RolloutOverride(Percentage: percentage)),
            actor, reason, cancellationToken);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private sealed record PlanRow(long Id, string Endpoint, string State, string Settings, int CurrentStep,
        DateTime StepStartedAt, DateTime CreatedAt, string CreatedBy, DateTime? EndedAt, string? EndReason, string? LastEvaluation,
        int ConsecutiveFailures, string? PausedReason, string? WebhookUrl, string? WebhookSecret)
    {
        public RolloutPlan ToPlan() => new(Id, Endpoint, State,
            JsonSerializer.Deserialize<RolloutPlanSettings>(Settings, RolloutJson.Options)!, CurrentStep, Utc(StepStartedAt),
            Utc(CreatedAt), CreatedBy, EndedAt is { } ended ? Utc(ended) : null, EndReason,
            LastEvaluation is null ? null : JsonSerializer.Deserialize<PlanEvaluation>(LastEvaluation, RolloutJson.Options),
            ConsecutiveFailures, PausedReason, WebhookUrl)
        {
            WebhookSecret = WebhookSecret,
        };
    }

    private sealed record AuditRow(DateTime ChangedAt, string ChangedBy, string Verb, string OldValue, string NewValue, string? Reason)
    {
        public PlanAuditEntry ToEntry() => new(Utc(ChangedAt), ChangedBy, Verb,
            JsonSerializer.Deserialize<PlanPosition>(OldValue, RolloutJson.Options)!,
            JsonSerializer.Deserialize<PlanPosition>(NewValue, RolloutJson.Options)!, Reason);
    }

    private sealed record DeliveryRow(Guid EventId, string Event, string Url, DateTime AttemptedAt, int Attempts, bool Delivered,
        int? StatusCode, string? Error)
    {
        public WebhookDelivery ToDelivery() => new(EventId, Event, Url, Utc(AttemptedAt), Attempts, Delivered, StatusCode, Error);
    }
}
