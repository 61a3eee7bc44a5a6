using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Statistics;

/// <summary>The API over the cameras of <see cref="SeedData"/> plus <see cref="StatisticsSeed"/>, rollups rebuilt.</summary>
public class StatisticsApiFixture : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await ExecuteAsync(StatisticsSeed.Sql);
    }
}
