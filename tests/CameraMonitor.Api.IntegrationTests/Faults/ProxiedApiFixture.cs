using CameraMonitor.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace CameraMonitor.Api.IntegrationTests.Faults;

/// <summary>The API reaching its database through a <see cref="CommitCuttingProxy"/>; the tests' own reads go direct.</summary>
public sealed class ProxiedApiFixture : ApiFixture
{
    public CommitCuttingProxy Proxy { get; private set; } = null!;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Proxy.DisposeAsync();
    }

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        var direct = new NpgsqlConnectionStringBuilder(ConnectionString);
        Proxy = new CommitCuttingProxy(direct.Host!, direct.Port);
        builder.UseSetting("ConnectionStrings:Postgres",
            new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Proxy.Port }.ConnectionString);
    }
}
