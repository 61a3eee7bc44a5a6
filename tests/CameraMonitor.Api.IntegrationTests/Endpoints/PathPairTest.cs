using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>
/// Write parity: each path gets its own freshly seeded database, so that generated ids depend only on the requests and
/// every row the two paths write can be compared, ids included.
/// </summary>
public abstract class PathPairTest<TFixture> : IAsyncLifetime
    where TFixture : ApiFixture, new()
{
    protected TFixture Domain { get; } = new();

    protected TFixture Legacy { get; } = new();

    public async Task InitializeAsync()
    {
        await Domain.InitializeAsync();
        await Legacy.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Domain.DisposeAsync();
        await Legacy.DisposeAsync();
    }
}
