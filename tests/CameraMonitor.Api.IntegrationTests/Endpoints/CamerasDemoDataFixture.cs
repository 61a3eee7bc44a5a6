using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Infrastructure.Persistence.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>The demo data set (thousands of random detections and violations; rollups rebuilt), not the small seed.</summary>
public sealed class CamerasDemoDataFixture : ApiFixture
{
    protected override Task SeedAsync() =>
        Factory.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
}
