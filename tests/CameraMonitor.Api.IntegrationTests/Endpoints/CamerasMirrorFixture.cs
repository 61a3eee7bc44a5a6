using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Application.Cameras;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>The seed cameras, mirrored: seeding bypasses the API, so the file is rewritten once afterwards.</summary>
public sealed class CamerasMirrorFixture : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ICameraMirror>().RewriteAsync(CancellationToken.None);
    }
}
