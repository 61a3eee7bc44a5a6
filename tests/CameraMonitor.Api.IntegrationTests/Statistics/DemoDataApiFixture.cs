using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Infrastructure.Persistence.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Statistics;

/// <summary>The API over the demo data (thousands of pseudo-random rows, fixed seed, fixed clock), rollups rebuilt.</summary>
public sealed class DemoDataApiFixture : ApiFixture
{
    protected override Task SeedAsync() =>
        Factory.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
}
