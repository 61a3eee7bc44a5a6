using System.Globalization;
using System.Text.Json;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.Plans;
using CameraMonitor.Application.Rollout.Routing;
using Dapper;
using Npgsql;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// Rollout plans in rollout_plans. A plan's row and the percentage it sets (through the override store: audit row
/// and NOTIFY included) change in one transaction, so a plan never claims a step the endpoint is not at.
/// </summary>
public sealed class PostgresRolloutPlanStore(NpgsqlDataSource dataSource, PostgresRolloutOverrideStore overrides)
    : IRolloutPlanStore
{
    public async Task<RolloutPlan> StartAsync(string endpoint, RolloutPlanSettings settings, string actor, string? reason,
        DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        PlanRow row;
        try
        {
            row = await connection.QuerySingleAsync<PlanRow>(new CommandDefinition(RolloutPlanSql.Insert,
                new { Endpoint = endpoint, Settings = JsonSerializer.Serialize(settings, RolloutJson.Options), Now = now, Actor = actor },
                transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: RolloutPlanSql.OneActiveIndex })
        {
            throw new ConflictException($"endpoint '{endpoint}' already has an active rollout plan; cancel it first.");
        }

        var plan = row.ToPlan();
        await SetPercentageAsync(transaction, plan, plan.CurrentPercentage, actor,
            Invariant($"rollout plan #{plan.Id} started at {plan.CurrentPercentage} %") + (reason is null ? "" : $": {reason}"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return plan;
    }

    public async Task<IReadOnlyList<long>> ActiveIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(RolloutPlanSql.ActiveIds, cancellationToken: cancellationToken))).ToList();
    }

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

        var (plan, percentage) = await evaluate(row.ToPlan());
        if (percentage is { } value)
        {
            await SetPercentageAsync(transaction, plan, value, actor,
                Invariant($"rollout plan #{plan.Id}: {plan.LastEvaluation?.Reason}"), cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(RolloutPlanSql.Update, new
        {
            plan.Id,
            plan.State,
            CurrentStep = plan.CurrentStepIndex,
            plan.StepStartedAt,
            plan.EndedAt,
            plan.EndReason,
            LastEvaluation = plan.LastEvaluation is null ? null : JsonSerializer.Serialize(plan.LastEvaluation, RolloutJson.Options),
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return plan;
    }

    public async Task<RolloutPlan?> CancelAsync(string endpoint, string actor, string? reason, DateTime now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(RolloutPlanSql.Cancel,
            new { Endpoint = endpoint, Now = now, Reason = $"cancelled by {actor}" + (reason is null ? "" : $": {reason}") },
            cancellationToken: cancellationToken));
        return row?.ToPlan();
    }

    public async Task<RolloutPlan?> LatestAsync(string endpoint, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(RolloutPlanSql.Latest,
            new { Endpoint = endpoint }, cancellationToken: cancellationToken));
        return row?.ToPlan();
    }

    public async Task<IReadOnlyList<RolloutPlan>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PlanRow>(new CommandDefinition(RolloutPlanSql.List, new { Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPlan()).ToList();
    }

    private Task SetPercentageAsync(NpgsqlTransaction transaction, RolloutPlan plan, double percentage, string actor,
        string reason, CancellationToken cancellationToken) =>
        overrides.ChangeAsync(transaction, plan.Endpoint, old => (old ?? new()).With(new RolloutOverride(Percentage: percentage)),
            actor, reason, cancellationToken);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record PlanRow(long Id, string Endpoint, string State, string Settings, int CurrentStep,
        DateTime StepStartedAt, DateTime CreatedAt, string CreatedBy, DateTime? EndedAt, string? EndReason, string? LastEvaluation)
    {
        public RolloutPlan ToPlan() => new(Id, Endpoint, State,
            JsonSerializer.Deserialize<RolloutPlanSettings>(Settings, RolloutJson.Options)!, CurrentStep, Utc(StepStartedAt),
            Utc(CreatedAt), CreatedBy, EndedAt is { } ended ? Utc(ended) : null, EndReason,
            LastEvaluation is null ? null : JsonSerializer.Deserialize<PlanEvaluation>(LastEvaluation, RolloutJson.Options));

        private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }
}
