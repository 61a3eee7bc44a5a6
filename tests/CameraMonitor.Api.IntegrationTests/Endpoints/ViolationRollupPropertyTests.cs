using System.Net;
using CameraMonitor.Api.IntegrationTests.Statistics;
using CameraMonitor.Domain.Violations;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>
/// Property: whatever sequence of status changes goes through the API, on either path, the incrementally
/// kept violation rollups equal a full recount, and every forbidden change is refused without a trace.
/// </summary>
public sealed class ViolationRollupPropertyTests(StatisticsApiFixture api) : IClassFixture<StatisticsApiFixture>
{
    private const int ViolationCount = 17;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomStatusChanges_OnBothPaths_KeepTheRollupsEqualToARecount(int seed)
    {
        var random = new Random(seed);
        var statuses = Enum.GetValues<ViolationStatus>();
        var applied = 0;
        for (var step = 0; step < 40; step++)
        {
            var id = random.Next(1, ViolationCount + 1);
            var forceDomain = random.Next(2) == 0;
            var current = ViolationStatusNames.Parse(await api.Client.ViolationStatusAsync(id));
            var to = statuses[random.Next(statuses.Length)];

            using var response = await api.Client.PutAsync(
                $"/api/v1/records/violations/{id}/status?status={to.ToName()}&handled_by=p{seed}&force_domain={forceDomain}",
                null);

            var expected = ViolationTransitions.IsAllowed(current, to) ? HttpStatusCode.OK : HttpStatusCode.BadRequest;
            Assert.True(expected == response.StatusCode,
                $"step {step}: {current.ToName()} → {to.ToName()} on violation {id} answered {(int)response.StatusCode}");
            applied += expected == HttpStatusCode.OK && current != to ? 1 : 0;
        }

        Assert.True(applied > 5, $"only {applied} real moves: the property was barely exercised");
        await api.AssertViolationRollupsEqualRecountAsync();
    }
}
