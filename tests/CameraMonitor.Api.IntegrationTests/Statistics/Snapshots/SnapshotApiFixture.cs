using CameraMonitor.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Api.IntegrationTests.Statistics.Snapshots;

/// <summary>
/// The statistics seed with snapshots switched on: summary and daily fresh for <see cref="FreshSeconds"/> s, served up to
/// <see cref="MaxAgeSeconds"/> s. Each test takes its own host (<see cref="CreateHost"/>): its own snapshot store and
/// its own clock, so no test sees another's snapshots or moves another's time.
/// </summary>
public sealed class SnapshotApiFixture : StatisticsApiFixture
{
    public const int FreshSeconds = 10;
    public const int MaxAgeSeconds = 60;

    /// <summary>Ten minutes into the hour of <see cref="ApiFixture.Now"/>: moving by minutes keeps every window where it is.</summary>
    public static readonly DateTimeOffset Start = Now.AddMinutes(10);

    public WebApplicationFactory<Program> CreateHost(FakeTimeProvider clock, Action<IServiceCollection>? configure = null) =>
        Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            configure?.Invoke(services);
        }));

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Snapshots:Enabled", "true");
        foreach (var query in new[] { "GetStatisticsSummary", "GetDailyStatistics" })
        {
            builder.UseSetting($"Snapshots:Queries:{query}:FreshSeconds", FreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"Snapshots:Queries:{query}:MaxAgeSeconds", MaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
